/**
 * Word tokens with offsets, for entity tagging. One pass over the characters, linear time.
 *
 * A token is a word (letters, marks and digits, with inner hyphens and
 * apostrophes: "Chasiv-Yar", "O'Brien"), a dotted acronym ("U.S.", "U.K."),
 * or any other single non-space character. The possessive "'s" / "’s" is its
 * own token, so "Russia's" yields "Russia" — an entity's span must not include it.
 */
import { classAt, LETTER, MARK, NUMBER, SPACE, UPPER, widthAt } from '../char-class.ts';
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * The tokens are what `/\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu`
 * matches, read by hand with a character table (char-class.ts): as a regex
 * with a match object per token it was an eighth of the entity stage.
 */
const WORD = LETTER | MARK | NUMBER;
const CODE_DOT = 0x2e;
const CODE_HYPHEN = 0x2d;
const CODE_S = 0x73;
const CODE_UPPER_S = 0x53;
const CODE_APOSTROPHE = 0x27;
const CODE_RIGHT_QUOTE = 0x2019;

/** Whether a word ends in the possessive "'s" / "’s" after at least one character ("Russia's", not "'s"). */
function endsPossessive(word: string): boolean {
  const n = word.length;
  if (n <= 2) return false;
  const s = word.charCodeAt(n - 1);
  const mark = word.charCodeAt(n - 2);
  return (s === CODE_S || s === CODE_UPPER_S) && (mark === CODE_APOSTROPHE || mark === CODE_RIGHT_QUOTE);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** End of the run of word characters (letters, marks, digits) from `i`. */
function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && classAt(text, i) & WORD) i += widthAt(text, i);
  return i;
}

/** End of the token starting at the non-space character `i`. */
function tokenEnd(text: string, i: number, cls: number): number {
  const n = text.length;
  // A dotted acronym: "U.S.", "U.K".
  if (cls & UPPER) {
    let j = i + widthAt(text, i);
    let dotted = false;
    while (j + 1 < n && text.charCodeAt(j) === CODE_DOT && classAt(text, j + 1) & UPPER) {
      j += 1 + widthAt(text, j + 1);
      dotted = true;
    }
    if (dotted) return j < n && text.charCodeAt(j) === CODE_DOT ? j + 1 : j;
  }
  // A word, with inner hyphens and apostrophes: "Chasiv-Yar", "O'Brien".
  if (cls & WORD) {
    let j = wordRunEnd(text, i);
    for (;;) {
      const c = text.charCodeAt(j);
      if (j + 1 >= n || (c !== CODE_HYPHEN && c !== CODE_APOSTROPHE && c !== CODE_RIGHT_QUOTE) || !(classAt(text, j + 1) & WORD)) return j;
      j = wordRunEnd(text, j + 1);
    }
  }
  return i + widthAt(text, i);
}

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  // A start inside a surrogate pair reads from the pair's start, as a `u` regex's lastIndex does.
  if (start > 0 && start < n && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  for (let at = start; at < n; ) {
    const cls = classAt(text, at);
    if (cls & SPACE) {
      at++;
      continue;
    }
    if (at >= end) break;
    const stop = tokenEnd(text, at, cls);
    const word = text.slice(at, stop);
    if (endsPossessive(word)) {
      const stem = word.slice(0, -2);
      tokens.push({ text: stem, start: at, end: at + stem.length });
      tokens.push({ text: word.slice(-2), start: at + stem.length, end: stop });
    } else {
      tokens.push({ text: word, start: at, end: Math.min(stop, end) });
    }
    at = stop;
  }
  return tokens;
}
