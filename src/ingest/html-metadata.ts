/**
 * Article metadata from an HTML document: <meta> tags (Open Graph, Twitter,
 * Dublin Core, article:*), JSON-LD, <link rel=canonical>, <html lang> and
 * <title>. Values are returned as written; dates are parsed by the cleaner.
 */
import type { RawMeta } from '../model/index.ts';
import { collapseWhitespace } from './html-text.ts';

export interface HtmlMetadata extends RawMeta {
  canonicalUrl?: string;
  siteName?: string;
  description?: string;
  jsonLdType?: string;
}

/** What the JSON-LD article object carries beyond metadata, for the content fallback. */
export interface JsonLdArticle {
  type: string;
  headline?: string;
  body?: string;
}

export interface DocumentMetadata {
  meta: HtmlMetadata;
  jsonLdArticle: JsonLdArticle | null;
  /** Every form of the headline on the page (meta titles, JSON-LD, <h1>), to spot it repeated above the story. */
  headlines: string[];
}

/** schema.org types that are an article (CreativeWork subtypes used by news sites and blogs). */
const ARTICLE_TYPE = /^(?:\w*Article|ReportageNews|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;

/** Meta names that carry a publication date, most specific first. */
const DATE_META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article.published',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.created',
  'dcterms.issued',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
];

const AUTHOR_META_KEYS = ['author', 'article:author', 'byline', 'dc.creator', 'parsely-author', 'sailthru.author'];

/** Title separators sites put between the headline and their name. */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•:»/]|::)\s+/;

/**
 * JSON-LD blocks over this size are not parsed: no article's metadata needs
 * it, and a hostile page could otherwise make us parse megabytes of JSON.
 * Article bodies embedded in JSON-LD run to tens of KB, so 1 MB is ample.
 */
const MAX_JSON_LD_CHARS = 1_000_000;

export function readDocumentMetadata(document: Document, pageUrl?: string): DocumentMetadata {
  const metaTags = collectMetaTags(document);
  const jsonLd = findJsonLdArticle(document);
  const article = jsonLd?.article;

  const siteName =
    metaTags.get('og:site_name') ?? jsonLdName(article?.['publisher']) ?? jsonLd?.publisherName ?? metaTags.get('application-name');
  const canonicalUrl = readCanonicalUrl(document, metaTags, pageUrl);
  const url = pageUrl ?? canonicalUrl;

  const titleCandidates = [
    metaTags.get('og:title'),
    jsonLdText(article?.['headline']),
    metaTags.get('twitter:title'),
    collapseWhitespace(document.querySelector('title')?.textContent ?? '') || undefined,
  ];
  const rawTitle = titleCandidates.find((candidate) => candidate !== undefined && candidate !== '');
  const title = rawTitle ? stripSiteName(rawTitle, siteNames(siteName, url)) : undefined;

  const published =
    firstOf(metaTags, DATE_META_KEYS.slice(0, 3)) ??
    jsonLdText(article?.['datePublished']) ??
    firstOf(metaTags, DATE_META_KEYS.slice(3)) ??
    itempropValue(document, 'datePublished') ??
    document.querySelector('time[pubdate]')?.getAttribute('datetime') ??
    undefined;

  const author = jsonLdAuthors(article?.['author']) ?? authorFromMeta(metaTags);
  const language =
    document.documentElement?.getAttribute('lang')?.trim() ||
    metaTags.get('content-language') ||
    jsonLdText(article?.['inLanguage']) ||
    undefined;
  const description = metaTags.get('description') ?? metaTags.get('og:description') ?? jsonLdText(article?.['description']);

  const meta: HtmlMetadata = {};
  if (url) meta.url = url;
  if (title) meta.title = title;
  if (siteName) meta.outlet = siteName;
  if (author) meta.author = author;
  if (language) meta.language = language;
  if (published) meta.published = published.trim();
  if (canonicalUrl) meta.canonicalUrl = canonicalUrl;
  if (siteName) meta.siteName = siteName;
  if (description) meta.description = description;
  if (jsonLd) meta.jsonLdType = jsonLd.type;

  const body = jsonLdBody(article?.['articleBody']);
  const jsonLdArticle: JsonLdArticle | null = jsonLd
    ? { type: jsonLd.type, ...(title ? { headline: title } : {}), ...(body ? { body } : {}) }
    : null;
  const h1 = collapseWhitespace(document.querySelector('h1')?.textContent ?? '');
  const headlines = [...titleCandidates, title, h1].filter((text): text is string => !!text);
  return { meta, jsonLdArticle, headlines };
}

