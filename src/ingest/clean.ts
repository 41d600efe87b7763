/**
 * RawDocument → CleanArticle: main text out of HTML, furniture off, and the
 * metadata read from wherever it is (container fields first, then the page,
 * then what the furniture and the text say). Pure: same input, same output.
 */
import type { CleanArticle, PublishedDate, RawDocument, RawMeta } from '../model/index.ts';
import { IngestError } from '../model/index.ts';
import { findStatedDate, parseDateString } from './dates.ts';
import { stripFurniture } from './furniture.ts';
import type { LanguageDetector } from './language.ts';
import { htmlFragmentToText } from './html-fragment.ts';
import { extractHtml, type HtmlExtraction } from './read-html.ts';

/**
 * Fewer letters than this is a headline or a teaser, not an article: 80 is
 * about one short sentence, the least a reader can be shown as "the text".
 */
export const MIN_ARTICLE_LETTERS = 80;

/** Titles are shown in one line of a table; beyond 300 characters it is a paragraph that lost its title. */
const MAX_TITLE_CHARS = 300;
/** A title made from the first sentence stops near headline length (most headlines are under 120). */
const MAX_DERIVED_TITLE_CHARS = 160;

/**
 * For an article with no title anywhere (a text whose first line is already
 * the body): its first sentence, cut at a word near headline length.
 */
export function titleFromText(text: string): string {
  const firstParagraph = text.split(/\n/)[0]!.trim();
  const sentence = firstParagraph.match(/^.+?[.!?](?=\s+["“‘(]?\p{Lu}|$)/u)?.[0] ?? firstParagraph;
  if (sentence.length <= MAX_DERIVED_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_DERIVED_TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_DERIVED_TITLE_CHARS / 2))}…`;
}

export interface CleanOptions {
  /** The present, for rejecting dates in the future; pass it in (stages read no clock). */
  now?: Date;
  /** Loaded once per process by the caller (`loadLanguageDetector`); without it only a declared language is kept. */
  languageDetector?: LanguageDetector;
  /** Letters of text below which there is "no article" (default MIN_ARTICLE_LETTERS); 0 accepts any text. */
  minLetters?: number;
}

function firstNonEmpty(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    const t = v?.replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return null;
}

/** ISO 639-1 from a tag such as `en-GB`, `EN`, `uk_UA`; null for anything else. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = tag?.trim().toLowerCase().match(/^([a-z]{2,3})(?:[-_].*)?$/);
  return m ? m[1]! : null;
}

/** `www.kyivindependent.com` → `kyivindependent.com`: an outlet name of last resort. */
export function outletFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^(www\d?|m|amp|mobile)\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Publication timestamps in file names, as crawlers and exports write them:
 * `20220125T090000Z_GB_en_….txt`, `2024-07-31-title.html`. Treated as
 * metadata (the file name is the container's label), with the name as evidence.
 */
const FILE_NAME_DATE = /(?:^|[\\/])((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3])([0-5]\d)([0-5]\d)Z)?[^\\/]*$/;

export function dateFromFileName(source: string): PublishedDate | null {
  const m = source.match(FILE_NAME_DATE);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const value = h ? `${y}-${mo}-${d}T${h}:${mi}:${s}Z` : `${y}-${mo}-${d}`;
  if (parseDateString(value) === null) return null;
  return { value, provenance: 'metadata', evidence: `file name ${source.split(/[\\/]/).pop()}` };
}

function publishedFromMeta(meta: RawMeta, now: Date | undefined): PublishedDate | null {
  if (!meta.published) return null;
  const value = parseDateString(meta.published, now);
  return value ? { value, provenance: 'metadata', evidence: meta.published } : null;
}

/** Plain text of a document: the main content of a page, the text of a feed/JSONL fragment, or the text as given. */
function bodyOf(doc: RawDocument): { text: string; pageMeta: HtmlExtraction['meta']; pageTitle: string | null } {
  if (doc.html === undefined) return { text: doc.text ?? '', pageMeta: {}, pageTitle: null };
  if (doc.format === 'html') {
    const extraction = extractHtml(doc.html, doc.meta.url ? { url: doc.meta.url } : undefined);
    if (!extraction) throw new IngestError('ENOARTICLE', 'no article text found in the page', doc.source);
    return { text: extraction.text, pageMeta: extraction.meta, pageTitle: extraction.title };
  }
  // Feed items and JSONL/CSV records carry a fragment of the article's HTML, not a page.
  return { text: htmlFragmentToText(doc.html), pageMeta: {}, pageTitle: null };
}

export function cleanDocument(doc: RawDocument, options: CleanOptions = {}): CleanArticle {
  const { text: body, pageMeta, pageTitle } = bodyOf(doc);
  const knownTitle = firstNonEmpty(doc.meta.title, pageTitle);
  const furniture = stripFurniture(body, { ...(knownTitle === null ? {} : { knownTitle }), ...(options.now ? { now: options.now } : {}) });
  const text = furniture.text.trim();
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const minLetters = options.minLetters ?? MIN_ARTICLE_LETTERS;
  if (letters < minLetters) {
    throw new IngestError(
      'ENOARTICLE',
      letters === 0 ? 'no article text' : `only ${letters} letters of text after cleaning (need ${minLetters})`,
      doc.source,
    );
  }

  const url = firstNonEmpty(doc.meta.url, pageMeta.url, pageMeta.canonicalUrl);
  const statedTitle = firstNonEmpty(knownTitle, furniture.title);
  const title = (statedTitle ?? titleFromText(text)).slice(0, MAX_TITLE_CHARS);
  const published =
    publishedFromMeta(doc.meta, options.now) ??
    publishedFromMeta(pageMeta, options.now) ??
    (doc.format === 'text' || doc.format === 'html' ? dateFromFileName(doc.source) : null) ??
    furniture.stated ??
    findStatedDate(text, options.now ? { now: options.now } : {}) ?? { value: null, provenance: 'unknown', evidence: null };

  // A detector reading the text beats a declared language: page templates
  // declare one language for every article on a site.
  const detected = options.languageDetector?.detect(`${title}\n${text}`) ?? { language: null, confidence: 0 };
  const declared = primaryLanguage(doc.meta.language ?? pageMeta.language);
  const language = detected.language ?? declared;

  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...pageMeta, ...doc.meta.extra })) {
    if (value !== undefined && value !== null && value !== '') meta[key] = value;
  }
  if (doc.meta.id) meta.sourceId = doc.meta.id;
  if (!statedTitle) meta.titleFrom = 'first sentence';
  if (declared) meta.declaredLanguage = declared;
  if (detected.language) meta.languageConfidence = Number(detected.confidence.toFixed(3));

  return {
    source: doc.source,
    format: doc.format,
    url,
    title,
    text,
    outlet: firstNonEmpty(doc.meta.outlet, pageMeta.outlet, pageMeta.siteName, furniture.outlet, outletFromUrl(url)),
    author: firstNonEmpty(doc.meta.author, pageMeta.author, furniture.author),
    language,
    published,
    meta,
    removed: furniture.removed,
  };
}
