/**
 * Page furniture: the parts of a news page that are not the story — menus,
 * share bars, captions, bylines, "related" boxes, newsletter sign-ups. Rules
 * are structural (tags, ARIA roles, class and id words, link density), not
 * keyed to sites, so they carry over to pages never seen.
 */

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
]);

/**
 * Stems that mark furniture anywhere in a class or id ("inlinegallery",
 * "InlineImage-imageEmbedCredit", "social-share-bar"). Each names something
 * that sits around a story, not in it.
 */
const FURNITURE_STEMS = [
  // sharing and social
  'share', 'sharing', 'social', 'sociable', 'addthis',
  // sign-ups and paywalls
  'newsletter', 'subscri', 'signup', 'paywall', 'registration',
  // recirculation
  'related', 'recommend', 'recirc', 'outbrain', 'taboola', 'trending', 'popular', 'readmore', 'read-more', 'morestories',
  // advertising
  'advert', 'sponsor', 'promotion',
  // page mechanics
  'breadcrumb', 'pagination', 'toolbar', 'cookie', 'consent', 'gdpr', 'modal', 'popup', 'sidebar', 'widget',
  // pictures: galleries, captions, photo credits
  'caption', 'credit', 'gallery', 'slideshow', 'carousel', 'lightbox',
  // around the story rather than in it
  'byline', 'author', 'dateline', 'timestamp', 'published', 'comment', 'disclaimer', 'copyright',
  // text for screen readers only
  'sr-only', 'visually-hidden', 'screen-reader',
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

/** Words of an element's class and id, lowercased: "newsCaption p402_premium" → news, caption, p402, premium. */
export function attributeWords(element: Element): string[] {
  return attributeText(element)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function attributeText(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

export function looksLikeFurniture(element: Element): boolean {
  if (FURNITURE_TAGS.has(element.tagName)) return true;
  const raw = attributeText(element).trim();
  if (!raw) return false;
  const lower = raw.toLowerCase();
  if (FURNITURE_STEMS.some((stem) => lower.includes(stem))) return true;
  return attributeWords(element).some((word) => FURNITURE_WORDS.has(word));
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

/** Visible characters of a string: whitespace, however the page indents, does not count. */
function countVisible(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // space, tab, LF, CR, FF, no-break space
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 160) count++;
  }
  return count;
}

function textLength(node: Node): number {
  return countVisible(node.textContent ?? '');
}

function linkTextLength(element: Element): number {
  let length = 0;
  for (const link of element.querySelectorAll('a')) length += textLength(link);
  return length;
}

/**
 * Text and link-text sizes of every element under a root, measured in one
 * pass and kept current as elements are removed — so judging thousands of
 * nested blocks costs O(n·depth) at worst instead of re-reading each
 * subtree's text.
 */
class TextMeasure {
  private readonly sizes = new Map<Node, { text: number; link: number }>();

  constructor(private readonly root: Element) {
    // Iterative post-order walk: a node's size is final when it is left.
    const stack: Array<{ node: Node; inLink: boolean; leaving: boolean }> = [{ node: root, inLink: false, leaving: false }];
    while (stack.length > 0) {
      const { node, inLink, leaving } = stack.pop()!;
      if (node.nodeType === 3) {
        const text = countVisible(node.nodeValue ?? '');
        this.addToAncestors(node, text, inLink ? text : 0);
        continue;
      }
      if (node.nodeType !== 1) continue;
      if (leaving) continue;
      this.sizes.set(node, { text: 0, link: 0 });
      const childInLink = inLink || (node as Element).tagName === 'A';
      stack.push({ node, inLink, leaving: true });
      // linkedom builds `childNodes` afresh on each access: read it once.
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push({ node: child, inLink: childInLink, leaving: false });
      }
    }
  }

  text(element: Element): number {
    return this.sizes.get(element)?.text ?? 0;
  }

  linkDensity(element: Element): number {
    const size = this.sizes.get(element);
    return size && size.text > 0 ? size.link / size.text : 0;
  }

  /** Removes an element and takes its text out of its ancestors' sizes. */
  remove(element: Element): void {
    const size = this.sizes.get(element);
    if (size) this.addToAncestors(element, -size.text, -size.link);
    element.remove();
  }

  private addToAncestors(node: Node, text: number, link: number): void {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      const size = this.sizes.get(parent);
      if (!size) break;
      size.text += text;
      size.link += link;
      if (parent === this.root) break;
    }
  }
}

/**
 * Removes furniture from the article element chosen by the content scorer:
 * marked or class/id-named boxes, captions, and link-dense blocks with the
 * label that introduced them.
 */
export function removeFurnitureFromArticle(article: Element): void {
  const measure = new TextMeasure(article);
  const articleLength = Math.max(1, measure.text(article));

  for (const element of article.querySelectorAll(`[${FURNITURE_MARK}], figcaption, header, [class], [id]`)) {
    if (element === article || !isInside(element, article)) continue;
    if (element.hasAttribute(FURNITURE_MARK) || looksLikeFurniture(element)) {
      if (measure.text(element) / articleLength < MAX_FURNITURE_SHARE_OF_TEXT) measure.remove(element);
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
  const stack: Node[] = [...block.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) unlinked.push(node.nodeValue ?? '');
    else if (node.nodeType === 1 && (node as Element).tagName !== 'A') stack.push(...node.childNodes);
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

/** A paragraph of prose: long enough to be a sentence or two, and not a link list. */
const PROSE_PARAGRAPH_MIN_CHARS = 80;

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
    if (length >= PROSE_PARAGRAPH_MIN_CHARS && linkTextLength(paragraph) / length < MAX_LINK_DENSITY) proseParagraphs++;
  }
  return proseParagraphs <= 2 * teaserHeadings;
}
