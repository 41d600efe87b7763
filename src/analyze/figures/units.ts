/**
 * The unit of a number: a measure written after it ("km", "square
 * kilometres", "miles" → km, "%"), a currency around it ("$2 billion",
 * "20 million euros"), or the noun it counts ("90 settlements", "30,000
 * Russian troops", "the 14 (brigades)"), normalised so that figures from
 * different articles line up in one series.
 */
import { DETERMINERS, NOT_COUNT_NOUNS, PHRASE_STOPS, PREPOSITIONS, TIME_NOUNS } from './lexicon.ts';
import type { NumberReading } from './numbers.ts';
import type { Token } from './tokens.ts';

export type UnitKind = 'measure' | 'money' | 'percent' | 'fraction' | 'count';

export interface UnitReading {
  unit: string;
  kind: UnitKind;
  /** Multiply the written value by this to get the normalised one (miles → km: 1.609344). */
  factor: number;
  /** Last token of a written measure or currency (part of the figure's span), or null when the unit is the counted noun. */
  unitLast: number | null;
  /** The counted noun and the first of its modifiers ("30,000 [Russian] [troops]"), for count units. */
  head: number | null;
  modifiersFirst: number | null;
  /** First token after the unit: where the phrase of what is counted goes on. */
  next: number;
}

/** The number measures time or age ("five days", "45-year-old"): not a figure. */
export interface NotAFigure {
  notAFigure: string;
}

/** Counted nouns whose unit has its own name; everything else countable is `count`. */
export const COUNT_UNITS = new Map<string, string>([
  ...['people', 'persons', 'individuals', 'residents', 'civilians', 'inhabitants', 'citizens', 'children',
    'kids', 'adults', 'men', 'women', 'refugees', 'evacuees', 'migrants', 'locals', 'villagers', 'victims',
    'hostages', 'passengers', 'workers', 'volunteers', 'pensioners', 'patients', 'families', 'journalists',
    'students', 'doctors', 'officials', 'diplomats', 'lawmakers', 'politicians', 'oligarchs', 'Ukrainians', 'Russians'].map((w) => [w.toLowerCase(), 'people'] as const),
  ...['troops', 'soldiers', 'servicemen', 'servicemembers', 'fighters', 'personnel', 'marines', 'paratroopers',
    'mercenaries', 'conscripts', 'reservists', 'recruits', 'militants', 'combatants', 'infantrymen', 'sailors',
    'pilots', 'officers', 'commandos', 'guardsmen', 'militiamen', 'servicewomen', 'forces'].map((w) => [w, 'troops'] as const),
  ...['prisoners', 'pows', 'captives', 'detainees'].map((w) => [w, 'prisoners'] as const),
  ['casualties', 'casualties'],
  ...['deaths', 'dead', 'fatalities', 'lives'].map((w) => [w, 'deaths'] as const),
  ...['wounded', 'injured', 'injuries'].map((w) => [w, 'injured'] as const),
  ...['settlements', 'villages', 'towns', 'cities', 'hamlets', 'localities'].map((w) => [w, 'settlements'] as const),
  ...['brigades'].map((w) => [w, 'brigades'] as const),
  ...['battalions'].map((w) => [w, 'battalions'] as const),
  ...['bridges'].map((w) => [w, 'bridges'] as const),
  ...['tanks'].map((w) => [w, 'tanks'] as const),
  ...['drones', 'uavs'].map((w) => [w, 'drones'] as const),
  ...['missiles', 'rockets'].map((w) => [w, 'missiles'] as const),
  ...['shells', 'projectiles'].map((w) => [w, 'shells'] as const),
  ...['aircraft', 'jets', 'planes', 'warplanes', 'helicopters', 'fighter-jets', 'bombers'].map((w) => [w, 'aircraft'] as const),
  ...['vehicles', 'apcs', 'trucks', 'carriers'].map((w) => [w, 'vehicles'] as const),
  ...['ships', 'vessels', 'warships', 'boats'].map((w) => [w, 'ships'] as const),
  ...['regions', 'oblasts', 'provinces'].map((w) => [w, 'regions'] as const),
  ...['countries', 'nations', 'states'].map((w) => [w, 'countries'] as const),
  // "rounds" are of ammunition as often as of talks: a plain count
  ...['sanctions', 'attacks', 'strikes', 'airstrikes', 'buildings', 'homes', 'houses', 'schools', 'hospitals'].map((w) => [w, 'count'] as const),
]);

