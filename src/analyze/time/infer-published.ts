/**
 * An article's publication date reasoned from its text, when nothing states
 * it. Each piece of evidence bounds the date from below (the article cannot
 * predate a past event it reports), from above (nor postdate an event it
 * announces), or both (a relative expression paired with the date it points
 * at: "yesterday (July 30, 2024)"). The bounds are intersected; a value is
 * given only as precisely as both bounds agree, and never invented.
 */
import type { PublishedDate, PublishedRange, Span, TimeExpression } from '../../model/index.ts';
import { splitSentences } from '../sentences.ts';
import { dayNumber, formatDate, fromDayNumber, isoWeekday, isValidDate } from './calendar.ts';
import { extractTimes } from './extract.ts';
import { WEEKDAYS } from './lexicon.ts';
import { timexSpan } from './resolve.ts';
import { tenseAround, type Tense } from './tense.ts';
import { tokensOf, type Token } from './tokens.ts';

export type InferredPublishedDate = PublishedDate & { range?: PublishedRange };

/** Evidence from outside the text: `YYYY-MM-DD` bounds (either may be open) and what they rest on. */
export interface OutsideBound {
  earliest: string | null;
  latest: string | null;
  evidence: string;
}

export interface InferOptions {
  /**
   * Photo captions the cleaner took off the page. A caption's date is the
   * photo's: the article using the photo is not older ("Thursday, July 11,
   * 2024. (AP Photo/…)").
   */
  captions?: readonly string[];
  /** Bounds known from elsewhere (the corpus pass: other articles' evidence), intersected with the text's own. */
  outside?: readonly OutsideBound[];
}

/** One piece of evidence: a bound (day numbers) and the words it rests on. */
interface Bound {
  earliest: number | null;
  latest: number | null;
  evidence: string;
}

/** Words before a date that make it a deadline or a target, not an event the article reports: "by 2030", "until May". */
const NOT_AN_EVENT_BEFORE = /\b(?:by|until|till|before|through)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+|mid-?)?$/i;

/**
 * Between a relative expression and the date it points at, only punctuation
 * and a preposition: "yesterday (July 30)", "two weeks ago, on July 17, 2024",
 * "in May 2023, more than two years ago".
 */
const PAIR_GAP = /^[\s,;:()[\]\-–—]*(?:on|in|at|of)?[\s,;:()[\]\-–—]*$/i;

/** The most pairs worth solving in one article: each costs a search over candidate dates. */
const MAX_PAIRS = 4;

/**
 * How much of the sentence around a paired expression is re-read for each
 * candidate date: enough for the clause's verb (its tense matters), and
 * bounded so that a text with no sentence breaks costs no more than prose.
 */
const PAIR_CONTEXT_CHARS = 200;

/** How far either side of the first guess the search for a pair's publication dates runs: a year and a month covers "last year". */
const PAIR_SEARCH_SLACK_DAYS = 400;

/** Pairs further apart than this ("41 years ago, in 1959") say little about a news article's date and cost a long search. */
const MAX_PAIR_SHIFT_DAYS = 5 * 366;

/** A weekday named with a year-less date ("Wednesday, July 31") repeats every few years; this many years are searched. */
const WEEKDAY_AGREEMENT_YEARS = 7;

const unknown = (): InferredPublishedDate => ({ value: null, provenance: 'unknown', evidence: null });

function quote(t: TimeExpression): string {
  return `"${t.text.replace(/\s+/g, ' ')}"`;
}

/** Index of the first token starting at or after `offset` (binary search). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence containing `offset` (sentences sorted; binary search), or null. */
function sentenceAt(sentences: readonly Span[], offset: number): Span | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** The tense of each expression's clause, for telling reported events from announced ones. */
function tensesOf(text: string, times: readonly TimeExpression[], sentences: readonly Span[]): Array<Tense | null> {
  const tokens = tokensOf(text);
  return times.map((t) => {
    const sentence = sentenceAt(sentences, t.start) ?? { start: t.start, end: t.end };
    return tenseAround(tokens, tokenAt(tokens, t.start), tokenAt(tokens, t.end), tokenAt(tokens, sentence.start), tokenAt(tokens, sentence.end));
  });
}

