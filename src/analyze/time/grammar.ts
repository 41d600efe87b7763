/**
 * The grammar of English temporal expressions as news writes them, over the
 * token stream: at each token, every rule tries to read an expression
 * starting there and the longest reading wins (ties go to the rule listed
 * first). Each rule looks a bounded number of tokens ahead and never
 * backtracks into what it has read, so the whole pass is linear in the text.
 *
 * Spans follow TimeML's TIMEX3 conventions, which TempEval scores: determiners
 * and modifiers belong to the expression ("the third quarter", "early June",
 * "more than two years ago"), prepositions do not ("on Wednesday" →
 * "Wednesday").
 */
import {
  ABBREVIATED_WEEKDAYS,
  AMBIGUOUS_MONTHS,
  DECADE_WORDS,
  DURATION_UNIT,
  FREQUENCY_WORDS,
  MONTHS,
  ORDINAL_SUFFIXES,
  ORDINAL_WORDS,
  PARTS_OF_DAY,
  PLURAL_UNIT_WORDS,
  SEASON_WORDS,
  UNIT_WORDS,
  VAGUE_COUNT_WORDS,
  WEEKDAYS,
  isTensWord,
  numberWordValue,
  type Unit,
} from './lexicon.ts';
import type { CalendarUnit, GrammarMatch, Holiday, Meaning, Mod, TimeOfDay } from './meaning.ts';
import type { Token } from './tokens.ts';
import { parseDateString } from '../../ingest/dates.ts';

/**
 * Numeric dates: ISO (with an optional time), year-first with slashes or dots,
 * day-first with dots, slashed with the year last. Not followed by more digits
 * (a version number, an IP address). Group 1 is the date, 2–3 the time.
 */
const NUMERIC_DATE =
  /(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/-]|\.\d)/y;

/** Years read from a bare number: earlier ones need a preposition ("in 1812"), later ones are counts more often than years. */
const MIN_BARE_YEAR = 1900;
const MAX_YEAR = 2099;
const MIN_YEAR_WITH_PREPOSITION = 1000;

/** Words that make a following bare number (1000–1899) or an ambiguous month ("May") a date. */
const DATE_PREPOSITIONS = new Set([
  'in', 'on', 'at', 'of', 'since', 'until', 'till', 'by', 'before', 'after', 'during', 'through', 'from', 'to', 'between', 'and',
  'or', 'early', 'late', 'mid', 'last', 'next', 'this', 'circa', 'around', 'throughout', 'spring', 'summer', 'autumn',
  'fall', 'winter',
]);

/** Nouns after which a four-digit number is a count, not a year ("2000 troops"). */
const COUNTED_NOUNS = new Set([
  'people', 'persons', 'soldiers', 'troops', 'men', 'women', 'children', 'civilians', 'residents', 'homes', 'houses',
  'buildings', 'km', 'kilometers', 'kilometres', 'miles', 'meters', 'metres', 'tons', 'tonnes', 'dollars', 'euros',
  'rubles', 'roubles', 'hryvnias', 'units', 'cases', 'deaths', 'votes', 'points', 'feet', 'kg', 'ft', 'shares',
  'jobs', 'workers', 'employees', 'members', 'drones', 'missiles', 'shells', 'tanks', 'vehicles', 'prisoners',
  'refugees', 'hectares', 'acres', 'sq', 'square', 'barrels', 'pounds', 'ounces', 'calories', 'words', 'pages',
]);

/** Nouns that make a plural unit a kind of time rather than a length: "outside regular business hours". */
const KINDS_OF_TIME = new Set([
  'business', 'working', 'office', 'opening', 'daylight', 'visiting', 'peak', 'rush', 'school', 'waking', 'operating',
  'trading', 'banking', 'evening', 'morning', 'early', 'small', 'wee',
]);

/** "eight trading days": kinds of day a count may name. */
const COUNTED_DAY_KINDS = new Set(['trading', 'business', 'working', 'calendar', 'school']);

/** "20 more years", "an additional year". */
const EXTRA_WORDS = new Set(['more', 'additional', 'extra', 'further']);

const CURRENCY = new Set(['$', '€', '£', '¥', '₴', '₽', '#', '№']);

/** Reporting-style determiners that step a calendar unit: "last week", "this year", "next month". */
const UNIT_STEP: ReadonlyMap<string, number> = new Map([
  ['last', -1], ['past', -1], ['previous', -1], ['this', 0], ['current', 0], ['present', 0], ['next', 1], ['coming', 1],
]);

/** "last May", "this September", "next January". */
const MONTH_STEP: ReadonlyMap<string, -1 | 0 | 1> = new Map([
  ['last', -1], ['this', 0], ['next', 1], ['coming', 1], ['past', -1],
]);

/** Calendar units a determiner can step ("last week") — not hours or minutes, which are durations. */
const STEPPABLE: ReadonlyMap<Unit, CalendarUnit> = new Map([
  ['day', 'day'], ['week', 'week'], ['weekend', 'weekend'], ['month', 'month'], ['quarter', 'quarter'],
  ['year', 'year'], ['decade', 'decade'], ['century', 'century'],
]);

/** Modifiers that open an expression ("more than two years", "early June"). Each entry is a word sequence. */
interface PrefixRule {
  words: readonly string[];
  mod: Mod;
  /** Applies to points in time (START/MID/END) or to quantities (MORE_THAN…, which need a count next). */
  applies: 'point' | 'quantity' | 'both';
  /** The half of a year it names when the core is a year ("the first half of 2024" is 2024-H1). */
  half?: number;
}

const PREFIXES: readonly PrefixRule[] = [
  { words: ['the', 'first', 'half', 'of'], mod: 'START', applies: 'point', half: 1 },
  { words: ['the', 'second', 'half', 'of'], mod: 'END', applies: 'point', half: 2 },
  { words: ['the', 'last', 'half', 'of'], mod: 'END', applies: 'point', half: 2 },
  { words: ['the', 'latter', 'half', 'of'], mod: 'END', applies: 'point', half: 2 },
  { words: ['the', 'beginning', 'of'], mod: 'START', applies: 'point' },
  { words: ['the', 'start', 'of'], mod: 'START', applies: 'point' },
  { words: ['the', 'outset', 'of'], mod: 'START', applies: 'point' },
  { words: ['the', 'dawn', 'of'], mod: 'START', applies: 'point' },
  { words: ['the', 'middle', 'of'], mod: 'MID', applies: 'point' },
  { words: ['the', 'end', 'of'], mod: 'END', applies: 'point' },
  { words: ['the', 'close', 'of'], mod: 'END', applies: 'point' },
  { words: ['the', 'early'], mod: 'START', applies: 'point' },
  { words: ['the', 'mid'], mod: 'MID', applies: 'point' },
  { words: ['the', 'late'], mod: 'END', applies: 'point' },
  { words: ['earlier', 'in'], mod: 'START', applies: 'point' },
  { words: ['later', 'in'], mod: 'END', applies: 'point' },
  { words: ['early', 'in'], mod: 'START', applies: 'point' },
  { words: ['late', 'in'], mod: 'END', applies: 'point' },
  { words: ['early'], mod: 'START', applies: 'point' },
  { words: ['earlier'], mod: 'START', applies: 'point' },
  { words: ['mid'], mod: 'MID', applies: 'point' },
  { words: ['late'], mod: 'END', applies: 'point' },
  { words: ['later'], mod: 'END', applies: 'point' },
  { words: ['more', 'than'], mod: 'MORE_THAN', applies: 'quantity' },
  { words: ['well', 'over'], mod: 'MORE_THAN', applies: 'quantity' },
  { words: ['just', 'over'], mod: 'MORE_THAN', applies: 'quantity' },
  { words: ['upwards', 'of'], mod: 'MORE_THAN', applies: 'quantity' },
  { words: ['over'], mod: 'MORE_THAN', applies: 'quantity' },
  { words: ['less', 'than'], mod: 'LESS_THAN', applies: 'quantity' },
  { words: ['fewer', 'than'], mod: 'LESS_THAN', applies: 'quantity' },
  { words: ['just', 'under'], mod: 'LESS_THAN', applies: 'quantity' },
  { words: ['under'], mod: 'LESS_THAN', applies: 'quantity' },
  { words: ['almost'], mod: 'LESS_THAN', applies: 'quantity' },
  { words: ['nearly'], mod: 'LESS_THAN', applies: 'quantity' },
  { words: ['at', 'least'], mod: 'EQUAL_OR_MORE', applies: 'quantity' },
  { words: ['no', 'less', 'than'], mod: 'EQUAL_OR_MORE', applies: 'quantity' },
  { words: ['at', 'most'], mod: 'EQUAL_OR_LESS', applies: 'quantity' },
  { words: ['no', 'more', 'than'], mod: 'EQUAL_OR_LESS', applies: 'quantity' },
  { words: ['up', 'to'], mod: 'EQUAL_OR_LESS', applies: 'quantity' },
  { words: ['about'], mod: 'APPROX', applies: 'both' },
  { words: ['around'], mod: 'APPROX', applies: 'both' },
  { words: ['approximately'], mod: 'APPROX', applies: 'both' },
  { words: ['roughly'], mod: 'APPROX', applies: 'both' },
  { words: ['circa'], mod: 'APPROX', applies: 'both' },
  { words: ['some'], mod: 'APPROX', applies: 'quantity' },
];

