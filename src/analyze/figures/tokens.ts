/**
 * Tokens for figure reading: numbers, words and single punctuation marks,
 * with offsets and whether whitespace precedes them. One regex pass, linear.
 *
 * Unlike the entity tokenizer, digits and letters are split apart ("10km" →
 * "10" "km", "68th" → "68" "th") and the adjacency is kept in `spaced`, since
 * whether a number touches a letter or a hyphen is what tells a measure
 * ("10km") from an ordinal ("68th") or a designation ("S-300", "Su-34").
 */
export interface Token {
  text: string;
  /** `text` lowercased, computed once. */
  lower: string;
  start: number;
  end: number;
  kind: 'number' | 'word' | 'punct';
  /** Whitespace (or the start of the range) precedes the token. */
  spaced: boolean;
}

/**
 * A run of digits with inner "," or "." groups ("1,250", "1.5", "1.2.3");
 * a word of letters, marks and digits that starts with a letter ("km²",
 * "M777", "city's"); or any other non-space character.
 */
const TOKEN_PATTERN = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?)|\S/gu;

export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = start;
  let previousEnd = start;
  for (let m = TOKEN_PATTERN.exec(text); m !== null && m.index < end; m = TOKEN_PATTERN.exec(text)) {
    const word = m[0];
    const at = m.index;
    const kind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'punct';
    // only words have case; digits and marks are their own lowercase
    const lower = kind === 'word' ? word.toLowerCase() : word;
    tokens.push({ text: word, lower, start: at, end: Math.min(at + word.length, end), kind, spaced: at > previousEnd || at === start });
    previousEnd = at + word.length;
  }
  return tokens;
}