/** A date the text gives in full ("July 11, 2024", "2023", "the summer of 2023"). */
const isConcrete = (t: TimeExpression) => (t.type === 'DATE' || t.type === 'TIME') && /^\d{4}/.test(t.value) && timexSpan(t.value) !== null;
/** A month or day whose year depends on the article's date ("July 30" read with no date: `XXXX-07-30`). */
const isYearless = (t: TimeExpression) => (t.type === 'DATE' || t.type === 'TIME') && /^XXXX-\d{2}(?:-\d{2})?$/.test(t.value.replace(/T.*$/, ''));
/** An expression that needs the article's date ("yesterday", "two weeks ago": `XXXX-XX-XX`, `XXXX-WXX`). */
const isRelative = (t: TimeExpression) => t.type === 'DATE' && t.value.startsWith('XXXX') && !isYearless(t);

/** Dates the text gives in full, of events it reports (not announces, not sets as deadlines): the article is not older. */
function explicitBounds(text: string, times: readonly TimeExpression[], tenses: ReadonlyArray<Tense | null>): Bound[] {
  const bounds: Bound[] = [];
  times.forEach((t, k) => {
    if (!isConcrete(t) || t.mod === 'AFTER' || t.mod === 'ON_OR_AFTER') return;
    const span = timexSpan(t.value)!;
    if (NOT_AN_EVENT_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start))) return;
    if (tenses[k] === 'future') {
      // "the summit will open on November 5, 2024": the article is older than that day.
      if (t.granularity === 'day') bounds.push({ earliest: null, latest: span[1], evidence: `not after ${formatDate(fromDayNumber(span[1]))}: ${quote(t)} lies ahead` });
      return;
    }
    if (tenses[k] === 'present') return;
    bounds.push({ earliest: span[0], latest: null, evidence: `not before ${formatDate(fromDayNumber(span[0]))}: ${quote(t)}` });
  });
  return bounds;
}

/**
 * Year-less dates of reported events ("At the beginning of August") sit near
 * the article's other dates: each is read in the year that puts it nearest
 * the latest full date of day or month precision (the "proxy"). News that
 * names a month without its year means one within the past months, so the
 * article is not older than that reading.
 */
function yearlessBounds(
  times: readonly TimeExpression[],
  tenses: ReadonlyArray<Tense | null>,
  explicit: readonly Bound[],
  captionTimes: readonly TimeExpression[],
): Bound[] {
  let proxy: { day: number; t: TimeExpression } | null = null;
  for (const t of [...times, ...captionTimes]) {
    if (!isConcrete(t) || (t.granularity !== 'day' && t.granularity !== 'month')) continue;
    const start = timexSpan(t.value)![0];
    if (explicit.some((b) => b.earliest === start) && (proxy === null || start > proxy.day)) proxy = { day: start, t };
  }
  if (proxy === null) return [];
  const proxyYear = fromDayNumber(proxy.day).year;
  const bounds: Bound[] = [];
  times.forEach((t, k) => {
    if (!isYearless(t) || tenses[k] === 'future') return;
    let best: [number, number] | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const year of [proxyYear - 1, proxyYear, proxyYear + 1]) {
      const span = timexSpan(t.value.replace(/T.*$/, '').replace('XXXX', String(year)));
      if (span === null) continue;
      const distance = span[1] < proxy!.day ? proxy!.day - span[1] : span[0] > proxy!.day ? span[0] - proxy!.day : 0;
      if (distance < bestDistance) {
        best = span;
        bestDistance = distance;
      }
    }
    if (best !== null && best[0] > proxy!.day) {
      bounds.push({
        earliest: best[0],
        latest: null,
        evidence: `not before ${formatDate(fromDayNumber(best[0]))}: ${quote(t)} after ${quote(proxy!.t)}`,
      });
    }
  });
  return bounds;
}

/**
 * A weekday named with a year-less date ("Wednesday, July 31") fixes the year
 * among the few after the latest year the text gives: the first year from
 * there in which the date falls on that weekday.
 */
