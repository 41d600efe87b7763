/**
 * `npm run screenshots`: starts the app on the sample corpus (a fresh
 * PGlite store, the real server, Debian's Chromium) and saves
 * docs/screenshots/overview.png and docs/screenshots/map.png for the README.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startWebFixture } from '../test/web-fixture.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
// The README's screenshots: the desktop size the app is laid out for.
const VIEWPORT = { width: 1280, height: 800 };

const fx = await startWebFixture({ hostile: false });
try {
  await mkdir(OUT, { recursive: true });
  const context = await fx.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${fx.base}/#/`);
  await page.waitForSelector('main[data-rendered="overview"]');
  // let the map's outlines and circles draw before the picture is taken
  await page.waitForSelector('#overview-map path.leaflet-interactive', { timeout: 10_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'overview.png') });
  await page.evaluate(() => {
    location.hash = '#/map';
  });
  await page.waitForSelector('main[data-rendered="map"]');
  await page.waitForFunction(() => Number(document.querySelector('#map')?.getAttribute('data-places')) > 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'map.png') });
  await context.close();
  console.log(`saved ${join(OUT, 'overview.png')} and ${join(OUT, 'map.png')}`);
} finally {
  await fx.close();
}
