/**
 * extractFigures: every number in the text that counts or measures
 * something, read sentence by sentence. A number becomes a figure only when
 * the words say what it counts or measures (a unit, a currency, a counted
 * noun, "half of …", "the death toll … 12", "12 were killed"), after the
 * numbers that are not figures are set aside (time expressions, entity
 * names such as "68th Brigade", ordinals, designations, labels, codes,
 * phone numbers, years).
 *
 * Linear in the text: sentences without a digit or a number word are not
 * tokenised, and every look-around is bounded by a constant.
 */
import type { EntityMention, Figure, TimeExpression } from '../../model/index.ts';
import { countedPhrase } from './counted.ts';
import { figureDate } from './date.ts';
import { SpanIndex, isReference, looksLikeYear, notAFigure } from './exclusions.ts';
import { hypotheticalTokens } from './hypothetical.ts';
import type { FigureContext } from './index.ts';
import { NUMBER_HINTS, readNumber, type NumberReading } from './numbers.ts';
import { qualifierAfter, qualifierBefore } from './qualifiers.ts';
import { tokenize, type Token } from './tokens.ts';
import { currencyBefore, isCountNoun, readUnit, unitOfNoun, type UnitReading } from './units.ts';

/** Words back from a bare number to its "population of", "death toll" or "number of" (the clause, not the paragraph). */
const BACK_REACH = 16;
/** Words from "number of" to the noun it counts: "the number of [acutely food insecure] people". */
const NUMBER_OF_REACH = 5;
/** Units of things a definite "the two …" names rather than counts: countries, sides, peoples. */
const GENERIC_UNITS = new Set(['count', 'countries', 'regions']);
/** Places whose "of N" is their population: "a nation of 2.5 million". */
const POPULATED = new Set(['nation', 'country', 'city', 'town', 'village', 'region', 'state', 'republic']);
/** Decimal places a normalised value keeps: enough for "six miles" = 9.656 km, no float noise. */
const VALUE_DECIMALS = 1000;

/** A mention opening with a number word: "Twelve Ukrainian", "Two F-16". */
const STARTS_WITH_NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?|hundreds|thousands)\b/i;

/** A mention that is an amount: "EUR 380" read as an organisation. */
const CURRENCY_AMOUNT = /^(?:USD|EUR|UAH|GBP|RUB|US\$|\$|€|£)\s?\d/;

/** Words a number may start with; any other word is skipped without trying to read a number. */
const NUMBER_STARTS = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'dozen', 'half',
]);

/** Casualty and displacement verbs after a bare number: "12 were killed", "at least 5 died". */
const PEOPLE_VERBS = new Map<string, string>([
  ['killed', 'killed'], ['wounded', 'wounded'], ['injured', 'injured'], ['died', 'died'], ['dead', 'dead'],
  ['evacuated', 'evacuated'], ['captured', 'captured'], ['detained', 'detained'], ['arrested', 'arrested'],
  ['missing', 'missing'], ['displaced', 'displaced'], ['rescued', 'rescued'], ['fled', 'fled'], ['hurt', 'hurt'],
]);
/** The same verbs before a bare number: "killing at least 12", "wounded 30". */
const PEOPLE_VERBS_BEFORE = new Map<string, string>([
  ['killing', 'killed'], ['wounding', 'wounded'], ['injuring', 'injured'], ['killed', 'killed'], ['wounded', 'wounded'],
  ['injured', 'injured'], ['evacuated', 'evacuated'], ['evacuating', 'evacuated'],
]);

interface Candidate {
  reading: NumberReading;
  /** First token of the figure's span (the currency when written before the number). */
  spanFirst: number;
  unit: UnitReading | null;
  /** Set by a pattern that knows what is counted without a noun after the number. */
  counted: string | null;
  currency: string | null;
  year: boolean;
}

function round(value: number): number {
  return Math.round(value * VALUE_DECIMALS) / VALUE_DECIMALS;
}

/**
 * What a bare number counts when no noun follows it: "population of 60,000",
 * "the death toll rose to 12", "12 were killed", "killing at least 12".
 */
