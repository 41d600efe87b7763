/**
 * Page furniture: the parts of a news page that are not the story — menus,
 * share bars, captions, bylines, "related" boxes, newsletter sign-ups. Rules
 * are structural (tags, ARIA roles, class and id words, link density), not
 * keyed to sites, so they carry over to pages never seen.
 */
import { linkTextLength, TextMeasure, textLength } from './html-measure.ts';

/** Elements and roles that are never article text, removed before content scoring. */
const NON_CONTENT_SELECTOR = [
  'nav',
  'dialog',
  'template',
  'button',
  'select',
  'textarea',
  'input',
  '[role="navigation"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="contentinfo"]',
].join(', ');

/**
 * Class/id words that mark furniture when they are a whole word of the
 * attribute (split at `-`, `_`, spaces and camelCase humps). Short or common
 * words must match whole: "ad" must not fire inside "header", nor "date"
 * inside "update".
 */
const FURNITURE_WORDS = new Set([
  'ad', 'ads', 'adv', 'dfp', 'tag', 'tags', 'date', 'dates', 'time', 'bio', 'rail', 'sr', 'promo', 'meta', 'print',
  // whole words only: "commentary" wraps opinion pieces
  'comment', 'comments',
]);

/**
 * Stems that mark furniture anywhere in a class or id ("inlinegallery",
 * "InlineImage-imageEmbedCredit", "social-share-bar"). Each names something
 * that sits around a story, not in it.
 */
const FURNITURE_STEMS = [
  // sharing and social
  'share', 'sharing', 'social', 'sociable', 'addthis',
  // sign-ups ("paywall" and "subscriber" are left out: sites put them on the premium story text itself)
  'newsletter', 'signup', 'registration',
  // recirculation
  'related', 'recommend', 'recirc', 'outbrain', 'taboola', 'trending', 'popular', 'readmore', 'read-more', 'morestories',
  // advertising
  'advert', 'sponsor', 'promotion',
  // page mechanics
  'breadcrumb', 'pagination', 'toolbar', 'cookie', 'consent', 'gdpr', 'modal', 'popup', 'sidebar', 'widget',
  // pictures: galleries, captions, photo credits
  'caption', 'credit', 'gallery', 'slideshow', 'carousel', 'lightbox',
  // around the story rather than in it
  'byline', 'author', 'dateline', 'timestamp', 'published', 'disclaimer', 'copyright',
  // text for screen readers only
  'sr-only', 'visually-hidden', 'screen-reader',
];

/**
 * Class/id fragments that name the story text itself. They override the
 * furniture marks: page builders put story text in "widgets"
 * ("elementor-widget-text-editor"), and "related-post-content" is rare
 * next to "post-content".
 */
const CONTENT_MARKERS = [
  'article-body', 'articlebody', 'article-content', 'article-text', 'story-body', 'storybody', 'story-content',
  'story-text', 'post-content', 'post-body', 'entry-content', 'text-editor', 'body-text', 'content-body',
  'rich-text', 'richtext',
];

/** Elements that are furniture by tag: captions, and the header block (headline, standfirst, byline) of a story. */
const FURNITURE_TAGS = new Set(['FIGCAPTION', 'HEADER']);

/** Marks a furniture element before Readability rewrites the page; see `markFurniture`. */
const FURNITURE_MARK = 'data-sitrep-furniture';

/**
 * A furniture-marked element holding this share of the article's text or
 * more is the article itself with an unlucky class name ("post-author-box"
 * wrapping the whole story on some blogs), and is kept.
 */
const MAX_FURNITURE_SHARE_OF_TEXT = 0.4;

/**
 * A block whose text is this much link text is a list of links (related
 * stories, tag clouds, "READ MORE: …" teasers), not prose. Prose with
 * inline links stays far below: even link-heavy paragraphs link a few
 * phrases, seldom more than a third of their words.
 */
const MAX_LINK_DENSITY = 0.6;

/** Elements scored for link density: the smallest blocks a reader sees as one item. */
const LINK_DENSITY_BLOCKS = 'p, li, dt, dd, h2, h3, h4, h5, h6, div, section, ul, ol, table';

/**
 * A short heading-like block right before a removed run of links is that
 * run's label ("DON'T MISS", "More from UK"); 60 characters holds such
 * labels and no sentence of a story worth keeping alone.
 */
const MAX_LIST_LABEL_CHARS = 60;

