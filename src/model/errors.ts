/**
 * Errors with a name, a stable code and the facts. A user's bad input is an
 * IngestError (reported with its source and the batch goes on); a broken store
 * is a StoreError (wrapping the driver's error as `cause`).
 */

export type IngestErrorCode =
  | 'ENOENT' // path does not exist
  | 'EREAD' // could not be read (permissions, I/O)
  | 'EBINARY' // not text
  | 'ETOOBIG' // over the size limit
  | 'EFORMAT' // malformed container (XML, JSON, CSV)
  | 'EMAPPING' // CSV lacks a mapped column
  | 'ENOARTICLE' // readable, but no article text in it
  | 'EUNSUPPORTED'; // a file type sitrep does not read

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    /** Path, `path:line` or URL of the input at fault. */
    readonly source?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: 'EQUERY' | 'ECONNECT' | 'EMIGRATE' | 'ECONFIG',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A failure recorded for one input, so a batch can report it and go on. */
export interface IngestFailure {
  source: string;
  code: IngestErrorCode;
  message: string;
}

/** What a reader yields per record: a document, or the reason one record failed. */
export type ReadResult =
  | { ok: true; doc: import('./article.ts').RawDocument }
  | { ok: false; failure: IngestFailure };
