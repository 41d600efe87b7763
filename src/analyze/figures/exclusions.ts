/**
 * Numbers that are not figures: parts of dates and times (the time
 * expressions say where), ordinals ("68th"), designations of units and
 * weapons ("68th Brigade", "S-300", "Su-34", "F-16", "9M723"), labels
 * ("Article 5", "No. 10", "page 3"), codes ("24/7", "10:30"), phone numbers,
 * a number alone on its line (a page or comment count), and years.
 */
import type { Span } from '../../model/index.ts';
import { LABEL_WORDS } from './lexicon.ts';
import type { NumberReading } from './numbers.ts';
import type { Token } from './tokens.ts';

/** Spans sorted by start, with the running maximum of their ends, for "does anything overlap [a, b)" in O(log n). */
export class SpanIndex {
  private readonly starts: number[];
  private readonly maxEnds: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.maxEnds = [];
    let max = -1;
    for (const s of sorted) {
      max = Math.max(max, s.end);
      this.maxEnds.push(max);
    }
  }

  overlaps(start: number, end: number): boolean {
    // last span starting before `end`
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && this.maxEnds[found]! > start;
  }
}

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
/** Letters that may touch digits as a unit or a scale ("10km", "2bn", "300k", "10m", "5ha", "20%"). */
const ATTACHABLE = new Set(['km', 'kms', 'km²', 'km2', 'sqkm', 'm', 'k', 'bn', 'mn', 'mln', 'bln', 'tn', 'trn', 'kg', 'ha', 'mi', 'mph', 't']);
/** Digits a phone number has at least (a local number without its area code). */
const PHONE_MIN_DIGITS = 7;
/** Years a bare four-digit number is read as, when nothing it counts follows. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

function isWordChar(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word';
}

/** Why the number at `reading` is not a figure, or null when it may be one. */
export function notAFigure(text: string, tokens: readonly Token[], reading: NumberReading): string | null {
  const first = tokens[reading.first]!;
  const last = tokens[reading.last]!;
  const before = tokens[reading.first - 1];
  const after = tokens[reading.last + 1];
  if (reading.kind === 'digits') {
    if (after !== undefined && !after.spaced && after.kind === 'word') {
      if (ORDINAL_SUFFIXES.has(after.lower)) return 'ordinal';
      if (!ATTACHABLE.has(after.lower)) return 'designation';
    }
    // "Su-34", "S-300", "Kh-101", "COVID-19": letters hyphened to the digits
    if (before !== undefined && !first.spaced && (before.text === '-' || before.text === '‑') && !before.spaced && isWordChar(tokens[reading.first - 2])) return 'designation';
    if (before !== undefined && !first.spaced && (before.text === '#' || before.text === '№')) return 'label';
    if (before !== undefined && !first.spaced && before.text === '+') return 'phone';
    for (const neighbour of [before, after]) {
      if (neighbour === undefined) continue;
      const touching = neighbour === before ? !first.spaced : !neighbour.spaced;
      if (touching && (neighbour.text === '/' || neighbour.text === ':' || neighbour.text === '.' || neighbour.text === '_' || neighbour.text === '@')) {
        const beyond = neighbour === before ? tokens[reading.first - 2] : tokens[reading.last + 2];
        if (beyond !== undefined && (neighbour === before ? !neighbour.spaced : !beyond.spaced) && beyond.kind !== 'punct') return 'code';
      }
    }
    if (isPhoneNumber(tokens, reading.first)) return 'phone';
    if (isNamePart(tokens, reading)) return 'name';
  }
  if (before !== undefined) {
    if (LABEL_WORDS.has(before.lower) && before.kind === 'word') return 'label';
    if (before.text === '.' && (tokens[reading.first - 2]?.lower === 'no' || tokens[reading.first - 2]?.lower === 'art')) return 'label';
  }
  if (aloneOnItsLine(text, first.start, last.end)) return 'alone on its line';
  return null;
}

/**
 * Digits inside a capitalised name: "Nord Stream 2 sanctions", "Boeing 737
 * jets" — a Title-case word right before (not the sentence's first word)
 * and a lowercase word right after. A headline in title case ("Russia
 * Withdraws 50,000 Troops") has a capital after too, and is left alone.
 */
