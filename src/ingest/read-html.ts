/**
 * The HTML reader: one web page in, the article in it (clean text and
 * metadata) out, or null when the page holds no article. Pure — fetching
 * and decoding bytes are the caller's (see `decodeHtmlBytes`).
 *
 * Pipeline: parse (linkedom, behind a guard against hostile markup) → metadata (meta tags,
 * JSON-LD, canonical, lang) → main content (Readability plus our furniture
 * rules, JSON-LD articleBody as fallback) → text blocks → block cleanup.
 */
import { IngestError, type RawMeta } from '../model/index.ts';
import { cleanBlocks } from './html-blocks.ts';
import { mainContentBlocks } from './html-content.ts';
import { parseHtmlDocument } from './html-document.ts';
import { readDocumentMetadata } from './html-metadata.ts';
import { joinBlocks } from './html-text.ts';

export { decodeHtmlBytes } from './html-charset.ts';

export interface HtmlExtraction {
  /** The headline, from og:title, JSON-LD, twitter:title or <title>, with a " | Site Name" suffix removed. */
  title: string | null;
  /** Main content as plain text: one paragraph, heading, list item or quote per block, blocks separated by "\n\n". */
  text: string;
  meta: RawMeta & { canonicalUrl?: string; siteName?: string; description?: string; jsonLdType?: string };
}

export interface ExtractHtmlOptions {
  /** Where the page was fetched from: resolves a relative canonical URL and names the site for title cleanup. */
  url?: string;
}

/**
 * Pages over this many characters are refused rather than parsed: the
 * largest news pages run to 2–3 MB with inline scripts, and the DOM of a
 * much larger one would cost hundreds of megabytes of memory.
 */
export const MAX_HTML_CHARS = 20_000_000;

/**
 * Extracts the article from a web page. Returns null when the page has no
 * article (an index page, an empty body, a login wall). Never throws on
 * malformed HTML; throws IngestError `ETOOBIG` over `MAX_HTML_CHARS`.
 */
export function extractHtml(html: string, options: ExtractHtmlOptions = {}): HtmlExtraction | null {
  if (html.length > MAX_HTML_CHARS) {
    throw new IngestError(
      'ETOOBIG',
      `HTML page of ${html.length} characters is over the ${MAX_HTML_CHARS}-character limit`,
      options.url,
    );
  }
  const document = parseHtmlDocument(html);
  // Metadata first: content extraction rewrites the document.
  const { meta, headlines, jsonLdArticle } = readDocumentMetadata(document, options.url);
  const content = mainContentBlocks(document, jsonLdArticle?.body ? { jsonLdBody: jsonLdArticle.body } : {});
  if (!content) return null;
  const blocks = cleanBlocks(content, headlines);
  if (blocks.length === 0) return null;
  return { title: meta.title ?? null, text: joinBlocks(blocks), meta };
}