/** Irregular plurals and mass nouns that are counted without an -s. */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'personnel', 'aircraft', 'police', 'staff', 'infantry', 'cattle', 'livestock', 'dead', 'wounded', 'injured']);

/** "Belarusians", "Americans", "Israelis": a people counted. */
function isDemonymPlural(token: Token): boolean {
  const first = token.text.charAt(0);
  return token.lower.length > 5 && first !== first.toLowerCase() && /(?:ians|ans|is)$/.test(token.lower);
}

/** The unit a counted noun gives: its own name for known ones ("villages" → settlements), else `count`. */
export function unitOfNoun(token: Token): string {
  return COUNT_UNITS.get(token.lower) ?? (isDemonymPlural(token) ? 'people' : 'count');
}

/** Words between a number and its noun that only say "in addition": "1,000 more troops", "two additional brigades". */
const ADDITIVES = new Set(['more', 'additional', 'extra', 'other', 'further', 'fewer']);

/** A word shaped like a counted plural noun: "settlements", "depots", "Grads"; not "various", "times", "days". */
export function isCountNoun(token: Token): boolean {
  const w = token.lower;
  if (COUNT_UNITS.has(w) || IRREGULAR_PLURALS.has(w)) return true;
  if (w.length < 4 || !w.endsWith('s')) return false;
  if (/(?:ss|us|is|ous|'s|’s)$/.test(w)) return false;
  return !NOT_COUNT_NOUNS.has(w) && !TIME_NOUNS.has(w) && !PHRASE_STOPS.has(w);
}

interface Measure {
  unit: string;
  kind: UnitKind;
  factor: number;
}

const LENGTH: Record<string, number> = {
  km: 1, kms: 1, kilometres: 1, kilometers: 1, kilometre: 1, kilometer: 1, miles: 1.609344, mile: 1.609344,
  metres: 0.001, meters: 0.001, metre: 0.001, meter: 0.001,
};
const AREA_AFTER_SQUARE: Record<string, number> = {
  kilometres: 1, kilometers: 1, kilometre: 1, kilometer: 1, km: 1, miles: 2.589988, mile: 2.589988,
  metres: 1e-6, meters: 1e-6,
};
const AREA: Record<string, number> = { 'km²': 1, km2: 1, sqkm: 1, hectares: 0.01, hectare: 0.01, ha: 0.01, acres: 0.00404686 };
const WEIGHT: Record<string, number> = { tonnes: 1, tons: 1, tonne: 1, ton: 1, kg: 0.001, kilograms: 0.001 };
const CURRENCY_WORDS: Record<string, string> = {
  dollars: 'usd', dollar: 'usd', usd: 'usd', euros: 'eur', euro: 'eur', eur: 'eur', hryvnias: 'uah', hryvnia: 'uah',
  hryvnas: 'uah', hryvnyas: 'uah', uah: 'uah', rubles: 'rub', roubles: 'rub', ruble: 'rub', rouble: 'rub', rub: 'rub',
  gbp: 'gbp', yuan: 'cny',
};
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'usd', '€': 'eur', '£': 'gbp', '₴': 'uah', '₽': 'rub', '¥': 'cny' };

/** A currency written before the number: "$2 billion", "US$ 5m", "EUR 20 million". */
export function currencyBefore(tokens: readonly Token[], first: number): { currency: string; first: number } | null {
  const before = tokens[first - 1];
  if (before === undefined) return null;
  const symbol = CURRENCY_SYMBOLS[before.text];
  if (symbol !== undefined) {
    const us = tokens[first - 2];
    const start = us !== undefined && !before.spaced && (us.text === 'US' || us.text === 'U.S') ? first - 2 : first - 1;
    return { currency: symbol, first: start };
  }
  if (before.kind === 'word' && before.text === before.text.toUpperCase() && ['usd', 'eur', 'uah', 'gbp', 'rub'].includes(before.lower)) {
    return { currency: before.lower, first: first - 1 };
  }
  return null;
}

/** A written measure starting at token `k`: its unit, factor and last token. */
function readMeasure(tokens: readonly Token[], k: number, attached: boolean): (Measure & { last: number }) | null {
  const t = tokens[k];
  if (t === undefined) return null;
  const w = t.lower;
  if (t.text === '%') return { unit: 'percent', kind: 'percent', factor: 1, last: k };
  if (w === 'percent' || w === 'pct') return { unit: 'percent', kind: 'percent', factor: 1, last: k };
  if (w === 'per' && tokens[k + 1]?.lower === 'cent') return { unit: 'percent', kind: 'percent', factor: 1, last: k + 1 };
  if (w === 'percentage' && tokens[k + 1]?.lower === 'points') return { unit: 'percentage points', kind: 'percent', factor: 1, last: k + 1 };
  if (w === 'square' || w === 'sq') {
    let j = k + 1;
    if (tokens[j]?.text === '.') j++;
    const f = AREA_AFTER_SQUARE[tokens[j]?.lower ?? ''];
    if (f !== undefined) return { unit: 'km2', kind: 'measure', factor: f, last: j };
    return null;
  }
  const area = AREA[w];
  if (area !== undefined && (w !== 'ha' || attached || t.text === 'ha')) return { unit: 'km2', kind: 'measure', factor: area, last: k };
  // "km" followed by "²" or "2" written apart
  const length = LENGTH[w];
  if (length !== undefined) {
    const sup = tokens[k + 1];
    if (sup !== undefined && !sup.spaced && (sup.text === '²' || sup.text === '2')) return { unit: 'km2', kind: 'measure', factor: length * length, last: k + 1 };
    return { unit: 'km', kind: 'measure', factor: length, last: k };
  }
  const weight = WEIGHT[w];
  if (weight !== undefined) return { unit: 'tonnes', kind: 'measure', factor: weight, last: k };
  const currency = CURRENCY_WORDS[w];
  if (currency !== undefined && (w.length > 3 || t.text === t.text.toUpperCase())) return { unit: currency, kind: 'money', factor: 1, last: k };
  if (w === 'pounds' && tokens[k + 1]?.lower === 'sterling') return { unit: 'gbp', kind: 'money', factor: 1, last: k + 1 };
  return null;
}

/** How many modifiers may stand between a number and its noun: "30,000 [Russian] troops", "two [Su-34] [fighter] jets". */
const MAX_MODIFIERS = 3;

/**
 * The counted noun after a number: the first countable noun within
 * MAX_MODIFIERS words, through an "of the" partitive ("12 of the soldiers")
 * or a bracketed noun ("the 14 (brigades)").
 */
function readCountNoun(tokens: readonly Token[], k: number): { head: number; modifiersFirst: number } | NotAFigure | null {
  let j = k;
  const t = tokens[j];
  if (t === undefined) return null;
  if (t.text === '(' && tokens[j + 2]?.text === ')' && tokens[j + 1] !== undefined && isCountNoun(tokens[j + 1]!)) {
    return { head: j + 1, modifiersFirst: j + 1 };
  }
  if (t.lower === 'of') {
    j++;
    const d = tokens[j]?.lower;
    if (d === 'them' || d === 'whom' || d === 'which' || d === 'those' || d === 'us' || d === 'these') return null;
    if (d === 'the' || d === 'its' || d === 'their' || d === 'our') j++;
  }
  const first = j;
  let words = 0;
  for (; j < tokens.length && words <= MAX_MODIFIERS; j++) {
    const token = tokens[j]!;
    if (token.kind === 'punct') {
      // "Su-34", "Russian-held": hyphens inside a modifier
      if (token.text === '-' && !token.spaced && words > 0 && tokens[j + 1] !== undefined && !tokens[j + 1]!.spaced) continue;
      return null;
    }
    if (token.kind === 'number') {
      if (words > 0 && !token.spaced) continue;
      return null;
    }
    const w = token.lower;
    if (TIME_NOUNS.has(w)) return { notAFigure: 'duration or age' };
    // "three US officials", "20 EU countries": an acronym modifies, it is not the pronoun "us"
    if (token.text.length <= 3 && token.text === token.text.toUpperCase() && token.text !== w) {
      words++;
      continue;
    }
    if (isCountNoun(token)) {
      // "31 Abrams tanks", "12 Grads launchers": a capitalised name before the noun it modifies
      const next = tokens[j + 1];
      const named = token.text !== token.lower && !COUNT_UNITS.has(w);
      if (!(named && next !== undefined && next.kind === 'word' && isCountNoun(next))) {
        // a compound's last noun is what is counted: "890 armored personnel carriers"
        const compound = next !== undefined && next.kind === 'word' && next.text === next.lower && next.lower.endsWith('s') && isCountNoun(next);
        return { head: compound ? j + 1 : j, modifiersFirst: first };
      }
    }
    if (words === 0 && ADDITIVES.has(w)) {
      words++;
      continue;
    }
    if (PHRASE_STOPS.has(w) || PREPOSITIONS.has(w) || DETERMINERS.has(w)) return null;
    // an adverb ("nearly", "daily") between number and noun ends the search; a participle
    // is an adjective there ("890 armored personnel carriers") unless nothing follows it
    if (token.text === w && /ly$/.test(w)) return null;
    if (token.text === w && /ed$/.test(w) && tokens[j + 1]?.kind !== 'word') return null;
    words++;
  }
  return null;
}

/**
 * The unit of the number read at `reading`, from the tokens after it (and a
 * currency before it, passed in). Null when nothing tells what it counts.
 */
export function readUnit(tokens: readonly Token[], reading: NumberReading, currency: string | null): UnitReading | NotAFigure | null {
  if (reading.kind === 'fraction') {
    return { unit: 'fraction', kind: 'fraction', factor: 1, unitLast: null, head: null, modifiersFirst: null, next: reading.last + 1 };
  }
  let k = reading.last + 1;
  const after = tokens[k];
  const attached = after !== undefined && !after.spaced;
  if (currency !== null) {
    // "$10m", "$1.5bn" written with the scale attached; the number has read "bn" already.
    if (after !== undefined && attached && after.lower === 'm') k++;
    const word = readMeasure(tokens, k, false);
    const last = word !== null && word.kind === 'money' ? word.last : k - 1;
    return { unit: currency, kind: 'money', factor: after?.lower === 'm' && attached ? 1e6 : 1, unitLast: last >= reading.last + 1 ? last : null, head: null, modifiersFirst: null, next: last + 1 };
  }
  // "10-kilometre", "300-strong", "45-year-old", "30,000-plus"
  if (after !== undefined && after.text === '-' && attached && tokens[k + 1] !== undefined && !tokens[k + 1]!.spaced) {
    const w = tokens[k + 1]!.lower;
    if (TIME_NOUNS.has(w)) return { notAFigure: 'duration or age' };
    if (w === 'strong') return { unit: 'troops', kind: 'count', factor: 1, unitLast: k + 1, head: null, modifiersFirst: null, next: k + 2 };
    if (w === 'plus') k += 2;
    else k += 1;
  }
  if (after !== undefined && attached && after.lower === 'm' && reading.kind === 'digits') {
    // "10m people" and "2.25m tonnes" are millions; "10m" alone is ten metres.
    const millionOf = readMeasure(tokens, k + 1, false);
    if (millionOf !== null && millionOf.kind !== 'percent') {
      return { unit: millionOf.unit, kind: millionOf.kind, factor: millionOf.factor * 1e6, unitLast: millionOf.last, head: null, modifiersFirst: null, next: millionOf.last + 1 };
    }
    const noun = readCountNoun(tokens, k + 1);
    if (noun !== null && !('notAFigure' in noun)) {
      return { unit: unitOfNoun(tokens[noun.head]!), kind: 'count', factor: 1e6, unitLast: k, head: noun.head, modifiersFirst: noun.modifiersFirst, next: noun.head + 1 };
    }
    return { unit: 'km', kind: 'measure', factor: 0.001, unitLast: k, head: null, modifiersFirst: null, next: k + 1 };
  }
  const measure = readMeasure(tokens, k, attached);
  if (measure !== null) {
    return { unit: measure.unit, kind: measure.kind, factor: measure.factor, unitLast: measure.last, head: null, modifiersFirst: null, next: measure.last + 1 };
  }
  const noun = readCountNoun(tokens, k);
  if (noun === null || 'notAFigure' in noun) return noun;
  const head = tokens[noun.head]!;
  const next = tokens[noun.head + 1]?.text === ')' ? noun.head + 2 : noun.head + 1;
  return { unit: unitOfNoun(head), kind: 'count', factor: 1, unitLast: null, head: noun.head, modifiersFirst: noun.modifiersFirst, next };
}
