/**
 * Reading a number from tokens: digits ("1,250", "30,000", "1.5 million",
 * "2bn"), words ("three", "twenty-five", "a dozen", "half a million"),
 * fractions of something ("almost half of", "two-thirds of") and ranges
 * ("50 to 60", "50-60", "between 50 and 60", "two or three").
 */
import type { Token } from './tokens.ts';

export interface NumberReading {
  /** Index of the first and the last token of the number (inclusive). */
  first: number;
  last: number;
  value: number;
  /** High end of a range, else null. */
  valueMax: number | null;
  kind: 'digits' | 'words' | 'fraction';
  /** The scale word multiplied in ("million" → 1e6), 1 when none. */
  scale: number;
}

/** "1,250" and "1,250.5" (comma thousands), or plain "1250" / "1.5"; not "1.2.3" (versions, dates) nor "12,34". */
const DIGITS = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;

/** Scale words after digits: spaced or attached ("1.5 million", "2bn", "300k"). */
const SCALES = new Map<string, number>([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mln', 1e6], ['mn', 1e6], ['bln', 1e9], ['bn', 1e9], ['tn', 1e12], ['trn', 1e12],
]);
/** Scale letters that only count when attached to the digits: "300k", "$10m" (a spaced "m" is a metre). */
const ATTACHED_SCALES = new Map<string, number>([['k', 1e3]]);

