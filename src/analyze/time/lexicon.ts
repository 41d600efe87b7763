/**
 * The English words temporal expressions are made of. Lowercase keys: the
 * tokenizer lowercases every word it hands to the grammar.
 */
import type { Season } from './calendar.ts';

/** Month names, their abbreviations ("Sept", "Jan"), and nothing ambiguous with common words except "may"/"march", which the grammar only takes capitalised. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Month words that are also everyday words ("may", "march", "jan" as a name…): taken only capitalised and in a date context. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'mar', 'jan', 'jun', 'jul', 'aug', 'sep', 'dec', 'oct', 'nov']);

/** ISO weekday numbers (Monday 1). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['mon', 1], ['tuesday', 2], ['tue', 2], ['tues', 2], ['wednesday', 3], ['wed', 3],
  ['thursday', 4], ['thu', 4], ['thur', 4], ['thurs', 4], ['friday', 5], ['fri', 5], ['saturday', 6], ['sat', 6],
  ['sunday', 7], ['sun', 7],
]);

/** Abbreviated weekday names, which are common words too ("sat", "wed", "sun"): taken only before a date. */
export const ABBREVIATED_WEEKDAYS: ReadonlySet<string> = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);

export const SEASON_WORDS: ReadonlyMap<string, Season> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]);

/** TIMEX3 parts of the day. */
export type PartOfDay = 'MO' | 'MI' | 'AF' | 'EV' | 'NI' | 'DT';

export const PARTS_OF_DAY: ReadonlyMap<string, PartOfDay> = new Map([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'], ['overnight', 'NI'], ['midday', 'MI'],
]);

/** Units of time a duration or a shift counts in. */
export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'season' | 'year' | 'decade' | 'century';

/** Unit words, singular and plural; "night(s)" counts days ("three nights of shelling" is P3D). */
export const UNIT_WORDS: ReadonlyMap<string, Unit> = new Map([
  ['second', 'second'], ['seconds', 'second'], ['sec', 'second'], ['secs', 'second'],
  ['minute', 'minute'], ['minutes', 'minute'], ['min', 'minute'], ['mins', 'minute'],
  ['hour', 'hour'], ['hours', 'hour'], ['hr', 'hour'], ['hrs', 'hour'],
  ['day', 'day'], ['days', 'day'], ['night', 'day'], ['nights', 'day'],
  ['week', 'week'], ['weeks', 'week'], ['weekend', 'weekend'], ['weekends', 'weekend'],
  ['month', 'month'], ['months', 'month'], ['quarter', 'quarter'], ['quarters', 'quarter'],
  ['year', 'year'], ['years', 'year'], ['yr', 'year'], ['yrs', 'year'],
  ['decade', 'decade'], ['decades', 'decade'], ['century', 'century'], ['centuries', 'century'],
]);

export const PLURAL_UNIT_WORDS: ReadonlySet<string> = new Set([
  'seconds', 'secs', 'minutes', 'mins', 'hours', 'hrs', 'days', 'nights', 'weeks', 'weekends', 'months', 'quarters',
  'years', 'yrs', 'decades', 'centuries',
]);

/** TIMEX3 duration letters: hours and smaller go after `T`; decades and centuries are written in years, as TimeBank does. */
export const DURATION_UNIT: Readonly<Record<Unit, { letter: string; time: boolean; factor: number }>> = {
  second: { letter: 'S', time: true, factor: 1 },
  minute: { letter: 'M', time: true, factor: 1 },
  hour: { letter: 'H', time: true, factor: 1 },
  day: { letter: 'D', time: false, factor: 1 },
  week: { letter: 'W', time: false, factor: 1 },
  weekend: { letter: 'D', time: false, factor: 2 },
  month: { letter: 'M', time: false, factor: 1 },
  quarter: { letter: 'Q', time: false, factor: 1 },
  season: { letter: 'M', time: false, factor: 3 },
  year: { letter: 'Y', time: false, factor: 1 },
  decade: { letter: 'Y', time: false, factor: 10 },
  century: { letter: 'Y', time: false, factor: 100 },
};

/** Adverbs and adjectives of frequency: "daily" is every day (TIMEX3 SET P1D). */
export const FREQUENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['hourly', 'PT1H'], ['daily', 'P1D'], ['nightly', 'P1D'], ['weekly', 'P1W'], ['fortnightly', 'P2W'], ['biweekly', 'P2W'],
  ['monthly', 'P1M'], ['quarterly', 'P1Q'], ['annually', 'P1Y'], ['yearly', 'P1Y'], ['annual', 'P1Y'],
]);

const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Cardinal number words: one … ninety; compounds ("twenty-four") are read by the grammar from two of them. */
export function numberWordValue(word: string): number | null {
  return SMALL_NUMBERS.get(word) ?? TENS.get(word) ?? null;
}

export function isTensWord(word: string): boolean {
  return TENS.has(word);
}

/** Ordinal words, for "the first quarter", "the 31st of July" is digits and a suffix. */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
  ['twenty-first', 21], ['thirtieth', 30],
]);

/** Words that stand for an unknown count: "several years" is TIMEX3 PXY. */
export const VAGUE_COUNT_WORDS: ReadonlySet<string> = new Set(['several', 'many', 'few', 'some', 'numerous', 'countless']);

export const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);

/** Decades in words: "the nineties" is 199. */
export const DECADE_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenties', 2], ['thirties', 3], ['forties', 4], ['fifties', 5], ['sixties', 6], ['seventies', 7], ['eighties', 8], ['nineties', 9],
]);