/** The prefix rules by their first word, in the order listed. */
const PREFIXES_BY_FIRST: ReadonlyMap<string, readonly PrefixRule[]> = (() => {
  const map = new Map<string, PrefixRule[]>();
  for (const rule of PREFIXES) map.set(rule.words[0]!, [...(map.get(rule.words[0]!) ?? []), rule]);
  return map;
})();

const NO_PREFIXES: readonly PrefixRule[] = [];

/** Fixed phrases with a fixed meaning. Longest listed first within the same first word. */
interface Phrase {
  words: readonly string[];
  meaning: Meaning;
  time?: TimeOfDay;
  mod?: Mod;
}

const THIS_YEAR: Meaning = { kind: 'unit-offset', unit: 'year', offset: 0 };

const PRESENT: Meaning = { kind: 'ref', ref: 'PRESENT_REF' };
const PAST: Meaning = { kind: 'ref', ref: 'PAST_REF' };
const FUTURE: Meaning = { kind: 'ref', ref: 'FUTURE_REF' };

function dayPhrases(word: string, days: number): Phrase[] {
  const phrases: Phrase[] = [];
  for (const [partWord, part] of PARTS_OF_DAY) {
    phrases.push({ words: [word, partWord], meaning: { kind: 'day-offset', days }, time: { part } });
  }
  phrases.push({ words: [word], meaning: { kind: 'day-offset', days } });
  return phrases;
}

const PHRASES: readonly Phrase[] = [
  ...dayPhrases('yesterday', -1),
  ...dayPhrases('today', 0),
  ...dayPhrases('tomorrow', 1),
  { words: ['the', 'day', 'before', 'yesterday'], meaning: { kind: 'day-offset', days: -2 } },
  { words: ['the', 'day', 'after', 'tomorrow'], meaning: { kind: 'day-offset', days: 2 } },
  { words: ['tonight'], meaning: { kind: 'day-offset', days: 0 }, time: { part: 'NI' } },
  { words: ['last', 'night'], meaning: { kind: 'day-offset', days: -1 }, time: { part: 'NI' } },
  { words: ['this', 'morning'], meaning: { kind: 'day-offset', days: 0 }, time: { part: 'MO' } },
  { words: ['this', 'afternoon'], meaning: { kind: 'day-offset', days: 0 }, time: { part: 'AF' } },
  { words: ['this', 'evening'], meaning: { kind: 'day-offset', days: 0 }, time: { part: 'EV' } },
  { words: ['right', 'now'], meaning: PRESENT },
  { words: ['now'], meaning: PRESENT },
  { words: ['currently'], meaning: PRESENT },
  { words: ['nowadays'], meaning: PRESENT },
  { words: ['these', 'days'], meaning: PRESENT },
  { words: ['the', 'present', 'day'], meaning: PRESENT },
  { words: ['the', 'present'], meaning: PRESENT },
  { words: ['present'], meaning: PRESENT },
  { words: ['recently'], meaning: PAST },
  { words: ['recent'], meaning: PAST },
  { words: ['current'], meaning: PRESENT },
  { words: ['lately'], meaning: PAST },
  { words: ['those', 'days'], meaning: PAST },
  { words: ['the', 'past'], meaning: PAST },
  { words: ['soon'], meaning: FUTURE },
  { words: ['the', 'near', 'future'], meaning: FUTURE },
  { words: ['the', 'foreseeable', 'future'], meaning: FUTURE },
  { words: ['the', 'future'], meaning: FUTURE },
  { words: ['year', '-', 'end'], meaning: THIS_YEAR, mod: 'END' },
  { words: ['year', 'end'], meaning: THIS_YEAR, mod: 'END' },
  { words: ['year', "'", 's', 'end'], meaning: THIS_YEAR, mod: 'END' },
  { words: ['year', '’', 's', 'end'], meaning: THIS_YEAR, mod: 'END' },
  { words: ['the', 'next', 'morning'], meaning: { kind: 'anaphor', unit: 'day', offset: 1 }, time: { part: 'MO' } },
  { words: ['the', 'following', 'morning'], meaning: { kind: 'anaphor', unit: 'day', offset: 1 }, time: { part: 'MO' } },
  { words: ['the', 'next', 'night'], meaning: { kind: 'anaphor', unit: 'day', offset: 1 }, time: { part: 'NI' } },
  { words: ['the', 'following', 'night'], meaning: { kind: 'anaphor', unit: 'day', offset: 1 }, time: { part: 'NI' } },
  { words: ['noon'], meaning: { kind: 'clock' }, time: { hour: 12, minute: 0 } },
  { words: ['midday'], meaning: { kind: 'clock' }, time: { hour: 12, minute: 0 } },
  { words: ['midnight'], meaning: { kind: 'clock' }, time: { hour: 24, minute: 0 } },
];

const PHRASES_BY_FIRST: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const map = new Map<string, Phrase[]>();
  for (const phrase of PHRASES) {
    const list = map.get(phrase.words[0]!) ?? [];
    list.push(phrase);
    map.set(phrase.words[0]!, list);
  }
  return map;
})();

/** "present" is a time only after "at"/"for" ("at present", "for the present"); elsewhere it is another word. */
const NEEDS_AT: ReadonlySet<string> = new Set(['present']);

const HOLIDAYS: ReadonlyArray<{ words: readonly string[]; holiday: Holiday }> = [
  { words: ['christmas', 'eve'], holiday: 'christmas-eve' },
  { words: ['christmas', 'day'], holiday: 'christmas' },
  { words: ['christmas'], holiday: 'christmas' },
  { words: ['new', 'year', "'", 's', 'eve'], holiday: 'new-years-eve' },
  { words: ['new', 'year', "'", 's', 'day'], holiday: 'new-year' },
  { words: ['new', 'year', '’', 's', 'eve'], holiday: 'new-years-eve' },
  { words: ['new', 'year', '’', 's', 'day'], holiday: 'new-year' },
  { words: ['easter', 'sunday'], holiday: 'easter' },
  { words: ['easter'], holiday: 'easter' },
  { words: ['thanksgiving', 'day'], holiday: 'thanksgiving' },
  { words: ['thanksgiving'], holiday: 'thanksgiving' },
];

/** Clock-time zone abbreviations kept in the span ("5 p.m. EST"); the value, like TimeBank's, does not carry the zone. */
const ZONES = new Set([
  'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'eet', 'eest', 'msk', 'et', 'pt',
]);

/** Words that may follow a frequency adverb ("leaving the area daily and", "adjusted quarterly to"). */
const ADVERB_FOLLOWERS = new Set([
  'and', 'or', 'but', 'to', 'from', 'for', 'in', 'on', 'at', 'by', 'since', 'until', 'as', 'with', 'between',
  'during', 'through', 'throughout', 'over', 'after', 'before', 'the', 'a', 'an', 'while', 'when', 'if',
]);

/** "A day", "a year" after a count is a rate ("600 people a day"); the count stands at most this many tokens back. */
const RATE_LOOKBACK_TOKENS = 4;

/** Words that start something the grammar may read: anything else is skipped without trying the rules. */
const TRIGGERS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...UNIT_WORDS.keys(), ...SEASON_WORDS.keys(), ...PHRASES_BY_FIRST.keys(),
  ...PREFIXES_BY_FIRST.keys(), ...FREQUENCY_WORDS.keys(), ...VAGUE_COUNT_WORDS, ...DECADE_WORDS.keys(), ...ORDINAL_WORDS.keys(),
  'the', 'this', 'that', 'last', 'next', 'past', 'coming', 'previous', 'following', 'same', 'a', 'an', 'one', 'every',
  'each', 'per', 'several', 'couple', 'dozen', 'dozens', 'half', 'fiscal', 'its', 'recent', 'current', 'these',
  'those', 'q', 'christmas', 'new', 'easter', 'thanksgiving', 'mondays', 'tuesdays',
  'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays', 'mid', 'year', 'latest', 'upcoming', 'final',
  'preceding', 'prior', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'zero',
]);

/** How a determiner frames a counted unit: "the past two years" is a length up to now, "the following two days" one after the last date. */
type Framing = 'past' | 'next' | 'first' | 'recent' | 'anaphoric';

const FRAMINGS: ReadonlyMap<string, Framing> = new Map([
  ['past', 'past'], ['last', 'past'], ['next', 'next'], ['coming', 'next'], ['upcoming', 'next'], ['first', 'first'],
  ['final', 'first'], ['recent', 'recent'], ['previous', 'anaphoric'], ['preceding', 'anaphoric'], ['prior', 'anaphoric'],
  ['following', 'anaphoric'],
]);

/**
 * Words that make an expression but never one alone ("the", "last", "more",
 * "about"): at such a word the rules are tried only if a word that can carry
 * an expression follows within this many tokens — "the beginning of August",
 * "no more than two weeks" put it within four. This keeps "the the the…"
 * from costing a full parse per token.
 */
const WEAK_LOOKAHEAD_TOKENS = 5;

const WEAK_TRIGGERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'its', 'their', 'these', 'those', 'last', 'next', 'past', 'coming', 'previous',
  'following', 'same', 'early', 'earlier', 'late', 'later', 'mid', 'more', 'over', 'less', 'fewer', 'under', 'about',
  'around', 'approximately', 'roughly', 'circa', 'some', 'nearly', 'almost', 'at', 'up', 'no', 'just', 'well',
  'upwards', 'every', 'each', 'per', 'several', 'many', 'few', 'couple', 'dozen', 'dozens', 'hundreds', 'half', 'fiscal',
  'latest', 'upcoming', 'final', 'preceding', 'prior', 'numerous', 'countless', 'right', 'new', 'first',
  'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'current',
  'present', 'recent',
]);