function weekdayBounds(times: readonly TimeExpression[], explicit: readonly Bound[]): Bound[] {
  const floor = explicit.reduce<number | null>((max, b) => (b.earliest !== null && (max === null || b.earliest > max) ? b.earliest : max), null);
  if (floor === null) return [];
  const fromYear = fromDayNumber(floor).year;
  const bounds: Bound[] = [];
  for (const t of times) {
    const m = /^XXXX-(\d{2})-(\d{2})/.exec(t.value);
    const weekday = WEEKDAYS.get(/^\p{L}+/u.exec(t.text)?.[0]?.toLowerCase() ?? '');
    if (m === null || weekday === undefined) continue;
    const [month, day] = [Number(m[1]), Number(m[2])];
    for (let year = fromYear; year < fromYear + WEEKDAY_AGREEMENT_YEARS; year++) {
      if (isValidDate(year, month, day) && isoWeekday({ year, month, day }) === weekday) {
        const n = dayNumber({ year, month, day });
        bounds.push({ earliest: n, latest: null, evidence: `not before ${formatDate(fromDayNumber(n))}: ${quote(t)} is a ${t.text.split(/\W/)[0]} in ${year}` });
        break;
      }
    }
  }
  return bounds;
}

/**
 * A relative expression right next to the full date it points at ("yesterday
 * (July 30, 2024)", "more than two years ago, in May 2023") says how far the
 * article is from that date. The publication dates that resolve the
 * expression onto that date are found by trying each candidate day.
 */
function pairBounds(text: string, times: readonly TimeExpression[], sentences: readonly Span[]): Bound[] {
  const bounds: Bound[] = [];
  let attempts = 0;
  for (let k = 0; k + 1 < times.length && attempts < MAX_PAIRS; k++) {
    for (const [relative, absolute] of [
      [times[k]!, times[k + 1]!],
      [times[k + 1]!, times[k]!],
    ] as const) {
      if (!isRelative(relative) || !isConcrete(absolute)) continue;
      const [a, b] = relative.start < absolute.start ? [relative, absolute] : [absolute, relative];
      if (!PAIR_GAP.test(text.slice(a.end, b.start))) continue;
      attempts++;
      const bound = solvePair(text, relative, absolute, sentenceAt(sentences, relative.start));
      if (bound !== null) bounds.push(bound);
    }
  }
  return bounds;
}

function solvePair(text: string, relative: TimeExpression, absolute: TimeExpression, within: Span | null): Bound | null {
  const target = timexSpan(absolute.value)!;
  // The expression's sentence, re-read against candidate publication dates.
  const start = Math.max(within?.start ?? relative.start, relative.start - PAIR_CONTEXT_CHARS);
  const end = Math.min(within?.end ?? relative.end, relative.end + PAIR_CONTEXT_CHARS);
  const snippet = text.slice(start, end);
  const offset = relative.start - start;
  const resolveAt = (day: number): [number, number] | null => {
    const found = extractTimes(snippet, { published: formatDate(fromDayNumber(day)) }).find((t) => t.start === offset);
    return found === undefined ? null : timexSpan(found.value);
  };
  // Read at the target date, the expression lands `shift` days away; the article is about as far the other way.
  const guess = resolveAt(target[0]);
  if (guess === null) return null;
  const shift = target[0] - guess[0];
  if (Math.abs(shift) > MAX_PAIR_SHIFT_DAYS) return null;
  let first: number | null = null;
  let last: number | null = null;
  // A coarse expression ("a year ago") fits a whole year of dates: widen the search by its own length.
  const reach = PAIR_SEARCH_SLACK_DAYS + (guess[1] - guess[0]);
  for (let day = target[0] + shift - reach; day <= target[1] + shift + reach; day++) {
    const span = resolveAt(day);
    const hit = span !== null && span[0] <= target[1] && target[0] <= span[1];
    if (hit) {
      first ??= day;
      last = day;
    } else if (last !== null) break; // the days that fit are consecutive
  }
  if (first === null || last === null) return null;
  const what = `${quote(relative)} is ${quote(absolute)}`;
  // "more than two years ago": at least that far, so only the earliest date holds; "less than": only the latest.
  if (relative.mod === 'MORE_THAN' || relative.mod === 'EQUAL_OR_MORE') return { earliest: first, latest: null, evidence: `not before ${formatDate(fromDayNumber(first))}: ${what}` };
  if (relative.mod === 'LESS_THAN' || relative.mod === 'EQUAL_OR_LESS') return { earliest: null, latest: last, evidence: `not after ${formatDate(fromDayNumber(last))}: ${what}` };
  if (relative.mod === 'APPROX') return null;
  return { earliest: first, latest: last, evidence: what };
}

