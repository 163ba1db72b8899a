import { inject } from "vitest";

/**
 * The CLI as dist/cli.js is built (tsup.config.ts), from the current sources: what the
 * subprocess tests run. tests/global-setup.ts builds the ESM build that holds it, without
 * declarations, into a cache folder; its other files are dist/'s ESM files.
 */
export const CLI_BIN = inject("cliBin");