function bareNumberPattern(text: string, tokens: readonly Token[], reading: NumberReading, qualifierFirst: number): { unit: UnitReading; counted: string } | null {
  const make = (unit: string, counted: string): { unit: UnitReading; counted: string } => ({
    unit: { unit, kind: 'count', factor: 1, unitLast: null, head: null, modifiersFirst: null, next: reading.last + 1 },
    counted,
  });
  let k = reading.last + 1;
  for (let n = 0; n < 2 && k < tokens.length && ['were', 'was', 'are', 'have', 'had', 'been', 'being', 'people', 'more', 'others', 'of', 'them'].includes(tokens[k]!.lower); n++) k++;
  const verbAfter = PEOPLE_VERBS.get(tokens[k]?.lower ?? '');
  if (verbAfter !== undefined && k > reading.last) return make('people', verbAfter);
  const before = tokens[qualifierFirst - 1]?.lower ?? '';
  const verbBefore = PEOPLE_VERBS_BEFORE.get(before);
  if (verbBefore !== undefined) return make('people', verbBefore);
  // "a population of (about) 60,000"; "the death toll (has) risen to 12";
  // "the number of acutely food insecure people … to rise by 2 million"
  for (let j = qualifierFirst - 1; j >= 0 && j >= qualifierFirst - BACK_REACH; j--) {
    const w = tokens[j]!;
    if (w.kind === 'punct' && w.text !== '-') break;
    if (w.lower === 'population') return make('people', 'population');
    // "the small nation of 2.5 million", "a city of 60,000"
    if (j === qualifierFirst - 2 && tokens[j + 1]?.lower === 'of' && POPULATED.has(w.lower)) return make('people', `population of the ${w.lower}`);
    if (w.lower === 'toll') return make('deaths', tokens[j - 1]?.lower === 'death' ? 'death toll' : 'toll');
    if (w.lower === 'number' && tokens[j + 1]?.lower === 'of') {
      for (let h = j + 2; h < qualifierFirst && h <= j + 2 + NUMBER_OF_REACH; h++) {
        if (isCountNoun(tokens[h]!)) {
          return make(unitOfNoun(tokens[h]!), text.slice(w.start, tokens[h]!.end));
        }
      }
      return null;
    }
  }
  return null;
}

/** A unit that makes a four-digit number a quantity even when it looks like a year: "2000 troops", "1900 km". */
function outweighsYear(unit: UnitReading): boolean {
  return unit.kind !== 'count' || unit.unit !== 'count';
}

export function extractFigures(text: string, context: FigureContext): Figure[] {
  const figures: Figure[] = [];
  if (text.length === 0) return figures;
  const sentences = context.sentences.length > 0 ? context.sentences : [{ start: 0, end: text.length }];
  const timeIndex = new SpanIndex(context.times);
  // Mentions the tagger reads poorly do not make their numbers names: a headline in capitals
  // ("GERMANY SEIZES CONTROL OF 3" as one organisation) or a capitalised number word opening a
  // sentence ("Twelve Ukrainian" as a person).
  const entityIndex = new SpanIndex(
    context.entities.filter((m) => m.type === 'unit' || (m.text !== m.text.toUpperCase() && !STARTS_WITH_NUMBER_WORD.test(m.text) && !CURRENCY_AMOUNT.test(m.text))),
  );
  const placeEndingAt = new Map<number, EntityMention>();
  for (const m of context.entities) if (m.type === 'place') placeEndingAt.set(m.end, m);
  const sentenceTime = new Map<number, string | null>();
  for (const st of context.sentenceTimes) sentenceTime.set(st.sentence, st.value);
  const times = [...context.times].sort((a, b) => a.start - b.start);
  let timeCursor = 0;

  // Where digits and number words are, found in one pass: a sentence with none is skipped untokenised.
  const hints: number[] = [];
  for (const m of text.matchAll(NUMBER_HINTS)) hints.push(m.index);
  let hintCursor = 0;

  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si]!;
    while (timeCursor < times.length && times[timeCursor]!.end <= sentence.start) timeCursor++;
    while (hintCursor < hints.length && hints[hintCursor]! < sentence.start) hintCursor++;
    if (hintCursor >= hints.length || hints[hintCursor]! >= sentence.end) continue;
    const timesHere: TimeExpression[] = [];
    for (let k = timeCursor; k < times.length && times[k]!.start < sentence.end; k++) timesHere.push(times[k]!);
    const tokens = tokenize(text, sentence.start, sentence.end);
    const hypothetical = hypotheticalTokens(tokens, 0, tokens.length);
    const candidates = readCandidates(text, tokens, timeIndex, entityIndex);
    inheritFromNeighbours(tokens, candidates);
    for (const c of candidates) {
      if (c.unit === null) continue;
      if (c.year && !outweighsYear(c.unit)) continue;
      if (GENERIC_UNITS.has(c.unit.unit) && isReference(tokens, c.reading)) continue;
      const { reading, unit } = c;
      const before = qualifierBefore(tokens, c.spanFirst);
      const figureFirst = before?.first ?? c.spanFirst;
      const qualifier = before?.qualifier ?? qualifierAfter(tokens, reading.last + 1) ?? qualifierAfter(tokens, unit.next);
      const counted = c.counted ?? countedPhrase(text, tokens, { reading, unit, figureFirst, end: tokens.length, placeEndingAt });
      const start = tokens[c.spanFirst]!.start;
      const last = unit.unitLast !== null && unit.unitLast >= reading.last ? unit.unitLast : reading.last;
      const end = tokens[last]!.end;
      figures.push({
        start,
        end,
        text: text.slice(start, end),
        value: round(reading.value * unit.factor),
        valueMax: reading.valueMax === null ? null : round(reading.valueMax * unit.factor),
        unit: unit.unit,
        counted,
        qualifier,
        date: figureDate(text, start, timesHere, sentenceTime.get(si) ?? null),
        party: null,
        hypothetical: hypothetical[reading.first] === true,
        sentence: si,
      });
    }
  }
  return figures;
}