/** `<meta name|property|http-equiv|itemprop=key content=value>`, keys lowercased, first value kept, empty ones skipped. */
function collectMetaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const content = collapseWhitespace(element.getAttribute('content') ?? '');
    if (!content) continue;
    for (const attribute of ['property', 'name', 'http-equiv', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function firstOf(tags: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return undefined;
}

function itempropValue(document: Document, name: string): string | undefined {
  const element = document.querySelector(`[itemprop="${name}"]`);
  if (!element) return undefined;
  const value = element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent ?? '';
  return collapseWhitespace(value) || undefined;
}

/** Meta author values that are profile URLs (Facebook pages in article:author) are not names. */
function authorFromMeta(tags: Map<string, string>): string | undefined {
  for (const key of AUTHOR_META_KEYS) {
    const value = tags.get(key);
    if (value && !/^https?:\/\//i.test(value)) return value;
  }
  return undefined;
}

function readCanonicalUrl(document: Document, tags: Map<string, string>, pageUrl?: string): string | undefined {
  const href = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim() || tags.get('og:url');
  if (!href) return undefined;
  try {
    const resolved = new URL(href, pageUrl);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** Names the site might append to its titles: its declared name and its domain's main label ("wsj" for www.wsj.com). */
function siteNames(siteName: string | undefined, url: string | undefined): string[] {
  const names: string[] = [];
  if (siteName) names.push(siteName);
  if (url) {
    try {
      const labels = new URL(url).hostname.split('.').filter((label) => label !== 'www');
      // The label before the public suffix: "bbc" in bbc.co.uk, "nytimes" in nytimes.com.
      const main = labels.length >= 3 && (labels.at(-2) ?? '').length <= 3 ? labels.at(-3) : labels.at(-2);
      if (main) names.push(main);
      names.push(labels.join('.'));
    } catch {
      // not a URL: no domain to compare with
    }
  }
  return names;
}

function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * "Headline | Site Name" → "Headline" when the part after the last separator
 * (or before the first) is the site's name; a title with no matching
 * part is kept whole, since "Ukraine - the war in numbers" is a headline.
 */
export function stripSiteName(title: string, names: readonly string[]): string {
  const keys = new Set(names.map(nameKey).filter((key) => key.length > 0));
  if (keys.size === 0) return title;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATOR, 'g'))];
  const last = parts.at(-1) ?? '';
  if (keys.has(nameKey(last))) {
    const cut = separators.at(-1)?.index ?? title.length;
    return title.slice(0, cut).trim() || title;
  }
  const first = parts[0] ?? '';
  if (keys.has(nameKey(first))) {
    const separator = separators[0];
    return separator?.index !== undefined ? title.slice(separator.index + separator[0].length).trim() || title : title;
  }
  return title;
}

type JsonObject = Record<string, unknown>;

interface FoundJsonLd {
  type: string;
  article: JsonObject;
  publisherName?: string;
}

/** The first JSON-LD object typed as an article, looking inside arrays, @graph and mainEntity. */
function findJsonLdArticle(document: Document): FoundJsonLd | null {
  let organizationName: string | undefined;
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    const parsed = parseJsonLoosely(source);
    if (parsed === undefined) continue;
    for (const object of flattenJsonLd(parsed)) {
      const types = typesOf(object);
      const articleType = types.find((type) => ARTICLE_TYPE.test(type));
      if (articleType) {
        return { type: articleType, article: object, ...(organizationName ? { publisherName: organizationName } : {}) };
      }
      if (!organizationName && types.some((type) => type === 'Organization' || type === 'NewsMediaOrganization')) {
        organizationName = jsonLdText(object['name']);
      }
    }
  }
  return null;
}

/** JSON-LD as sites write it: sometimes wrapped in comments or CDATA, sometimes with raw newlines inside strings. */
function parseJsonLoosely(source: string): unknown {
  const trimmed = source
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|\/\/\s*\]\]>\s*$|\]\]>\s*$/g, '')
    .trim();
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      // Raw control characters inside strings are the commonest breakage.
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** Every object reachable through arrays, `@graph` and `mainEntity`, breadth-first, bounded. */
function flattenJsonLd(root: unknown): JsonObject[] {
  // A cap on visited nodes keeps a hostile, huge or cyclic-looking graph cheap.
  const MAX_NODES = 500;
  const objects: JsonObject[] = [];
  const queue: unknown[] = [root];
  for (let visited = 0; queue.length > 0 && visited < MAX_NODES; visited++) {
    const item = queue.shift();
    if (Array.isArray(item)) {
      queue.push(...item);
    } else if (item && typeof item === 'object') {
      const object = item as JsonObject;
      objects.push(object);
      if (object['@graph'] !== undefined) queue.push(object['@graph']);
      if (object['mainEntity'] && typeof object['mainEntity'] === 'object') queue.push(object['mainEntity']);
      if (object['mainEntityOfPage'] && typeof object['mainEntityOfPage'] === 'object') {
        const entity = object['mainEntityOfPage'] as JsonObject;
        if (entity['@type'] && typesOf(entity).some((type) => ARTICLE_TYPE.test(type))) queue.push(entity);
      }
    }
  }
  return objects;
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  const list = Array.isArray(type) ? type : [type];
  // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

function jsonLdText(value: unknown): string | undefined {
  if (typeof value === 'string') return collapseWhitespace(value) || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return jsonLdText(value[0]);
  if (value && typeof value === 'object') {
    const object = value as JsonObject;
    return jsonLdText(object['@value'] ?? object['name']);
  }
  return undefined;
}

/** articleBody keeps its line breaks: they are the only paragraph structure it has. */
function jsonLdBody(value: unknown): string | undefined {
  const text = Array.isArray(value) ? value.find((item) => typeof item === 'string') : value;
  return typeof text === 'string' && text.trim() ? text : undefined;
}

function jsonLdName(value: unknown): string | undefined {
  if (Array.isArray(value)) return jsonLdName(value[0]);
  if (typeof value === 'string') return collapseWhitespace(value) || undefined;
  if (value && typeof value === 'object') return jsonLdText((value as JsonObject)['name']);
  return undefined;
}

/** Author names from a string, an object with `name`, or an array of either; several joined with ", ". */
function jsonLdAuthors(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = jsonLdName(item);
    if (name && !/^https?:\/\//i.test(name) && !names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names.join(', ') : undefined;
}
