/**
 * What the browser tests and `npm run screenshots` share: a PGlite store
 * seeded with the sample corpus (and, for the tests, one hostile article), the
 * real server on an ephemeral port, and Debian's Chromium driven by
 * playwright-core (no browser download).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../src/api/index.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { openStore, type Store } from '../src/store/index.ts';

export const SAMPLES = join(import.meta.dirname, '..', 'corpus', 'samples');
export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';

/**
 * An article built to break a careless renderer: markup and handlers in the
 * title, text, outlet and author, a javascript: URL, and bidi override
 * characters (U+202E … U+202C) that would reorder the text around them. Its
 * text also makes a control claim and names a place, so it reaches the map,
 * the claims board and the overview.
 */
export const HOSTILE = {
  title: '<script>window.__pwned=1</script>Hostile \u202Egnp.exe\u202C report <img src=x onerror="window.__pwned=5">',
  text:
    'Officials in Pokrovsk said on Monday that <img src=x onerror="window.__pwned=2"> the city was calm. ' +
    'Click <a href="javascript:window.__pwned=3">here</a> for more. ' +
    '\u202Eevil reversed text\u202C ends here. ' +
    'The Russian Defense Ministry claimed its forces captured Levadne, a claim not verified by an independent source.',
  url: 'javascript:window.__pwned=4',
  outlet: '<b onmouseover="window.__pwned=6">Evil\u202E Outlet</b>',
  author: '<svg onload="window.__pwned=7">',
  published: '2024-08-20',
};

export interface WebFixture {
  store: Store;
  server: RunningServer;
  browser: Browser;
  /** The server's address without a trailing slash: `${base}/api/...`, `${base}/#/...`. */
  base: string;
  close(): Promise<void>;
}

export async function startWebFixture(options: { hostile: boolean }): Promise<WebFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-web-'));
  const inputs = [SAMPLES];
  if (options.hostile) {
    const file = join(dir, 'hostile.jsonl');
    await writeFile(file, `${JSON.stringify(HOSTILE)}\n`);
    inputs.push(file);
  }
  const store = await openStore(join(dir, 'db'));
  const summary = await ingestPaths(store, inputs);
  if (summary.failed) throw new Error(`seeding failed: ${JSON.stringify(summary.failures)}`);
  const server = await startServer({ store, port: 0 });
  // --no-sandbox: the tests run as root in CI containers, where Chromium's sandbox cannot start
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    store,
    server,
    browser,
    base: server.url.replace(/\/$/, ''),
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await store.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
