// The root config runs src/ and test/ only; this one runs the evaluation
// scorers' own tests: `npx vitest run --config eval/lib/vitest.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { root: new URL('../..', import.meta.url).pathname, include: ['eval/**/*.test.ts'] } });
