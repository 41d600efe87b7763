import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../model/index.ts';
import { stripSiteName } from './html-metadata.ts';
import { decodeHtmlBytes, extractHtml, type HtmlExtraction, MAX_HTML_CHARS } from './read-html.ts';

const fixturesDir = new URL('./fixtures/html/', import.meta.url);

/** `fixtures/html/<slug>/expected.json`: how to run the page, and the whole expected result (null: no article). */
interface GoldenCase {
  options?: { url?: string };
  contentType?: string;
  result: HtmlExtraction | null;
}

function golden(slug: string): { html: string; expected: GoldenCase } {
  const expected = JSON.parse(readFileSync(new URL(`${slug}/expected.json`, fixturesDir), 'utf8')) as GoldenCase;
  const bytes = readFileSync(new URL(`${slug}/input.html`, fixturesDir));
  return { html: decodeHtmlBytes(bytes, expected.contentType), expected };
}

function extractGolden(slug: string): HtmlExtraction | null {
  const { html, expected } = golden(slug);
  return extractHtml(html, expected.options);
}

const page = (body: string, head = ''): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const storyParagraphs = [
  'Negotiators returned to Doha on Monday for a new round of ceasefire talks, mediators said on Monday evening.',
  'The talks will focus on a phased exchange of detainees and on humanitarian access to the besieged districts.',
  'Delegates said progress was possible but warned that major gaps remain over the sequencing of a withdrawal.',
];
const story = storyParagraphs.map((text) => `<p>${text}</p>`).join('\n');

describe('extractHtml: golden pages (fixtures/html/<slug>)', () => {
  const slugs = readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has the golden cases this suite promises', () => {
    expect(slugs).toEqual(
      expect.arrayContaining([
        'meta-tags',
        'json-ld-graph',
        'json-ld-array',
        'json-ld-body-fallback',
        'index-page',
        'empty-body',
        'login-wall',
        'windows-1251',
        'hostile-markup',
        'br-separated',
      ]),
    );
  });

  for (const slug of slugs) {
    it(`${slug}: title, metadata and text as expected`, () => {
      const { html, expected } = golden(slug);
      expect(extractHtml(html, expected.options)).toEqual(expected.result);
    });
  }
});

