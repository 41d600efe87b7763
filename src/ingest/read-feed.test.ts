import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../model/index.ts';
import { looksLikeFeed, parseFeed } from './read-feed.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/feed/${name}`, import.meta.url), 'utf8');

function ingestErrorOf(run: () => unknown): IngestError {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError, nothing was thrown');
}

describe('parseFeed: RSS 2.0', () => {
  const docs = parseFeed(fixture('rss2-content-encoded.xml'), 'feeds/frontline.xml');

  it('yields one document per item that has a body or a title, numbered by item', () => {
    expect(docs.map((doc) => doc.source)).toEqual(['feeds/frontline.xml#1', 'feeds/frontline.xml#2', 'feeds/frontline.xml#3']);
    expect(docs.every((doc) => doc.format === 'feed')).toBe(true);
  });

  it('prefers content:encoded (CDATA HTML) over description and wraps it as a page', () => {
    const [first] = docs;
    expect(first?.text).toBeUndefined();
    expect(first?.html).toContain('<p>Russian forces shelled <strong>Kharkiv</strong> and Sumy overnight');
    expect(first?.html).toContain('Governor Oleh Syniehubov');
    expect(first?.html).not.toContain('&#8230;');
    expect(first?.html).toMatch(/^<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>Shelling hits Kharkiv &amp; Sumy overnight<\/title>/);
  });

  it('reads item and channel metadata, decoding entities', () => {
    expect(docs[0]?.meta).toEqual({
      id: 'https://frontline.example.org/?p=4821',
      url: 'https://frontline.example.org/2024/07/31/shelling-kharkiv-sumy/',
      title: 'Shelling hits Kharkiv & Sumy overnight',
      outlet: 'Kyiv Frontline Monitor',
      author: 'Olena Kovalenko',
      language: 'en-US',
      published: 'Wed, 31 Jul 2024 06:15:00 +0000',
    });
  });

  it('keeps a plain description as text, takes the URL from a permalink guid and the name from an RSS author e-mail', () => {
    const second = docs[1];
    expect(second?.html).toBeUndefined();
    expect(second?.text).toBe('Authorities urged families with children to leave Pokrovsk as fighting moved within 15 kilometres of the city.');
    expect(second?.meta.url).toBe('https://frontline.example.org/2024/07/30/pokrovsk-evacuation/');
    expect(second?.meta.author).toBe('Andriy Melnyk');
  });

  it('keeps a title-only item with its title as text, and drops an item with neither body nor title', () => {
    expect(docs[2]?.text).toBe('BREAKING: Air raid alert across eastern Ukraine');
    expect(docs.find((doc) => doc.meta.url === 'https://frontline.example.org/empty')).toBeUndefined();
  });

  it('reads a channel with a single item (not an array)', () => {
    const one = parseFeed(
      '<rss version="2.0"><channel><title>One</title><item><title>Only</title><description>Only item here.</description></item></channel></rss>',
      'one.xml',
    );
    expect(one).toEqual([{ source: 'one.xml#1', format: 'feed', text: 'Only item here.', meta: { title: 'Only', outlet: 'One' } }]);
  });

  it('treats escaped HTML in a description as HTML', () => {
    const [doc] = parseFeed(
      '<rss version="2.0"><channel><item><title>T</title><description>&lt;p&gt;Escaped &lt;a href="x"&gt;markup&lt;/a&gt;&lt;/p&gt;</description></item></channel></rss>',
      'escaped.xml',
    );
    expect(doc?.html).toContain('<body><p>Escaped <a href="x">markup</a></p></body>');
  });
});

