/**
 * Reads RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom feeds: one RawDocument per
 * item or entry. Pure: the caller reads the file and hands over its text.
 */
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { IngestError, type RawDocument, type RawMeta } from '../model/index.ts';

/** Root element names (local part) that make a document a feed. */
const FEED_ROOTS = new Set(['rss', 'feed', 'RDF']);

/**
 * How much of a file `looksLikeFeed` reads: the root element follows the XML
 * declaration, comments and a DOCTYPE, which fit in a few KB in any real feed.
 */
const SNIFF_CHARS = 8192;

const ATTRIBUTE_PREFIX = '@_';
const TEXT_KEY = '#text';

const PARSER_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_KEY,
  // Keep every value a string: a guid of "12345" is an id, not a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // Feeds in the wild use HTML entities (&nbsp;, &rsquo;) and numeric
  // references (&#8217;); fast-xml-parser decodes the latter only with this on.
  htmlEntities: true,
  // Entity-expansion attacks (billion laughs, quadratic blow-up) come from
  // entities declared in an internal DOCTYPE. fast-xml-parser never expands an
  // entity inside another one, so nesting cannot multiply; these caps bound
  // the linear case. No real feed declares more than a handful, or long ones.
  processEntities: {
    enabled: true,
    maxEntityCount: 50,
    maxEntitySize: 1_000,
    // Counts only growth (an entity longer than its reference), so the decoding
    // of &amp; or &#8217; never counts against it; 100 KB of DOCTYPE-driven text
    // is far beyond any honest feed.
    maxExpandedLength: 100_000,
  },
  // Atom's inline XHTML content is markup, not structure: keep it as a string.
  stopNodes: ['..content[type=xhtml]', '..summary[type=xhtml]', '..title[type=xhtml]'],
};

type XmlNode = Record<string, unknown>;

/** True when the root element of `text` is <rss>, <feed> or <rdf:RDF>. */
export function looksLikeFeed(text: string): boolean {
  const root = findRootElement(text.slice(0, SNIFF_CHARS));
  return root !== null && FEED_ROOTS.has(localName(root));
}

/**
 * Parses a feed into one document per item. `source` names the feed (its
 * path or URL); each document's source is `${source}#${n}`, n counting items
 * from 1. Items with neither a body nor a title are skipped (they keep their
 * number, so `#n` always points at the n-th item in the file).
 *
 * @throws IngestError EFORMAT when the text is not a feed or not well-formed XML.
 */
export function parseFeed(xml: string, source: string): RawDocument[] {
  const root = findRootElement(xml);
  if (root === null) {
    throw new IngestError('EFORMAT', `${source}: expected <rss> or <feed>, found no XML element`, source);
  }
  if (!FEED_ROOTS.has(localName(root))) {
    throw new IngestError('EFORMAT', `${source}: expected <rss> or <feed>, found <${root}>`, source);
  }

  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new IngestError('EFORMAT', `${source}: malformed XML at ${where}: ${msg}`, source);
  }

  let parsed: XmlNode;
  try {
    parsed = new XMLParser(PARSER_OPTIONS).parse(xml) as XmlNode;
  } catch (error) {
    // The validator passed, so this is an entity limit or a parser quirk.
    throw new IngestError('EFORMAT', `${source}: ${error instanceof Error ? error.message : String(error)}`, source, { cause: error });
  }

  const rootNode = asNode(parsed[root]);
  if (!rootNode) return [];
  switch (localName(root)) {
    case 'feed':
      return readAtom(rootNode, source);
    case 'RDF':
      // RSS 1.0: <channel> and the <item>s are siblings under <rdf:RDF>.
      return readRss(asNode(rootNode['channel']) ?? {}, asArray(rootNode['item']), rootNode, source);
    default: {
      const channel = asNode(rootNode['channel']) ?? {};
      return readRss(channel, asArray(channel['item']), rootNode, source);
    }
  }
}

// ---------------------------------------------------------------------------
// RSS