/** Every number of one sentence with its unit (or null), conversions in brackets folded into the figure they convert. */
function readCandidates(text: string, tokens: readonly Token[], timeIndex: SpanIndex, entityIndex: SpanIndex): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' || (t.kind === 'word' && !NUMBER_STARTS.has(t.lower))) continue;
    const reading = readNumber(tokens, i);
    if (reading === null) continue;
    i = reading.last;
    const start = tokens[reading.first]!.start;
    const end = tokens[reading.last]!.end;
    if (timeIndex.overlaps(start, end) || entityIndex.overlaps(start, end)) continue;
    if (notAFigure(text, tokens, reading) !== null) continue;
    const currency = reading.kind === 'digits' ? currencyBefore(tokens, reading.first) : null;
    let unit = readUnit(tokens, reading, currency?.currency ?? null);
    if (unit !== null && 'notAFigure' in unit) continue;
    let counted: string | null = null;
    const spanFirst = currency?.first ?? reading.first;
    if (unit === null) {
      const qualifierFirst = qualifierBefore(tokens, spanFirst)?.first ?? spanFirst;
      const pattern = bareNumberPattern(text, tokens, reading, qualifierFirst);
      if (pattern !== null) {
        unit = pattern.unit;
        counted = pattern.counted;
      }
    }
    candidates.push({ reading, spanFirst, unit, counted, currency: currency?.currency ?? null, year: looksLikeYear(tokens, reading) });
    // "10km (six miles)": the bracket restates the same measure; keep one figure, the one already in the normal unit.
    if (unit !== null && unit.kind === 'measure' && tokens[unit.next]?.text === '(') {
      const inner = readNumber(tokens, unit.next + 1);
      if (inner !== null) {
        const innerUnit = readUnit(tokens, inner, null);
        if (innerUnit !== null && !('notAFigure' in innerUnit) && innerUnit.unit === unit.unit && tokens[(innerUnit.unitLast ?? inner.last) + 1]?.text === ')') {
          if (unit.factor !== 1 && innerUnit.factor === 1) {
            candidates[candidates.length - 1] = { ...candidates[candidates.length - 1]!, reading: { ...reading, value: inner.value, valueMax: inner.valueMax }, unit: { ...unit, factor: 1 } };
          }
          i = (innerUnit.unitLast ?? inner.last) + 1;
        }
      }
    }
  }
  return candidates;
}

/**
 * A number without a unit takes the unit of the number it is listed or
 * compared with: "30, 60, 100 kilometers", "two or three brigades" (as a
 * range), "three out of the 14 (brigades)".
 */
function inheritFromNeighbours(tokens: readonly Token[], candidates: Candidate[]): void {
  for (let n = candidates.length - 2; n >= 0; n--) {
    const c = candidates[n]!;
    const next = candidates[n + 1]!;
    if (c.unit !== null || next.unit === null || c.year || c.reading.kind === 'fraction') continue;
    const between = tokens.slice(c.reading.last + 1, next.spanFirst).map((t) => t.lower).join(' ');
    const listed = between === ',' || between === 'and' || between === 'or' || between === ', and' || between === ', or';
    const partOf = between === 'out of the' || between === 'out of' || between === 'of the' || between === 'in';
    if (!listed && !partOf) continue;
    // the shared noun and what follows it say what both count; the span stays the number's own
    candidates[n] = { ...c, unit: { ...next.unit, unitLast: null }, counted: next.counted };
  }
}
