/**
 * HTML fragments (a feed item's content:encoded, a JSONL record's `html`) to
 * plain text. Unlike a page, a fragment is all content: no main-content
 * search, just the text blocks.
 */
import { parseHTML } from 'linkedom';
import { joinBlocks, textBlocks } from './html-text.ts';

export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`) as unknown as {
    document: Document;
  };
  return joinBlocks(textBlocks(document.body));
}
