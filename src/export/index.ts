/**
 * Export formats: JSON Lines (every field, the same shape as `--json` and the
 * API) and CSV (flat columns for spreadsheets). Documented in docs/export.md.
 */
import { stringify } from 'csv-stringify/sync';
import type { Article } from '../model/index.ts';

export type ExportFormat = 'jsonl' | 'csv';

/** An article as exported: the Article shape, tagged with its record type, with the places it was seen. */
export function articleRecord(article: Article & { sources?: string[] }): Record<string, unknown> {
  return { type: 'article', ...article };
}

export const ARTICLE_CSV_COLUMNS = [
  'id', 'title', 'outlet', 'author', 'language', 'published', 'published_provenance', 'published_evidence',
  'url', 'source', 'format', 'duplicate_of', 'similarity', 'content_hash', 'ingested_at', 'text',
] as const;

export function articleCsvRow(a: Article): string[] {
  const values: Record<(typeof ARTICLE_CSV_COLUMNS)[number], unknown> = {
    id: a.id, title: a.title, outlet: a.outlet, author: a.author, language: a.language,
    published: a.published.value, published_provenance: a.published.provenance,
    published_evidence: a.published.evidence, url: a.url, source: a.source, format: a.format,
    duplicate_of: a.duplicateOf, similarity: a.similarity, content_hash: a.contentHash,
    ingested_at: a.ingestedAt, text: a.text,
  };
  return ARTICLE_CSV_COLUMNS.map((c) => (values[c] === null || values[c] === undefined ? '' : String(values[c])));
}

export function csvLines(rows: string[][], header?: readonly string[]): string {
  return stringify(header ? [header as string[], ...rows] : rows);
}
