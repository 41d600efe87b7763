/**
 * Guards against markup that is cheap to write and expensive to parse.
 * The parser (htmlparser2 under linkedom) and content scoring slow down
 * with the square of nesting depth — 100,000 unclosed <div>s (half a
 * megabyte) take minutes — the parser with runs of stray "<" (a megabyte
 * of "< " takes seconds), and scoring with long whitespace runs inside
 * nested elements. All three are rewritten in the source before parsing;
 * ordinary pages pass through unchanged.
 */

/**
 * Stray "<" (not starting a tag, comment or declaration) are text to a
 * browser. A handful occur in any page's inline scripts ("i < 0"); past
 * this many the page is built to stall the parser, and they are replaced.
 */
const MAX_STRAY_LESS_THAN = 2000;

/**
 * What a stray "<" becomes: the fullwidth less-than sign, which reads the
 * same. Not "&lt;": the parser makes a text node of every entity, and two
 * million text nodes stall everything after it.
 */
const STRAY_LESS_THAN_REPLACEMENT = '\uff1c';

const STRAY_LESS_THAN = /<(?![a-zA-Z/!?])/g;

/**
 * Whitespace runs longer than this are cut to one character. Indentation in
 * real pages runs to a few dozen spaces; a megabyte of blanks inside nested
 * elements makes Readability re-scan it once per ancestor (a minute of CPU).
 * Rendering collapses such runs anyway.
 */
const MAX_WHITESPACE_RUN = 256;

// Matched only from the start of a run (the lookbehind), so a long run is not rescanned from each of its characters.
const LONG_WHITESPACE_RUN = new RegExp(`(?<!\\s)\\s{${MAX_WHITESPACE_RUN + 1},}`, 'g');

/** The page source with hostile constructs defused; the same string for ordinary pages. */
export function defuseHostileMarkup(html: string): string {
  return limitNestingDepth(replaceStrayLessThan(collapseLongWhitespace(html)));
}

export function collapseLongWhitespace(html: string): string {
  return html.replace(LONG_WHITESPACE_RUN, (run) => (run.includes('\n') ? '\n' : ' '));
}

export function replaceStrayLessThan(html: string): string {
  let stray = 0;
  STRAY_LESS_THAN.lastIndex = 0;
  while (STRAY_LESS_THAN.exec(html) !== null) {
    if (++stray > MAX_STRAY_LESS_THAN) return html.replace(STRAY_LESS_THAN, STRAY_LESS_THAN_REPLACEMENT);
  }
  return html;
}

/**
 * Deepest nesting kept: twice the deepest of the 181 benchmark pages (49
 * levels as counted here; the median is 14). Scoring cost grows with depth
 * times text size, so this bound, with the text bound in html-content,
 * keeps a hostile page to about a second.
 */
export const MAX_NESTING_DEPTH = 96;

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
    const kind = nestingKind(match);
    if (!kind) continue;
    let drop = false;
    if (kind === 'close') {
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
      const between = html.slice(copiedUpTo, start);
      kept.push(between);
      // A dropped tag may have separated two words; one space keeps them apart.
      // Only one: a run of dropped tags must not become a run of spaces.
      if (between.length > 0 && !/\s$/.test(between)) kept.push(' ');
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
    const kind = nestingKind(match);
    if (kind === 'close') depth = Math.max(0, depth - 1);
    else if (kind === 'open' && ++depth > maxDepth) return true;
  }
  return false;
}

/** Whether a MARKUP match opens or closes a level of nesting; null for comments, raw text, void and self-closed tags. */
function nestingKind(match: RegExpMatchArray): 'open' | 'close' | null {
  const name = match[3]?.toLowerCase();
  if (!name || VOID_ELEMENTS.has(name) || IMPLICITLY_CLOSED.has(name) || match[0].endsWith('/>')) return null;
  return match[2] === '/' ? 'close' : 'open';
}
