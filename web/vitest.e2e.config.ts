import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** End-to-end tests of the built page in Chromium: `npm run test:web` from the repository root. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
