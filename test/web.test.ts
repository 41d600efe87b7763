/**
 * The web app as a person uses it: real headless Chromium (Debian's, driven
 * by playwright-core) against the real server on an ephemeral port, over a
 * PGlite store holding the sample corpus and one hostile article.
 * Screenshots go to $SITREP_WEB_SHOTS or a temporary folder (printed).
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, type WebFixture } from './web-fixture.ts';

const SHOTS = process.env.SITREP_WEB_SHOTS ?? join(tmpdir(), 'sitrep-web-shots');

let fx: WebFixture;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];
const cspViolations: string[] = [];

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${fx.base}/api/${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Navigates by hash and waits until the router says the page has rendered. */
async function open(p: Page, hash: string, rendered: string): Promise<void> {
  if (!p.url().startsWith(fx.base)) await p.goto(`${fx.base}/${hash}`);
  else {
    await p.evaluate((h) => {
      location.hash = h;
    }, hash);
  }
  await p.waitForSelector(`main[data-rendered="${rendered}"]`, { timeout: 15_000 });
}

async function watch(p: Page): Promise<void> {
  p.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  p.on('pageerror', (e) => pageErrors.push(`${e.message} ${e.stack ?? ''}`));
  p.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startWebFixture({ hostile: true });
  context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await watch(page);
  console.log(`web test screenshots: ${SHOTS}`);
});

afterAll(async () => {
  await context?.close();
  await fx?.close();
});

interface ArticleSummary {
  id: string;
  title: string;
}

async function articleByTitle(start: string): Promise<ArticleSummary> {
  const list = await api<{ items: ArticleSummary[] }>('articles?limit=50');
  const found = list.items.find((a) => a.title.startsWith(start));
  if (!found) throw new Error(`no article titled "${start}…" among ${list.items.map((a) => a.title).join(' | ')}`);
  return found;
}

