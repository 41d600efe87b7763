import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../model/index.ts';
import { readJsonLines } from './read-jsonl.ts';

const fixturePath = (name: string): URL => new URL(`./fixtures/jsonl/${name}`, import.meta.url);

async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

/** Lines as the pipeline hands them over: streamed from the file by readline. */
function fileLines(name: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(fixturePath(name)), crlfDelay: Infinity });
}

describe('readJsonLines', () => {
  it('reads the good lines around a bad one and names the bad line', async () => {
    const results = await collect(readJsonLines(fileLines('bad-line-in-middle.jsonl'), 'export.jsonl'));
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);

    const failure = results[1];
    expect(failure?.ok === false && failure.failure).toMatchObject({
      source: 'export.jsonl:2',
      code: 'EFORMAT',
      message: expect.stringMatching(/^line 2: .*JSON/),
    });
  });

  it('maps known fields and their aliases into meta and keeps unknown ones in extra', async () => {
    const [first, , third] = await collect(readJsonLines(fileLines('bad-line-in-middle.jsonl'), 'export.jsonl'));
    expect(first).toEqual({
      ok: true,
      doc: {
        source: 'export.jsonl:1',
        format: 'jsonl',
        text: "After Russia's Kharkiv Oblast offensive failed, Moscow began concentrating its efforts in the east.",
        meta: {
          id: 'a1',
          url: 'https://kyivindependent.example/news/pokrovsk',
          title: 'Pokrovsk becomes Russia\'s main target',
          published: '2024-07-31T10:00:00Z',
          outlet: 'The Kyiv Independent',
          author: 'Martin Fornusek, Kateryna Denisova',
          language: 'en',
          extra: { tone: -4.2 },
        },
      },
    });
    expect(third).toEqual({
      ok: true,
      doc: {
        source: 'export.jsonl:3',
        format: 'jsonl',
        html: '<article><p>Уночі російські дрони атакували порт Одеси.</p></article>',
        meta: {
          id: 'a3',
          url: 'https://ukrinform.example/odesa',
          title: 'Атака на Одесу',
          published: '20240731T041500Z',
          outlet: 'ukrinform.example',
          language: 'uk',
        },
      },
    });
  });

  it('skips blank lines but counts them, and reports non-objects and records without a body', async () => {
    const results = await collect(readJsonLines(readFileSync(fixturePath('mixed-failures.jsonl'), 'utf8'), 'mixed.jsonl'));
    expect(results.map((result) => (result.ok ? result.doc.source : result.failure))).toEqual([
      { source: 'mixed.jsonl:1', code: 'ENOARTICLE', message: 'line 1: no "text" or "html" field with content' },
      { source: 'mixed.jsonl:3', code: 'EFORMAT', message: 'line 3: expected a JSON object, found an array' },
      { source: 'mixed.jsonl:4', code: 'ENOARTICLE', message: 'line 4: no "text" or "html" field with content' },
      'mixed.jsonl:5',
    ]);
    const last = results[3];
    expect(last?.ok && last.doc.meta).toEqual({
      id: '1234',
      published: '2024-07-30',
      outlet: 'Example Wire',
      author: 'Anna Schmidt',
      extra: { entities: { places: ['Odesa'] } },
    });
  });

  it('accepts a synchronous iterable, a byte-order mark and CRLF line ends', async () => {
    const lines = readFileSync(fixturePath('bom-crlf.jsonl'), 'utf8').split('\n');
    const results = await collect(readJsonLines(lines, 'bom.jsonl'));
    const docs = results.flatMap((result) => (result.ok ? [result.doc] : []));
    expect(results).toHaveLength(2);
    expect(docs.map((doc) => [doc.text, doc.meta])).toEqual([
      ['First line after a byte-order mark.', { outlet: 'BOM News' }],
      ['Second line of a CRLF file.', { published: '1722420000000' }],
    ]);
  });

  it('prefers given text over html when a record has both, and does not copy the page into extra', async () => {
    const line = JSON.stringify({ text: 'Extracted body.', html: '<p>Extracted body.</p>', title: 'Both' });
    const [result] = await collect(readJsonLines([line], 'both.jsonl'));
    expect(result).toEqual({ ok: true, doc: { source: 'both.jsonl:1', format: 'jsonl', text: 'Extracted body.', meta: { title: 'Both' } } });
  });
});
