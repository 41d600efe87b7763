/**
 * Reads JSON Lines exports (one article object per line), as written by
 * scrapers, news APIs and `sitrep export`. A bad line is reported and the
 * rest of the file is still read.
 */
import type { RawDocument, RawMeta, ReadResult } from '../model/index.ts';

type MetaField = Exclude<keyof RawMeta, 'extra'>;

/**
 * Field names accepted for each RawMeta field, first match wins. The aliases
 * are what common exports call them: NewsAPI (publishedAt, source.name),
 * GDELT (seendate, domain), Media Cloud (publish_date, media_name), Open Graph
 * (site_name), news-please (date_publish, authors).
 */
const FIELD_ALIASES: Record<MetaField, readonly string[]> = {
  id: ['id'],
  url: ['url'],
  title: ['title'],
  published: ['published', 'date', 'publishedAt', 'published_at', 'publish_date', 'date_publish', 'seendate'],
  outlet: ['outlet', 'source', 'domain', 'site_name', 'media_name'],
  author: ['author', 'authors'],
  language: ['language', 'lang'],
};

/**
 * Reads one article per line. `lines` are lines without their newline (as
 * `readline` gives them); a whole file passed as one string is split into
 * lines here, since a string would otherwise iterate as characters. Blank
 * lines are skipped but still counted, so `${source}:${line}` points at the
 * line in the file.
 */
export async function* readJsonLines(
  lines: AsyncIterable<string> | Iterable<string>,
  source: string,
): AsyncGenerator<ReadResult> {
  const input = typeof lines === 'string' ? lines.split('\n') : lines;
  let lineNo = 0;
  for await (const rawLine of input) {
    lineNo++;
    // A BOM on the first line and the \r of CRLF files are not part of the JSON.
    const line = (lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).replace(/\r$/, '');
    if (line.trim() === '') continue;
    yield readLine(line, `${source}:${lineNo}`, lineNo);
  }
}

function readLine(line: string, source: string, lineNo: number): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return failure(source, 'EFORMAT', `line ${lineNo}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure(source, 'EFORMAT', `line ${lineNo}: expected a JSON object, found ${describeJson(value)}`);
  }
  const record = value as Record<string, unknown>;
  // Extracted text, when given, beats re-extracting it from the page.
  const text = nonEmptyString(record['text']);
  const html = nonEmptyString(record['html']);
  const body = text !== undefined ? { text } : html !== undefined ? { html } : undefined;
  if (!body) return failure(source, 'ENOARTICLE', `line ${lineNo}: no "text" or "html" field with content`);

  const { meta, used } = readMeta(record);
  // The body fields are used even when the other was preferred: an export that
  // carries both the page and its extracted text should not store the page
  // again in extra (it is the bulk of the line).
  used.add('text').add('html');
  const extra = Object.fromEntries(Object.entries(record).filter(([key]) => !used.has(key)));
  if (Object.keys(extra).length > 0) meta.extra = extra;

  const doc: RawDocument = { source, format: 'jsonl', ...body, meta };
  return { ok: true, doc };
}

function readMeta(record: Record<string, unknown>): { meta: RawMeta; used: Set<string> } {
  const meta: RawMeta = {};
  const used = new Set<string>();
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [MetaField, readonly string[]][]) {
    for (const alias of aliases) {
      const value = field === 'author' ? authorOf(record[alias]) : field === 'outlet' ? outletOf(record[alias]) : scalarOf(record[alias]);
      if (value === undefined) continue;
      meta[field] = value;
      used.add(alias);
      break;
    }
  }
  return { meta, used };
}

/** Strings, and numbers (a numeric id, an epoch timestamp), as text; anything else is not this field. */
function scalarOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return nonEmptyString(value);
}

/** "Jane Doe", ["Jane Doe", "John Roe"] or [{ "name": "Jane Doe" }]. */
function authorOf(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((author) => nonEmptyString(author) ?? nameOf(author))
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

/** "Kyiv Independent", or NewsAPI's { "id": "…", "name": "Kyiv Independent" }. */
function outletOf(value: unknown): string | undefined {
  return nonEmptyString(value) ?? nameOf(value);
}

function nameOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? nonEmptyString((value as Record<string, unknown>)['name']) : undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function failure(source: string, code: 'EFORMAT' | 'ENOARTICLE', message: string): ReadResult {
  return { ok: false, failure: { source, code, message } };
}