function readRss(channel: XmlNode, items: unknown[], root: XmlNode, source: string): RawDocument[] {
  const outlet = textOf(channel['title']);
  const feedLanguage = textOf(channel['language']) ?? textOf(channel['dc:language']) ?? attributeOf(channel, 'xml:lang') ?? attributeOf(root, 'xml:lang');
  const documents: RawDocument[] = [];
  items.forEach((value, index) => {
    const item = asNode(value);
    if (!item) return;
    const guid = item['guid'];
    const guidText = textOf(guid);
    const link = rssLink(item) ?? permalinkGuid(guid);
    const meta: RawMeta = {
      id: guidText ?? attributeOf(item, 'rdf:about'),
      url: link,
      title: plainTitle(item['title']) ?? textOf(item['dc:title']),
      outlet,
      author: rssAuthor(item),
      language: attributeOf(item, 'xml:lang') ?? textOf(item['dc:language']) ?? feedLanguage,
      published: textOf(item['pubDate']) ?? textOf(item['published']) ?? textOf(item['updated']) ?? textOf(item['dc:date']),
    };
    const body = firstNonEmpty(item['content:encoded'], item['content'], item['description'], item['summary']);
    const document = toDocument(`${source}#${index + 1}`, body, meta);
    if (document) documents.push(document);
  });
  return documents;
}

/** RSS <link> is text; an <atom:link> beside it is an element with href. */
function rssLink(item: XmlNode): string | undefined {
  for (const link of asArray(item['link'])) {
    const url = typeof link === 'string' ? link.trim() : textOf(link);
    if (url) return url;
  }
  return atomLink(item['atom:link']);
}

