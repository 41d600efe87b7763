/**
 * Main-content selection: which part of a page is the article. Mozilla's
 * Readability scores the page and picks the container; around it we remove
 * what Readability keeps but a reader would not call the story (menus,
 * captions, bylines, link lists), decide whether the page holds an article
 * at all, and fall back to the JSON-LD articleBody when the markup hides the
 * story from scoring.
 */
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument } from './html-document.ts';
import { isIndexLike, markFurniture, removeFurnitureFromArticle, removeNonContent } from './html-furniture.ts';
import { countVisible, TextMeasure } from './html-measure.ts';
import { textBlocks } from './html-text.ts';

/**
 * Less text than this (letters and digits, spaces and punctuation not
 * counted) is not an article: about two sentences of English. Shorter
 * pages are stubs, error pages and "please enable JavaScript" shells.
 */
export const MIN_ARTICLE_CHARS = 120;

/**
 * Content that contains a password field and has less text than this is a
 * login or subscription wall: the teaser above a sign-in form runs to a
 * paragraph or two. (A login box in the page header does not count: it is
 * outside the content.)
 */
const LOGIN_WALL_MAX_CHARS = 700;

/**
 * Pages with more elements than this skip Readability for a one-pass
 * scorer. Readability re-parses the page for each of its up to four
 * attempts, and on link-heavy markup costs ~0.15 ms per element: 6,000
 * elements keep the worst case around a second. Article pages hold far
 * fewer: the 181 benchmark pages have 743 at the median and 1,600 at most.
 */
const MAX_ELEMENTS_FOR_READABILITY = 6000;

/**
 * Pages with more visible text than this (in characters, whitespace not
 * counted) also skip Readability, which re-reads each candidate's text once
 * per ancestor. 300,000 characters is six times the longest feature story
 * in the benchmark and about ten times a long news story.
 */
const MAX_TEXT_FOR_READABILITY = 300_000;

/**
 * Content still this link-heavy after furniture removal is a page of links
 * (a sitemap, a link farm, a menu the scorer mistook for the story), not an
 * article. The most link-rich story among the benchmark pages, a digest of
 * linked headlines each followed by a sentence, reaches 0.42; most stay
 * under 0.1.
 */
const MAX_ARTICLE_LINK_DENSITY = 0.65;

/** A paragraph counts toward its container's score from this many visible characters: a sentence, not a label. */
const MIN_SCORED_PARAGRAPH_CHARS = 25;

/** Paragraphs with more link text than this share are navigation, not prose, and do not score. */
const MAX_SCORED_LINK_DENSITY = 0.5;

/** Marks the ancestors of a password field, so we can tell whether the chosen content holds a login form. */
const LOGIN_FORM_MARK = 'data-sitrep-login';

/**
 * JSON-LD articleBody replaces the scored text when the scored text is
 * less than this share of it: Readability then caught only a fragment
 * (a gallery caption, one of several body containers). Above it the
 * scored text is preferred, because it keeps the page's paragraphs and
 * articleBody is often flattened into one block or truncated.
 */
const JSON_LD_PREFERENCE_RATIO = 0.6;

export interface ContentInput {
  /** The JSON-LD articleBody, when the page declares one. */
  jsonLdBody?: string;
}

/** The article's text blocks, or null when the page holds no article. Mutates the document. */
export function mainContentBlocks(document: Document, input: ContentInput = {}): string[] | null {
  markLoginForms(document);
  const scored = scoredContent(document);
  const fromJsonLd = input.jsonLdBody ? jsonLdBodyBlocks(input.jsonLdBody) : [];

  let blocks = scored?.blocks ?? [];
  if (contentLength(blocks) < JSON_LD_PREFERENCE_RATIO * contentLength(fromJsonLd)) blocks = fromJsonLd;

  const length = contentLength(blocks);
  if (length < MIN_ARTICLE_CHARS) return null;
  if (blocks !== fromJsonLd && scored?.holdsLoginForm && length < LOGIN_WALL_MAX_CHARS) return null;
  return blocks;
}

