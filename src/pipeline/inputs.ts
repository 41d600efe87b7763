/**
 * From the paths a user names to the records inside them: walks directories,
 * reads files and standard input, unpacks gzip, refuses binaries and oversized
 * files, picks the reader by extension (or by content, for stdin and unknown
 * extensions), and yields one ReadResult per article or per failure. Nothing
 * here throws for bad input: every problem becomes a failure with its source.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync, createGunzip } from 'node:zlib';
import type { IngestFailure, RawDocument, ReadResult, SourceFormat } from '../model/index.ts';
import { IngestError } from '../model/index.ts';
import { readCsv, type ColumnMapping } from '../ingest/read-csv.ts';
import { looksLikeFeed, parseFeed } from '../ingest/read-feed.ts';
import { decodeHtmlBytes } from '../ingest/read-html.ts';
import { readJsonLines } from '../ingest/read-jsonl.ts';

/**
 * 50 MB: far above any real article page or feed (the largest of 181 news
 * pages in the extraction benchmark is under 2 MB), low enough that a stray
 * video or database dump is refused before it is read into memory.
 * JSON Lines and CSV are streamed record by record, so the limit applies to
 * each record there, not to the file.
 */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** What the reader for an input is; `json` is a JSON array (or one object) of articles. */
type InputKind = SourceFormat | 'json';

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json',
  '.csv': 'csv', '.tsv': 'csv',
};

export interface InputOptions {
  maxBytes?: number;
  csvMapping?: ColumnMapping;
  /** Standard input, when a path is `-`. */
  stdin?: NodeJS.ReadableStream;
}

export interface InputFile {
  /** The path as the user can find it again (or `-` for standard input). */
  path: string;
  /** Set for files found inside a directory: these are skipped, not failed, when of an unknown type. */
  fromDirectory: boolean;
}

/** Names with a recognised extension, once any `.gz` is taken off. */
export function kindFromName(name: string): InputKind | null {
  const plain = name.toLowerCase().replace(/\.gz$/, '');
  return KIND_BY_EXTENSION[extname(plain)] ?? null;
}

/**
 * Lists the files to read, directories walked recursively in name order (so a
 * run is reproducible). Missing paths become failures; hidden files and files
 * of unknown type inside directories are passed over, and counted.
 */
export async function expandPaths(
  paths: string[],
): Promise<{ files: InputFile[]; failures: IngestFailure[]; passedOver: string[] }> {
  const files: InputFile[] = [];
  const failures: IngestFailure[] = [];
  const passedOver: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        if (kindFromName(entry.name)) files.push({ path: full, fromDirectory: true });
        else passedOver.push(full);
      }
    }
  };
  for (const path of paths) {
    if (path === '-') {
      files.push({ path, fromDirectory: false });
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path);
      else files.push({ path, fromDirectory: false });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failures.push(
        code === 'ENOENT'
          ? { source: path, code: 'ENOENT', message: 'no such file or directory' }
          : { source: path, code: 'EREAD', message: (error as Error).message },
      );
    }
  }
  return { files, failures, passedOver };
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Text has no NUL bytes and few control characters; 1% of the first 8 KB
 * tolerates a stray form feed or escape in a scraped page, not a PDF or JPEG.
 */
const BINARY_SAMPLE_BYTES = 8192;
const MAX_CONTROL_SHARE = 0.01;

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

/** What a text without a telling extension is, from its first characters. */
export function sniffKind(text: string): InputKind {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2000);
  if (head.startsWith('<')) return looksLikeFeed(head) ? 'feed' : 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) return 'jsonl';
  return 'text';
}

async function readAllBytes(file: InputFile, options: InputOptions, maxBytes: number): Promise<Uint8Array> {
  if (file.path === '-') {
    const stream = options.stdin ?? process.stdin;
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buf.length;
      if (total > maxBytes) throw new IngestError('ETOOBIG', `standard input is over the ${formatBytes(maxBytes)} limit`);
      chunks.push(buf);
    }
    return Buffer.concat(chunks);
  }
  const info = await stat(file.path);
  if (!info.isFile()) throw new IngestError('EREAD', 'not a regular file');
  if (info.size > maxBytes) {
    throw new IngestError('ETOOBIG', `${formatBytes(info.size)} is over the ${formatBytes(maxBytes)} limit (--max-size)`);
  }
  return readFile(file.path);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

function failureOf(source: string, error: unknown): ReadResult {
  if (error instanceof IngestError) return { ok: false, failure: { source, code: error.code, message: error.message } };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, failure: { source, code: 'ENOENT', message: 'no such file or directory' } };
  if (code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') {
    return { ok: false, failure: { source, code: 'EREAD', message: (error as Error).message } };
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
    return { ok: false, failure: { source, code: 'EFORMAT', message: `corrupt gzip data: ${(error as Error).message}` } };
  }
  throw error; // a bug, not bad input
}

