#!/usr/bin/env node
// Runs the TypeScript sources through tsx: no build step between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not a user's mistake: show everything.
  console.error(error);
  process.exitCode = 70;
}
