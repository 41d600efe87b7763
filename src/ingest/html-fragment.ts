/**
 * HTML fragments (a feed item's content:encoded, a JSONL record's `html`) to
 * plain text. Unlike a page, a fragment is all content: no main-content
 * search, just the text blocks — parsed with the same hostile-markup guards
 * as pages, since feeds carry whatever the publisher's CMS emits.
 */
import { parseHtmlDocument } from './html-document.ts';
import { joinBlocks, textBlocks } from './html-text.ts';

export function htmlFragmentToText(html: string): string {
  return joinBlocks(textBlocks(parseHtmlDocument(html).body));
}
