/**
 * The token stream the time grammar reads: words, digit runs and single
 * punctuation marks, with offsets into the text. One pass of one regular
 * expression with no nested quantifiers, so the cost is linear in the text.
 */

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

/** A word may carry inner apostrophes only as separate tokens ("year's" → year ' s), which keeps possessives easy to skip. */
const TOKEN = /\p{L}[\p{L}\p{M}]*|[0-9]+|\S/gu;

const LETTER = /\p{L}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = m.index;
    let broken = false;
    for (let i = previousEnd; i < start; i++) {
      if (text.charCodeAt(i) === 10) {
        broken = true;
        break;
      }
    }
    const first = raw.charCodeAt(0);
    const kind: TokenKind = first >= 48 && first <= 57 ? 'number' : raw.length > 1 || LETTER.test(raw) ? 'word' : 'punct';
    const norm = kind === 'word' ? raw.toLowerCase() : raw;
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      norm,
      kind,
      spaced: start > previousEnd,
      broken,
      capitalised: kind === 'word' && raw !== norm && raw[0] !== raw[0]!.toLowerCase(),
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}

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
