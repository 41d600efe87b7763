/**
 * Reads CSV and TSV exports (GDELT, Media Cloud, spreadsheets): a header row,
 * then one article per row. Columns are found by name, with common aliases,
 * or mapped explicitly (`--map title=headline,text=body`).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { IngestError, type RawDocument, type RawMeta, type ReadResult } from '../model/index.ts';

export const ARTICLE_FIELDS = ['id', 'url', 'title', 'text', 'html', 'published', 'outlet', 'author', 'language'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** Article field → the CSV column it is read from. */
export type ColumnMapping = Partial<Record<ArticleField, string>>;

/**
 * Column names recognised without a mapping, compared after `normalizeName`
 * (lower case, no spaces, `_` or `-`), first match wins. They are the names
 * used by GDELT (SOURCEURL, DocumentIdentifier, seendate), Media Cloud
 * (publish_date, media_name, stories_id), news-please and spreadsheets.
 */
const COLUMN_ALIASES: Record<ArticleField, readonly string[]> = {
  id: ['id', 'guid', 'storiesid'],
  url: ['url', 'link', 'sourceurl', 'documentidentifier'],
  title: ['title', 'headline'],
  text: ['text', 'body', 'content', 'maintext', 'articlebody'],
  html: ['html', 'rawhtml'],
  published: ['published', 'date', 'seendate', 'publishdate', 'publishedat', 'datepublish', 'pubdate'],
  outlet: ['outlet', 'sitename', 'medianame', 'domain', 'source'],
  author: ['author', 'authors', 'byline'],
  language: ['language', 'lang'],
};

/** Delimiters told apart on the header line; comma wins ties, being the default. */
const DELIMITERS = [',', '\t', ';'] as const;

/**
 * Parses `--map title=headline,published=date`. Column names may hold spaces
 * but not `,` or `=`.
 *
 * @throws Error naming the fault (unknown field, missing `=`, a field mapped twice).
 */
export function parseColumnMapping(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    if (equals < 0) throw new Error(`--map: expected field=column, found "${pair.trim()}"`);
    const field = pair.slice(0, equals).trim().toLowerCase();
    const column = pair.slice(equals + 1).trim();
    if (!isArticleField(field)) {
      throw new Error(`--map: unknown field "${field}" (fields: ${ARTICLE_FIELDS.join(', ')})`);
    }
    if (column === '') throw new Error(`--map: no column given for ${field}`);
    if (mapping[field] !== undefined) throw new Error(`--map: ${field} is mapped twice`);
    mapping[field] = column;
  }
  return mapping;
}

/**
 * Reads the rows of a CSV, TSV or semicolon-separated file (the delimiter is
 * told from the header line). Yields a document per row with text or html, a
 * failure for a row without, and a failure for a malformed stretch of the file
 * (an unclosed quote), after which reading resumes on the next line.
 *
 * @throws IngestError EMAPPING, before any row, when a mapped column is not in
 *   the header or no column holds the text or html; EFORMAT for a file with no
 *   header row.
 */
export async function* readCsv(
  input: AsyncIterable<string | Buffer> | string,
  source: string,
  mapping: ColumnMapping,
): AsyncGenerator<ReadResult> {
  const { firstLine, chunks } = await peekFirstLine(decodeText(input));
  const delimiter = detectDelimiter(firstLine);

  let columns: Columns | undefined;
  for await (const row of parseRows(chunks, delimiter, 1)) {
    if (!columns) {
      if (row.kind === 'error') throw new IngestError('EFORMAT', `${source}: unreadable header row: ${row.message}`, source);
      columns = resolveColumns(row.fields, mapping, source);
      continue;
    }
    const rowSource = `${source}:${row.line}`;
    if (row.kind === 'error') {
      yield { ok: false, failure: { source: rowSource, code: 'EFORMAT', message: `line ${row.line}: ${row.message}` } };
    } else {
      yield toResult(row.fields, columns, rowSource, row.line);
    }
  }
  if (!columns) throw new IngestError('EFORMAT', `${source}: empty file, expected a header row`, source);
}

// ---------------------------------------------------------------------------
// Columns

interface Columns {
  header: string[];
  /** Field → index of its column. */
  byField: Partial<Record<ArticleField, number>>;
  /** Indexes of columns no field reads, kept in meta.extra. */
  extra: number[];
}

function resolveColumns(rawHeader: string[], mapping: ColumnMapping, source: string): Columns {
  const header = rawHeader.map((name, index) => name.trim() || `column${index + 1}`);
  const byField: Partial<Record<ArticleField, number>> = {};
  const taken = new Set<number>();

  // Explicit mapping first: exact name, then case-insensitive.
  const missing: string[] = [];
  for (const field of ARTICLE_FIELDS) {
    const wanted = mapping[field];
    if (wanted === undefined) continue;
    let index = header.indexOf(wanted);
    if (index < 0) index = header.findIndex((name) => name.toLowerCase() === wanted.toLowerCase());
    if (index < 0) {
      missing.push(`"${wanted}"`);
      continue;
    }
    byField[field] = index;
    taken.add(index);
  }
  if (missing.length > 0) {
    // All of them at once, so a user fixes the --map in one go.
    const noColumn = missing.length === 1 ? 'no column' : 'no columns';
    throw new IngestError('EMAPPING', `${source}: ${noColumn} ${missing.join(', ')} (columns: ${header.join(', ')})`, source);
  }

  // Then by name, among the columns the mapping did not claim.
  const normalized = header.map(normalizeName);
  for (const field of ARTICLE_FIELDS) {
    if (byField[field] !== undefined) continue;
    for (const alias of COLUMN_ALIASES[field]) {
      const index = normalized.findIndex((name, i) => name === alias && !taken.has(i));
      if (index < 0) continue;
      byField[field] = index;
      taken.add(index);
      break;
    }
  }

  // Every row would fail without a body column (GDELT and Media Cloud exports
  // carry only URLs and titles): say so once, not once per row.
  if (byField.text === undefined && byField.html === undefined) {
    throw new IngestError(
      'EMAPPING',
      `${source}: no text or html column (columns: ${header.join(', ')}); map one with --map text=<column>`,
      source,
    );
  }

  const extra = header.map((_, index) => index).filter((index) => !taken.has(index));
  return { header, byField, extra };
}

