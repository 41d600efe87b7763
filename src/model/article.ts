/**
 * The record types of ingest: what a reader hands to the cleaner, and what the
 * cleaner hands to the store. Every layer may import this module; it imports
 * nothing.
 */

/** The container an article arrived in. */
export type SourceFormat = 'text' | 'html' | 'feed' | 'jsonl' | 'csv';

/**
 * How an article's publication date was known.
 * - `metadata`: given by the container (HTML meta / JSON-LD, feed item, JSONL or CSV field)
 * - `stated`: written in the text itself ("published on July 31, 2024", a dateline)
 * - `inferred`: reasoned from evidence in the text (added by the time analysis)
 * - `unknown`: no evidence; the date is null and is never invented
 */
export type DateProvenance = 'metadata' | 'stated' | 'inferred' | 'unknown';

/** Fields a container may carry about an article, all optional and unvalidated. */
export interface RawMeta {
  id?: string;
  url?: string;
  title?: string;
  outlet?: string;
  author?: string;
  language?: string;
  /** As written by the source (RFC 822, ISO 8601, "2024-07-31"…); parsed by the cleaner. */
  published?: string;
  /** Anything else the container carried (unknown JSONL fields, extra CSV columns). */
  extra?: Record<string, unknown>;
}

/** One article as read out of its container, before cleaning. Exactly one of text/html is set. */
export interface RawDocument {
  /** Where it came from: a path, `path#3` for the 3rd item of a feed, `path:12` for line 12, or a URL. */
  source: string;
  format: SourceFormat;
  text?: string;
  html?: string;
  meta: RawMeta;
}

/** A publication date with how it was known. */
export interface PublishedDate {
  /** ISO 8601 (a full timestamp when known, else `YYYY-MM-DD`), or null when unknown. */
  value: string | null;
  provenance: DateProvenance;
  /** The text or field the date was read from, for a reader to check. */
  evidence: string | null;
}

/**
 * The days an inferred publication date may fall on, `YYYY-MM-DD`, both ends
 * included. One end may be open (null): evidence often bounds a date from one
 * side only ("not before 2024-08-01": the article reports an event of that
 * day, and nothing says how much later it was written).
 */
export interface PublishedRange {
  earliest: string | null;
  latest: string | null;
}

/** Something the cleaner removed or read off the page furniture, kept for inspection. */
export interface FurnitureRemoval {
  /** Name of the rule that fired (e.g. `donation-appeal`, `photo-credit`). */
  rule: string;
  /** The removed line, verbatim. */
  line: string;
}

/** A clean article, not yet stored: the output of `cleanDocument`. */
export interface CleanArticle {
  source: string;
  format: SourceFormat;
  url: string | null;
  title: string;
  /** Clean body text: paragraphs separated by a blank line, no furniture, no title line. */
  text: string;
  outlet: string | null;
  author: string | null;
  /** ISO 639-1 code, or null when the text is too short or mixed to tell. */
  language: string | null;
  published: PublishedDate;
  /** Container fields kept for reference (JSON-LD type, canonical URL, extra columns…). */
  meta: Record<string, unknown>;
  removed: FurnitureRemoval[];
}

/** A stored article. */
export interface Article extends CleanArticle {
  /** Content-derived (hash of the normalised text): re-ingesting the same text yields the same id. */
  id: string;
  contentHash: string;
  ingestedAt: string;
  /** The earlier article this one copies (light edits, a truncated copy, other furniture), if any. */
  duplicateOf: string | null;
  /** Estimated Jaccard similarity of word shingles with `duplicateOf`. */
  similarity: number | null;
}
