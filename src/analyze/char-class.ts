/**
 * Character classes for the hand-written tokenisers (entities, time): what
 * `\s`, `\p{L}`, `\p{Lu}`, `\p{M}` and `\p{N}` say of the code point at an
 * index. Each UTF-16 code unit is asked of those very regular expressions
 * once per process and remembered in a table, so a tokeniser reads a
 * character with one array look-up instead of running a Unicode regex per
 * token (which, with its match objects, was a third of the time stage).
 */

export const SPACE = 1;
export const LETTER = 2;
export const UPPER = 4;
export const MARK = 8;
export const NUMBER = 16;
/** Set on every classified entry, so 0 means "not asked yet". */
const KNOWN = 128;

const IS_SPACE = /^\s$/u;
const IS_LETTER = /^\p{L}$/u;
const IS_UPPER = /^\p{Lu}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classify(ch: string): number {
  let c = KNOWN;
  if (IS_SPACE.test(ch)) c |= SPACE;
  if (IS_LETTER.test(ch)) c |= LETTER;
  if (IS_UPPER.test(ch)) c |= UPPER;
  if (IS_MARK.test(ch)) c |= MARK;
  if (IS_NUMBER.test(ch)) c |= NUMBER;
  return c;
}

/** Classes of the Basic Multilingual Plane's code units, filled on first sight (64 KB). */
const bmp = new Uint8Array(0x10000);

function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  if (high < 0xd800 || high > 0xdbff || i + 1 >= text.length) return false;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** The classes of the code point starting at `i` (a surrogate pair is one code point, as in a `u` regex). */
export function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  // Astral code points (a high surrogate with its low one) are rare: asked each time, not remembered.
  if (code >= 0xd800 && code <= 0xdbff && isPairAt(text, i)) return classify(text.slice(i, i + 2));
  let c = bmp[code]!;
  if (c === 0) {
    c = classify(String.fromCharCode(code));
    bmp[code] = c;
  }
  return c;
}

/** UTF-16 length of the code point starting at `i`: 2 for a surrogate pair, else 1. */
export function widthAt(text: string, i: number): number {
  return isPairAt(text, i) ? 2 : 1;
}