describe('parseFeed: Atom', () => {
  const docs = parseFeed(fixture('atom-lang-author.xml'), 'feeds/ua.atom');

  it('reads entries with xml:lang, authors, alternate link and published date', () => {
    expect(docs[0]?.meta).toEqual({
      id: 'tag:news.example.ua,2024:kharkiv-0731',
      url: 'https://news.example.ua/2024/07/31/kharkiv',
      title: 'Обстріл Харкова: двоє поранених',
      outlet: 'Українська служба новин',
      author: 'Олена Коваленко, Андрій Мельник',
      language: 'uk',
      published: '2024-07-31T06:15:00+03:00',
    });
    expect(docs[0]?.html).toContain('<p>Уночі російські війська обстріляли Харків');
  });

  it("lets an entry's xml:lang override the feed's, falls back to updated, feed author and summary", () => {
    expect(docs[1]?.meta).toMatchObject({
      language: 'en',
      title: 'Sumy: power restored',
      url: 'https://news.example.ua/en/2024/07/31/sumy',
      published: '2024-07-31T10:30:00+03:00',
      author: 'Редакція',
    });
    expect(docs[1]?.text).toBe('Power has been restored to most of Sumy after overnight strikes on energy infrastructure.');
  });

  it('keeps inline XHTML content as markup', () => {
    expect(docs[2]?.html).toContain('<p>Трансляція брифінгу <b>Генштабу</b> о 12:00.</p>');
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items that sit beside the channel', () => {
    const [doc] = parseFeed(fixture('rss1-rdf.xml'), 'wire.rdf');
    expect(doc).toEqual({
      source: 'wire.rdf#1',
      format: 'feed',
      text: 'Bei einem Drohnenangriff auf den Hafen von Odessa wurden in der Nacht drei Menschen verletzt.',
      meta: {
        id: 'https://wire.example.com/2024/07/31/odesa',
        url: 'https://wire.example.com/2024/07/31/odesa',
        title: 'Angriff auf Odessa',
        outlet: 'Example Wire',
        author: 'Anna Schmidt',
        language: 'de',
        published: '2024-07-31T04:00:00+02:00',
      },
    });
  });
});

describe('parseFeed: bad input', () => {
  it('rejects malformed XML with EFORMAT and the line of the fault', () => {
    const error = ingestErrorOf(() => parseFeed(fixture('malformed.xml'), 'broken.xml'));
    expect(error.code).toBe('EFORMAT');
    expect(error.source).toBe('broken.xml');
    expect(error.message).toBe(
      "broken.xml: malformed XML at line 7, column 5: Expected closing tag 'title' (opened in line 6, col 7) instead of closing tag 'item'.",
    );
  });

  it('rejects an HTML page with EFORMAT naming the root it found', () => {
    const error = ingestErrorOf(() => parseFeed(fixture('not-a-feed.html'), 'saved.xml'));
    expect(error.code).toBe('EFORMAT');
    expect(error.message).toBe('saved.xml: expected <rss> or <feed>, found <html>');
  });

  it('rejects text with no element at all', () => {
    expect(ingestErrorOf(() => parseFeed('just some words', 'words.xml')).message).toBe(
      'words.xml: expected <rss> or <feed>, found no XML element',
    );
  });

  it('does not expand nested entities (billion laughs)', () => {
    const started = performance.now();
    const docs = parseFeed(fixture('billion-laughs.xml'), 'lol.xml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect((docs[0]?.text ?? docs[0]?.html ?? '').length).toBeLessThan(1000);
  });

  it('stops a quadratic blow-up (one large entity referenced many times) with EFORMAT', () => {
    const entity = 'x'.repeat(900);
    const xml = `<!DOCTYPE rss [<!ENTITY big "${entity}">]><rss><channel><item><title>t</title><description>${'&big;'.repeat(500)}</description></item></channel></rss>`;
    const error = ingestErrorOf(() => parseFeed(xml, 'quadratic.xml'));
    expect(error.code).toBe('EFORMAT');
    expect(error.message).toMatch(/^quadratic\.xml: .*limit exceeded/);
  });
});

describe('looksLikeFeed', () => {
  it('recognises RSS, Atom and RDF roots past a declaration, comments and a DOCTYPE', () => {
    expect(looksLikeFeed(fixture('rss2-content-encoded.xml'))).toBe(true);
    expect(looksLikeFeed(fixture('atom-lang-author.xml'))).toBe(true);
    expect(looksLikeFeed(fixture('rss1-rdf.xml'))).toBe(true);
    expect(looksLikeFeed(fixture('billion-laughs.xml'))).toBe(true);
    expect(looksLikeFeed('\uFEFF<?xml version="1.0"?>\n<rss version="0.91"><channel/></rss>')).toBe(true);
  });

  it('says no to HTML, other XML and text', () => {
    expect(looksLikeFeed(fixture('not-a-feed.html'))).toBe(false);
    expect(looksLikeFeed('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')).toBe(false);
    expect(looksLikeFeed('rss feed')).toBe(false);
  });
});