function isNamePart(tokens: readonly Token[], reading: NumberReading): boolean {
  const before = tokens[reading.first - 1];
  const after = tokens[reading.last + 1];
  if (before === undefined || before.kind !== 'word' || !tokens[reading.first]!.spaced) return false;
  // the capitalised word must itself follow a word: "Nord Stream 2", "a Boeing 737"; not "- Only 15 rockets"
  if (tokens[reading.first - 2]?.kind !== 'word') return false;
  const initial = before.text.charAt(0);
  if (initial === initial.toLowerCase() || before.text === before.text.toUpperCase()) return false;
  return after === undefined || (after.kind === 'word' && after.text === after.lower) || after.kind === 'punct';
}

/**
 * Definite references name things already known, they do not count them:
 * "the two countries", "these two states". Only for things of no war unit
 * (the caller checks): "one of the two missiles launched" counts missiles.
 */
const DEFINITE = new Set(['the', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'your', 'my', 'all']);
/** The largest number a definite reference names in passing; "the 14 brigades" or "the twelve" are counts worth keeping. */
const REFERENCE_MAX = 4;

export function isReference(tokens: readonly Token[], reading: NumberReading): boolean {
  if (reading.kind !== 'words' || reading.first !== reading.last || reading.value > REFERENCE_MAX) return false;
  const before = tokens[reading.first - 1];
  if (before === undefined) return false;
  // "trade between two countries": the pair already named; "the world's two largest economies"
  return DEFINITE.has(before.lower) || (before.lower === 'between' && reading.value === 2) || /['’]s$/.test(before.lower);
}

/** A four-digit number in the years' range, written without a thousands comma: "2014", not "2,014". */
export function looksLikeYear(tokens: readonly Token[], reading: NumberReading): boolean {
  if (reading.kind !== 'digits' || reading.first !== reading.last) return false;
  const t = tokens[reading.first]!.text;
  if (!/^\d{4}$/.test(t)) return false;
  const n = Number(t);
  return n >= YEAR_MIN && n <= YEAR_MAX;
}

/** Groups of digits joined by spaces, hyphens, dots or brackets adding up to a phone number: "+380 44 123 4567", "(202) 555-0100". */
const PHONE_JOINERS = new Set(['-', '.', '(', ')', '+']);

/** Whether `b` continues a phone number after `a`: touching it, or a digit group or a bracket after a space. */
function joins(b: Token): boolean {
  return !b.spaced || b.kind === 'number' || b.text === '(';
}

/** A token a phone number may hold next to a digit group. */
function mayGroup(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'number' || PHONE_JOINERS.has(t.text));
}

/** A group of a phone number: one to four plain digits. */
function isDigitGroup(t: Token): boolean {
  return t.kind === 'number' && t.text.length <= 4 && !t.text.includes(',') && !t.text.includes('.');
}

function isPhoneNumber(tokens: readonly Token[], i: number): boolean {
  // the common case first: a number with no digit group or joiner next to it
  if (!mayGroup(tokens[i - 1]) && !mayGroup(tokens[i + 1])) return false;
  let lo = i;
  let hi = i;
  // walk left and right over digit groups and joiners, at most a dozen tokens each way
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const t = tokens[k]!;
    if (t.kind === 'number' ? !isDigitGroup(t) : !PHONE_JOINERS.has(t.text)) break;
    if (!joins(tokens[k + 1]!)) break;
    lo = k;
  }
  for (let k = i + 1; k < tokens.length && k <= i + 12; k++) {
    const t = tokens[k]!;
    if (t.kind === 'number' ? !isDigitGroup(t) : !PHONE_JOINERS.has(t.text) || t.text === '+') break;
    if (!joins(t)) break;
    hi = k;
  }
  let digits = 0;
  let groups = 0;
  for (let k = lo; k <= hi; k++) {
    const t = tokens[k]!;
    if (t.kind === 'number') {
      digits += t.text.length;
      groups++;
    }
  }
  return groups >= 2 && digits >= PHONE_MIN_DIGITS && !/^\d{4}$/.test(tokens[lo]!.text);
}

/** Only blanks between the number and the line's ends: "408" on a line of its own is a counter or a page number. */
function aloneOnItsLine(text: string, start: number, end: number): boolean {
  const BLANKS = 8;
  let i = start - 1;
  while (i >= 0 && start - i <= BLANKS && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  let j = end;
  while (j < text.length && j - end <= BLANKS && (text[j] === ' ' || text[j] === '\t')) j++;
  return j >= text.length || text[j] === '\n' || text[j] === '\r';
}
