import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.ts';
import { variantKey } from '../analyze/entities/index.ts';
import { ingestPaths, searchVariants } from './ingest.ts';

const SAMPLES = join(import.meta.dirname, '../../corpus/samples');
const NOW = () => new Date('2026-11-23T12:00:00Z');

const PARAGRAPH =
  'Ukrainian forces repelled several assaults near the town overnight, the regional governor said on Tuesday, adding that two civilians were wounded by shelling.';

function articleText(topic: string): string {
  return `${topic}\n\n${PARAGRAPH.replace('the town', topic)}\n\nOfficials said the situation around ${topic} remained difficult, with drones active over the area and power cut in several districts.`;
}

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-ingest-'));
  store = await openStore('memory://');
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

describe('ingest of the sample corpus', () => {
  it('stores the five samples with title, outlet and author read from the text, and says so', async () => {
    const summary = await ingestPaths(store, [SAMPLES], { now: NOW });
    expect(summary).toMatchObject({ files: 5, stored: 5, duplicates: 0, failed: 0 });
    const articles = await store.listArticles();
    const byTitle = new Map(articles.map((a) => [a.title, a]));
    expect([...byTitle.keys()].sort()).toEqual([
      "Pokrovsk became Russia's main target after Kharkiv push failed, Zelensky says.",
      'Russia claims recaptured territories, Zelensky maintains confidence',
      'The Wall Street Journal: Pokrovsk in ruins, Russians close to biggest victory since Bakhmut',
      "Zelenskyy says Russia is giving up on Kharkiv, months after Moscow tried to blow open the war's northeastern front",
      // No title line in this one: its first sentence stands in.
      'According to Ukraine’s president Volodymyr Zelenskyy, the threats of retaliation from the Kremlin are simply a bluff.',
    ].sort());
    expect(byTitle.get("Zelenskyy says Russia is giving up on Kharkiv, months after Moscow tried to blow open the war's northeastern front")?.outlet).toBe('Business Insider');
    expect(byTitle.get('Russia claims recaptured territories, Zelensky maintains confidence')?.author).toBe('Liz Heflin');
    // None of the samples states its date: a date is inferred from evidence in the text, or unknown — never metadata.
    for (const a of articles) {
      expect(a.published.provenance).toMatch(/^(inferred|unknown)$/);
      if (a.published.provenance === 'unknown') expect(a.published.value).toBeNull();
      else expect(a.published.evidence).toBeTruthy();
    }
    expect(articles.every((a) => a.language === 'en')).toBe(true);
  });

  it('merges the entity variants of PRODUCT.md across articles, typos included', async () => {
    const find = async (name: string) => {
      const [entity] = await store.findEntities([variantKey(name)]);
      return entity ? store.getEntity(entity.key) : null;
    };
    const zelensky = await find('Zelensky');
    expect(zelensky).toMatchObject({ type: 'person', articles: 5 });
    expect(zelensky?.variants).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy', 'Volodymyr Zelensky']));
    expect((await find('Zelenskyy'))?.key).toBe(zelensky?.key);
    // "Mocow" (a typo in 001) is Moscow: the registry pass makes it an alias.
    const moscow = await find('Moscow');
    expect(moscow?.variants).toContain('Mocow');
    expect(moscow?.aliases.length).toBeGreaterThan(0);
    for (const [variant, canonical] of [['Mirnograd', 'Myrnohrad'], ['Levadnoye', 'Levadne'], ['Kiev', 'Kyiv'], ['Olexander Syrskyj', 'Oleksandr Syrskyi']]) {
      expect((await find(variant!))?.name).toBe(canonical);
    }
    expect((await find('Pokrovsk'))?.place).toMatchObject({ country: 'UA' });
  });

  it('adds nothing when the same files are ingested again, and reports them as duplicates', async () => {
    const summary = await ingestPaths(store, [SAMPLES], { now: NOW });
    expect(summary).toMatchObject({ stored: 0, duplicates: 5, failed: 0 });
    expect((await store.stats()).articles).toBe(5);
  });

  it('keeps the furniture out of the stored text', async () => {
    const all = await store.listArticles();
    for (const summary of all) {
      const article = await store.getArticle(summary.id);
      expect(article?.text).not.toMatch(/Support independent journalism|Read the original article|Share This Article|3 Min Read|Link to main version|AP Photo/);
    }
  });
});

