/**
 * `sitrep serve`: the HTTP API and the web app over the store, until
 * interrupted. Also used by `sitrep demo` (what `npm start` runs) once the
 * sample corpus is in.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, refuseToStart, ServeError, startServer } from '../api/index.ts';
import { openStore, type Store } from '../store/index.ts';
import type { Environment } from './env.ts';
import { startWatching } from './watch-commands.ts';

export interface ServeContext {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Environment;
  db: () => string;
  usageError: (message: string) => Error;
}

export interface ServeFlags {
  port: number;
  host: string;
  /** A `sitrep watch` configuration to poll in this process while serving. */
  watch?: string;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(`must be a port number 0–65535, got "${value}"`);
  return n;
}

export function addServeOptions(command: Command): Command {
  return command
    .option('--port <n>', 'port to listen on (0: any free one)', parsePort, DEFAULT_PORT)
    .option('--host <address>', 'address to bind; not a loopback address needs SITREP_TOKEN', DEFAULT_HOST)
    .option('--watch <config>', 'also poll the feeds of this `sitrep watch` config: new articles appear without a restart');
}

/**
 * Serves until SIGINT or SIGTERM; resolves once the server (and the store,
 * when it opened it: an `open` store given is the caller's to close) is closed.
 */
export async function serveUntilStopped(ctx: ServeContext, flags: ServeFlags, open?: Store): Promise<void> {
  // Said before the store is opened: a refusal should not wait for a database.
  const refusal = refuseToStart(flags.host, { token: ctx.env.token, writeToken: ctx.env.writeToken });
  if (refusal) throw ctx.usageError(refusal);
  const store = open ?? (await openStore(ctx.db()));
  const closeStore = () => (open ? Promise.resolve() : store.close());
  let running;
  try {
    running = await startServer({
      store,
      host: flags.host,
      port: flags.port,
      token: ctx.env.token,
      writeToken: ctx.env.writeToken,
      log: ctx.err,
    });
  } catch (error) {
    await closeStore();
    if (error instanceof ServeError) throw ctx.usageError(error.message);
    throw error;
  }
  const stopWatching = flags.watch ? await startWatching(store, flags.watch, ctx.err, ctx.env.webhookUrl, ctx.usageError) : null;
  const access = ctx.env.token || ctx.env.writeToken ? ' (token required: Authorization: Bearer …)' : '';
  ctx.out(`sitrep is serving the web app and the API at ${running.url}${access}`);
  ctx.err('API: /api/openapi.json · stop with Ctrl-C');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await stopWatching?.();
  await running.close();
  await closeStore();
  ctx.err('sitrep serve: stopped');
}

export function registerServeCommands(program: Command, ctx: ServeContext): void {
  addServeOptions(
    program.command('serve').description('serve the web app and the HTTP API over the store (default http://127.0.0.1:4173/)'),
  ).action(async (opts: ServeFlags) => {
    await serveUntilStopped(ctx, opts);
  });
}
