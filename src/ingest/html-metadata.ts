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

/** The page's JSON-LD article object, as far as content extraction needs it. */
export interface JsonLdArticle {
  type: string;
  /** articleBody, line breaks kept: the fallback when the markup hides the story. */
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

/**
 * A part of a split title this long can be the headline (and is looked for
 * repeated above the story); shorter parts are section or site names.
 */
const MIN_HEADLINE_PART_WORDS = 4;

/** Title separators sites put between the headline and their name. */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•:»/]|::)\s+/;

/**
 * JSON-LD blocks over this size are not parsed: no article's metadata needs
 * it, and a hostile page could otherwise make us parse megabytes of JSON.
 * Article bodies embedded in JSON-LD run to tens of KB, so 1 MB is ample.
 */
const MAX_JSON_LD_CHARS = 1_000_000;

export function readDocumentMetadata(document: Document, pageUrl?: string): DocumentMetadata {
  const metaTags = new MetaTags(document);
  const jsonLd = findJsonLdArticle(document);
  const article = jsonLd?.article;

  const resolve = jsonLd?.resolve ?? ((value: unknown) => value);
  const siteName =
    metaTags.get('og:site_name') ??
    jsonLdName(resolve(article?.['publisher'])) ??
    jsonLd?.organizationName ??
    metaTags.get('application-name');
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
    metaTags.firstOf(DATE_META_KEYS.slice(0, 3)) ??
    jsonLdText(article?.['datePublished']) ??
    metaTags.firstOf(DATE_META_KEYS.slice(3)) ??
    itempropValue(document, 'datePublished') ??
    document.querySelector('time[pubdate]')?.getAttribute('datetime') ??
    undefined;

  const author = jsonLdAuthors(resolve(article?.['author'])) ?? authorFromMeta(metaTags);
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
  const jsonLdArticle: JsonLdArticle | null = jsonLd ? { type: jsonLd.type, ...(body ? { body } : {}) } : null;
  const h1 = collapseWhitespace(document.querySelector('h1')?.textContent ?? '');
  const headlines = [...titleCandidates, title, h1].filter((text): text is string => !!text);
  // "Site :: Headline" with a site name we could not confirm still has the headline in it.
  for (const candidate of titleCandidates) {
    for (const part of candidate?.split(TITLE_SEPARATOR) ?? []) {
      if (part.split(/\s+/).length >= MIN_HEADLINE_PART_WORDS) headlines.push(part);
    }
  }
  return { meta, jsonLdArticle, headlines };
}

/** `<meta name|property|http-equiv|itemprop=key content=value>`: the values of each key (lowercased) in page order, empty ones skipped. */
class MetaTags {
  private readonly values = new Map<string, string[]>();

  constructor(document: Document) {
    for (const element of document.querySelectorAll('meta')) {
      const content = collapseWhitespace(element.getAttribute('content') ?? '');
      if (!content) continue;
      for (const attribute of ['property', 'name', 'http-equiv', 'itemprop']) {
        const key = element.getAttribute(attribute)?.trim().toLowerCase();
        if (!key) continue;
        const list = this.values.get(key);
        if (list) list.push(content);
        else this.values.set(key, [content]);
      }
    }
  }

  get(key: string): string | undefined {
    return this.values.get(key)?.[0];
  }

  all(key: string): readonly string[] {
    return this.values.get(key) ?? [];
  }

  firstOf(keys: readonly string[]): string | undefined {
    for (const key of keys) {
      const value = this.get(key);
      if (value) return value;
    }
    return undefined;
  }
}

function itempropValue(document: Document, name: string): string | undefined {
  const element = document.querySelector(`[itemprop="${name}"]`);
  if (!element) return undefined;
  const value = element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent ?? '';
  return collapseWhitespace(value) || undefined;
}

/**
 * Authors from the first author-like meta key that names someone; several
 * tags of that key (one per author) are joined. Profile URLs (Facebook pages
 * in article:author) are not names, and "By " is not part of one.
 */
function authorFromMeta(tags: MetaTags): string | undefined {
  for (const key of AUTHOR_META_KEYS) {
    const names = tags
      .all(key)
      .map((value) => value.replace(/^by\s+/i, ''))
      .filter((value) => value && !/^https?:\/\//i.test(value));
    if (names.length > 0) return [...new Set(names)].join(', ');
  }
  return undefined;
}

function readCanonicalUrl(document: Document, tags: MetaTags, pageUrl?: string): string | undefined {
  const href = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim() || tags.get('og:url');
  if (!href) return undefined;
  try {
    const resolved = new URL(href, pageUrl);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Names the site might put in its titles: its declared name, each label of
 * its host name ("frontierherald" in www.frontierherald.example.net, "wsj"
 * in www.wsj.com) and the host name itself ("nytimes.com"). Without a
 * public-suffix list we cannot tell which label is the site's, so any may
 * match — a title part equal to "example" or "com" is no headline anyway.
 */
function siteNames(siteName: string | undefined, url: string | undefined): string[] {
  const names: string[] = [];
  if (siteName) names.push(siteName);
  if (url) {
    try {
      const labels = new URL(url).hostname.split('.').filter((label) => label !== 'www');
      names.push(...labels, labels.join('.'));
    } catch {
      // not a URL: no host name to compare with
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
  /** Resolves `{"@id": …}` references to the objects they name elsewhere on the page. */
  resolve: (value: unknown) => unknown;
  /** Name of an Organization elsewhere in the JSON-LD, for when the article names no publisher. */
  organizationName?: string;
}

/**
 * The first JSON-LD object typed as an article, looking inside arrays,
 * @graph and mainEntity across all of the page's JSON-LD blocks.
 */
function findJsonLdArticle(document: Document): FoundJsonLd | null {
  const objects: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    const parsed = parseJsonLoosely(source);
    if (parsed !== undefined) objects.push(...flattenJsonLd(parsed));
  }

  const byId = new Map<string, JsonObject>();
  for (const object of objects) {
    const id = object['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, object);
  }
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      const reference = value as JsonObject;
      const id = reference['@id'];
      if (typeof id === 'string' && reference['name'] === undefined) return byId.get(id) ?? value;
    }
    return value;
  };

  const organization = objects.find((object) =>
    typesOf(object).some((type) => type === 'Organization' || type === 'NewsMediaOrganization'),
  );
  const organizationName = organization ? jsonLdText(organization['name']) : undefined;
  for (const object of objects) {
    const type = typesOf(object).find((candidate) => ARTICLE_TYPE.test(candidate));
    if (type) return { type, article: object, resolve, ...(organizationName ? { organizationName } : {}) };
  }
  return null;
}

/**
 * JSON-LD as sites write it: sometimes wrapped in an HTML comment or CDATA,
 * often with raw line breaks inside strings (invalid JSON, and the only
 * paragraph marks an articleBody has) — those are escaped, not dropped.
 */
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
      return JSON.parse(escapeControlCharactersInStrings(trimmed));
    } catch {
      return undefined;
    }
  }
}

function escapeControlCharactersInStrings(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i]!;
    if (inString && char === '\\') {
      out += char + (json[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') inString = !inString;
    if (inString && char < ' ') {
      out += char === '\n' ? '\\n' : char === '\t' ? '\\t' : char === '\r' ? '' : ' ';
      continue;
    }
    out += char;
  }
  return out;
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
