/**
 * Progress of a long ingest on a terminal: files done, articles per second,
 * time left. In a pipe (or with --quiet) it draws nothing.
 */
import cliProgress from 'cli-progress';
import type { IngestEvent } from '../pipeline/ingest.ts';

export interface Progress {
  onEvent: (event: IngestEvent) => void;
  stop: () => void;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { onEvent: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {value}/{total} files | {articles} articles, {rate}/s | {failed} failed | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
      // Redraw at most 10 times a second: enough to look alive, cheap at thousands of articles/s.
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let articles = 0;
  let failed = 0;
  let running = false;
  const payload = () => ({
    articles,
    failed,
    rate: (articles / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1),
  });
  return {
    onEvent(event) {
      if (event.type === 'file') {
        if (!running) {
          bar.start(event.total, 0, payload());
          running = true;
        } else bar.increment(1, payload());
        return;
      }
      if (event.type === 'failed') failed++;
      else articles++;
      if (running) bar.update(payload());
    },
    stop() {
      if (running) {
        bar.increment(1, payload());
        bar.stop();
      }
    },
  };
}