export function removeNonContent(document: Document): void {
  for (const element of document.querySelectorAll(NON_CONTENT_SELECTOR)) {
    if (element.isConnected && element !== document.body && element !== document.documentElement) element.remove();
  }
}

/**
 * What a class or id token names, judged by its last telling part: in
 * "post-content__share-buttons" the share buttons (furniture), in
 * "elementor-widget-text-editor" the text (content) — names go from
 * general to specific. Null when the token names neither.
 */
function tokenVerdict(token: string): 'furniture' | 'content' | null {
  const lower = token.toLowerCase();
  let verdict: 'furniture' | 'content' | null = null;
  let position = -1;
  const consider = (at: number, kind: 'furniture' | 'content'): void => {
    if (at > position) {
      position = at;
      verdict = kind;
    }
  };
  for (const marker of CONTENT_MARKERS) {
    const at = lower.lastIndexOf(marker);
    if (at >= 0) consider(at, 'content');
  }
  for (const stem of FURNITURE_STEMS) {
    const at = lower.lastIndexOf(stem);
    if (at >= 0) consider(at, 'furniture');
  }
  // Whole words, split at punctuation and camelCase humps: "newsCaption", "ad-slot", "post_meta".
  let offset = 0;
  for (const word of token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/([^a-z0-9]+)/)) {
    if (FURNITURE_WORDS.has(word)) consider(offset, 'furniture');
    offset += word.replace(/ /g, '').length;
  }
  return verdict;
}

function looksLikeFurniture(element: Element): boolean {
  if (FURNITURE_TAGS.has(element.tagName)) return true;
  const tokens = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
  let furniture = false;
  for (const token of tokens) {
    if (!token) continue;
    const verdict = tokenVerdict(token);
    // One token naming the story text outweighs any naming furniture.
    if (verdict === 'content') return false;
    if (verdict === 'furniture') furniture = true;
  }
  return furniture;
}

/**
 * Readability replaces a `<div class="credit"><p>…</p></div>` by its lone
 * `<p>`, dropping the class that told us what it was. So before it runs we
 * mark each furniture element, and the chain of only children under it,
 * with an attribute that survives the rewrite.
 */
export function markFurniture(document: Document): void {
  const body = document.body;
  if (!body) return;
  for (const element of body.querySelectorAll('*')) {
    if (!looksLikeFurniture(element)) continue;
    let marked: Element | null = element;
    while (marked) {
      marked.setAttribute(FURNITURE_MARK, '');
      marked = marked.children.length === 1 && !hasOwnText(marked) ? (marked.children[0] ?? null) : null;
    }
  }
}

function hasOwnText(element: Element): boolean {
  for (const child of element.childNodes) {
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim()) return true;
  }
  return false;
}

/**
 * Whether an element is still under `root`, i.e. not removed with an
 * ancestor. The article element is detached from the page, so `isConnected`
 * cannot tell; and walking up is O(depth), where linkedom's `contains` walks
 * the whole subtree.
 */
function isInside(element: Element, root: Element): boolean {
  for (let node: Node | null = element.parentNode; node; node = node.parentNode) {
    if (node === root) return true;
  }
  return false;
}

/**
 * Removes furniture from the article element chosen by the content scorer:
 * marked or class/id-named boxes, captions, and link-dense blocks with the
 * label that introduced them. Returns the link density of what is left.
 */
export function removeFurnitureFromArticle(article: Element): number {
  const measure = new TextMeasure(article);
  const articleLength = Math.max(1, measure.text(article));

  for (const element of article.querySelectorAll(`[${FURNITURE_MARK}], figcaption, header, [class], [id]`)) {
    if (element === article || !isInside(element, article)) continue;
    if (element.hasAttribute(FURNITURE_MARK) || looksLikeFurniture(element)) {
      if (measure.text(element) / articleLength < MAX_FURNITURE_SHARE_OF_TEXT && !holdsProse(element, measure)) {
        measure.remove(element);
      }
    }
  }

  // Deepest blocks first, so a list of links goes item by item and then as a
  // whole, while a long article <div> with a few links is judged on its own.
  const blocks = [...article.querySelectorAll(LINK_DENSITY_BLOCKS)].reverse();
  for (const block of blocks) {
    if (!isInside(block, article)) continue;
    const length = measure.text(block);
    if (
      length > 0 &&
      measure.linkDensity(block) > MAX_LINK_DENSITY &&
      length / articleLength < MAX_FURNITURE_SHARE_OF_TEXT &&
      !hasUnlinkedSentence(block)
    ) {
      const label = block.previousElementSibling;
      measure.remove(block);
      if (label && isListLabel(label)) measure.remove(label);
    }
  }
  return measure.linkDensity(article);
}

