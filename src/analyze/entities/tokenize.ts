/**
 * Word tokens with offsets, for entity tagging. One regex pass, linear time.
 *
 * A token is a word (letters, marks and digits, with inner hyphens and
 * apostrophes: "Chasiv-Yar", "O'Brien"), a dotted acronym ("U.S.", "U.K."),
 * or any other single non-space character. The possessive "'s" / "’s" is its
 * own token, so "Russia's" yields "Russia" — an entity's span must not include it.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN_PATTERN = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu;
const POSSESSIVE = /^(.+?)(['’][sS])$/u;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = start;
  for (let m = TOKEN_PATTERN.exec(text); m !== null && m.index < end; m = TOKEN_PATTERN.exec(text)) {
    const word = m[0];
    const at = m.index;
    const possessive = word.length > 2 ? POSSESSIVE.exec(word) : null;
    if (possessive) {
      const stem = possessive[1]!;
      tokens.push({ text: stem, start: at, end: at + stem.length });
      tokens.push({ text: possessive[2]!, start: at + stem.length, end: at + word.length });
    } else {
      tokens.push({ text: word, start: at, end: Math.min(at + word.length, end) });
    }
  }
  return tokens;
}