/** Words that can carry an expression: every trigger that is not weak, and the heads of phrases led by weak words. */
const STRONG_WORDS: ReadonlySet<string> = new Set([
  ...[...TRIGGERS].filter((w) => !WEAK_TRIGGERS.has(w)),
  ...PARTS_OF_DAY.keys(), 'future', 'past', 'present', 'current', 'recent', 'period', 'end',
]);

interface Count {
  /** Null for a vague count ("several", "a few"). */
  value: number | null;
  end: number;
}

interface Partial {
  end: number;
  meaning: Meaning;
  mod?: Mod | null;
  time?: TimeOfDay | null;
}

export class TimeGrammar {
  /** Token index where the current paragraph ends: no rule reads past it. */
  private limit = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  /** Every expression in the text, left to right, not overlapping. */
  parseAll(): GrammarMatch[] {
    const matches: GrammarMatch[] = [];
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (i >= this.limit) this.limit = this.paragraphEnd(i);
      const token = tokens[i]!;
      if (token.kind === 'punct' ? token.norm !== "'" && token.norm !== '’' : token.kind === 'word' && !TRIGGERS.has(token.norm)) {
        continue;
      }
      if (token.kind === 'word' && WEAK_TRIGGERS.has(token.norm) && !this.strongAhead(i)) continue;
      const match = this.parseAt(i);
      if (match) {
        matches.push(match);
        i = match.end - 1;
      }
    }
    return matches;
  }

  /** A number or a word that can carry an expression stands at `i` or within WEAK_LOOKAHEAD_TOKENS after it. */
  private strongAhead(i: number): boolean {
    const end = Math.min(this.limit, i + 1 + WEAK_LOOKAHEAD_TOKENS);
    for (let k = i; k < end; k++) {
      const t = this.tokens[k]!;
      if (t.kind === 'number' || STRONG_WORDS.has(t.norm)) return true;
    }
    return false;
  }

  private paragraphEnd(i: number): number {
    let j = i + 1;
    while (j < this.tokens.length && !this.tokens[j]!.broken) j++;
    return j;
  }

  // ---- token access -------------------------------------------------------

  private token(i: number): Token | undefined {
    return i < this.limit ? this.tokens[i] : undefined;
  }

  /** The lowercased word at `i`, or '' (past the paragraph, or not a word). */
  private word(i: number): string {
    const t = this.token(i);
    return t !== undefined && t.kind === 'word' ? t.norm : '';
  }

  private is(i: number, ...alternatives: string[]): boolean {
    const t = this.token(i);
    return t !== undefined && alternatives.includes(t.norm);
  }

  /** Token `i` follows token `i - 1` with no space ("mid-June", "1990s"). */
  private joined(i: number): boolean {
    const t = this.token(i);
    return t !== undefined && !t.spaced;
  }

  private sequence(i: number, words: readonly string[]): boolean {
    for (let k = 0; k < words.length; k++) {
      const t = this.token(i + k);
      if (t === undefined || t.norm !== words[k]) return false;
    }
    return true;
  }

  /** The number at `i` if it is a whole number token not glued to other digits ("3.5", "1,000"). */
  private integer(i: number): number | null {
    const t = this.token(i);
    if (t === undefined || t.kind !== 'number') return null;
    const next = this.token(i + 1);
    if (next !== undefined && !next.spaced && (next.norm === ',' || next.norm === '.') && this.token(i + 2)?.kind === 'number' && !this.token(i + 2)!.spaced) {
      return null;
    }
    return Number(t.norm);
  }

  /** Skips a full stop glued to an abbreviation ("Sept.", "Wed."). */
  private skipDot(i: number): number {
    return this.is(i, '.') && this.joined(i) ? i + 1 : i;
  }

  // ---- the expression -----------------------------------------------------

  private parseAt(i: number): GrammarMatch | null {
    for (const rule of PREFIXES_BY_FIRST.get(this.tokens[i]!.norm) ?? NO_PREFIXES) {
      if (!this.sequence(i, rule.words)) continue;
      let coreStart = i + rule.words.length;
      if (rule.words.at(-1) === 'mid' && this.is(coreStart, '-') && this.joined(coreStart)) coreStart++;
      // "over the past year", "some of the days": "over", "under", "some" are quantities only before a count.
      if (rule.applies === 'quantity' && (this.word(coreStart) === 'the' || this.count(coreStart) === null)) continue;
      const core = this.core(coreStart);
      if (core === null) continue;
      const combined = this.applyPrefix(rule, core);
      if (combined !== null) return { first: i, end: core.end, ...combined };
    }
    const core = this.core(i);
    return core === null ? null : { first: i, end: core.end, meaning: core.meaning, mod: core.mod ?? null, time: core.time ?? null };
  }

  private applyPrefix(rule: PrefixRule, core: Partial): Omit<GrammarMatch, 'first' | 'end'> | null {
    const meaning = core.meaning;
    const isQuantity = meaning.kind === 'duration' || meaning.kind === 'shift';
    const isPoint = !isQuantity && meaning.kind !== 'set' && meaning.kind !== 'ref' && meaning.kind !== 'clock';
    if (rule.applies === 'point' && !isPoint) return null;
    if (rule.applies === 'quantity' && !isQuantity) return null;
    if (rule.half !== undefined) {
      if (meaning.kind === 'calendar' && meaning.month === null && meaning.year !== null) {
        return { meaning: { kind: 'half', half: rule.half, year: meaning.year, offset: null }, mod: null, time: null };
      }
      if (meaning.kind === 'unit-offset' && meaning.unit === 'year') {
        return { meaning: { kind: 'half', half: rule.half, year: null, offset: meaning.offset }, mod: null, time: null };
      }
    }
    return { meaning, mod: rule.mod, time: core.time ?? null };
  }

  /** The longest reading of a core expression at `i` (ties: the rule tried first). */
  private core(i: number): Partial | null {
    const t = this.token(i);
    if (t === undefined) return null;
    let best: Partial | null = null;
    if (t.kind === 'number') {
      best = longer(best, this.numericDate(i));
      best = longer(best, this.clock(i));
      best = longer(best, this.dayMonth(i));
      best = longer(best, this.year(i));
      best = longer(best, this.counted(i));
      return best;
    }
    if (t.kind === 'punct') return t.norm === "'" || t.norm === '’' ? this.apostropheDecade(i) : null;
    best = longer(best, this.monthDate(i));
    best = longer(best, this.spokenYear(i));
    best = longer(best, this.weekday(i));
    best = longer(best, this.dayMonth(i));
    best = longer(best, this.phrase(i));
    best = longer(best, this.holiday(i));
    best = longer(best, this.season(i));
    best = longer(best, this.quarterOrHalf(i));
    best = longer(best, this.decadeWords(i));
    best = longer(best, this.century(i));
    best = longer(best, this.fiscalYear(i));
    best = longer(best, this.frequency(i));
    best = longer(best, this.counted(i));
    best = longer(best, this.yearAgoAdjective(i));
    best = longer(best, this.steppedUnit(i));
    return best;
  }

  // ---- numbers --------------------------------------------------------------

  /** A count before a unit: "two", "24", "twenty-four", "a", "a couple of", "several", "a few", "2 1/2", "1.5". */
  private count(i: number): Count | null {
    const t = this.token(i);
    if (t === undefined) return null;
    if (t.kind === 'number') {
      const whole = Number(t.norm);
      // 1.5 years
      if (this.is(i + 1, '.') && this.joined(i + 1) && this.token(i + 2)?.kind === 'number' && this.joined(i + 2)) {
        return { value: Number(`${t.norm}.${this.token(i + 2)!.norm}`), end: i + 3 };
      }
      // 2 1/2 years
      if (this.token(i + 1)?.kind === 'number' && this.is(i + 2, '/') && this.token(i + 3)?.kind === 'number') {
        const num = Number(this.token(i + 1)!.norm);
        const den = Number(this.token(i + 3)!.norm);
        if (den > 0 && num < den) return { value: whole + num / den, end: i + 4 };
      }
      if (this.integer(i) === null) return null;
      return { value: whole, end: this.rangeEnd(i + 1) };
    }
    const w = t.norm;
    if (w === 'a' || w === 'an') {
      if (this.sequence(i + 1, ['couple', 'of'])) return { value: 2, end: i + 3 };
      if (this.is(i + 1, 'couple')) return { value: 2, end: i + 2 };
      if (this.is(i + 1, 'few')) return { value: null, end: i + 2 };
      if (this.is(i + 1, 'dozen')) return { value: 12, end: i + 2 };
      if (this.is(i + 1, 'hundred')) return { value: 100, end: i + 2 };
      if (this.is(i + 1, 'half')) return { value: 0.5, end: i + 2 };
      return { value: 1, end: i + 1 };
    }
    if (w === 'half' && this.is(i + 1, 'a', 'an')) return { value: 0.5, end: i + 2 };
    if (w === 'couple' && this.is(i + 1, 'of')) return { value: 2, end: i + 2 };
    if (w === 'dozens' || w === 'hundreds') return this.is(i + 1, 'of') ? { value: null, end: i + 2 } : null;
    if (VAGUE_COUNT_WORDS.has(w)) return { value: null, end: i + 1 };
    const small = numberWordValue(w);
    if (small === null) return null;
    let value = small;
    let end = i + 1;
    if (isTensWord(w)) {
      // twenty-four, twenty four
      const unitAt = this.is(end, '-') && this.joined(end) ? end + 1 : end;
      const ones = numberWordValue(this.word(unitAt));
      if (ones !== null && ones > 0 && ones < 10) {
        value += ones;
        end = unitAt + 1;
      }
    }
    if (this.is(end, 'hundred')) {
      value *= 100;
      end++;
    } else if (this.is(end, 'thousand')) {
      value *= 1000;
      end++;
    }
    if (this.sequence(end, ['and', 'a', 'half'])) return { value: value + 0.5, end: end + 3 };
    return { value, end: this.rangeEnd(end) };
  }

  /** "two to three weeks", "12 to 18 months", "one or two days": a range keeps its lower bound, as TimeBank does. */
  private rangeEnd(i: number): number {
    if (!this.is(i, 'to', 'or', '-')) return i;
    const upper = this.token(i + 1);
    if (upper === undefined) return i;
    if (upper.kind === 'number' && this.integer(i + 1) !== null && upper.norm.length <= 3) return i + 2;
    if (upper.kind === 'word' && numberWordValue(upper.norm) !== null) return i + 2;
    return i;
  }

  // ---- calendar dates ------------------------------------------------------

  /**
   * 2024-07-31, 2024/07/31, 31.07.2024, 07/31/2024 (read by the ingest date
   * parser, which refuses slashed dates that read both ways), with an optional
   * time as written ("2024-07-31T10:30").
   */
  private numericDate(i: number): Partial | null {
    const t = this.token(i)!;
    NUMERIC_DATE.lastIndex = t.start;
    const m = NUMERIC_DATE.exec(this.text);
    if (m === null) return null;
    const iso = parseDateString(m[1]!);
    if (iso === null) return null;
    const end = this.tokenEndingAt(i, t.start + m[0].length);
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    const time: TimeOfDay | null = m[2] !== undefined ? { hour: Number(m[2]), minute: Number(m[3]) } : null;
    return { end, meaning: { kind: 'calendar', year, month, day, weekday: null }, time };
  }

  /** The index after the last token that ends at or before `offset`, starting from `i`. */
  private tokenEndingAt(i: number, offset: number): number {
    let k = i;
    while (k < this.limit && this.tokens[k]!.end <= offset) k++;
    return k;
  }

  /** A day of the month written as digits, with an optional ordinal suffix ("31", "31st"). */
  private dayNumber(i: number): { day: number; end: number } | null {
    const day = this.integer(i);
    const t = this.token(i);
    if (day === null || t === undefined || t.norm.length > 2 || day < 1 || day > 31) return null;
    let end = i + 1;
    if (ORDINAL_SUFFIXES.has(this.word(end)) && this.joined(end)) end++;
    // "July 31 2,000" and "May 5.5%" are not days; "10:30" is a time.
    const next = this.token(end);
    if (next !== undefined && !next.spaced && (next.norm === ':' || next.norm === '.' || next.norm === ',' || next.norm === '%')) {
      if (this.token(end + 1)?.kind === 'number' && !this.token(end + 1)!.spaced) return null;
      if (next.norm === '%') return null;
    }
    return { day, end };
  }

  /** A four-digit year after a date: ", 2024", " 2024". */
  private trailingYear(i: number): { year: number; end: number } | null {
    let j = i;
    if (this.is(j, ',')) j++;
    const year = this.integer(j);
    const t = this.token(j);
    if (year === null || t === undefined || t.norm.length !== 4 || year < MIN_YEAR_WITH_PREPOSITION || year > MAX_YEAR) return null;
    return { year, end: j + 1 };
  }

  /** A month name at `i` (capitalised; abbreviations may carry a dot). */
  private monthAt(i: number): { month: number; end: number; abbreviated: boolean; ambiguous: boolean } | null {
    const t = this.token(i);
    if (t === undefined || t.kind !== 'word' || !t.capitalised) return null;
    const month = MONTHS.get(t.norm);
    if (month === undefined) return null;
    const abbreviated = t.norm.length <= 4 && t.norm !== 'june' && t.norm !== 'july' && t.norm !== 'may';
    return { month, end: abbreviated ? this.skipDot(i + 1) : i + 1, abbreviated, ambiguous: AMBIGUOUS_MONTHS.has(t.norm) };
  }

  /** A weekday name, optionally followed by a comma, as the head of a date ("Thursday, July 11"). */
  private weekdayHead(i: number): { weekday: number; end: number } | null {
    const t = this.token(i);
    if (t === undefined || t.kind !== 'word') return null;
    const weekday = WEEKDAYS.get(t.norm);
    if (weekday === undefined) return null;
    let end = this.skipDot(i + 1);
    if (this.is(end, ',')) end++;
    return { weekday, end };
  }

  /** "[Thursday,] July 11[, 2024]", "July 2024", "July of 2024", "May". */
  private monthDate(i: number): Partial | null {
    // "last May", "this September", "next January"
    const step = MONTH_STEP.get(this.word(i));
    if (step !== undefined) {
      const month = this.monthAt(i + 1);
      if (month === null || this.dayNumber(month.end) !== null || this.yearNumber(month.end) !== null) return null;
      return { end: month.end, meaning: { kind: 'calendar', year: null, month: month.month, day: null, weekday: null, step } };
    }
    const head = this.weekdayHead(i);
    const monthStart = head ? head.end : i;
    const month = this.monthAt(monthStart);
    if (month === null) return null;
    // "January nineteen ninety-seven"
    const spoken = this.spokenYear(month.end);
    if (spoken !== null && spoken.meaning.kind === 'calendar' && head === null) {
      return { end: spoken.end, meaning: { kind: 'calendar', year: spoken.meaning.year, month: month.month, day: null, weekday: null } };
    }
    const weekday = head?.weekday ?? null;
    const day = this.dayNumber(month.end);
    if (day !== null && !this.isUnitAfter(day.end)) {
      // "July 30-31": the first day stands for the range.
      let end = day.end;
      const year = this.trailingYear(end);
      if (year !== null) end = year.end;
      return { end, meaning: { kind: 'calendar', year: year?.year ?? null, month: month.month, day: day.day, weekday } };
    }
    let yearAt = month.end;
    if (this.is(yearAt, 'of') || this.is(yearAt, ',')) yearAt++;
    const year = this.yearNumber(yearAt);
    if (year !== null) return { end: yearAt + 1, meaning: { kind: 'calendar', year, month: month.month, day: null, weekday: null } };
    if (head !== null) return null; // "Friday, May" is not a date
    // "July last year", "January next year", "March this year"
    const yearStep = UNIT_STEP.get(this.word(month.end));
    if (yearStep !== undefined && this.word(month.end + 1) === 'year' && ['last', 'this', 'next'].includes(this.word(month.end))) {
      return { end: month.end + 2, meaning: { kind: 'calendar', year: null, month: month.month, day: null, weekday: null, yearOffset: yearStep } };
    }
    if (month.abbreviated) return null;
    if (month.ambiguous && !DATE_PREPOSITIONS.has(this.word(i - 1))) return null;
    // "Theresa May", "Hurricane June": a month name right after another capitalised name is a name.
    const before = this.tokens[i - 1];
    if (before !== undefined && before.capitalised && !this.tokens[i]!.broken && !this.sentenceInitial(i - 1) && !DATE_PREPOSITIONS.has(before.norm)) {
      return null;
    }
    return { end: month.end, meaning: { kind: 'calendar', year: null, month: month.month, day: null, weekday: null } };
  }

  /** "31 July 2024", "the 31st of July", "Wednesday, 31 July". */
  private dayMonth(i: number): Partial | null {
    const head = this.weekdayHead(i);
    let j = head ? head.end : i;
    if (this.is(j, 'the')) j++;
    const day = this.dayNumber(j);
    if (day === null) return null;
    let monthAt = day.end;
    if (this.is(monthAt, 'of')) monthAt++;
    const month = this.monthAt(monthAt);
    if (month === null) return null;
    const year = this.trailingYear(month.end);
    return {
      end: year?.end ?? month.end,
      meaning: { kind: 'calendar', year: year?.year ?? null, month: month.month, day: day.day, weekday: head?.weekday ?? null },
    };
  }

  /** Token `i` starts a sentence (nothing before it but the paragraph start or sentence-final punctuation). */
  private sentenceInitial(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.broken || i === 0) return true;
    const before = this.tokens[i - 1]!;
    return before.norm === '.' || before.norm === '!' || before.norm === '?' || before.norm === '"' || before.norm === '“';
  }

  /** A unit or counted noun right after a number: "July 4 people" is not a date. */
  private isUnitAfter(i: number): boolean {
    const w = this.word(i);
    return w !== '' && (UNIT_WORDS.has(w) || COUNTED_NOUNS.has(w) || w === 'percent' || w === 'per');
  }

  /** A four-digit year token at `i` that reads as a year in its context. */
  private yearNumber(i: number): number | null {
    const value = this.integer(i);
    const t = this.token(i);
    if (value === null || t === undefined || t.norm.length !== 4 || value > MAX_YEAR) return null;
    if (value < MIN_YEAR_WITH_PREPOSITION) return null;
    const before = this.tokens[i - 1];
    if (before !== undefined && CURRENCY.has(before.norm)) return null;
    const next = this.token(i + 1);
    if (next !== undefined && (next.norm === '%' || next.norm === 'percent' || COUNTED_NOUNS.has(next.norm))) return null;
    return value;
  }

  /** A bare year ("in 2023", "since 2014"), or a decade ("the 1990s", "1990s"). */
  private year(i: number): Partial | null {
    const value = this.yearNumber(i);
    if (value === null) return null;
    // 1990s
    if (this.word(i + 1) === 's' && this.joined(i + 1) && value % 10 === 0) {
      return { end: i + 2, meaning: { kind: 'decade', decade: value / 10 } };
    }
    if (this.is(i + 1, "'", '’') && this.joined(i + 1) && this.word(i + 2) === 's' && value % 10 === 0) {
      return { end: i + 3, meaning: { kind: 'decade', decade: value / 10 } };
    }
    const before = this.tokens[i - 1];
    const afterPreposition = before !== undefined && !before.broken && DATE_PREPOSITIONS.has(before.norm);
    if (value < MIN_BARE_YEAR && !afterPreposition) return null;
    // A number glued to the one before it by a dot or comma is part of a larger number or a version ("1.2024").
    if (before !== undefined && !this.tokens[i]!.spaced && (before.norm === '.' || before.norm === ',' || before.norm === '/')) return null;
    return { end: i + 1, meaning: { kind: 'calendar', year: value, month: null, day: null, weekday: null } };
  }

  /**
   * A year read out, as broadcast transcripts write it: "nineteen ninety-six",
   * "the year two thousand", "two thousand four", "twenty twenty-four".
   */
  private spokenYear(i: number): Partial | null {
    let j = i;
    if (this.is(j, 'the') && this.is(j + 1, 'year')) j += 2;
    const first = this.word(j);
    let year: number | null = null;
    let end = j;
    if (first === 'two' && this.is(j + 1, 'thousand')) {
      year = 2000;
      end = j + 2;
      if (this.is(end, 'and')) end++;
      const rest = this.count(end);
      if (rest !== null && rest.value !== null && rest.value < 100 && this.word(end) !== 'a' && this.word(end) !== '') {
        year += rest.value;
        end = rest.end;
      } else if (this.is(j + 2, 'and')) end = j + 2;
    } else if (first === 'nineteen' || first === 'eighteen' || first === 'twenty') {
      const century = first === 'nineteen' ? 1900 : first === 'eighteen' ? 1800 : 2000;
      const rest = this.count(j + 1);
      const restWord = this.word(j + 1);
      // "nineteen ninety-six", "twenty twenty-four"; not "twenty people".
      if (rest === null || rest.value === null || !isTensWord(restWord) && numberWordValue(restWord) === null) return null;
      if (rest.value < 10 || rest.value >= 100) return null;
      year = century + rest.value;
      end = rest.end;
    }
    if (year === null || (j === i && end - j < 2)) return null;
    // "two thousand years" is a count.
    if (UNIT_WORDS.has(this.word(end)) || EXTRA_WORDS.has(this.word(end))) return null;
    return { end, meaning: { kind: 'calendar', year, month: null, day: null, weekday: null } };
  }

  /** "the '90s", "'90s". */
  private apostropheDecade(i: number): Partial | null {
    const digits = this.token(i + 1);
    if (digits === undefined || digits.kind !== 'number' || digits.norm.length !== 2 || !this.joined(i + 1)) return null;
    if (this.word(i + 2) !== 's' || !this.joined(i + 2)) return null;
    const two = Number(digits.norm);
    if (two % 10 !== 0) return null;
    // '20s and later are this century's; '30s–'90s the last one's. News rarely means the 1920s by "'20s".
    const decade = (two < 30 ? 200 : 190) + two / 10;
    return { end: i + 3, meaning: { kind: 'decade', decade } };
  }

  /** "the nineties", "the Nineties". */
  private decadeWords(i: number): Partial | null {
    if (!this.is(i, 'the')) return null;
    const decade = DECADE_WORDS.get(this.word(i + 1));
    if (decade === undefined) return null;
    // The twentieth century's decades: "the nineties" in news of any year is the 1990s.
    return { end: i + 2, meaning: { kind: 'decade', decade: 190 + decade } };
  }

  /** "the 20th century", "the twentieth century", "this century". */
  private century(i: number): Partial | null {
    if (!this.is(i, 'the')) return null;
    let ordinal: number | null = null;
    let j = i + 1;
    const n = this.integer(j);
    if (n !== null && ORDINAL_SUFFIXES.has(this.word(j + 1)) && this.joined(j + 1)) {
      ordinal = n;
      j += 2;
    } else if (ORDINAL_WORDS.has(this.word(j))) {
      ordinal = ORDINAL_WORDS.get(this.word(j))!;
      j++;
    } else if (this.word(j) === 'twenty' && this.is(j + 1, '-') && this.word(j + 2) === 'first') {
      ordinal = 21;
      j += 3;
    }
    if (ordinal === null || ordinal < 1 || ordinal > 21 || this.word(j) !== 'century') return null;
    return { end: j + 1, meaning: { kind: 'century', century: ordinal - 1 } };
  }

  /** "fiscal 1989", "fiscal year 2024", "the year 2000". */
  private fiscalYear(i: number): Partial | null {
    let j = i;
    if (this.is(j, 'the') && this.is(j + 1, 'year')) j += 2;
    else if (this.is(j, 'fiscal')) {
      j++;
      if (this.is(j, 'year')) j++;
    } else return null;
    const year = this.yearNumber(j);
    if (year === null) return null;
    return { end: j + 1, meaning: { kind: 'calendar', year, month: null, day: null, weekday: null } };
  }

  // ---- weekdays and times of day -------------------------------------------

  /** "Monday", "last Monday", "Monday morning", "Mondays" (a set). */
  private weekday(i: number): Partial | null {
    let j = i;
    let shift: -1 | 0 | 1 | null = null;
    const step = UNIT_STEP.get(this.word(j));
    if (step !== undefined && this.word(j) !== 'past' && this.word(j) !== 'present' && this.word(j) !== 'current') {
      shift = step === 0 ? 0 : step < 0 ? -1 : 1;
      j++;
    }
    const t = this.token(j);
    if (t === undefined || t.kind !== 'word') return null;
    const plural = t.norm.endsWith('s') && WEEKDAYS.has(t.norm.slice(0, -1)) && t.norm.length > 6;
    const weekday = WEEKDAYS.get(plural ? t.norm.slice(0, -1) : t.norm);
    if (weekday === undefined || ABBREVIATED_WEEKDAYS.has(t.norm)) return null;
    j++;
    if (this.is(j, "'", '’') && this.word(j + 1) === 's') j += 2;
    const partWord = this.word(j);
    // "Tuesday nights": a plural part of the day makes the weekday recur, as "Tuesdays" does.
    const pluralPart = partWord.endsWith('s') ? PARTS_OF_DAY.get(partWord.slice(0, -1)) : undefined;
    const part = PARTS_OF_DAY.get(partWord) ?? pluralPart;
    let time: TimeOfDay | null = null;
    if (part !== undefined) {
      time = { part };
      j++;
    }
    if (plural || pluralPart !== undefined) {
      if (shift !== null) return null;
      return { end: j, meaning: { kind: 'set', value: `XXXX-WXX-${weekday}${time && 'part' in time ? `T${time.part}` : ''}`, granularity: 'day' } };
    }
    return { end: j, meaning: { kind: 'weekday', weekday, shift }, time };
  }

  /** "10:30", "10:30 a.m.", "5 p.m. EST", "10 p.m. Wednesday", "1530 GMT". */
  private clock(i: number): Partial | null {
    const first = this.token(i);
    if (first === undefined || first.kind !== 'number') return null;
    let hour: number;
    let minute = 0;
    let j = i + 1;
    let explicit = false;
    if (this.is(j, ':', '.') && this.joined(j) && this.token(j + 1)?.kind === 'number' && this.joined(j + 1) && this.token(j + 1)!.norm.length === 2) {
      if (first.norm.length > 2) return null;
      hour = Number(first.norm);
      minute = Number(this.token(j + 1)!.norm);
      j += 2;
      // Seconds are read and dropped: TIMEX3 values in news stop at the minute.
      if (this.is(j, ':') && this.joined(j) && this.token(j + 1)?.kind === 'number') j += 2;
      explicit = this.tokens[i + 1]!.norm === ':';
    } else if (first.norm.length === 4 && ZONES.has(this.word(j))) {
      hour = Number(first.norm.slice(0, 2));
      minute = Number(first.norm.slice(2));
      explicit = true;
    } else if (first.norm.length <= 2) {
      hour = Number(first.norm);
    } else {
      return null;
    }
    const meridiem = this.meridiem(j);
    if (meridiem !== null) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem.pm ? 12 : 0);
      j = meridiem.end;
      explicit = true;
    } else if (this.sequence(j, ['o', "'", 'clock']) || this.sequence(j, ['o', '’', 'clock'])) {
      j += 3;
      explicit = true;
    }
    if (!explicit || hour > 23 || minute > 59) return null;
    if (ZONES.has(this.word(j))) j++;
    else if (this.sequence(j, ['local', 'time'])) j += 2;
    // "10 p.m. Wednesday", "5 p.m. EST, Nov. 6": the day the time is on.
    let dayAt = j;
    if (this.is(dayAt, ',')) dayAt++;
    const day = this.monthDate(dayAt) ?? this.weekday(dayAt) ?? this.dayPhrase(dayAt);
    if (day !== null && (day.meaning.kind === 'weekday' || day.meaning.kind === 'day-offset' || (day.meaning.kind === 'calendar' && day.meaning.day !== null))) {
      return { end: day.end, meaning: day.meaning, time: { hour, minute } };
    }
    return { end: j, meaning: { kind: 'clock' }, time: { hour, minute } };
  }

  /** "a.m.", "am", "p.m", "PM". */
  private meridiem(i: number): { pm: boolean; end: number } | null {
    const w = this.word(i);
    if (w === 'am' || w === 'pm') return { pm: w === 'pm', end: this.skipDot(i + 1) };
    if ((w === 'a' || w === 'p') && this.is(i + 1, '.') && this.word(i + 2) === 'm') {
      return { pm: w === 'p', end: this.skipDot(i + 3) };
    }
    return null;
  }

  /** "today", "yesterday" and the other day words alone, for a clock time's day. */
  private dayPhrase(i: number): Partial | null {
    const w = this.word(i);
    if (w === 'today' || w === 'yesterday' || w === 'tomorrow') {
      return { end: i + 1, meaning: { kind: 'day-offset', days: w === 'today' ? 0 : w === 'yesterday' ? -1 : 1 } };
    }
    return null;
  }

  // ---- fixed phrases, holidays, seasons, quarters --------------------------

  private phrase(i: number): Partial | null {
    const list = PHRASES_BY_FIRST.get(this.word(i));
    if (list === undefined) return null;
    for (const phrase of list) {
      if (!this.sequence(i, phrase.words)) continue;
      const key = phrase.words.join(' ');
      // "High Noon", "VOA Today": capitalised mid-sentence, a title.
      if (this.token(i)!.capitalised && !this.sentenceInitial(i) && phrase.words.length === 1) continue;
      if (NEEDS_AT.has(key) && !this.is(i - 1, 'at', 'for')) continue;
      // "as soon as", "soon after": a conjunction, not a time.
      if (key === 'soon' && (this.is(i - 1, 'as') || this.is(i + 1, 'as', 'after'))) continue;
      // "the present case": an adjective, not the present.
      if (key === 'the present' && this.word(i + 2) !== '') continue;
      if (key === 'the past' && (this.count(i + 2) !== null || UNIT_WORDS.has(this.word(i + 2)) || this.word(i + 2) === 'few')) continue;
      const end = i + phrase.words.length;
      if (phrase.meaning.kind === 'clock') {
        // "noon Saturday", "midnight Friday"
        const day = this.weekday(end) ?? this.monthDate(end) ?? this.dayPhrase(end);
        if (day !== null && day.time == null) return { end: day.end, meaning: day.meaning, time: phrase.time ?? null };
      }
      return { end, meaning: phrase.meaning, time: phrase.time ?? null, mod: phrase.mod ?? null };
    }
    return null;
  }

  private holiday(i: number): Partial | null {
    const t = this.token(i);
    if (t === undefined || !t.capitalised) return null;
    for (const entry of HOLIDAYS) {
      if (!this.sequence(i, entry.words)) continue;
      const end = i + entry.words.length;
      const year = this.trailingYear(end);
      return { end: year?.end ?? end, meaning: { kind: 'holiday', holiday: entry.holiday, year: year?.year ?? null } };
    }
    return null;
  }

  /** "the summer of 2023", "summer 2023", "last summer", "this winter", "the spring". Not "the fall of Bakhmut". */
  private season(i: number): Partial | null {
    let j = i;
    let determiner = false;
    let offset: number | null = null;
    if (this.is(j, 'the')) {
      determiner = true;
      j++;
    } else {
      const step = UNIT_STEP.get(this.word(j));
      if (step !== undefined && this.word(j) !== 'current' && this.word(j) !== 'present') {
        offset = step;
        j++;
      }
    }
    const season = SEASON_WORDS.get(this.word(j));
    if (season === undefined) return null;
    j++;
    let year: number | null = null;
    if (this.is(j, 'of')) {
      year = this.yearNumber(j + 1);
      if (year !== null) j += 2;
      else {
        // "the winter of nineteen ninety-four", as transcripts write it.
        const spoken = this.spokenYear(j + 1);
        if (spoken !== null && spoken.meaning.kind === 'calendar' && spoken.meaning.year !== null) {
          year = spoken.meaning.year;
          j = spoken.end;
        }
      }
      // "the fall of Bakhmut", "the winter of discontent": a season is "of" a year or nothing.
      if (year === null) return null;
    } else {
      year = this.yearNumber(j);
      if (year !== null) j++;
    }
    const word = this.tokens[i + (determiner || offset !== null ? 1 : 0)]!.norm;
    // "fall" and "spring" alone are verbs and nouns far more often than seasons.
    if ((word === 'fall' || word === 'spring') && year === null && offset === null && !(determiner && this.is(i - 1, 'in', 'during', 'by', 'until', 'this', 'last', 'next', 'early', 'late'))) {
      return null;
    }
    if (offset !== null && year !== null) return null;
    return { end: j, meaning: { kind: 'season', season, year, offset } };
  }

  /** Ordinal quarter or half: "the third quarter", "third-quarter", "the fiscal first quarter of 2024", "Q3 2024", "the first half". */
  private quarterOrHalf(i: number): Partial | null {
    let j = i;
    let yearOffset: number | null = null;
    let year: number | null = null;
    if (this.is(j, 'the', 'its', 'their')) j++;
    // "this year's third quarter", "last year's quarter"
    const step = UNIT_STEP.get(this.word(j));
    if (step !== undefined && this.word(j + 1) === 'year' && this.is(j + 2, "'", '’') && this.word(j + 3) === 's') {
      yearOffset = step;
      j += 4;
    } else {
      const y = this.yearNumber(j);
      if (y !== null && this.is(j + 1, "'", '’') && this.word(j + 2) === 's') {
        year = y;
        j += 3;
      }
    }
    if (year === null && yearOffset === null) {
      // "the 1988 third quarter", "the 1988 period"
      const y = this.yearNumber(j);
      if (y !== null && this.is(i, 'the')) {
        if (this.is(j + 1, 'quarter', 'period')) return { end: j + 2, meaning: { kind: 'quarter', quarter: null, year: y, offset: null } };
        if (ORDINAL_WORDS.has(this.word(j + 1)) || (this.token(j + 1)?.kind === 'number' && ORDINAL_SUFFIXES.has(this.word(j + 2)))) {
          year = y;
          j++;
        }
      }
    }
    if (this.is(j, 'fiscal')) j++;
    // "Q3" is read as a letter and a digit.
    const qNumber = this.word(j) === 'q' && this.joined(j + 1) ? this.integer(j + 1) : null;
    if (qNumber !== null && qNumber >= 1 && qNumber <= 4 && this.token(j + 1)!.norm.length === 1) {
      j += 2;
      const trailing = this.yearNumber(j);
      if (trailing !== null) {
        year = trailing;
        j++;
      }
      return { end: j, meaning: { kind: 'quarter', quarter: qNumber, year, offset: yearOffset } };
    }
    let ordinal: number | null = null;
    const word = this.word(j);
    if (ORDINAL_WORDS.has(word)) ordinal = ORDINAL_WORDS.get(word)!;
    else if (word === 'final') ordinal = -1;
    else {
      const n = this.integer(j);
      if (n !== null && ORDINAL_SUFFIXES.has(this.word(j + 1)) && this.joined(j + 1)) {
        ordinal = n;
        j++;
      }
    }
    if (ordinal === null) return null;
    j++;
    if (this.is(j, '-') && this.joined(j)) j++;
    if (this.is(j, 'fiscal')) j++;
    const unit = this.word(j);
    if (unit !== 'quarter' && unit !== 'half') return null;
    // "a third quarter" or "second half" read as a fraction of something: "the first half of the match".
    j++;
    if (unit === 'quarter' && ordinal === -1) ordinal = 4;
    if (unit === 'half' && ordinal === -1) ordinal = 2;
    if (unit === 'quarter' ? ordinal < 1 || ordinal > 4 : ordinal < 1 || ordinal > 2) return null;
    if (this.is(j, 'of')) {
      let k = j + 1;
      if (this.is(k, 'fiscal')) k++;
      const y = this.yearNumber(k);
      const s = UNIT_STEP.get(this.word(k));
      if (y !== null) {
        year = y;
        j = k + 1;
      } else if (s !== undefined && this.word(k + 1) === 'year') {
        yearOffset = s;
        j = k + 2;
      } else if (this.is(k, 'the') && this.word(k + 1) === 'year') {
        yearOffset = 0;
        j = k + 2;
      } else if (unit === 'half') {
        return null; // "the first half of the match"
      }
    } else {
      const y = this.yearNumber(j);
      if (y !== null) {
        year = y;
        j++;
      }
    }
    if (unit === 'quarter') return { end: j, meaning: { kind: 'quarter', quarter: ordinal, year, offset: yearOffset } };
    return { end: j, meaning: { kind: 'half', half: ordinal, year, offset: yearOffset } };
  }

  /** "daily", "annually". Not "daily" as a newspaper's name ("the Daily Telegraph"). */
  private frequency(i: number): Partial | null {
    const t = this.token(i);
    if (t === undefined || t.capitalised && !this.sentenceInitial(i)) return null;
    const value = FREQUENCY_WORDS.get(t.norm);
    if (value === undefined) return null;
    // "annual" is an adjective of everything ("the annual report"), and "quarterly" nearly always of results
    // ("its quarterly dividend"): the latter counts only where an adverb stands ("adjusted quarterly and").
    if (t.norm === 'annual') return null;
    const next = this.token(i + 1);
    if (t.norm === 'quarterly' && next !== undefined && next.kind === 'word' && !ADVERB_FOLLOWERS.has(next.norm)) return null;
    return { end: i + 1, meaning: { kind: 'set', value, granularity: setGranularity(value) } };
  }

  // ---- counted and stepped units --------------------------------------------

  /** A unit word at `i` (any number), with "-long" etc. handled by callers. */
  private unitAt(i: number): { unit: Unit; plural: boolean } | null {
    const w = this.word(i);
    const unit = UNIT_WORDS.get(w);
    if (unit === undefined) return null;
    // A unit capitalised mid-sentence is part of a name: "Victory Day", "D-Day", CBS's "60 Minutes".
    if (this.token(i)!.capitalised && !this.sentenceInitial(i)) return null;
    return { unit, plural: PLURAL_UNIT_WORDS.has(w) };
  }

  /**
   * Everything built on a count and a unit: "five days", "two years ago",
   * "a year earlier", "the past two years", "five-year", "a day" after a rate,
   * "every week", "per year", "years", "several months".
   */
  private counted(i: number): Partial | null {
    let j = i;
    const w = this.word(j);
    if (w === 'every' || w === 'each' || w === 'per') return this.recurrence(i);
    const hasDeterminer = w === 'the' || w === 'its' || w === 'their' || w === 'these' || w === 'those';
    if (hasDeterminer) j++;
    const framing = FRAMINGS.get(this.word(j)) ?? null;
    if (framing !== null) j++;
    const count = this.count(j);
    let unitIndex = count?.end ?? j;
    // "eight trading days", "five business days"
    if (count !== null && COUNTED_DAY_KINDS.has(this.word(unitIndex)) && this.word(unitIndex + 1).startsWith('day')) unitIndex++;
    // "20 more years", "an additional year"
    else if (count !== null && EXTRA_WORDS.has(this.word(unitIndex)) && UNIT_WORDS.has(this.word(unitIndex + 1))) unitIndex++;
    // "five-year", "24-hour": an adjective of length.
    if (count !== null && count.value !== null && this.is(unitIndex, '-') && this.joined(unitIndex)) {
      if (hasDeterminer || framing !== null) return null; // "the five-year plan": the span starts at "five"
      const unit = this.unitAt(unitIndex + 1);
      if (unit === null || unit.plural) return null;
      if (this.word(unitIndex + 2) === 'old' || (this.is(unitIndex + 2, '-') && this.word(unitIndex + 3) === 'old')) return null; // ages
      return { end: unitIndex + 2, meaning: durationMeaning(unit.unit, count.value) };
    }
    const unit = this.unitAt(unitIndex);
    if (unit === null) return null;
    let end = unitIndex + 1;
    // "a year-earlier loss", "a 30-year-old": the unit belongs to a compound adjective.
    if (this.is(end, '-') && this.joined(end) && this.is(end + 1, 'earlier', 'ago', 'old', 'end')) return null;
    // "37 years old": an age.
    if (unit.plural && this.is(end, 'old')) return null;
    if (count === null) return this.bareUnit(i, hasDeterminer, framing, unit, end);
    // "the 1988 second quarter": a year and an ordinal, not 1988 seconds. ("five year" for "five years" is speech.)
    if (!unit.plural && count.value !== null && count.value > 1 && ((this.token(j)!.kind === 'number' && this.token(j)!.norm.length >= 4) || unit.unit === 'second' || unit.unit === 'quarter')) return null;
    // "a second peace summit", "a quarter of the territory": ordinals and fractions, not lengths of time.
    if (count.value === 1 && (unit.unit === 'second' || unit.unit === 'minute') && this.word(end) !== '' && !this.isShiftWord(end)) return null;
    if (unit.unit === 'quarter' && count.value !== null && this.is(end, 'of')) return null;
    let value = count.value;
    let mod: Mod | null = null;
    if (this.sequence(end, ['and', 'a', 'half'])) {
      value = value === null ? null : value + 0.5;
      end += 3;
    }
    if (this.sequence(end, ['or', 'so'])) {
      mod = 'APPROX';
      end += 2;
    } else if (this.sequence(end, ['or', 'more']) || this.sequence(end, ['or', 'longer'])) {
      mod = 'EQUAL_OR_MORE';
      end += 2;
    }
    // Rates: "600 people a day", "twice a week", "$5 a year" — but "$1.61 a share, a year earlier" is a shift.
    if (count.value === 1 && (w === 'a' || w === 'an') && this.shiftSuffix(end) === null && this.followsQuantity(i)) {
      return { end, meaning: { kind: 'set', value: durationValue(unit.unit, 1), granularity: unit.unit } };
    }
    if (framing === 'recent') return null;
    if (framing !== null) return { end, meaning: durationMeaning(unit.unit, value), mod };
    const shift = this.shiftSuffix(end);
    if (shift !== null) {
      if (hasDeterminer) return null;
      const meaning: Meaning =
        value === null
          ? shift.sign < 0 ? PAST : FUTURE
          : { kind: 'shift', unit: unit.unit, amount: value, sign: shift.sign, from: shift.from };
      return { end: shift.end, meaning, mod };
    }
    return { end, meaning: durationMeaning(unit.unit, value), mod };
  }

  /** A unit word with no count: "years", "the coming weeks", "recent months", "the past year". */
  private bareUnit(i: number, hasDeterminer: boolean, framing: Framing | null, unit: { unit: Unit; plural: boolean }, end: number): Partial | null {
    if (!unit.plural) {
      // "day-long", "year-long"
      if (!hasDeterminer && framing === null && this.is(end, '-') && this.joined(end) && this.word(end + 1) === 'long') {
        return { end: end + 2, meaning: durationMeaning(unit.unit, 1) };
      }
      // "the past year", "the coming month": a length of one unit up to or from now.
      if (!hasDeterminer || (framing !== 'past' && framing !== 'next')) return null;
      if (unit.unit === 'day' && framing === 'next') return null; // "the next day" follows the last date mentioned
      return { end, meaning: durationMeaning(unit.unit, 1) };
    }
    // "in recent weeks": some weeks up to now (TIMEX3 PXW, as TimeBank writes it); "in recent days" is just "lately".
    if (framing === 'recent') return { end, meaning: unit.unit === 'day' ? PAST : durationMeaning(unit.unit, null) };
    if (framing === 'first' || framing === 'anaphoric') return null;
    // "three-quarters of its food": a fraction; "living quarters": a place.
    if (unit.unit === 'quarter' && framing === null) return null;
    // "business hours", "working days": a kind of time, not a length of it.
    if (framing === null && !hasDeterminer && KINDS_OF_TIME.has(this.word(i - 1))) return null;
    if (this.is(i - 1, '-') && this.joined(i)) return null;
    // "years-long", "decades-long"
    if (this.is(end, '-') && this.word(end + 1) === 'long') end += 2;
    const shift = this.shiftSuffix(end);
    if (shift !== null && shift.from === 'anchor') return { end: shift.end, meaning: shift.sign < 0 ? PAST : FUTURE };
    // "the days of", "the hours before": a plural with "the" and no step names something else.
    if (hasDeterminer && framing === null) {
      if (!this.is(end, 'ahead')) return null;
      end++;
    }
    // "minutes" of a meeting, "seconds" of food: only after a preposition of time.
    if ((unit.unit === 'second' || unit.unit === 'minute') && framing === null && !this.is(i - 1, 'for', 'within', 'in', 'after', 'before')) {
      return null;
    }
    return { end, meaning: durationMeaning(unit.unit, null) };
  }

  /** "every day", "each Thursday", "every two weeks", "per year", "every morning". */
  private recurrence(i: number): Partial | null {
    let j = i + 1;
    if (this.is(j, 'other')) {
      const unit = this.unitAt(j + 1);
      if (unit === null) return null;
      return { end: j + 2, meaning: { kind: 'set', value: durationValue(unit.unit, 2), granularity: unit.unit } };
    }
    const weekday = WEEKDAYS.get(this.word(j));
    if (weekday !== undefined && !ABBREVIATED_WEEKDAYS.has(this.word(j))) {
      let end = j + 1;
      let suffix = '';
      const part = PARTS_OF_DAY.get(this.word(end));
      if (part !== undefined) {
        suffix = `T${part}`;
        end++;
      }
      return { end, meaning: { kind: 'set', value: `XXXX-WXX-${weekday}${suffix}`, granularity: 'day' } };
    }
    const month = this.monthAt(j);
    if (month !== null) return { end: month.end, meaning: { kind: 'set', value: `XXXX-${String(month.month).padStart(2, '0')}`, granularity: 'month' } };
    const season = SEASON_WORDS.get(this.word(j));
    if (season !== undefined) return { end: j + 1, meaning: { kind: 'set', value: `XXXX-${season}`, granularity: 'season' } };
    const part = PARTS_OF_DAY.get(this.word(j));
    if (part !== undefined) return { end: j + 1, meaning: { kind: 'set', value: `XXXX-XX-XXT${part}`, granularity: 'part-of-day' } };
    const count = this.word(i) === 'per' ? null : this.count(j);
    if (count !== null && count.value !== null && this.word(j) !== 'a') j = count.end;
    const unit = this.unitAt(j);
    if (unit === null) return null;
    const n = count !== null && count.value !== null && this.word(i + 1) !== 'a' ? count.value : 1;
    return { end: j + 1, meaning: { kind: 'set', value: durationValue(unit.unit, n), granularity: unit.unit } };
  }

  /** "year-earlier", "the year-ago quarter", "the comparable year-earlier period": the same period a year before. */
  private yearAgoAdjective(i: number): Partial | null {
    let j = i;
    if (this.is(j, 'the', 'its', 'their')) j++;
    if (this.is(j, 'comparable', 'same')) j++;
    if (!this.is(j, 'year') || !this.is(j + 1, '-') || !this.joined(j + 1) || !this.is(j + 2, 'earlier', 'ago')) return null;
    let end = j + 3;
    let period: 'quarter' | 'month' | 'week' | null = null;
    // "the year-ago third quarter"
    const ordinal = ORDINAL_WORDS.get(this.word(end));
    if (ordinal !== undefined && ordinal <= 4 && this.word(end + 1) === 'quarter') {
      return { end: end + 2, meaning: { kind: 'quarter', quarter: ordinal, year: null, offset: -1 } };
    }
    const noun = this.word(end);
    if (noun === 'quarter' || noun === 'period' || noun === 'month' || noun === 'week') {
      period = noun === 'period' ? 'quarter' : noun;
      end++;
    } else if (j !== i) return null; // "the year-earlier profit": the span is "year-earlier" alone
    return { end, meaning: { kind: 'shift', unit: 'year', amount: 1, sign: -1, from: 'anchor', period: period ?? 'quarter' } };
  }

  private isShiftWord(i: number): boolean {
    return this.shiftSuffix(i) !== null;
  }

  /** "ago", "earlier", "later", "from now", "before"/"after" ending a clause. */
  private shiftSuffix(i: number): { end: number; sign: -1 | 1; from: 'anchor' | 'reference' } | null {
    const w = this.word(i);
    if (w === 'ago') return { end: i + 1, sign: -1, from: 'anchor' };
    if (w === 'hence') return { end: i + 1, sign: 1, from: 'anchor' };
    if (w === 'from' && this.word(i + 1) === 'now') return { end: i + 2, sign: 1, from: 'anchor' };
    if (w === 'earlier') return { end: i + 1, sign: -1, from: 'reference' };
    if (w === 'later' || w === 'afterwards' || w === 'afterward') return { end: i + 1, sign: 1, from: 'reference' };
    if (w === 'before' || w === 'after') {
      // "two days before the vote" is a length and a signal; "two days before," steps back from the last date.
      const next = this.token(i + 1);
      if (next === undefined || next.kind === 'punct') return { end: i + 1, sign: w === 'before' ? -1 : 1, from: 'reference' };
    }
    return null;
  }

  /** A rate's count stands just before "a"/"per": "600 people a day", "twice a week", "$5 a year". */
  private followsQuantity(i: number): boolean {
    for (let k = i - 1; k >= Math.max(0, i - RATE_LOOKBACK_TOKENS); k--) {
      if (this.tokens[k + 1]!.broken) return false; // the count must be in the same paragraph
      const t = this.tokens[k]!;
      if (t.kind === 'number' || t.norm === 'twice' || t.norm === 'once' || t.norm === 'times' || CURRENCY.has(t.norm)) return true;
      if (t.kind === 'word' && numberWordValue(t.norm) !== null) return true;
      if (t.kind === 'punct') return false; // "In 2022, a year of war": a clause break, not a rate
    }
    return false;
  }

  /** "this year", "last week", "next month", "this quarter", "the year", "the weekend", "that day", "the following month". */
  private steppedUnit(i: number): Partial | null {
    const first = this.word(i);
    // "the night of Oct. 23", "the morning of July 17": that day, at that time of day.
    const part = first === 'the' ? PARTS_OF_DAY.get(this.word(i + 1)) : undefined;
    if (part !== undefined && this.is(i + 2, 'of')) {
      const day = this.monthDate(i + 3) ?? this.dayMonth(i + 3) ?? this.weekday(i + 3);
      if (day !== null && day.time == null && (day.meaning.kind !== 'calendar' || day.meaning.day !== null)) {
        return { end: day.end, meaning: day.meaning, time: { part } };
      }
    }
    let j = i;
    let kind: 'step' | 'anaphor' | 'the' = 'step';
    let offset = 0;
    if (first === 'the' || first === 'that') {
      j++;
      const rel = this.word(j);
      if (first === 'that') kind = 'anaphor';
      else if (rel === 'same') {
        kind = 'anaphor';
        j++;
      } else if (rel === 'following' || rel === 'next') {
        kind = 'anaphor';
        offset = 1;
        j++;
      } else if (rel === 'previous' || rel === 'preceding' || rel === 'prior') {
        kind = 'anaphor';
        offset = -1;
        j++;
      } else if (rel === 'latest' || rel === 'current') {
        kind = 'step';
        offset = rel === 'latest' ? -1 : 0;
        j++;
        // "the latest quarter" is the last one reported, i.e. the previous calendar quarter; "the current year" this one.
        if (rel === 'latest' && this.word(j) !== 'quarter' && this.word(j) !== 'period') return null;
      } else kind = 'the';
    } else {
      const step = UNIT_STEP.get(first);
      if (step === undefined || first === 'present' || first === 'past') return null;
      offset = step;
      j++;
    }
    // "the fiscal year", "the current fiscal year", "the full year": this year, whatever was mentioned before.
    if (this.is(j, 'fiscal', 'full') && this.word(j + 1) === 'year') {
      j++;
      if (kind === 'the') kind = 'step';
    }
    const w = this.word(j);
    // "the quarter": the quarter a report is about; "the latest quarter", "the latest period": the last one completed.
    if (w === 'quarter' && first === 'the' && kind === 'the') return { end: j + 1, meaning: { kind: 'nearest', unit: 'quarter' } };
    if (w === 'period' && first === 'the' && kind === 'step' && offset === -1) return { end: j + 1, meaning: { kind: 'unit-offset', unit: 'quarter', offset: -1 } };
    // "the year ended Sept. 30": a fiscal year, a length.
    if (kind === 'the' && (w === 'year' || w === 'quarter') && this.is(j + 1, 'ended', 'ending', 'through', 'to')) {
      return { end: j + 1, meaning: durationMeaning(w === 'year' ? 'year' : 'quarter', 1) };
    }
    const unit = this.unitAt(j);
    if (unit === null || unit.plural) return null;
    const calendarUnit = STEPPABLE.get(unit.unit);
    if (calendarUnit === undefined) return null;
    const end = j + 1;
    // "the year-earlier figure", "the quarter-to-quarter comparison": part of a compound.
    if (this.is(end, '-') && this.joined(end)) return null;
    // "ABC's "This Week"": a programme's name.
    if (this.token(i)!.capitalised && this.token(j)!.capitalised && !this.sentenceInitial(i)) return null;
    if (kind === 'step') return { end, meaning: { kind: 'unit-offset', unit: calendarUnit, offset } };
    if (kind === 'anaphor') {
      // "the next year" is a year from now in news ("in the next year"), not the year after the last one mentioned.
      if (first === 'the' && this.word(i + 1) === 'next' && calendarUnit !== 'day') return { end, meaning: durationMeaning(unit.unit, 1) };
      return { end, meaning: { kind: 'anaphor', unit: calendarUnit, offset } };
    }
    // "the year", "the month", "the week", "the weekend": the one in play. Not "the day": in news it is far more
    // often a phrase ("the day belonged to", "the day before the vote") than a date.
    if (calendarUnit === 'weekend') return { end, meaning: { kind: 'nearest', unit: 'weekend' } };
    if (calendarUnit === 'quarter' || calendarUnit === 'year' || calendarUnit === 'month' || calendarUnit === 'week') {
      return { end, meaning: { kind: 'anaphor', unit: calendarUnit, offset: 0 } };
    }
    return null;
  }
}