function markLoginForms(document: Document): void {
  for (const field of document.querySelectorAll('input[type="password" i]')) {
    for (let element = field.parentElement; element; element = element.parentElement) {
      if (element.hasAttribute(LOGIN_FORM_MARK)) break;
      element.setAttribute(LOGIN_FORM_MARK, '');
    }
  }
}

interface ScoredContent {
  blocks: string[];
  holdsLoginForm: boolean;
}

/** Readability's pick, cleaned of furniture; null when it finds nothing or the pick is a list of teasers. */
function scoredContent(document: Document): ScoredContent | null {
  removeNonContent(document);
  markFurniture(document);
  const body = document.body;
  const tooBigToScore =
    body.querySelectorAll('*').length > MAX_ELEMENTS_FOR_READABILITY ||
    visibleTextExceeds(body, MAX_TEXT_FOR_READABILITY);
  const content = tooBigToScore ? densestContainer(body) : readabilityContent(document);
  if (!content || isIndexLike(content)) return null;
  const holdsLoginForm = content.querySelector(`[${LOGIN_FORM_MARK}]`) !== null;
  if (removeFurnitureFromArticle(content) > MAX_ARTICLE_LINK_DENSITY) return null;
  return { blocks: textBlocks(content), holdsLoginForm };
}

const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether the element shows more than `limit` non-blank characters; stops reading once it does. */
function visibleTextExceeds(root: Element, limit: number): boolean {
  let count = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      count += countVisible(node.nodeValue ?? '');
      if (count > limit) return true;
    } else if (node.nodeType === 1 && !INVISIBLE_TAGS.has((node as Element).tagName)) {
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
  }
  return false;
}

function readabilityContent(document: Document): Element | null {
  try {
    const article = new Readability<Element>(document, { keepClasses: true, serializer: (node) => node as Element }).parse();
    return article?.content ?? null;
  } catch {
    // Readability walks DOMs it was not tested on (linkedom, hostile markup);
    // a crash there means no scored content, and the JSON-LD fallback may still serve.
    return null;
  }
}

/**
 * A one-pass version of Readability's core idea, for pages too large to
 * score fully: each prose paragraph adds its length to its parent, half to
 * its grandparent, and the highest-scoring container is the article.
 */
function densestContainer(body: Element): Element {
  const measure = new TextMeasure(body);
  const scores = new Map<Element, number>();
  let best: Element = body;
  let bestScore = 0;
  const credit = (element: Element | null, score: number): void => {
    if (!element) return;
    const total = (scores.get(element) ?? 0) + score;
    scores.set(element, total);
    if (total > bestScore) {
      bestScore = total;
      best = element;
    }
  };
  for (const paragraph of body.querySelectorAll('p, pre, blockquote, td')) {
    const length = measure.text(paragraph);
    if (length < MIN_SCORED_PARAGRAPH_CHARS || measure.linkDensity(paragraph) > MAX_SCORED_LINK_DENSITY) continue;
    credit(paragraph.parentElement, length);
    credit(paragraph.parentElement?.parentElement ?? null, length / 2);
  }
  return best;
}

/**
 * articleBody as blocks: it may hold HTML or entities, and in plain text its
 * line breaks are its only paragraph marks. Parsed behind the same guards
 * as a page, since it is as untrusted.
 */
function jsonLdBodyBlocks(body: string): string[] {
  const html = /<[a-z][\s\S]*>/i.test(body) ? body : body.replace(/&(?![#\w]+;)/g, '&amp;').replace(/\n/g, '<br>');
  return textBlocks(parseHtmlDocument(`<!doctype html><html><head></head><body>${html}</body></html>`).body);
}

function contentLength(blocks: readonly string[]): number {
  let length = 0;
  for (const block of blocks) length += block.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return length;
}
