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

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = start;
  for (let m = TOKEN_PATTERN.exec(text); m !== null && m.index < end; m = TOKEN_PATTERN.exec(text)) {
    const word = m[0];
    const at = m.index;
    // A character test, not a regex per token: this runs on every word of every article.
    if (endsPossessive(word)) {
      const stem = word.slice(0, -2);
      tokens.push({ text: stem, start: at, end: at + stem.length });
      tokens.push({ text: word.slice(-2), start: at + stem.length, end: at + word.length });
    } else {
      tokens.push({ text: word, start: at, end: Math.min(at + word.length, end) });
    }
  }
  return tokens;
}