describe('ingest of every container, mixed in one call', () => {
  it('reads text, HTML, RSS, Atom, JSON Lines, JSON, CSV, gzip, nested directories and stdin', async () => {
    const s = await openStore('memory://');
    try {
      await write('mixed/a.txt', articleText('Kupiansk'));
      await write(
        'mixed/deep/b.html',
        `<html lang="en"><head><title>Strikes on Odesa port</title><meta property="og:site_name" content="Odesa Journal"><meta property="article:published_time" content="2024-08-02T09:30:00Z"></head><body><article><h1>Strikes on Odesa port</h1><p>${PARAGRAPH.replace('the town', 'Odesa')}</p><p>Port officials said grain loading resumed by evening after the fires were put out, and no ship was hit.</p></article></body></html>`,
      );
      await write(
        'mixed/feed.xml',
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Front Line Daily</title><item><title>Fighting near Vovchansk</title><link>https://example.org/vovchansk</link><pubDate>Thu, 01 Aug 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>${PARAGRAPH.replace('the town', 'Vovchansk')}</p><p>Local officials said evacuation buses left twice a day.</p>]]></description></item></channel></rss>`,
      );
      await write(
        'mixed/atom.atom',
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><entry><title>Kherson shelled</title><id>urn:1</id><updated>2024-08-03T08:00:00Z</updated><content type="text">${PARAGRAPH.replace('the town', 'Kherson')} Water supply was cut in two districts of the city.</content></entry></feed>`,
      );
      await write(
        'mixed/items.jsonl',
        `${JSON.stringify({ id: 'j1', title: 'Sumy hit by drones', text: articleText('Sumy'), outlet: 'Sumy Post', published: '2024-08-04', topic: 'drones' })}\n`,
      );
      await write('mixed/items.json', JSON.stringify([{ title: 'Zaporizhzhia update', text: articleText('Zaporizhzhia') }]));
      await write(
        'mixed/export.csv',
        `headline,date,body,link\n"Dnipro night raid",2024-08-05,"${articleText('Dnipro').replace(/"/g, '""')}",https://example.org/dnipro\n`,
      );
      await write('mixed/packed.txt.gz', gzipSync(articleText('Chernihiv')));
      await write('mixed/notes.docx', 'not an article type');

      const summary = await ingestPaths(s, [join(dir, 'mixed'), '-'], {
        now: NOW,
        csvMapping: { title: 'headline', published: 'date', text: 'body', url: 'link' },
        stdin: Readable.from([Buffer.from(articleText('Kramatorsk'))]),
      });
      expect(summary.failures).toEqual([]);
      expect(summary).toMatchObject({ stored: 9, failed: 0 });
      expect(summary.passedOver).toEqual([join(dir, 'mixed/notes.docx')]);

      const articles = await s.listArticles();
      const find = (title: string) => articles.find((a) => a.title === title);
      expect(find('Strikes on Odesa port')).toMatchObject({
        outlet: 'Odesa Journal',
        published: { value: '2024-08-02T09:30:00Z', provenance: 'metadata' },
      });
      expect(find('Fighting near Vovchansk')).toMatchObject({
        outlet: 'Front Line Daily',
        url: 'https://example.org/vovchansk',
        published: { value: '2024-08-01T10:00:00Z', provenance: 'metadata' },
      });
      expect(find('Kherson shelled')?.outlet).toBe('Atom Wire');
      expect(find('Sumy hit by drones')).toMatchObject({ outlet: 'Sumy Post', published: { value: '2024-08-04' } });
      expect(find('Dnipro night raid')).toMatchObject({ url: 'https://example.org/dnipro', published: { value: '2024-08-05' } });
      expect(find('Chernihiv')).toBeDefined();
      expect(find('Kramatorsk')?.source).toBe('-');
      const sumy = await s.getArticle(find('Sumy hit by drones')!.id);
      expect(sumy?.meta).toMatchObject({ topic: 'drones' });
    } finally {
      await s.close();
    }
  });
});

