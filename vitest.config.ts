import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
    // PGlite boots a WebAssembly PostgreSQL per test file (~1 s); the CLI tests
    // spawn a process per command (2–4 s each on an idle 2-core machine, and
    // several times that when it is shared), and some run eight commands. A
    // guard against hangs, not a measure of speed: 180 s.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
