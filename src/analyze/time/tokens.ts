/**
 * The token stream the time grammar reads: words, digit runs and single
 * punctuation marks, with offsets into the text. One pass over the
 * characters, so the cost is linear in the text.
 */
import { classAt, LETTER, MARK, SPACE, widthAt } from '../char-class.ts';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  start: number;
  end: number;
  /** The text as written. */
  raw: string;
  /** Lowercased. */
  norm: string;
  kind: TokenKind;
  /** Whitespace separates it from the previous token ("mid-June" has none before "-" and "June"). */
  spaced: boolean;
  /** A line break separates it from the previous token: no expression spans a paragraph break. */
  broken: boolean;
  /** A word that starts with a capital letter. */
  capitalised: boolean;
}

/**
 * Tokens are what `/\p{L}[\p{L}\p{M}]*|[0-9]+|\S/gu` matches: a letter and
 * the letters and marks after it, a run of ASCII digits, or any other single
 * non-space character. A word may carry inner apostrophes only as separate
 * tokens ("year's" → year ' s), which keeps possessives easy to skip. Read by
 * hand, a character table look-up each (char-class.ts): as one regex with a
 * match object per token it was the costliest part of the time stage.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let previousEnd = 0;
  let broken = false;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = classAt(text, i);
    if (cls & SPACE) {
      if (code === CODE_NEWLINE) broken = true;
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    // Lowercase ASCII throughout (most words): the word is its own lowercase form, no toLowerCase needed.
    let lowerAscii = code >= CODE_LOWER_A && code <= CODE_LOWER_Z;
    if (cls & LETTER) {
      i += widthAt(text, i);
      while (i < n && classAt(text, i) & (LETTER | MARK)) {
        const c = text.charCodeAt(i);
        if (c < CODE_LOWER_A || c > CODE_LOWER_Z) lowerAscii = false;
        i += widthAt(text, i);
      }
      kind = 'word';
    } else if (code >= CODE_0 && code <= CODE_9) {
      i++;
      while (i < n && text.charCodeAt(i) >= CODE_0 && text.charCodeAt(i) <= CODE_9) i++;
      kind = 'number';
    } else {
      i += widthAt(text, i);
      // An astral character that is no letter (an emoji) counts as a word, as the regex reading had it.
      kind = i - start > 1 ? 'word' : 'punct';
    }
    const raw = text.slice(start, i);
    const norm = kind === 'word' && !lowerAscii ? raw.toLowerCase() : raw;
    tokens.push({
      start,
      end: i,
      raw,
      norm,
      kind,
      spaced: start > previousEnd,
      broken,
      capitalised: kind === 'word' && raw !== norm && raw[0] !== raw[0]!.toLowerCase(),
    });
    previousEnd = i;
    broken = false;
  }
  return tokens;
}

const CODE_NEWLINE = 10;
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_LOWER_A = 97;
const CODE_LOWER_Z = 122;

/**
 * The tokens of the text last asked for. One analysis reads the same text
 * two or three times (its expressions, then again against a date the text
 * gave, and the tenses around them); tokens depend on the text alone, so the
 * later readings reuse the first's. Callers must not change the array.
 */
let lastText: string | undefined;
let lastTokens: readonly Token[] = [];

export function tokensOf(text: string): readonly Token[] {
  if (text !== lastText) {
    lastTokens = tokenize(text);
    lastText = text;
  }
  return lastTokens;
}