/** The longer of two readings; the first on a tie. */
function longer(best: Partial | null, candidate: Partial | null): Partial | null {
  return candidate !== null && (best === null || candidate.end > best.end) ? candidate : best;
}

function durationValue(unit: Unit, amount: number | null): string {
  const spec = DURATION_UNIT[unit];
  const prefix = spec.time ? 'PT' : 'P';
  if (amount === null) return `${prefix}X${unit === 'decade' ? 'DE' : unit === 'century' ? 'CE' : spec.letter}`;
  let n = amount * spec.factor;
  let letter = spec.letter;
  let time = spec.time;
  // Fractions of a year or a day are written with the next unit down, as TimeBank does: P2Y6M, P1DT12H.
  if (n % 1 !== 0 && n > 1 && !time && (letter === 'Y' || letter === 'D')) {
    const whole = Math.floor(n);
    const rest = Math.round((n - whole) * (letter === 'Y' ? 12 : 24));
    return letter === 'Y' ? `P${whole}Y${rest}M` : `P${whole}DT${rest}H`;
  }
  if (n % 1 !== 0) {
    // Fractions move down a unit, as TIMEX3 writes them: 1.5 years is P18M, half a day PT12H.
    if (letter === 'Y' && !time) {
      n *= 12;
      letter = 'M';
    } else if (letter === 'D' && !time) {
      n *= 24;
      letter = 'H';
      time = true;
    } else if (letter === 'H' && time) {
      // 5 1/2 hours is PT5H30M
      if (n > 1) return `PT${Math.floor(n)}H${Math.round((n % 1) * 60)}M`;
      n *= 60;
      letter = 'M';
    } else if (letter === 'W' && !time) {
      n *= 7;
      letter = 'D';
    }
  }
  const rounded = Math.round(n * 100) / 100;
  return `${time ? 'PT' : 'P'}${rounded}${letter}`;
}

function durationMeaning(unit: Unit, amount: number | null): Meaning {
  return { kind: 'duration', value: durationValue(unit, amount), unit };
}

function setGranularity(value: string): string {
  const letter = value.at(-1);
  if (value.startsWith('PT')) return letter === 'H' ? 'hour' : letter === 'M' ? 'minute' : 'second';
  return letter === 'D' ? 'day' : letter === 'W' ? 'week' : letter === 'M' ? 'month' : letter === 'Q' ? 'quarter' : 'year';
}
