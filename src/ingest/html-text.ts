/**
 * DOM → plain text in blocks: one block per paragraph, heading, list item,
 * blockquote or table row, with whitespace collapsed inside a block. The
 * walk is iterative so that hostile, deeply nested markup cannot overflow
 * the stack.
 */

/** Elements that start and end a block of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD',
  'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR',
]);

/** Never text a reader sees (and never markup to pass on as text). */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD',
  'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'VIDEO', 'AUDIO', 'PICTURE',
  'IMG', 'SOURCE', 'MAP', 'AREA',
]);

/** Inline styles that hide an element (Readability drops these too, but not every page goes through it). */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function isHidden(element: Element): boolean {
  return element.hasAttribute('hidden') || HIDING_STYLE.test(element.getAttribute('style') ?? '');
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Characters that take no space on the page but split or glue words in text:
 * zero-width space/joiners, soft hyphen, word joiner, BOM.
 */
const INVISIBLE_CHARACTERS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Collapses whitespace (including no-break spaces) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

/** The text blocks of an element, in document order, empty ones dropped. */
export function textBlocks(root: Node): string[] {
  const blocks: string[] = [];
  let inline: string[] = [];
  // Cells of the table row being read, and the row that owns them; a table
  // nested in a cell adds its cells to the outer row rather than losing them.
  let rowCells: string[] | null = null;
  let rowOwner: Node | null = null;

  const flush = (): void => {
    const text = collapseWhitespace(inline.join(''));
    inline = [];
    if (!text) return;
    if (rowCells) rowCells.push(text);
    else blocks.push(text);
  };

  // Each stack entry is a node to enter, or a marker to leave an element.
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      inline.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || isHidden(node as Element)) continue;

    if (leaving) {
      if (BLOCK_TAGS.has(tag)) flush();
      if (node === rowOwner && rowCells) {
        const row = rowCells.join(' ');
        rowCells = null;
        rowOwner = null;
        if (row) blocks.push(row);
      }
      continue;
    }

    if (BLOCK_TAGS.has(tag)) flush();
    if (tag === 'TR' && !rowOwner) {
      rowOwner = node;
      rowCells = [];
    }
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, leaving: false });
    }
  }
  flush();
  return blocks;
}

/** Blocks joined as the extraction's `text`: paragraphs separated by a blank line. */
export function joinBlocks(blocks: readonly string[]): string {
  return blocks.join('\n\n');
}