/** A guid is the item's URL unless isPermaLink="false" (RSS 2.0 spec). */
function permalinkGuid(guid: unknown): string | undefined {
  const value = textOf(guid);
  if (!value || !/^https?:\/\//i.test(value)) return undefined;
  const node = asNode(guid);
  return node && attributeOf(node, 'isPermaLink')?.toLowerCase() === 'false' ? undefined : value;
}

/**
 * RSS 2.0 <author> must be an e-mail address ("jane@x.org (Jane Doe)");
 * dc:creator is a name. Prefer a name wherever it is written.
 */
function rssAuthor(item: XmlNode): string | undefined {
  const candidates = [...asArray(item['author']), ...asArray(item['dc:creator'])]
    .map((value) => textOf(value) ?? textOf(asNode(value)?.['name']))
    .filter((value): value is string => value !== undefined);
  const names: string[] = [];
  for (const candidate of candidates) {
    const parenthesised = /^\S+@\S+\s*\((.+)\)$/.exec(candidate)?.[1];
    const name = parenthesised ?? (/^\S+@\S+$/.test(candidate) ? undefined : candidate);
    if (name && !names.includes(name)) names.push(name);
  }
  if (names.length > 0) return names.join(', ');
  return candidates[0];
}

// ---------------------------------------------------------------------------
// Atom

function readAtom(feed: XmlNode, source: string): RawDocument[] {
  const outlet = plainTitle(feed['title']);
  const feedLanguage = attributeOf(feed, 'xml:lang');
  const documents: RawDocument[] = [];
  asArray(feed['entry']).forEach((value, index) => {
    const entry = asNode(value);
    if (!entry) return;
    const meta: RawMeta = {
      id: textOf(entry['id']),
      url: atomLink(entry['link']),
      title: plainTitle(entry['title']),
      outlet,
      author: atomAuthors(entry['author']) ?? atomAuthors(feed['author']),
      language: attributeOf(entry, 'xml:lang') ?? feedLanguage,
      published: textOf(entry['published']) ?? textOf(entry['updated']) ?? textOf(entry['dc:date']),
    };
    // <content src="…"> points elsewhere and carries no text of its own.
    const contentNode = asNode(entry['content']);
    const content = contentNode && attributeOf(contentNode, 'src') ? undefined : entry['content'];
    const body = firstNonEmpty(content, entry['summary']);
    const document = toDocument(`${source}#${index + 1}`, body, meta);
    if (document) documents.push(document);
  });
  return documents;
}

/** The rel="alternate" link (rel defaults to alternate), preferring an HTML page. */
function atomLink(value: unknown): string | undefined {
  const alternates = asArray(value)
    .map(asNode)
    .filter((link): link is XmlNode => link !== undefined && (attributeOf(link, 'rel') ?? 'alternate') === 'alternate' && attributeOf(link, 'href') !== undefined);
  const html = alternates.find((link) => /html/i.test(attributeOf(link, 'type') ?? 'text/html'));
  return attributeOf(html ?? alternates[0] ?? {}, 'href');
}

function atomAuthors(value: unknown): string | undefined {
  const names = asArray(value)
    .map((author) => textOf(asNode(author)?.['name']) ?? textOf(author))
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

// ---------------------------------------------------------------------------
// Documents

/**
 * Builds the document for one item. The body becomes `html` when it holds
 * markup (escaped HTML in <description>, CDATA in <content:encoded>, XHTML),
 * else `text`. A title-only item (a wire alert, a link list) keeps its title
 * as the text: the cleaner decides whether that is enough of an article.
 */
function toDocument(source: string, body: string | undefined, meta: RawMeta): RawDocument | undefined {
  const cleanMeta = withoutUndefined(meta);
  if (body && containsMarkup(body)) {
    return { source, format: 'feed', html: wrapHtml(body, meta.title, meta.language), meta: cleanMeta };
  }
  const text = body ?? meta.title;
  if (!text) return undefined;
  return { source, format: 'feed', text, meta: cleanMeta };
}

/** A tag (`<p>`, `</a>`, `<br/>`) or an entity left over after XML decoding (double-escaped HTML). */
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;

function containsMarkup(text: string): boolean {
  return MARKUP.test(text);
}

function wrapHtml(body: string, title: string | undefined, language: string | undefined): string {
  const lang = language ? ` lang="${escapeHtml(language)}"` : '';
  return `<!DOCTYPE html><html${lang}><head><meta charset="utf-8"><title>${escapeHtml(title ?? '')}</title></head><body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A title as plain text: Atom allows type="html"/"xhtml" titles, whose tags are noise here. */
function plainTitle(value: unknown): string | undefined {
  const title = textOf(value);
  if (title === undefined || !containsMarkup(title)) return title;
  const plain = decodeBasicEntities(title.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return plain || undefined;
}

function decodeBasicEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return named[name.toLowerCase()] ?? entity;
  });
}

// ---------------------------------------------------------------------------
// XML helpers

/**
 * The qualified name of the first element, skipping a BOM, the XML
 * declaration, processing instructions, comments and a DOCTYPE (with its
 * internal subset). Null when there is no element, e.g. plain text.
 */
function findRootElement(text: string): string | null {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (text.startsWith('<?', position)) {
      const end = text.indexOf('?>', position + 2);
      if (end < 0) return null;
      position = end + 2;
    } else if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position + 4);
      if (end < 0) return null;
      position = end + 3;
    } else if (/^<!doctype/i.test(text.slice(position, position + 9))) {
      position = endOfDoctype(text, position);
      if (position < 0) return null;
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(position, position + 256));
      return match?.[1] ?? null;
    }
  }
}

/** Index just past a DOCTYPE, stepping over a `[...]` internal subset; -1 if unterminated. */
function endOfDoctype(text: string, start: number): number {
  const bracket = text.indexOf('[', start);
  const close = text.indexOf('>', start);
  if (close < 0) return -1;
  if (bracket < 0 || bracket > close) return close + 1;
  const subsetEnd = text.indexOf(']', bracket);
  if (subsetEnd < 0) return -1;
  const end = text.indexOf('>', subsetEnd);
  return end < 0 ? -1 : end + 1;
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}

function asNode(value: unknown): XmlNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/** fast-xml-parser gives one child as a value and several as an array. */
function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The trimmed text of an element (a string, or a node with attributes and #text); undefined when empty. */
function textOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const raw = typeof first === 'string' ? first : asNode(first)?.[TEXT_KEY];
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' ? undefined : text;
}

function attributeOf(node: XmlNode, name: string): string | undefined {
  const value = node[ATTRIBUTE_PREFIX + name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function firstNonEmpty(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = textOf(value);
    if (text) return text;
  }
  return undefined;
}

function withoutUndefined(meta: RawMeta): RawMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as RawMeta;
}
