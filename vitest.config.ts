import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    // Forks (the default pool) without a fresh module graph per file: each worker imports src/,
    // zod and exceljs once instead of once per test file, which halved the suite's CPU time
    // (measured: 100 s → 45 s user+sys for the whole suite, the same 1195 tests passing).
    // No test mocks a module or changes a global it does not restore (spies are restored after
    // each test), so a file sees the same code whichever file ran before it in its worker.
    isolate: false,
  },
});