function toResult(fields: string[], columns: Columns, source: string, line: number): ReadResult {
  const cell = (field: ArticleField): string | undefined => {
    const index = columns.byField[field];
    const value = index === undefined ? undefined : fields[index]?.trim();
    return value === '' ? undefined : value;
  };

  // Extracted text, when given, beats re-extracting it from the page.
  const text = cell('text');
  const html = cell('html');
  const body = text !== undefined ? { text } : html !== undefined ? { html } : undefined;
  if (!body) {
    const names = (['text', 'html'] as const)
      .flatMap((field) => (columns.byField[field] === undefined ? [] : [`"${columns.header[columns.byField[field]]}"`]))
      .join(' or ');
    return { ok: false, failure: { source, code: 'ENOARTICLE', message: `line ${line}: column ${names} is empty` } };
  }

  const meta: RawMeta = {};
  for (const field of ['id', 'url', 'title', 'published', 'outlet', 'author', 'language'] as const) {
    const value = cell(field);
    if (value !== undefined) meta[field] = value;
  }
  const extra: Record<string, string> = {};
  for (const index of columns.extra) {
    const value = fields[index]?.trim();
    if (value) extra[columns.header[index]!] = value;
  }
  // Cells beyond the header (a ragged row) are kept too rather than dropped.
  for (let index = columns.header.length; index < fields.length; index++) {
    const value = fields[index]?.trim();
    if (value) extra[`column${index + 1}`] = value;
  }
  if (Object.keys(extra).length > 0) meta.extra = extra;

  const doc: RawDocument = { source, format: 'csv', ...body, meta };
  return { ok: true, doc };
}

function isArticleField(name: string): name is ArticleField {
  return (ARTICLE_FIELDS as readonly string[]).includes(name);
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

// ---------------------------------------------------------------------------
// Rows

type Row = { kind: 'row'; fields: string[]; line: number } | { kind: 'error'; message: string; line: number };

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/**
 * Parses records, each with the line it starts on (`firstLine` is the line
 * number of the first line of `chunks`). An unclosed quote swallows the rest
 * of the input; it is reported on the line where it opened, and the text after
 * that line is parsed again, so one stray quote loses one row, not the file.
 */
async function* parseRows(chunks: AsyncIterable<string>, delimiter: string, firstLine: number): AsyncGenerator<Row> {
  let unclosed: { raw: string; endLine: number } | undefined;
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    // A stray quote inside an unquoted cell (`5" screen`) is text, not an error.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
  });
  const skipped: CsvError[] = [];
  parser.on('skip', (error: CsvError) => {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED' && typeof error['raw'] === 'string') {
      unclosed = { raw: error['raw'], endLine: Number(error['lines']) };
    } else skipped.push(error);
  });
  // Errors of the input itself surface through the iteration below.
  const feeding = pipeline(Readable.from(chunks), parser).catch(() => undefined);

  const toFileLine = (parserLine: number): number => parserLine + firstLine - 1;
  for await (const { record, info, raw } of parser as AsyncIterable<ParsedRecord>) {
    while (skipped.length > 0) yield skippedRow(skipped.shift()!, toFileLine);
    yield { kind: 'row', fields: record, line: toFileLine(startLine(info.lines, raw)) };
  }
  await feeding;
  while (skipped.length > 0) yield skippedRow(skipped.shift()!, toFileLine);

  if (unclosed) {
    const openedAt = toFileLine(startLine(unclosed.endLine, unclosed.raw));
    yield { kind: 'error', line: openedAt, message: 'quote opened here is never closed' };
    const rest = afterFirstLine(unclosed.raw.replace(/^(?:\r?\n)+/, ''));
    if (rest !== undefined) yield* parseRows(singleChunk(rest), delimiter, openedAt + 1);
  }
}

function skippedRow(error: CsvError, toFileLine: (line: number) => number): Row {
  const raw = typeof error['raw'] === 'string' ? error['raw'] : '';
  return { kind: 'error', line: toFileLine(startLine(Number(error['lines']), raw)), message: error.message };
}

/** csv-parse reports the line a record ends on; its raw text (after any blank lines) tells where it began. */
function startLine(endLine: number, raw: string): number {
  const record = raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
  return endLine - (record.match(/\n/g)?.length ?? 0);
}

function afterFirstLine(text: string): string | undefined {
  const newline = text.indexOf('\n');
  return newline < 0 ? undefined : text.slice(newline + 1);
}

// ---------------------------------------------------------------------------
// Input

async function* singleChunk(text: string): AsyncGenerator<string> {
  yield text;
}

/** Text chunks from strings or UTF-8 bytes (a character split across two Buffers is decoded whole). */
async function* decodeText(input: AsyncIterable<string | Buffer> | string): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield input;
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Reads chunks until the first line is complete; returns it and all the text (that line included). */
async function peekFirstLine(chunks: AsyncIterable<string>): Promise<{ firstLine: string; chunks: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!head.includes('\n')) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  const newline = head.indexOf('\n');
  const firstLine = newline < 0 ? head : head.slice(0, newline);
  async function* all(): AsyncGenerator<string> {
    if (head) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { firstLine, chunks: all() };
}

/** The delimiter that splits the header line into the most columns, quotes respected. */
function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ',';
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}
