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

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*|\S/gu;
const WORD = /^[\p{L}\p{M}\p{N}]/u;
const POSSESSIVE = /^(.+)['’]s$/u;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  const slice = text.slice(0, to);
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const start = m.index;
    const raw = m[0];
    const possessive = POSSESSIVE.exec(raw);
    if (possessive !== null && possessive[1]!.length > 0) {
      const stem = possessive[1]!;
      tokens.push(token(stem, start));
      tokens.push(token(raw.slice(stem.length), start + stem.length));
    } else {
      tokens.push(token(raw, start));
    }
  }
  return tokens;
}

function token(text: string, start: number): Token {
  return { start, end: start + text.length, text, lower: text.toLowerCase().replace(/’/g, "'"), word: WORD.test(text) };
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