describe('extractHtml: main content', () => {
  it('keeps headings, list items and quotes inside the story, drops caption, share bar, ad label, related links and newsletter box', () => {
    const text = extractGolden('meta-tags')?.text ?? '';
    expect(text).toContain('\n\nSchools move online\n\n');
    expect(text).toContain('\n\nSaltivskyi district, where most of the outages were reported;\n\n');
    expect(text).toContain('We have lived through worse winters');
    for (const furniture of ['Share on X', 'Firefighters at a damaged substation', 'Advertisement', 'Drone attack hits Kharkiv rail depot', 'morning briefing', 'By Olena', '© 2024']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('does not repeat the headline as the first paragraph', () => {
    const extraction = extractHtml(page(`<article><h1>Ceasefire talks resume in Doha</h1>${story}</article>`, '<title>Ceasefire talks resume in Doha</title>'));
    expect(extraction?.title).toBe('Ceasefire talks resume in Doha');
    expect(extraction?.text.split('\n\n')[0]).toBe(storyParagraphs[0]);
  });

  it('separates paragraphs written with <br><br> and collapses whitespace inside them', () => {
    const text = extractGolden('br-separated')?.text ?? '';
    expect(text.split('\n\n')).toHaveLength(3);
    expect(text).not.toMatch(/ {2}|[^\n]\n[^\n]|\t/);
  });

  it('falls back to the JSON-LD articleBody when the markup holds only a fragment, keeping its paragraphs', () => {
    const extraction = extractGolden('json-ld-body-fallback');
    expect(extraction?.text.split('\n\n')).toHaveLength(3);
    expect(extraction?.text).not.toContain('Trucks queue at the crossing');
  });

  it('finds no article in a section front of teasers, an empty app shell or a login wall', () => {
    expect(extractGolden('index-page')).toBeNull();
    expect(extractGolden('empty-body')).toBeNull();
    expect(extractGolden('login-wall')).toBeNull();
  });

  it('keeps story text in page-builder "widgets" but drops a BEM-named share bar inside the story', () => {
    const chunk = (text: string): string => `<div class="elementor-widget elementor-widget-text-editor"><p>${text}</p></div>`;
    const html = page(
      `<article class="post-content">${storyParagraphs.map(chunk).join('')}` +
        '<div class="post-content__share-buttons"><span>Share this story with your friends and family today</span></div></article>',
    );
    expect(extractHtml(html)?.text).toBe(storyParagraphs.join('\n\n'));
  });

  it('keeps a short article whose page has a login box outside the story', () => {
    const loginBox = '<header><form><input type="email"><input type="password"><button>Log in</button></form></header>';
    const extraction = extractHtml(page(`${loginBox}<article>${story}</article>`));
    expect(extraction?.text).toBe(storyParagraphs.join('\n\n'));
  });
});

describe('extractHtml: metadata', () => {
  it('resolves a relative canonical link against the page URL', () => {
    expect(extractGolden('meta-tags')?.meta.canonicalUrl).toBe('https://frontline.example.org/2024/07/31/kharkiv-power-cut/');
  });

  it('ignores an article:author that is a profile URL', () => {
    expect(extractGolden('meta-tags')?.meta.author).toBe('Olena Kovalenko');
  });

  it('follows @id references in a JSON-LD @graph for authors and publisher', () => {
    const meta = extractGolden('json-ld-graph')?.meta;
    expect(meta?.author).toBe('Awa Diallo, Marc Lefèvre');
    expect(meta?.siteName).toBe('Le Courrier du Front SA');
  });

  it('joins several author meta tags, without "By " or profile URLs', () => {
    const head =
      '<meta name="author" content="By Olena Kovalenko"><meta name="author" content="https://facebook.com/x"><meta name="author" content="Andriy Melnyk">';
    expect(extractHtml(page(`<article>${story}</article>`, head))?.meta.author).toBe('Olena Kovalenko, Andriy Melnyk');
  });

  it('reads JSON-LD whose strings hold raw line breaks, as CMSs often write it', () => {
    const head = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Two lines\nof headline", "datePublished": "2024-01-02"}</script>`;
    const extraction = extractHtml(page(`<article>${story}</article>`, head));
    expect(extraction?.meta.published).toBe('2024-01-02');
    expect(extraction?.title).toBe('Two lines of headline');
  });

  it('strips a site-name suffix or prefix from the title, and only that', () => {
    const names = ['Kyiv Frontline Monitor', 'wsj'];
    expect(stripSiteName('Shelling cuts power | Kyiv Frontline Monitor', names)).toBe('Shelling cuts power');
    expect(stripSiteName('Google Stadia: So Many Ways to Play - WSJ', names)).toBe('Google Stadia: So Many Ways to Play');
    expect(stripSiteName('The Kyiv Frontline Monitor — Shelling cuts power', names)).toBe('Shelling cuts power');
    expect(stripSiteName('Ukraine - the war in numbers', names)).toBe('Ukraine - the war in numbers');
    expect(stripSiteName('Ceasefire: what we know', names)).toBe('Ceasefire: what we know');
  });
});

describe('extractHtml: hostile input', () => {
  it('yields plain text with no markup, script, event handler or javascript: URL', () => {
    const text = extractGolden('hostile-markup')?.text ?? '';
    expect(text).toContain('humanitarian access');
    expect(text).not.toMatch(/[<>]|alert|javascript:|onerror|cookie|Injected|svg text|fallback|textarea text|template text|hidden text|Hidden by style/i);
  });

  it('never throws on malformed or non-HTML input', () => {
    const inputs = [
      '',
      'plain text, no tags at all',
      '<',
      '<<<<>>>>',
      '<html><body><p>unclosed <b>bold <i>italic',
      '<html><body><!-- unclosed comment',
      '<html><script>never closed',
      '</p></div></body></html>',
      '<?xml version="1.0"?><rss><channel><item>x</item></channel></rss>',
      '<html><head><script type="application/ld+json">{"@graph": [null, 1, "x", {"@type": 5}]}</script></head><body></body></html>',
      '\u0000\u0001\uffff\ud800 binary-ish',
      page(`<article>${story}</article>`).replace('<article>', '<article><table><tr><td><table><tr><td>'),
    ];
    for (const input of inputs) {
      expect(() => extractHtml(input)).not.toThrow();
    }
  });

  it('refuses a page over the size limit with ETOOBIG', () => {
    const huge = 'x'.repeat(MAX_HTML_CHARS + 1);
    expect(() => extractHtml(huge)).toThrow(IngestError);
    try {
      extractHtml(huge);
    } catch (error) {
      expect((error as IngestError).code).toBe('ETOOBIG');
    }
  });

  // Hang guards, not speed goals (those live in npm run eval:extraction): a regression here is
  // quadratic and costs minutes; 10 s leaves a loaded 2-core CI machine ample room.
  it('extracts a 2 MB article page in well under the time a quadratic pass would take', () => {
    const paragraph = `<p>${'The convoy moved slowly through the checkpoint, witnesses said, and stopped twice. '.repeat(5)}</p>\n`;
    const html = page(`<article>${paragraph.repeat(Math.ceil(2_000_000 / paragraph.length))}</article>`);
    const started = performance.now();
    const extraction = extractHtml(html);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(extraction?.text.length).toBeGreaterThan(1_500_000);
  });

  it('survives 100,000 nested unclosed elements and a megabyte of stray "<" quickly', () => {
    for (const html of [page('<div>'.repeat(100_000) + story), page(`${story}${'< '.repeat(500_000)}`)]) {
      const started = performance.now();
      extractHtml(html);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});

describe('decodeHtmlBytes', () => {
  const cyrillic = 'Обстрел Белгорода';

  it('decodes a windows-1251 page by its <meta http-equiv> charset', () => {
    expect(extractGolden('windows-1251')?.text).toContain('В результате ночного обстрела Белгорода');
  });

  it('reads <meta charset> in the first bytes of the page', () => {
    const bytes = iconv.encode(`<html><head><meta charset="koi8-r"></head><body>${cyrillic}</body></html>`, 'koi8-r');
    expect(decodeHtmlBytes(bytes)).toContain(cyrillic);
  });

  it('lets the Content-Type header charset win over the page', () => {
    const bytes = iconv.encode(`<html><head><meta charset="utf-8"></head><body>${cyrillic}</body></html>`, 'windows-1251');
    expect(decodeHtmlBytes(bytes, 'text/html; charset=windows-1251')).toContain(cyrillic);
  });

  it('follows a byte-order mark over any declaration', () => {
    const body = `<html><head><meta charset="windows-1252"></head><body>${cyrillic}</body></html>`;
    expect(decodeHtmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]))).toBe(body);
    expect(decodeHtmlBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(body, 'utf-16le')]))).toBe(body);
  });

  it('reads "iso-8859-1" as windows-1252, as browsers do, so curly quotes survive', () => {
    const bytes = Buffer.from([...Buffer.from('<meta charset="iso-8859-1">'), 0x93, 0x41, 0x94, 0xe9]);
    expect(decodeHtmlBytes(bytes)).toBe('<meta charset="iso-8859-1">“A”é');
  });

  it('keeps UTF-8 when a page declares a legacy charset but its bytes are UTF-8', () => {
    const bytes = Buffer.from(`<html><head><meta charset="windows-1252"></head><body>“${cyrillic}” café</body></html>`, 'utf8');
    expect(decodeHtmlBytes(bytes)).toContain(`“${cyrillic}” café`);
  });

  it('defaults to UTF-8 when nothing is declared or the label is unknown', () => {
    expect(decodeHtmlBytes(Buffer.from(`<p>${cyrillic}</p>`, 'utf8'))).toBe(`<p>${cyrillic}</p>`);
    expect(decodeHtmlBytes(Buffer.from(`<meta charset="x-made-up"><p>${cyrillic}</p>`, 'utf8'))).toContain(cyrillic);
  });
});
