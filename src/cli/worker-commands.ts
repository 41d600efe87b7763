/**
 * `sitrep worker`: processes ingest jobs from the queue in the PostgreSQL
 * database (any number of workers, on any number of machines); and the
 * `--enqueue` half of `sitrep ingest`, which fills it.
 */
import type { Command } from 'commander';
import { DEFAULT_BATCH, DEFAULT_JOB_TIMEOUT_SECONDS, enqueuePaths, openQueue, runWorker } from '../pipeline/queue.ts';
import type { CommandContext } from './analysis-commands.ts';
import { positive } from './attribution-commands.ts';

function requirePostgres(ctx: CommandContext, what: string): string {
  const location = ctx.db();
  if (!/^postgres(ql)?:\/\//.test(location)) {
    throw ctx.usageError(`${what} needs a PostgreSQL database (--db postgres://… or DATABASE_URL): the embedded one is opened by one process only`);
  }
  return location;
}

/** `sitrep ingest --enqueue`: reads the inputs, reports unreadable ones, and queues the rest for workers. */
export async function runEnqueue(ctx: CommandContext, paths: string[], opts: { jobTimeout?: number; json?: boolean; maxSize?: number }): Promise<number> {
  const location = requirePostgres(ctx, 'ingest --enqueue');
  // The store is opened first: it applies the migrations the workers rely on.
  return ctx.withStore(location, async () => {
    const boss = await openQueue(location, opts.jobTimeout);
    try {
      const summary = await enqueuePaths(boss, paths, {
        ...(opts.jobTimeout ? { jobTimeoutSeconds: opts.jobTimeout } : {}),
        ...(opts.maxSize !== undefined ? { maxBytes: opts.maxSize } : {}),
      });
      if (opts.json) ctx.out(JSON.stringify(summary, null, 2));
      else {
        for (const f of summary.failures) ctx.err(`failed ${f.source}: ${f.message}`);
        ctx.err(`${summary.files} files read; ${summary.enqueued} documents queued for workers, ${summary.failed} failed`);
      }
      return summary.failed > 0 ? 2 : 0;
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
}

export function registerWorkerCommands(program: Command, ctx: CommandContext): void {
  program
    .command('worker')
    .description('process queued articles (sitrep ingest --enqueue, sitrep watch --enqueue) from the PostgreSQL database; run as many as you like')
    .option('--batch <n>', 'jobs fetched at once', positive(ctx, '--batch'), DEFAULT_BATCH)
    .option('--drain', 'exit once the queue is empty')
    .option('--job-timeout <seconds>', 'a job active this long is taken to be a dead worker\'s and retried', positive(ctx, '--job-timeout'), DEFAULT_JOB_TIMEOUT_SECONDS)
    .option('-v, --verbose', 'one line per article')
    .action(async (opts: { batch: number; drain?: boolean; jobTimeout: number; verbose?: boolean }) => {
      const location = requirePostgres(ctx, 'worker');
      await ctx.withStore(location, async (store) => {
        const boss = await openQueue(location, opts.jobTimeout);
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          if (!opts.drain) ctx.err('worker: waiting for jobs; Ctrl-C to stop');
          const { processed } = await runWorker(store, boss, {
            batchSize: opts.batch,
            drain: opts.drain === true,
            signal: stop.signal,
            onEvent: (e) => {
              if (!opts.verbose) return;
              if (e.type === 'stored') ctx.err(`stored ${e.id.slice(0, 10)} ${e.title}`);
              else if (e.type === 'duplicate') ctx.err(`duplicate ${e.id.slice(0, 10)} ${e.source}`);
              else if (e.type === 'failed') ctx.err(`failed ${e.failure.source}: ${e.failure.message}`);
            },
          });
          ctx.err(`worker: ${processed} jobs processed`);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          // Graceful: the batch in hand finishes (or, on a second signal, the process dies and its jobs expire and are retried).
          await boss.stop({ graceful: true, wait: true });
        }
      });
    });
}
