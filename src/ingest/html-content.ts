/**
 * Main-content selection: which part of a page is the article. Mozilla's
 * Readability scores the page and picks the container; around it we remove
 * what Readability keeps but a reader would not call the story (menus,
 * captions, bylines, link lists), decide whether the page holds an article
 * at all, and fall back to the JSON-LD articleBody when the markup hides the
 * story from scoring.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isIndexLike, markFurniture, removeFurnitureFromArticle, removeNonContent } from './html-furniture.ts';
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
  let content: Element | null | undefined;
  try {
    content = new Readability<Element>(document, { keepClasses: true, serializer: (node) => node as Element }).parse()
      ?.content;
  } catch {
    // Readability walks DOMs it was not tested on (linkedom, hostile markup);
    // a crash there means no scored content, and the JSON-LD fallback may still serve.
    return null;
  }
  if (!content || isIndexLike(content)) return null;
  const holdsLoginForm = content.querySelector(`[${LOGIN_FORM_MARK}]`) !== null;
  removeFurnitureFromArticle(content);
  return { blocks: textBlocks(content), holdsLoginForm };
}

/** articleBody as blocks: it may hold HTML or entities, and its line breaks are its only paragraph marks. */
function jsonLdBodyBlocks(body: string): string[] {
  const html = /<[a-z][\s\S]*>/i.test(body) ? body : body.replace(/&(?![#\w]+;)/g, '&amp;').replace(/\n/g, '<br>');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: Document };
  return textBlocks(document.body);
}

function contentLength(blocks: readonly string[]): number {
  let length = 0;
  for (const block of blocks) length += block.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return length;
}
