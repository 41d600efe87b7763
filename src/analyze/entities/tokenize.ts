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
  /**
   * The word's number in the process's word table (wordIdOf): tokens with
   * one text get one number, so per-word facts are found by an array index
   * (words.ts) instead of a string-keyed map. -1 for a token not made here.
   */
  word: number;
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
  if (wordTexts.length >= WORD_TABLE_LIMIT) restartWordTable();
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
    if (possessiveAt(text, at, stop)) {
      const stemEnd = stop - 2;
      let id = wordIdOf(text, at, stemEnd);
      tokens.push({ text: wordTexts[id]!, start: at, end: stemEnd, word: id });
      id = wordIdOf(text, stemEnd, stop);
      tokens.push({ text: wordTexts[id]!, start: stemEnd, end: stop, word: id });
    } else {
      const id = wordIdOf(text, at, stop);
      tokens.push({ text: wordTexts[id]!, start: at, end: Math.min(stop, end), word: id });
    }
    at = stop;
  }
  return tokens;
}

/** Whether text[from, to) ends in the possessive "'s" / "’s" after at least one character ("Russia's", not "'s"). */
function possessiveAt(text: string, from: number, to: number): boolean {
  if (to - from <= 2) return false;
  const s = text.charCodeAt(to - 1);
  const mark = text.charCodeAt(to - 2);
  return (s === CODE_S || s === CODE_UPPER_S) && (mark === CODE_APOSTROPHE || mark === CODE_RIGHT_QUOTE);
}

// ---- the word table --------------------------------------------------------

/**
 * Distinct words the tokeniser has met, by number, and an open-addressing
 * index of them by FNV-1a hash (slot = number + 1; 0 = empty). A word met
 * again is found from the text itself, so it costs no new string and no
 * string-keyed map look-up; news repeats its words, so that is most tokens.
 * The bound keeps memory flat on a stream of articles (as the word caches
 * of words.ts do): past it, the table restarts at the next tokenize call.
 */
const WORD_TABLE_LIMIT = 100_000;
/** Slots start at 2^15 and double at half full, so a probe rarely goes past its first slot. */
const INITIAL_SLOTS = 1 << 15;
let wordTexts: string[] = [];
let wordHashes: number[] = [];
let slots = new Int32Array(INITIAL_SLOTS);

function restartWordTable(): void {
  wordTexts = [];
  wordHashes = [];
  slots = new Int32Array(INITIAL_SLOTS);
}

/** The number of the word text[from, to), added to the table when new. */
function wordIdOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const mask = slots.length - 1;
  const length = to - from;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const slot = slots[s]!;
    if (slot === 0) break;
    const id = slot - 1;
    if (wordHashes[id] === h) {
      const known = wordTexts[id]!;
      if (known.length === length && text.startsWith(known, from)) return id;
    }
  }
  const id = wordTexts.length;
  wordTexts.push(text.slice(from, to));
  wordHashes.push(h);
  if (wordTexts.length * 2 > slots.length) growSlots();
  else insertSlot(slots, h, id);
  return id;
}

function insertSlot(table: Int32Array, hash: number, id: number): void {
  const mask = table.length - 1;
  let s = hash & mask;
  while (table[s] !== 0) s = (s + 1) & mask;
  table[s] = id + 1;
}

function growSlots(): void {
  const table = new Int32Array(slots.length * 2);
  for (let id = 0; id < wordTexts.length; id++) insertSlot(table, wordHashes[id]!, id);
  slots = table;
}
