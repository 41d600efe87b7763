/**
 * `sitrep watch CONFIG`: polls the configured feeds until stopped (Ctrl-C or
 * SIGTERM finish the article in hand, save the state, and exit), or once
 * with `--once` — for cron, and for trying a configuration.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ConfigError, readWatchConfig } from '../pipeline/watch/config.ts';
import { defaultStatePath, loadWatchState, saveWatchState } from '../pipeline/watch/state-file.ts';
import { FeedWatcher, type WatchEvent } from '../pipeline/watch/watcher.ts';
import { deliverPendingAlerts } from '../pipeline/deliver-alerts.ts';
import type { CommandContext } from './analysis-commands.ts';

/** One line per poll (and, with --verbose, per article) on standard error. */
export function describeWatchEvent(event: WatchEvent, verbose: boolean): string | null {
  if (event.type === 'ingest') {
    if (!verbose && event.event.type !== 'failed') return null;
    switch (event.event.type) {
      case 'stored':
        return `  stored ${event.event.id.slice(0, 10)} ${event.event.title}`;
      case 'duplicate':
        return `  duplicate of ${event.event.id.slice(0, 10)}: ${event.event.source}`;
      case 'failed':
        return `  failed ${event.event.failure.source}: ${event.event.failure.message}`;
      default:
        return null;
    }
  }
  const next = `next poll ${event.nextPollAt.slice(0, 19).replace('T', ' ')}Z`;
  if (event.outcome === 'failed') return `${event.feed}: failed (${event.failures} in a row): ${event.error}; ${next}`;
  if (event.outcome === 'not-modified') return `${event.feed}: not modified; ${next}`;
  const s = event.summary;
  const counts = s ? `, stored ${s.stored}, duplicates ${s.duplicates}, failed ${s.failed}` : '';
  return `${event.feed}: ${event.items} items, ${event.newItems} new${counts}; ${next}`;
}

/** How often pending alerts are sent to the webhook while watching: half a minute keeps alerts timely at no cost. */
const DELIVERY_EVERY_MS = 30_000;

/** Delivers alerts beside the polls until stopped: a dead webhook never holds up a poll. */
async function deliveryLoop(store: Parameters<typeof deliverPendingAlerts>[0], url: string, signal: AbortSignal, log: (line: string) => void): Promise<void> {
  while (!signal.aborted) {
    try {
      const r = await deliverPendingAlerts(store, url);
      if (r.delivered + r.failed + r.givenUp > 0) log(`alerts: delivered ${r.delivered}, to retry ${r.failed}, given up ${r.givenUp}`);
    } catch (error) {
      log(`alerts: delivery pass failed: ${(error as Error).message}`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DELIVERY_EVERY_MS);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}

/**
 * Starts watching the feeds of `configPath` beside other work in this process
 * (`sitrep serve --watch`: with the embedded database, one process must do
 * both); returns what stops it.
 */
export async function startWatching(
  store: Parameters<typeof deliverPendingAlerts>[0],
  configPath: string,
  log: (line: string) => void,
  webhookUrl: string | null,
  usageError: (message: string) => Error,
): Promise<() => Promise<void>> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    throw usageError(`cannot read ${configPath}: ${(error as Error).message}`);
  }
  let config;
  try {
    config = readWatchConfig(text, configPath);
  } catch (error) {
    if (error instanceof ConfigError) throw usageError(error.message);
    throw error;
  }
  const statePath = defaultStatePath(configPath);
  const watcher = new FeedWatcher(store, config, await loadWatchState(statePath), {
    saveState: (s) => saveWatchState(statePath, s),
    onEvent: (event) => {
      const line = describeWatchEvent(event, false);
      if (line) log(line);
    },
  });
  const stop = new AbortController();
  const polling = watcher.run(stop.signal).catch((error: unknown) => log(`watch stopped: ${(error as Error).message}`));
  const delivering = webhookUrl ? deliveryLoop(store, webhookUrl, stop.signal, log) : null;
  log(`watching ${config.feeds.length} feed(s) from ${configPath}`);
  return async () => {
    stop.abort();
    await polling;
    await delivering;
  };
}

export function registerWatchCommands(program: Command, ctx: CommandContext, setExitCode: (code: number) => void, env: { webhookUrl: string | null }): void {
  program
    .command('watch')
    .description('poll the RSS/Atom feeds listed in a JSON config file and ingest what is new (see README, "Watching feeds")')
    .argument('<config>', 'JSON file: {"feeds": [{"url": …, "interval": "15m", "outlet": …, "language": …, "fetchArticles": false}], …}')
    .option('--once', 'poll every feed once, then exit')
    .option('--state <file>', 'where validators, backoff and seen items are kept (default: CONFIG.state.json)')
    .option('-v, --verbose', 'one line per stored article')
    .action(async (configPath: string, opts: { once?: boolean; state?: string; verbose?: boolean }) => {
      let text: string;
      try {
        text = await readFile(configPath, 'utf8');
      } catch (error) {
        throw ctx.usageError(`cannot read ${configPath}: ${(error as Error).message}`);
      }
      let config;
      try {
        config = readWatchConfig(text, configPath);
      } catch (error) {
        if (error instanceof ConfigError) throw ctx.usageError(error.message);
        throw error;
      }
      const statePath = opts.state ?? defaultStatePath(configPath);
      const state = await loadWatchState(statePath);
      await ctx.withStore(ctx.db(), async (store) => {
        let failedPolls = 0;
        const watcher = new FeedWatcher(store, config, state, {
          saveState: (s) => saveWatchState(statePath, s),
          onEvent: (event) => {
            if (event.type === 'poll' && event.outcome === 'failed') failedPolls++;
            const line = describeWatchEvent(event, opts.verbose === true);
            if (line) ctx.err(line);
          },
        });
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const delivering = env.webhookUrl && !opts.once ? deliveryLoop(store, env.webhookUrl, stop.signal, ctx.err) : null;
        try {
          if (opts.once) await watcher.pollAll(stop.signal);
          else {
            ctx.err(`watching ${config.feeds.length} feed(s); Ctrl-C to stop${env.webhookUrl ? '; alerts go to the webhook' : ''}`);
            await watcher.run(stop.signal);
          }
        } finally {
          stop.abort();
          await delivering;
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
        // Like ingest: a run in which some feed failed exits 2 (the others went in).
        if (opts.once && failedPolls > 0) setExitCode(2);
      });
    });
}