describe('bad input', () => {
  it('reports each broken input with its path and reason, and ingests the rest', async () => {
    const s = await openStore('memory://');
    try {
      const good = await write('bad/good.txt', articleText('Pokrovsk'));
      const binary = await write('bad/photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
      const noArticle = await write('bad/index.html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
      const badXml = await write('bad/broken.xml', '<?xml version="1.0"?><rss><channel><item><title>x</title></channel></rss>');
      const jsonl = await write(
        'bad/lines.jsonl',
        [JSON.stringify({ title: 'Line one', text: articleText('Lyman') }), '{not json', JSON.stringify({ title: 'Line three', text: articleText('Siversk') })].join('\n'),
      );
      const csv = await write('bad/export.csv', `title,content\nx,"${articleText('Toretsk')}"\n`);
      const big = await write('bad/big.txt', `${articleText('Huliaipole')}\n${'x '.repeat(600_000)}`);
      const missing = join(dir, 'bad/does-not-exist.txt');

      const summary = await ingestPaths(s, [good, binary, noArticle, badXml, jsonl, csv, big, missing], {
        now: NOW,
        csvMapping: { text: 'body' },
        maxBytes: 1024 * 1024,
      });
      const bySource = Object.fromEntries(summary.failures.map((f) => [f.source, f.code]));
      expect(bySource).toEqual({
        [missing]: 'ENOENT',
        [binary]: 'EBINARY',
        [noArticle]: 'ENOARTICLE',
        [badXml]: 'EFORMAT',
        [`${jsonl}:2`]: 'EFORMAT',
        [csv]: 'EMAPPING',
        [big]: 'ETOOBIG',
      });
      expect(summary.failures.find((f) => f.code === 'EMAPPING')?.message).toMatch(/body/);
      expect(summary.stored).toBe(3); // good.txt and lines 1 and 3 of the JSON Lines file
      expect((await s.stats()).failures).toBe(7);
      expect(good).toBeTruthy();
    } finally {
      await s.close();
    }
  });
});

describe('near-duplicates', () => {
  it('stores a lightly edited copy linked to the article it copies, with its similarity', async () => {
    const s = await openStore('memory://');
    try {
      const original = await readFile(join(SAMPLES, '004_e793082d1f3a18f0.txt'), 'utf8');
      const rewrite = original
        .replace('Link to main version', 'Share on Facebook')
        .replace('Fierce street fighting continues', 'Heavy street fighting goes on')
        .replace('Drones are constantly buzzing', 'Drones constantly buzz');
      const truncated = original.slice(0, Math.floor(original.length * 0.6));
      await write('near/original.txt', original);
      await write('near/rewrite.txt', rewrite);
      await write('near/truncated.txt', truncated);
      const summary = await ingestPaths(s, [join(dir, 'near')], { now: NOW });
      expect(summary).toMatchObject({ stored: 3, nearDuplicates: 2, duplicates: 0 });
      const list = await s.listArticles();
      const originalRow = list.find((a) => a.source.endsWith('original.txt'))!;
      for (const copy of list.filter((a) => a !== originalRow)) {
        expect(copy.duplicateOf).toBe(originalRow.id);
        expect(copy.similarity).toBeGreaterThan(0.5);
      }
      expect(originalRow.duplicateOf).toBeNull();
    } finally {
      await s.close();
    }
  });
});

describe('search spellings of an entity', () => {
  it('finds a river or a region by its bare name, and a person by the surname', () => {
    const variants = searchVariants([
      { key: 'place:sitrep:seym', type: 'place', name: 'Seym River', variants: ['Seym River'] },
      { key: 'place:geonames:538555', type: 'place', name: 'Kursk Oblast', variants: ['Kursk region'] },
      { key: 'person:dmitry peskov', type: 'person', name: 'Dmitry Peskov', variants: ['Dmitry Peskov', 'its spokesperson'] },
    ]);
    const keysFor = (name: string) => variants.filter((v) => v.variant === variantKey(name)).map((v) => v.entityKey);
    expect(keysFor('Seym')).toEqual(['place:sitrep:seym']);
    expect(keysFor('Kursk')).toEqual(['place:geonames:538555']);
    expect(keysFor('Peskov')).toEqual(['person:dmitry peskov']);
    expect(keysFor('its spokesperson')).toEqual([]);
  });
});
