import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError, type ReadResult } from '../model/index.ts';
import { parseColumnMapping, readCsv } from './read-csv.ts';

const fixturePath = (name: string): URL => new URL(`./fixtures/csv/${name}`, import.meta.url);
const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');

async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

async function* asChunks(...chunks: Buffer[]): AsyncGenerator<Buffer> {
  yield* chunks;
}

async function rejectionOf(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError, none was thrown');
}

describe('parseColumnMapping', () => {
  it('parses field=column pairs', () => {
    expect(parseColumnMapping('title=headline,published=date,text=body,url=link')).toEqual({
      title: 'headline',
      published: 'date',
      text: 'body',
      url: 'link',
    });
    expect(parseColumnMapping(' Title = Story Headline ')).toEqual({ title: 'Story Headline' });
  });

  it('names an unknown field, a pair without "=" and a field mapped twice', () => {
    expect(() => parseColumnMapping('headline=title')).toThrow('--map: unknown field "headline" (fields: id, url, title, text, html, published, outlet, author, language)');
    expect(() => parseColumnMapping('title')).toThrow('--map: expected field=column, found "title"');
    expect(() => parseColumnMapping('title=a,title=b')).toThrow('--map: title is mapped twice');
  });
});

describe('readCsv', () => {
  it('reads rows through an explicit --map, keeping other columns in extra and reporting an empty body', async () => {
    const mapping = parseColumnMapping('title=headline,published=date,text=body,url=link');
    const results = await collect(readCsv(createReadStream(fixturePath('headline-body.csv')), 'wire.csv', mapping));

    expect(results).toEqual([
      {
        ok: true,
        doc: {
          source: 'wire.csv:2',
          format: 'csv',
          text: 'Russian drones attacked the port of Odesa overnight, injuring three people, the regional governor said.',
          meta: {
            url: 'https://wire.example.com/odesa',
            title: 'Drone attack on Odesa port',
            published: '2024-07-31',
            extra: { desk: 'Europe', tone: '-5.1' },
          },
        },
      },
      {
        ok: true,
        doc: {
          source: 'wire.csv:3',
          format: 'csv',
          text: 'A guided bomb hit a residential district of Kharkiv.\n\nTwo people were injured.',
          meta: { url: 'https://wire.example.com/kharkiv', title: 'Kharkiv: "guided bomb" strike', published: '2024-07-31', extra: { desk: 'Europe' } },
        },
      },
      // Line 6: the quoted body of the row before spans lines 3–5.
      { ok: false, failure: { source: 'wire.csv:6', code: 'ENOARTICLE', message: 'line 6: column "body" is empty' } },
    ]);
  });

  it('finds headline/date/body/link columns by name without a mapping', async () => {
    const results = await collect(readCsv(fixtureText('headline-body.csv'), 'wire.csv', {}));
    const first = results[0];
    expect(first?.ok && first.doc.meta).toEqual({
      url: 'https://wire.example.com/odesa',
      title: 'Drone attack on Odesa port',
      published: '2024-07-31',
      extra: { desk: 'Europe', tone: '-5.1' },
    });
  });

  it('throws EMAPPING before any row when a mapped column is missing', async () => {
    const results: ReadResult[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const result of readCsv(fixtureText('headline-body.csv'), 'wire.csv', { title: 'Headline', text: 'story' })) results.push(result);
      })(),
    );
    expect(error.code).toBe('EMAPPING');
    expect(error.message).toBe('wire.csv: no column "story" (columns: headline, date, body, link, desk, tone)');
    expect(results).toEqual([]);

    const twoMissing = await rejectionOf(collect(readCsv(fixtureText('headline-body.csv'), 'wire.csv', { title: 'Title', text: 'story' })));
    expect(twoMissing.message).toBe('wire.csv: no columns "Title", "story" (columns: headline, date, body, link, desk, tone)');
  });

  it('throws EMAPPING when no column holds the article text (a GDELT URL list)', async () => {
    const error = await rejectionOf(collect(readCsv(fixtureText('gdelt-no-text.csv'), 'gdelt.csv', {})));
    expect(error.code).toBe('EMAPPING');
    expect(error.message).toBe('gdelt.csv: no text or html column (columns: URL, Title, Date); map one with --map text=<column>');
  });

  it('reads a tab-separated Media Cloud export, case-insensitive names, a ragged row', async () => {
    const docs = (await collect(readCsv(asChunks(Buffer.from(fixtureText('media-cloud.tsv'))), 'mc.tsv', {}))).flatMap((result) =>
      result.ok ? [result.doc] : [],
    );
    expect(docs).toEqual([
      {
        source: 'mc.tsv:2',
        format: 'csv',
        text: 'Уночі російські дрони атакували порт Одеси.',
        meta: { url: 'https://ukrinform.example/1', title: 'Атака на Одесу', published: '2024-07-31 04:15:00', outlet: 'Ukrinform', language: 'uk' },
      },
      {
        source: 'mc.tsv:3',
        format: 'csv',
        text: 'В Харькове прогремели взрывы.',
        meta: {
          url: 'https://tass.example/2',
          title: 'Удар по Харькову',
          published: '2024-07-31 05:00:00',
          outlet: 'TASS',
          language: 'ru',
          extra: { column7: 'extra cell' },
        },
      },
    ]);
  });

  it('decodes a UTF-8 character split across two chunks', async () => {
    const bytes = Buffer.from(fixtureText('media-cloud.tsv'));
    const splitInsideLetter = bytes.indexOf(Buffer.from('Атака')) + 1;
    const [first] = await collect(readCsv(asChunks(bytes.subarray(0, splitInsideLetter), bytes.subarray(splitInsideLetter)), 'mc.tsv', {}));
    expect(first?.ok && first.doc.meta.title).toBe('Атака на Одесу');
  });

  it('reads a semicolon-separated file with a mapping', async () => {
    const [result] = await collect(readCsv(fixtureText('semicolon.csv'), 'de.csv', parseColumnMapping('title=titel,published=datum,text=inhalt')));
    expect(result).toEqual({
      ok: true,
      doc: {
        source: 'de.csv:2',
        format: 'csv',
        text: 'Bei einem Drohnenangriff wurden drei Menschen verletzt.',
        meta: { title: 'Angriff auf Odessa', published: '31.07.2024' },
      },
    });
  });

  it('reports an unclosed quote on the line it opens and reads the rows after it', async () => {
    const results = await collect(readCsv(fixtureText('unclosed-quote.csv'), 'broken.csv', {}));
    expect(results.map((result) => (result.ok ? `${result.doc.source} ${result.doc.meta.title}` : result.failure))).toEqual([
      'broken.csv:2 First',
      { source: 'broken.csv:3', code: 'EFORMAT', message: 'line 3: quote opened here is never closed' },
      'broken.csv:4 Third',
      'broken.csv:5 Fourth',
    ]);
  });

  it('throws EFORMAT for an empty file', async () => {
    const error = await rejectionOf(collect(readCsv('', 'empty.csv', {})));
    expect(error.code).toBe('EFORMAT');
    expect(error.message).toBe('empty.csv: empty file, expected a header row');
  });
});
