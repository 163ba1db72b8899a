import { inject } from "vitest";

/**
 * The CLI bundle as dist/cli.js is built (tsup.config.ts), from the current sources: what the
 * subprocess tests run. tests/global-setup.ts builds it, JS only, into a cache folder.
 */
export const CLI_BIN = inject("cliBin");
