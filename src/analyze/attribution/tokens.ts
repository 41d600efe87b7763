/**
 * Word and punctuation tokens with their offsets, the unit every attribution
 * rule walks over. One linear regular-expression pass per sentence, no
 * backtracking: the possessive "'s" is its own token so "Ukraine's head of
 * state" reads as NP + 's + NP.
 */
import type { Span } from '../../model/index.ts';

export interface Token extends Span {
  text: string;
  /** Lowercased, typographic apostrophes folded to "'". */
  lower: string;
  /** A word (letters or digits), not punctuation. */
  word: boolean;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'prof', 'st', 'jr', 'sr', 'rev', 'pres', 'amb']);

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

/** Letters, marks and digits: ASCII by code, the rest by Unicode property (rare in English news). */
function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD.test(text[i]!);
}

/** Joiners inside a word: "Kharkiv-based", "U.S", "don't", "Ukraine's". */
function isJoiner(c: number): boolean {
  return c === 45 || c === 46 || c === 39 || c === 0x2019;
}

/**
 * A hand-written scanner rather than a Unicode regular expression: the
 * attribution pass tokenises every sentence, and this is several times faster.
 * `folded` (foldText of the same text) saves lowercasing each token.
 */
export function tokenize(text: string, from = 0, to = text.length, folded: string | null = null): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || (c > 0x1fff && c < 0x200c) || c === 0x3000) {
      i++;
      continue;
    }
    if (!isWordCode(text, i)) {
      // Surrogate pairs (emoji, rare scripts) stay one token.
      const width = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
      // ASCII punctuation (most of it) needs no Unicode look-up: only VT and FF are spaces among the rest.
      if (c < 128 ? c === 11 || c === 12 : /\s/u.test(text[i]!)) {
        i += width;
        continue;
      }
      const raw = text.slice(i, i + width);
      tokens.push({ start: i, end: i + width, text: raw, lower: raw === '’' ? "'" : raw.toLowerCase(), word: false });
      i += width;
      continue;
    }
    let j = i + 1;
    for (;;) {
      while (j < to && isWordCode(text, j)) j++;
      if (j + 1 < to && isJoiner(text.charCodeAt(j)) && isWordCode(text, j + 1)) {
        j += 2;
        continue;
      }
      break;
    }
    // A title keeps its dot ("Mrs. Clinton", "Gen. Syrskyi"): the dot is not the end of a phrase.
    if (j < to && text.charCodeAt(j) === 46 && TITLES.has(text.slice(i, j).toLowerCase())) j++;
    const raw = text.slice(i, j);
    // The possessive is its own token: "Ukraine's head of state" reads as NP + 's + NP.
    if (raw.length > 2 && (raw.endsWith("'s") || raw.endsWith('’s'))) {
      tokens.push(folded ? { start: i, end: j - 2, text: raw.slice(0, -2), lower: folded.slice(i, j - 2), word: true } : wordToken(raw.slice(0, -2), i));
      tokens.push(token(raw.slice(-2), j - 2));
    } else {
      tokens.push(folded ? { start: i, end: j, text: raw, lower: folded.slice(i, j), word: true } : wordToken(raw, i));
    }
    i = j;
  }
  return tokens;
}

/**
 * A whole text lowercased with typographic apostrophes folded, for tokenize() to slice each token's
 * `lower` from instead of lowercasing every token; null when lowercasing is not letter by letter
 * (a letter whose lowercase is longer, or the context-dependent final sigma).
 */
export function foldText(text: string): string | null {
  if (text.includes('Σ')) return null;
  const folded = text.toLowerCase().replace(/’/g, "'");
  return folded.length === text.length ? folded : null;
}

/** A token known to start with a letter or digit. */
function wordToken(text: string, start: number): Token {
  const lower = text.toLowerCase();
  return { start, end: start + text.length, text, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, word: true };
}

function token(text: string, start: number): Token {
  const lower = text.toLowerCase();
  return { start, end: start + text.length, text, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, word: isWordCode(text, 0) };
}

export function isCapitalized(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** Content tokens of a span: the words in it (punctuation does not count). */
export function wordCount(tokens: readonly Token[], span: Span): number {
  let n = 0;
  for (const t of tokens) if (t.word && t.start >= span.start && t.end <= span.end) n++;
  return n;
}