/** Dates of photos the article uses: past events, so lower bounds. */
function captionBounds(captions: readonly string[]): { bounds: Bound[]; times: TimeExpression[] } {
  const bounds: Bound[] = [];
  const times: TimeExpression[] = [];
  for (const caption of captions) {
    for (const t of extractTimes(caption, { published: null })) {
      if (!isConcrete(t)) continue;
      const span = timexSpan(t.value)!;
      times.push(t);
      bounds.push({ earliest: span[0], latest: null, evidence: `not before ${formatDate(fromDayNumber(span[0]))}: ${quote(t)} in a photo caption` });
    }
  }
  return { bounds, times };
}

function outsideBounds(outside: readonly OutsideBound[]): Bound[] {
  const day = (v: string | null) => {
    const d = parseDay(v);
    return d === null ? null : dayNumber(d);
  };
  return outside.map((b) => ({ earliest: day(b.earliest), latest: day(b.latest), evidence: b.evidence }));
}

function parseDay(value: string | null): { year: number; month: number; day: number } | null {
  const m = value === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m === null ? null : { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The value both bounds agree on: the day, the month, the year, or nothing. */
function commonValue(earliest: number, latest: number): string | null {
  const a = formatDate(fromDayNumber(earliest));
  const b = formatDate(fromDayNumber(latest));
  if (a === b) return a;
  if (a.slice(0, 7) === b.slice(0, 7)) return a.slice(0, 7);
  if (a.slice(0, 4) === b.slice(0, 4)) return a.slice(0, 4);
  return null;
}

/**
 * The days of publication for which `relative` ("on Wednesday", "two weeks
 * ago") resolves onto `date` (`YYYY-MM-DD`): what naming that day with those
 * words says about when the article was written. Null when no day near
 * `date` does.
 */
export function publicationBoundsFor(text: string, relative: TimeExpression, date: string): OutsideBound | null {
  const target = timexSpan(date);
  if (target === null) return null;
  const absolute: TimeExpression = { ...relative, text: date, value: date, granularity: 'day', anchor: 'none' };
  const bound = solvePair(text, relative, absolute, sentenceAt(splitSentences(text), relative.start));
  if (bound === null) return null;
  return {
    earliest: bound.earliest === null ? null : formatDate(fromDayNumber(bound.earliest)),
    latest: bound.latest === null ? null : formatDate(fromDayNumber(bound.latest)),
    evidence: bound.evidence,
  };
}

/**
 * The article's publication date: `known` unchanged when it has a value;
 * otherwise inferred from `times` (its temporal expressions, as
 * `extractTimes` found them with no publication date), `text` and the
 * options' captions and outside bounds. The tightest lower and upper bounds
 * are kept. The result is `inferred` with its range when any bound holds —
 * with a value only as precise as both bounds agree on (a day, a month, a
 * year), null for a one-sided range ("not before 2024-08-01"); `unknown` with
 * no evidence when there is none.
 */
export function inferPublishedDate(text: string, times: readonly TimeExpression[], known: PublishedDate, options: InferOptions = {}): InferredPublishedDate {
  if (known.value !== null) return known;
  const captions = captionBounds(options.captions ?? []);
  let bounds = [...captions.bounds, ...outsideBounds(options.outside ?? [])];
  if (times.length > 0) {
    const sentences = splitSentences(text);
    const tenses = tensesOf(text, times, sentences);
    const inText = explicitBounds(text, times, tenses);
    const explicit = inText.concat(captions.bounds);
    // concat, not push(...): a long text yields more bounds than a call's arguments may number.
    bounds = bounds.concat(inText, yearlessBounds(times, tenses, explicit, captions.times), weekdayBounds(times, explicit), pairBounds(text, times, sentences));
  }
  if (bounds.length === 0) return unknown();

  const lower = bounds.filter((b) => b.earliest !== null).sort((x, y) => y.earliest! - x.earliest!)[0];
  let upper = bounds.filter((b) => b.latest !== null).sort((x, y) => x.latest! - y.latest!)[0];
  // An announced date the article is already past contradicts the reported ones; the reports win.
  if (lower !== undefined && upper !== undefined && upper.latest! < lower.earliest!) upper = undefined;
  const evidence = [...new Set([lower?.evidence, upper?.evidence].filter((e): e is string => e !== undefined))].join('; ');
  const range: PublishedRange = {
    earliest: lower === undefined ? null : formatDate(fromDayNumber(lower.earliest!)),
    latest: upper === undefined ? null : formatDate(fromDayNumber(upper.latest!)),
  };
  const value = lower === undefined || upper === undefined ? null : commonValue(lower.earliest!, upper.latest!);
  return { value, provenance: 'inferred', evidence, range };
}
