import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite boots a WebAssembly PostgreSQL per test file (~1 s); the CLI tests
    // spawn processes. 60 s leaves room for a slow shared CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