const SMALL = new Map<string, number>([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
const TENS = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
const WORD_SCALES = new Map<string, number>([['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]]);

/** Denominators of fractions, singular and plural. */
const FRACTIONS = new Map<string, number>([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fifth', 5],
  ['fifths', 5], ['tenth', 10], ['tenths', 10],
]);
/** After "half", these open what it is half of without an "of": "half the city", "half its territory". */
const HALF_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'all', 'this', 'that', 'these', 'those']);
/**
 * Before "half", these make it a part of a period or of a place, not a
 * share: "the second half of 2024", "the southern half of Sakhalin Island".
 */
const NOT_FRACTION_BEFORE = new Set([
  'first', 'second', 'latter', 'former', 'other', 'a', 'and', 'the', 'one', 'last', 'next', 'northern', 'southern',
  'eastern', 'western', 'upper', 'lower', 'left', 'right', 'front', 'back', 'top', 'bottom',
]);

/**
 * Where a number may start: a run of digits, or a number word. Global, for
 * one pass over the text saying which sentences are worth tokenising.
 */
export const NUMBER_HINTS = /\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|third|thirds|quarter|quarters|fifth|tenth)\b/gi;

function at(tokens: readonly Token[], i: number): Token | undefined {
  return tokens[i];
}

function readDigits(tokens: readonly Token[], i: number): NumberReading | null {
  const token = tokens[i]!;
  if (!DIGITS.test(token.text)) return null;
  // A leading zero is a code or a phone prefix ("044", "007"), not a quantity; "0.5" is fine.
  if (/^0\d/.test(token.text)) return null;
  let value = Number(token.text.replace(/,/g, ''));
  let last = i;
  let scale = 1;
  const next = at(tokens, i + 1);
  if (next !== undefined && next.kind === 'word') {
    const spacedScale = SCALES.get(next.lower);
    const attachedScale = next.spaced ? undefined : ATTACHED_SCALES.get(next.lower);
    const s = spacedScale ?? attachedScale;
    if (s !== undefined) {
      scale = s;
      value *= s;
      last = i + 1;
    }
  }
  return { first: i, last, value, valueMax: null, kind: 'digits', scale };
}

function readFraction(tokens: readonly Token[], i: number): NumberReading | null {
  const token = tokens[i]!;
  let numerator = 1;
  let denominatorAt = i;
  const small = SMALL.get(token.lower);
  if (token.lower === 'a' || token.lower === 'one' || (small !== undefined && small > 1)) {
    numerator = small ?? 1;
    // "two-thirds", "one-third" or "two thirds", "a quarter"
    let j = i + 1;
    if (at(tokens, j)?.text === '-' && !at(tokens, j)!.spaced) j++;
    denominatorAt = j;
  }
  const word = at(tokens, denominatorAt);
  if (word === undefined) return null;
  const denominator = FRACTIONS.get(word.lower);
  if (denominator === undefined) return null;
  const plural = word.lower.endsWith('s');
  // "two thirds" needs the plural, "a third" the singular; a bare "half" is one half.
  if (denominatorAt === i) {
    if (word.lower !== 'half') return null;
    const before = at(tokens, i - 1);
    if (before !== undefined && NOT_FRACTION_BEFORE.has(before.lower)) return null;
  } else if ((numerator > 1) !== plural) {
    return null;
  }
  const after = at(tokens, denominatorAt + 1);
  const opensWhole = after !== undefined && (after.lower === 'of' || (word.lower === 'half' && HALF_DETERMINERS.has(after.lower)));
  // Without "of", "a third bridge" is an ordinal and "half" an adverb ("half destroyed").
  if (!opensWhole) return null;
  return { first: i, last: denominatorAt, value: numerator / denominator, valueMax: null, kind: 'fraction', scale: 1 };
}

function readWords(tokens: readonly Token[], i: number): NumberReading | null {
  let total = 0;
  let current = 0;
  let j = i;
  let consumed = 0;
  let lastKind: 'small' | 'tens' | 'hundred' | 'scale' | 'article' | null = null;
  let largestScale = 1;
  for (; j < tokens.length && consumed < 12; j++) {
    const t = tokens[j]!;
    const w = t.lower;
    if ((w === 'a' || w === 'an') && j === i) {
      const next = at(tokens, j + 1)?.lower;
      if (next !== 'hundred' && next !== 'thousand' && next !== 'million' && next !== 'billion' && next !== 'dozen') return null;
      current = 1;
      lastKind = 'article';
      consumed++;
      continue;
    }
    if (w === 'half' && j === i && at(tokens, j + 1)?.lower === 'a') {
      const s = WORD_SCALES.get(at(tokens, j + 2)?.lower ?? '');
      if (s === undefined) return null;
      return { first: i, last: j + 2, value: s / 2, valueMax: null, kind: 'words', scale: s };
    }
    const small = SMALL.get(w);
    const tens = TENS.get(w);
    if (small !== undefined) {
      if (lastKind === 'small' || (lastKind === 'tens' && current % 10 !== 0)) break;
      if (lastKind === 'tens' && small >= 10) break;
      current += small;
      lastKind = 'small';
    } else if (tens !== undefined) {
      if (lastKind === 'small' || lastKind === 'tens') break;
      current += tens;
      lastKind = 'tens';
      // "twenty-five"
      const hyphen = at(tokens, j + 1);
      const unit = at(tokens, j + 2);
      if (hyphen?.text === '-' && !hyphen.spaced && unit !== undefined && !unit.spaced) {
        const u = SMALL.get(unit.lower);
        if (u !== undefined && u < 10) {
          current += u;
          j += 2;
          lastKind = 'small';
        }
      }
    } else if (w === 'hundred') {
      if (lastKind === 'hundred') break;
      current = (current || 1) * 100;
      lastKind = 'hundred';
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      lastKind = 'small';
    } else if (WORD_SCALES.has(w)) {
      const s = WORD_SCALES.get(w)!;
      total += (current || 1) * s;
      current = 0;
      largestScale = Math.max(largestScale, s);
      lastKind = 'scale';
    } else if (w === 'and' && (lastKind === 'hundred' || lastKind === 'scale')) {
      const next = at(tokens, j + 1)?.lower ?? '';
      if (!SMALL.has(next) && !TENS.has(next)) break;
    } else {
      break;
    }
    consumed++;
  }
  if (consumed === 0 || lastKind === 'article') return null;
  let last = j - 1;
  if (tokens[last]?.lower === 'and') last--;
  // A bare "one" is a determiner far more often than a count ("one officer", "one of the").
  if (last === i && tokens[i]!.lower === 'one') return null;
  return { first: i, last, value: total + current, valueMax: null, kind: 'words', scale: largestScale };
}

/** The number starting at token `i`, without a range; null when none starts there. */
export function readSingleNumber(tokens: readonly Token[], i: number): NumberReading | null {
  const token = tokens[i];
  if (token === undefined) return null;
  if (token.kind === 'number') return readDigits(tokens, i);
  if (token.kind !== 'word') return null;
  return readFraction(tokens, i) ?? readWords(tokens, i);
}

const RANGE_DASHES = new Set(['-', '–', '—']);
const CURRENCY_MARKS = new Set(['$', '€', '£', '₴', '₽', '¥']);

/**
 * The number starting at token `i`, a range when one follows: "50 to 60",
 * "50-60", "between 50 and 60", "two or three", "1 to 1.5 million".
 * "from 50 to 60" is a change, not a range: two numbers.
 */
export function readNumber(tokens: readonly Token[], i: number): NumberReading | null {
  const low = readSingleNumber(tokens, i);
  if (low === null || low.kind === 'fraction') return low;
  const joiner = at(tokens, low.last + 1);
  if (joiner === undefined) return low;
  const before = at(tokens, i - 1)?.lower;
  let joins = false;
  if (RANGE_DASHES.has(joiner.text)) {
    const next = at(tokens, low.last + 2);
    // "50-60" attached, or "50 – 60" spaced on both sides; never "F-16".
    joins = next !== undefined && (joiner.spaced === next.spaced) && low.kind === 'digits';
  } else if (joiner.lower === 'to' || joiner.lower === 'or') {
    joins = before !== 'from';
  } else if (joiner.lower === 'and') {
    joins = before === 'between';
  }
  if (!joins) return low;
  // "$45 billion to $55 billion": the currency written again on the high end
  let highAt = low.last + 2;
  const currency = tokens[low.first - 1]?.text;
  if (currency !== undefined && CURRENCY_MARKS.has(currency) && tokens[highAt]?.text === currency) highAt++;
  const high = readSingleNumber(tokens, highAt);
  if (high === null || high.kind !== low.kind) return low;
  let lowValue = low.value;
  // "1 to 1.5 million": the scale of the high end applies to the low end.
  if (low.scale === 1 && high.scale > 1) lowValue *= high.scale;
  if (!(high.value > lowValue)) return low;
  return { first: low.first, last: high.last, value: lowValue, valueMax: high.value, kind: low.kind, scale: Math.max(low.scale, high.scale) };
}