/**
 * A paragraph with this many visible characters (about 30 words) and few
 * links reads as story prose; bios, captions and sign-up pitches run shorter.
 */
const PROSE_PARAGRAPH_CHARS = 150;

/**
 * A furniture-named box holding this many prose paragraphs is part of the
 * story under an unlucky class ("story-body has-sidebar"), and is kept.
 * Furniture has one or two such paragraphs at most (an author bio, a pitch).
 */
const PROSE_PARAGRAPHS_IN_STORY = 3;

/** Link density under which a long paragraph reads as prose. */
const PROSE_MAX_LINK_DENSITY = 0.2;

function holdsProse(element: Element, measure: TextMeasure): boolean {
  let paragraphs = 0;
  for (const paragraph of element.querySelectorAll('p')) {
    if (measure.text(paragraph) >= PROSE_PARAGRAPH_CHARS && measure.linkDensity(paragraph) < PROSE_MAX_LINK_DENSITY) {
      if (++paragraphs >= PROSE_PARAGRAPHS_IN_STORY) return true;
    }
  }
  return false;
}

/**
 * Unlinked words that make a sentence of their own. A digest item — a
 * linked headline followed by "That's according to a new survey from
 * Piper Jaffray." — is content; a teaser ("READ MORE: <link>") is not. Six
 * words with a full stop tells the two apart.
 */
const MIN_UNLINKED_SENTENCE_WORDS = 6;

function hasUnlinkedSentence(block: Element): boolean {
  const unlinked: string[] = [];
  const stack: Node[] = [block];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) unlinked.push(node.nodeValue ?? '');
    else if (node.nodeType === 1 && (node as Element).tagName !== 'A') {
      // A loop, not push(...children): a hostile element may have more children than a call takes arguments.
      for (const child of node.childNodes) stack.push(child);
    }
  }
  const text = unlinked.join(' ');
  return /[.!?]/.test(text) && text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= MIN_UNLINKED_SENTENCE_WORDS;
}

/** A short heading or bold-only line with no sentence in it. */
function isListLabel(element: Element): boolean {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > MAX_LIST_LABEL_CHARS || /[.!?]["”’)]?$/.test(text)) return false;
  if (/^H[2-6]$/.test(element.tagName)) return true;
  const emphasis = element.querySelector('strong, b, em');
  return element.tagName === 'P' && emphasis !== null && textLength(emphasis) === textLength(element);
}

/**
 * A heading is a teaser headline when this much of its text is a link.
 * Headlines on index pages are links in full; a heading in a story that
 * links a name or two stays well below.
 */
const TEASER_HEADING_LINK_DENSITY = 0.8;

/** A teaser's or a story's paragraph of prose: a sentence or two (visible characters), not a link list. */
const INDEX_PROSE_PARAGRAPH_CHARS = 80;

/** Index pages show at least this many teasers; two linked headings can be a story's "related" pair. */
const MIN_TEASERS_FOR_INDEX = 3;

/**
 * Whether the content Readability picked is a list of teasers (a section
 * front, a tag page, search results) rather than a story: several linked
 * headlines, with no more than two paragraphs of prose per headline. A story
 * with a "related" box of linked headlines has far more prose than that.
 * Headlines inside marked furniture (a "related" box) do not count.
 */
export function isIndexLike(content: Element): boolean {
  let teaserHeadings = 0;
  for (const heading of content.querySelectorAll('h1, h2, h3, h4')) {
    if (heading.closest(`[${FURNITURE_MARK}]`)) continue;
    const length = textLength(heading);
    if (length > 0 && linkTextLength(heading) / length >= TEASER_HEADING_LINK_DENSITY) teaserHeadings++;
  }
  if (teaserHeadings < MIN_TEASERS_FOR_INDEX) return false;
  let proseParagraphs = 0;
  for (const paragraph of content.querySelectorAll('p')) {
    const length = textLength(paragraph);
    if (length >= INDEX_PROSE_PARAGRAPH_CHARS && linkTextLength(paragraph) / length < MAX_LINK_DENSITY) proseParagraphs++;
  }
  return proseParagraphs <= 2 * teaserHeadings;
}