describe('web app', () => {
  it('keeps the safe-DOM rules: only http(s) links, bidi controls out, highlights by offsets, every character kept', async () => {
    await open(page, '#/search', 'search');
    // a string, so the test runner leaves its import() alone: the browser loads the app's own modules
    const found = (await page.evaluate(String.raw`(async () => {
      const dom = await import('/assets/dom.js');
      const reader = await import('/assets/pages/article.js');
      const text = 'Zelensky said "we hold 1,300 km2" on July 30.\n\nPokrovsk is calm.';
      const notes = [
        { start: 0, end: 8, kind: 'entity', type: 'person', key: 'person:volodymyr zelensky', label: 'Zelensky' },
        { start: 15, end: 32, kind: 'quote', label: 'quote' },
        { start: 23, end: 32, kind: 'figure', label: 'figure' },
        { start: 37, end: 44, kind: 'time', label: 'date' },
        { start: 47, end: 55, kind: 'entity', type: 'place', key: 'place:pokrovsk', label: 'Pokrovsk' },
      ];
      const { body, markEl } = reader.renderText(text, notes, { start: 9, end: 44 });
      let refused = false;
      try { dom.h('img', { onerror: 'x' }); } catch { refused = true; }
      return {
        urls: ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'https://example.org/a?b', 'http://x.test/', '/relative', null].map(dom.safeUrl),
        cleaned: dom.clean('a\u202Eb\u2066c\u2069d\u202Ce'),
        snippet: dom.highlighted('find Myrnohrad here', [{ start: 5, end: 14 }]).map((n) => (typeof n === 'string' ? n : '[' + n.textContent + ']')).join(''),
        paragraphs: [...body.querySelectorAll('p')].map((p) => p.textContent),
        marked: markEl ? markEl.textContent : null,
        links: [...body.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        figure: body.querySelector('.hl-figure') ? body.querySelector('.hl-figure').textContent : null,
        refused,
        jsHref: dom.h('a', { href: 'javascript:alert(1)' }, 'x').hasAttribute('href'),
      };
    })()`)) as {
      urls: Array<string | null>;
      cleaned: string;
      snippet: string;
      paragraphs: string[];
      marked: string | null;
      links: string[];
      figure: string | null;
      refused: boolean;
      jsHref: boolean;
    };
    expect(found.urls).toEqual([null, null, null, 'https://example.org/a?b', 'http://x.test/', null, null]);
    expect(found.cleaned).toBe('abcde');
    expect(found.snippet).toBe('find [Myrnohrad] here');
    expect(found.paragraphs).toEqual(['Zelensky said "we hold 1,300 km2" on July 30.', 'Pokrovsk is calm.']);
    expect(found.marked).toBe('said "we hold 1,300 km2" on July 30');
    expect(found.links).toEqual(['#/entity/person%3Avolodymyr%20zelensky', '#/entity/place%3Apokrovsk']);
    expect(found.figure).toBe('1,300 km2');
    expect(found.refused).toBe(true);
    expect(found.jsHref).toBe(false);
  });


  it('opens the overview with stories, events and a map; first render time is printed', async () => {
    // the server's share, measured apart (a warm-up first: the first report loads the store's caches)
    await api('overview');
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await api('overview');
      samples.push(performance.now() - started);
    }
    const apiMs = Math.round(samples.sort((x, y) => x - y)[1]!);
    await page.goto('about:blank');
    await page.goto(`${fx.base}/#/`);
    await page.waitForSelector('main[data-rendered="overview"]', { timeout: 15_000 });
    const timing = await page.evaluate(() => ({
      rendered: Math.round(performance.getEntriesByName('sitrep:rendered')[0]?.startTime ?? -1),
      router: Number(document.querySelector('main')?.dataset.renderMs),
    }));
    console.log(
      `overview first render: ${timing.rendered} ms after navigation start (${timing.router} ms from route to rendered page, ` +
        `the server's /api/overview alone: median ${apiMs} ms of 3)`,
    );
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Situation report');
    expect(await page.locator('h2', { hasText: 'Main stories' }).count()).toBe(1);
    expect(await page.locator('.cards .card').count()).toBeGreaterThan(0);
    // the small map draws country outlines (offline) and the places as circles
    await page.waitForSelector('#overview-map path.leaflet-interactive', { timeout: 10_000 });
    // the outlines are world-atlas countries served from node_modules: many non-interactive paths
    await page.waitForFunction(() => document.querySelectorAll('#overview-map path:not(.leaflet-interactive)').length > 100, null, { timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
  });

  it('follows a story to its articles and one of them into the reader', async () => {
    await open(page, '#/', 'overview');
    const first = page.locator('.cards .card h3 a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForSelector('main[data-rendered="story"]');
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.lede').textContent()).toMatch(/independent source/);
    const articles = page.locator('ul.articles > li > a');
    expect(await articles.count()).toBeGreaterThan(0);
    await articles.first().click();
    await page.waitForSelector('main[data-rendered="article"]');
    expect(await page.locator('.article-text p').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'story-article.png') });
  });

  it('reads an article with entities, dates, quotes and figures highlighted, and marks the sentence a fact came from', async () => {
    const a = await articleByTitle('Pokrovsk became');
    await open(page, `#/article/${a.id}`, 'article');
    const text = (await api<{ article: { text: string } }>(`articles/${a.id}`)).article.text;
    // an entity mention is a link to its page
    const zelensky = page.locator('a.hl-entity', { hasText: 'Volodymyr Zelensky' }).first();
    expect(await zelensky.getAttribute('href')).toMatch(/^#\/entity\/person/);
    expect(await page.locator('.hl-time').count()).toBeGreaterThan(0);
    expect(await page.locator('.hl-quote').count()).toBeGreaterThan(0);
    expect(await page.locator('.hl-figure').count()).toBeGreaterThan(0);
    // a quote in the side list opens the reader marking exactly its words
    const quoteLink = page.locator('aside.side a', { hasText: 'throwing everything they have' }).first();
    const href = (await quoteLink.getAttribute('href')) ?? '';
    const [, start, end] = /mark=(\d+)-(\d+)/.exec(href) ?? [];
    await quoteLink.click();
    await page.waitForSelector('mark.target');
    expect(await page.locator('mark.target').first().textContent()).toBe(text.slice(Number(start), Number(end)));
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('target');
    await page.screenshot({ path: join(SHOTS, 'article.png') });
    // the entity link leads to the entity page with its chart
    await zelensky.click();
    await page.waitForSelector('main[data-rendered="entity"]');
    expect(await page.locator('h1').textContent()).toMatch(/Zelensk/);
    expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(0);
  });

  it('finds the article about Myrnohrad by searching "Mirnograd"', async () => {
    await open(page, '#/search', 'search');
    await page.fill('#q', 'Mirnograd');
    await page.press('#q', 'Enter');
    await page.waitForSelector('main[data-rendered="search"] .results');
    const results = page.locator('.results .result');
    expect(await results.count()).toBeGreaterThan(0);
    const titles = await page.locator('.results .result h3').allTextContents();
    expect(titles.some((t) => t.includes('Pokrovsk in ruins'))).toBe(true);
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.facets h3').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'search.png') });
  });

  it('filters the map by time with the slider, and lists a place’s events and articles on click', async () => {
    await open(page, '#/map', 'map');
    const map = page.locator('#map');
    await page.waitForFunction(() => Number(document.querySelector('#map')?.getAttribute('data-places')) > 0);
    const atEnd = Number(await map.getAttribute('data-places'));
    const slider = page.locator('#slider');
    const [min, max] = [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
    expect(max).toBeGreaterThan(min);
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction((n) => Number(document.querySelector('#map')?.getAttribute('data-places')) < n, atEnd, { timeout: 10_000 });
    const atStart = Number(await map.getAttribute('data-places'));
    expect(atStart).toBeLessThan(atEnd);
    expect(await page.locator('#slider-date').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.keyboard.press('End');
    await page.waitForFunction((n) => Number(document.querySelector('#map')?.getAttribute('data-places')) === n, atEnd);
    // control claims layer: at least the hostile article's "captured Levadne"
    expect(Number(await map.getAttribute('data-claims'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'map.png') });
    // a place from the list opens its panel with events and articles
    await page.locator('#place-list button', { hasText: 'Pokrovsk' }).first().click();
    await page.waitForSelector('aside.panel h3:has-text("Articles")');
    expect(await page.locator('aside.panel li a[href^="#/article/"]').count()).toBeGreaterThan(0);
  });

  it('opens a figure series chart with its sources', async () => {
    await open(page, '#/figures', 'figures');
    const first = page.locator('section.series h2 a').first();
    await first.click();
    await page.waitForSelector('main[data-rendered="figures"] section.series.open');
    expect(await page.locator('section.series.open svg.chart').count()).toBe(1);
    expect(await page.locator('section.series.open tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('section.series.open tbody a[href*="mark="]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'figures.png') });
  });

  it('is usable by keyboard: skip link, the main navigation, a search typed and sent', async () => {
    // a fresh load: a hash change within the page would leave focus where it was
    await page.goto('about:blank');
    await page.goto(`${fx.base}/#/`);
    await page.waitForSelector('main[data-rendered="overview"]');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    // the skip link moves focus to the page's content and leaves the route alone
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    expect(page.url()).toBe(`${fx.base}/#/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement))).toBe(true);
    // back to the top, then along the main navigation
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    // tab to the Search link of the main navigation and follow it
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Search') break;
    }
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Search');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main[data-rendered="search"]');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
    await page.keyboard.type('Zelensky');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main[data-rendered="search"] .results');
    expect(await page.locator('.results .result').count()).toBeGreaterThan(0);
  });

  it('fits a phone width (375 px) without sideways scrolling', async () => {
    const phone = await fx.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await watch(p);
    try {
      for (const [hash, name] of [
        ['#/', 'overview'],
        ['#/map', 'map'],
        ['#/search?q=Pokrovsk', 'search'],
      ] as const) {
        await p.goto(`${fx.base}/${hash}`);
        await p.waitForSelector(`main[data-rendered="${name}"]`);
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        expect(width, hash).toBeLessThanOrEqual(375);
        await p.screenshot({ path: join(SHOTS, `phone-${name}.png`), fullPage: name !== 'map' });
      }
    } finally {
      await phone.close();
    }
  });

  it('renders the hostile article as text: no script, no handler, no javascript: link, no bidi override', async () => {
    const a = await articleByTitle('<script>');
    const visits: Array<[string, string]> = [
      [`#/article/${a.id}`, 'article'],
      ['#/search?q=Hostile', 'search'],
      ['#/', 'overview'],
      ['#/claims', 'claims'],
      ['#/timeline', 'timeline'],
      ['#/map', 'map'],
    ];
    const story = await api<{ id: string } | null>(`articles/${a.id}`).then((r) => (r as unknown as { story: { id: string } | null }).story);
    if (story) visits.push([`#/story/${story.id}`, 'story']);
    for (const [hash, name] of visits) {
      await open(page, hash, name);
      const found = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? 'inline'),
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((at) => /^on/i.test(at.name)).map((at) => `${el.tagName}[${at.name}]`)),
        jsLinks: [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href') ?? '').filter((h) => /^\s*javascript:/i.test(h)),
        injected: document.querySelectorAll('main img, main svg[onload], main b').length,
        bidi: /[\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText),
        external: [...document.querySelectorAll('a[target="_blank"]')].map((el) => el.getAttribute('rel')),
      }));
      expect(found.pwned, hash).toBeNull();
      expect(found.scripts, hash).toEqual(['/assets/app.js']);
      expect(found.handlers, hash).toEqual([]);
      expect(found.jsLinks, hash).toEqual([]);
      expect(found.injected, hash).toBe(0);
      expect(found.bidi, hash).toBe(false);
      for (const rel of found.external) expect(rel, hash).toBe('noopener noreferrer');
    }
    // the markup is shown as the words it is, not run
    await open(page, `#/article/${a.id}`, 'article');
    expect(await page.locator('h1').textContent()).toContain('<script>window.__pwned=1</script>Hostile');
    expect(await page.locator('.article-text').textContent()).toContain('onerror=');
    await page.screenshot({ path: join(SHOTS, 'hostile.png') });
    expect(dialogs).toEqual([]);
    expect(pageErrors.join('\n')).toBe('');
    expect(cspViolations).toEqual([]);
  });
});
