/**
 * A guard against pathologically nested markup. Parsing and content scoring
 * both slow down with the square of nesting depth: 100,000 unclosed <div>s
 * (half a megabyte) take minutes. Real pages nest a few dozen levels, so
 * tags opened past a generous depth are dropped from the source before it
 * is parsed; their text stays.
 */

/**
 * Deepest nesting kept. Real news pages stay under ~60 levels (React-heavy
 * ones under ~100); at 256 levels a page still extracts in about a tenth
 * of a second.
 */
export const MAX_NESTING_DEPTH = 256;

/** Elements that never have content, so never nest. */
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'command', 'basefont', 'bgsound', 'frame', 'image', 'isindex', 'spacer',
]);

/**
 * Elements the parser closes implicitly (a new <p> or <li> ends the last),
 * so unclosed ones do not nest. Not counting them keeps pages that never
 * close their paragraphs from looking deep.
 */
const IMPLICITLY_CLOSED = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp',
  'html', 'head', 'body',
]);

/**
 * A tag, or a span whose content is not markup: a comment, or a raw-text
 * element (script, style…) whose "<div>"s are just characters.
 */
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g;

/** The HTML with tags beyond `maxDepth` removed; the same string when nothing is that deep. */
export function limitNestingDepth(html: string, maxDepth = MAX_NESTING_DEPTH): string {
  if (!exceedsDepth(html, maxDepth)) return html;

  const kept: string[] = [];
  let depth = 0;
  let suppressed = 0;
  let copiedUpTo = 0;
  for (const match of html.matchAll(MARKUP)) {
    const name = match[3]?.toLowerCase();
    if (!name || VOID_ELEMENTS.has(name) || IMPLICITLY_CLOSED.has(name) || match[0].endsWith('/>')) continue;
    let drop = false;
    if (match[2] === '/') {
      if (suppressed > 0) {
        suppressed--;
        drop = true;
      } else if (depth > 0) {
        depth--;
      }
    } else if (depth >= maxDepth) {
      suppressed++;
      drop = true;
    } else {
      depth++;
    }
    if (drop) {
      const start = match.index ?? 0;
      kept.push(html.slice(copiedUpTo, start), ' ');
      copiedUpTo = start + match[0].length;
    }
  }
  kept.push(html.slice(copiedUpTo));
  return kept.join('');
}

function exceedsDepth(html: string, maxDepth: number): boolean {
  // Cheap bound first: a page with fewer tags than the limit cannot exceed it.
  let opens = 0;
  for (let i = html.indexOf('<'); i !== -1 && opens <= maxDepth; i = html.indexOf('<', i + 1)) opens++;
  if (opens <= maxDepth) return false;

  let depth = 0;
  for (const match of html.matchAll(MARKUP)) {
    const name = match[3]?.toLowerCase();
    if (!name || VOID_ELEMENTS.has(name) || IMPLICITLY_CLOSED.has(name) || match[0].endsWith('/>')) continue;
    if (match[2] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > maxDepth) return true;
  }
  return false;
}