/** Lines of a file, gunzipped if named or shaped so, for the streamed formats. */
async function* fileLines(path: string): AsyncGenerator<string> {
  const head = await readHead(path, 2);
  const raw = createReadStream(path);
  const stream = isGzip(head) ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

async function readHead(path: string, n: number): Promise<Uint8Array> {
  const stream = createReadStream(path, { start: 0, end: n - 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Passes lines through, replacing a line over the record limit with a blank
 * one (which the JSON Lines reader skips) and noting a failure for it, so one
 * huge record costs that record only.
 */
async function* limitLines(
  lines: AsyncIterable<string>,
  maxBytes: number,
  source: string,
  oversized: IngestFailure[],
): AsyncGenerator<string> {
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.length > maxBytes) {
      oversized.push({ source: `${source}:${n}`, code: 'ETOOBIG', message: `line ${n} is over the ${formatBytes(maxBytes)} record limit` });
      yield '';
    } else yield line;
  }
}

/** Every article (or failure) in one input file. */
export async function* readInputFile(file: InputFile, options: InputOptions = {}): AsyncGenerator<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const source = file.path;
  const named = file.path === '-' ? null : kindFromName(basename(file.path));
  try {
    // JSON Lines and CSV files are streamed: exports run to gigabytes.
    if (file.path !== '-' && (named === 'jsonl' || named === 'csv')) {
      const info = await stat(file.path);
      if (!info.isFile()) throw new IngestError('EREAD', 'not a regular file');
      if (looksBinary(await decompressedHead(file.path))) throw new IngestError('EBINARY', 'not a text file');
      const oversized: IngestFailure[] = [];
      const lines = limitLines(fileLines(file.path), maxBytes, source, oversized);
      const records = named === 'jsonl' ? readJsonLines(lines, source) : readCsv(joinLines(lines), source, options.csvMapping ?? {});
      for await (const record of records) {
        for (const failure of oversized.splice(0)) yield { ok: false, failure };
        yield record;
      }
      for (const failure of oversized.splice(0)) yield { ok: false, failure };
      return;
    }
    let bytes = await readAllBytes(file, options, maxBytes);
    if (isGzip(bytes)) {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    }
    if (bytes.length === 0) throw new IngestError('ENOARTICLE', 'empty file');
    if (looksBinary(bytes)) throw new IngestError('EBINARY', 'not a text file (binary content)');
    const kind = named && named !== 'html' ? named : null;
    if (named === 'html' || (!kind && sniffKind(Buffer.from(bytes.subarray(0, 4000)).toString('utf8')) === 'html')) {
      yield { ok: true, doc: { source, format: 'html', html: decodeHtmlBytes(bytes), meta: {} } };
      return;
    }
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    yield* readText(text, kind ?? sniffKind(text), source, options);
  } catch (error) {
    yield failureOf(error instanceof IngestError && error.source ? error.source : source, error);
  }
}

async function decompressedHead(path: string): Promise<Uint8Array> {
  const head = await readHead(path, BINARY_SAMPLE_BYTES);
  if (!isGzip(head)) return head;
  const gunzip = createGunzip();
  const chunks: Buffer[] = [];
  let size = 0;
  const input = createReadStream(path).pipe(gunzip);
  for await (const chunk of input) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= BINARY_SAMPLE_BYTES) break;
  }
  input.destroy();
  return Buffer.concat(chunks).subarray(0, BINARY_SAMPLE_BYTES);
}

async function* joinLines(lines: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const line of lines) yield `${line}\n`;
}

async function* readText(text: string, kind: InputKind, source: string, options: InputOptions): AsyncGenerator<ReadResult> {
  switch (kind) {
    case 'feed': {
      const docs: RawDocument[] = parseFeed(text, source);
      for (const doc of docs) yield { ok: true, doc };
      return;
    }
    case 'jsonl':
      yield* readJsonLines(text.split(/\r?\n/), source);
      return;
    case 'json':
      yield* readJsonArray(text, source);
      return;
    case 'csv':
      yield* readCsv(text, source, options.csvMapping ?? {});
      return;
    case 'html':
      yield { ok: true, doc: { source, format: 'html', html: text, meta: {} } };
      return;
    case 'text':
      yield { ok: true, doc: { source, format: 'text', text, meta: {} } };
      return;
  }
}

/** A JSON file holding one article object or an array of them: read as JSON Lines, one element per line. */
export async function* readJsonArray(text: string, source: string): AsyncGenerator<ReadResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new IngestError('EFORMAT', `invalid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  for await (const result of readJsonLines(items.map((item) => JSON.stringify(item)), source)) {
    // Line numbers of the re-serialised array are element numbers: say so.
    if (result.ok) yield { ok: true, doc: { ...result.doc, source: result.doc.source.replace(/:(\d+)$/, '#$1') } };
    else yield { ok: false, failure: { ...result.failure, source: result.failure.source.replace(/:(\d+)$/, '#$1'), message: result.failure.message.replace(/^line/, 'element') } };
  }
}
