/**
 * From what an expression says to where it lies: a `Meaning` plus an anchor
 * date (the article's, or a statement's) and the tense of its clause become a
 * TIMEX3 value. Without an anchor, relative expressions keep X placeholders
 * (`XXXX-05`, `XXXX-WXX-3`) — a date is never invented.
 */
import {
  addDays,
  addMonths,
  dayNumber,
  daysInMonth,
  easterSunday,
  formatYear,
  fromDayNumber,
  isValidDate,
  isoWeek,
  isoWeekMonday,
  isoWeekday,
  monthSpan,
  monthsSpan,
  nthWeekdayOfMonth,
  pad,
  seasonOf,
  seasonSpan,
  SEASONS,
  yearSpan,
  type CivilDate,
  type Season,
} from './calendar.ts';
import type { Unit } from './lexicon.ts';
import type { CalendarUnit, GrammarMatch, Holiday, Meaning, TimeOfDay } from './meaning.ts';
import type { Tense } from './tense.ts';
import type { TimexType } from '../../model/index.ts';

/** The date relative expressions are resolved against. */
export interface Anchor {
  date: CivilDate;
  /** False for a statement dated "on July 17" in an article of unknown year: values keep `XXXX` for the year. */
  yearKnown: boolean;
  kind: 'document' | 'statement';
}

/** A resolved calendar position, at the granularity the expression states. */
export type Point = { yearKnown: boolean } & (
  | { g: 'day'; year: number; month: number; day: number }
  | { g: 'week' | 'weekend'; year: number; week: number }
  | { g: 'month'; year: number; month: number }
  | { g: 'quarter'; year: number; quarter: number }
  | { g: 'half'; year: number; half: number }
  | { g: 'season'; year: number; season: Season }
  | { g: 'year'; year: number }
  | { g: 'decade'; decade: number }
  | { g: 'century'; century: number }
);

export type AnchorKind = 'document' | 'statement' | 'none';

/** A date the text mentioned, for "that day", "a year earlier", "the quarter". */
export interface Reference {
  point: Point;
  anchor: AnchorKind;
  /** Sentence index it was mentioned in. */
  sentence: number;
}

export interface ResolveContext {
  anchor: Anchor | null;
  tense: Tense | null;
  /** Dates mentioned before this expression, most recent first. */
  references: readonly Reference[];
  sentence: number;
}

export interface Resolved {
  type: TimexType;
  value: string;
  granularity: string;
  anchor: AnchorKind;
  /** The calendar position, when the value is one (not a duration, set, vague reference, or X placeholder). */
  point: Point | null;
}

/**
 * A year-less date is put in the year that brings it nearest the anchor, a
 * day on the unlikely side of the anchor counting as several. With no tense,
 * a day ahead counts as two behind, because news mostly reports what has
 * happened: an article of 31 July reads "August 15" as this year's (15 days
 * ahead) and "December 20" as last year's (223 days behind against 142 × 2).
 */
const FUTURE_DISTANCE_WEIGHT = 2;

/**
 * In a past-tense clause a date ahead of the anchor counts six times: "the
 * offer was extended to Nov. 20" (written Oct. 30) is three weeks ahead, not
 * eleven months behind; "declared a dividend payable Dec. 15" (written Oct.
 * 26) is seven weeks ahead; "in January, the company brought in" (written
 * Oct. 27) is nine months behind, not two ahead; "the offensive began in
 * November" (written in July) is last November. The same weight holds for
 * dates behind the anchor in a future-tense clause.
 */
const UNLIKELY_SIDE_WEIGHT = 6;

/**
 * A quarter or half named without a year is the anchor's year's — business
 * news reports on the current year's quarters — unless a past-tense clause
 * names one not yet begun (last year's), or a future-tense clause one that
 * ended more than this many days ago (next year's): "expects to report
 * third-quarter results" in October is the quarter just ended.
 */
const QUARTER_STALE_DAYS = 92;

/**
 * "a year ago" in a sentence about a quarter ("profit fell from a year ago")
 * means the same quarter a year before, if the quarter was named this recently
 * (in this sentence or the one before); "a year earlier" steps from a date
 * named this recently, else from the anchor.
 */
const PERIOD_REFERENCE_SENTENCES = 1;

const MONTHS_IN: Readonly<Partial<Record<Unit | CalendarUnit, number>>> = {
  month: 1, quarter: 3, season: 3, half: 6, year: 12, decade: 120, century: 1200,
};

// ---- formatting -----------------------------------------------------------

export function formatPoint(p: Point): string {
  const y = p.yearKnown ? formatYear('year' in p ? p.year : null) : 'XXXX';
  switch (p.g) {
    case 'day':
      return `${y}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
    case 'week':
      return `${y}-W${pad(p.week, 2)}`;
    case 'weekend':
      return `${y}-W${pad(p.week, 2)}-WE`;
    case 'month':
      return `${y}-${pad(p.month, 2)}`;
    case 'quarter':
      return `${y}-Q${p.quarter}`;
    case 'half':
      return `${y}-H${p.half}`;
    case 'season':
      return `${y}-${p.season}`;
    case 'year':
      return y;
    case 'decade':
      return String(p.decade);
    case 'century':
      return pad(p.century, 2);
  }
}

/** First and last day numbers a point covers. */
export function pointSpan(p: Point): [number, number] {
  switch (p.g) {
    case 'day': {
      const n = dayNumber(p);
      return [n, n];
    }
    case 'week':
    case 'weekend': {
      const monday = dayNumber(isoWeekMonday(p.year, p.week));
      return p.g === 'week' ? [monday, monday + 6] : [monday + 5, monday + 6];
    }
    case 'month':
      return monthSpan(p.year, p.month);
    case 'quarter':
      return monthsSpan(p.year, (p.quarter - 1) * 3 + 1, 3);
    case 'half':
      return monthsSpan(p.year, (p.half - 1) * 6 + 1, 6);
    case 'season':
      return seasonSpan(p.year, p.season);
    case 'year':
      return yearSpan(p.year);
    case 'decade':
      return [yearSpan(p.decade * 10)[0], yearSpan(p.decade * 10 + 9)[1]];
    case 'century':
      return [yearSpan(p.century * 100)[0], yearSpan(p.century * 100 + 99)[1]];
  }
}

function firstDay(p: Point): CivilDate {
  return fromDayNumber(pointSpan(p)[0]);
}

// ---- points from dates ----------------------------------------------------

function pointAt(date: CivilDate, unit: CalendarUnit | Unit, yearKnown: boolean): Point {
  switch (unit) {
    case 'week':
    case 'weekend': {
      const w = isoWeek(date);
      return { g: unit, year: w.year, week: w.week, yearKnown };
    }
    case 'month':
      return { g: 'month', year: date.year, month: date.month, yearKnown };
    case 'quarter':
      return { g: 'quarter', year: date.year, quarter: Math.ceil(date.month / 3), yearKnown };
    case 'half':
      return { g: 'half', year: date.year, half: date.month <= 6 ? 1 : 2, yearKnown };
    case 'season': {
      const s = seasonOf(date);
      return { g: 'season', year: s.year, season: s.season, yearKnown };
    }
    case 'year':
    case 'decade':
    case 'century':
      return { g: 'year', year: date.year, yearKnown };
    default:
      return { g: 'day', year: date.year, month: date.month, day: date.day, yearKnown };
  }
}

/** The calendar period containing `date`, stepped `n` periods. */
function stepPeriod(date: CivilDate, unit: CalendarUnit, n: number, yearKnown: boolean): Point {
  switch (unit) {
    case 'day':
      return pointAt(addDays(date, n), 'day', yearKnown);
    case 'week':
    case 'weekend':
      return pointAt(addDays(date, 7 * n), unit, yearKnown);
    case 'decade':
      return { g: 'decade', decade: Math.floor(date.year / 10) + n, yearKnown: true };
    case 'century':
      return { g: 'century', century: Math.floor(date.year / 100) + n, yearKnown: true };
    default: {
      const shifted = addMonths(date.year, date.month, MONTHS_IN[unit]! * n);
      return pointAt({ year: shifted.year, month: shifted.month, day: 1 }, unit, yearKnown);
    }
  }
}

/** A point moved by `n` units: "a year earlier" than 1989-Q3 is 1988-Q3; "three days after" a day is a day. */
function shiftPoint(p: Point, unit: Unit, n: number): Point {
  const months = MONTHS_IN[unit];
  const periodic = p.g === 'month' || p.g === 'quarter' || p.g === 'half' || p.g === 'season';
  if (periodic && months !== undefined && months >= (MONTHS_IN[p.g] ?? 0) && Number.isInteger(n)) {
    const start = firstDay(p);
    const moved = addMonths(start.year, start.month, months * n);
    return pointAt({ year: moved.year, month: moved.month, day: 1 }, p.g, p.yearKnown);
  }
  return shiftDate(firstDay(p), unit, n, p.yearKnown);
}

/** A date moved by `n` units, at the unit's granularity ("two weeks ago" is a week, "two years ago" a year). */
function shiftDate(date: CivilDate, unit: Unit, n: number, yearKnown: boolean): Point {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
      // The anchor has no time of day: "three hours ago" is known only to the day.
      return pointAt(date, 'day', yearKnown);
    case 'day':
      return pointAt(addDays(date, Math.round(n)), 'day', yearKnown);
    case 'week':
    case 'weekend':
      return pointAt(addDays(date, Math.round(7 * n)), unit, yearKnown);
    default: {
      const months = Math.round(MONTHS_IN[unit]! * n);
      const moved = addMonths(date.year, date.month, months);
      const at = { year: moved.year, month: moved.month, day: Math.min(date.day, daysInMonth(moved.year, moved.month)) };
      // "1.5 years ago" lands on a month; whole years on a year.
      const granularity = unit === 'year' || unit === 'decade' || unit === 'century' ? (months % 12 === 0 ? 'year' : 'month') : unit;
      return pointAt(at, granularity, yearKnown);
    }
  }
}

// ---- choosing a year --------------------------------------------------------

/**
 * Which occurrence of a year-less date is meant: the latest that has begun by
 * the anchor in a past-tense clause, the first not yet over in a future one,
 * otherwise the nearest (see FUTURE_DISTANCE_WEIGHT). Candidates are the
 * anchor's year and its neighbours.
 */
function chooseOccurrence(anchor: Anchor, tense: Tense | null, make: (year: number) => Point | null): Point | null {
  const today = dayNumber(anchor.date);
  const aheadWeight = tense === 'past' ? UNLIKELY_SIDE_WEIGHT : tense === 'future' ? 1 : FUTURE_DISTANCE_WEIGHT;
  const behindWeight = tense === 'future' ? UNLIKELY_SIDE_WEIGHT : 1;
  let best: Point | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const year of [anchor.date.year - 1, anchor.date.year, anchor.date.year + 1]) {
    const point = make(year);
    if (point === null) continue;
    const [start, end] = pointSpan(point);
    const distance = end < today ? (today - end) * behindWeight : start > today ? (start - today) * aheadWeight : 0;
    if (distance < bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return best;
}

/** The year of a quarter or half named without one (see QUARTER_STALE_DAYS). */
function chooseQuarterYear(anchor: Anchor, tense: Tense | null, make: (year: number) => Point | null): Point | null {
  const today = dayNumber(anchor.date);
  const point = make(anchor.date.year);
  if (point === null) return null;
  const [start, end] = pointSpan(point);
  if (tense === 'past' && start > today) return make(anchor.date.year - 1);
  if (tense === 'future' && end < today - QUARTER_STALE_DAYS) return make(anchor.date.year + 1);
  return point;
}

function holidayDate(holiday: Holiday, year: number): CivilDate {
  switch (holiday) {
    case 'christmas':
      return { year, month: 12, day: 25 };
    case 'christmas-eve':
      return { year, month: 12, day: 24 };
    case 'new-year':
      return { year, month: 1, day: 1 };
    case 'new-years-eve':
      return { year, month: 12, day: 31 };
    case 'easter':
      return easterSunday(year);
    case 'thanksgiving':
      return nthWeekdayOfMonth(year, 11, 4, 4);
  }
}

/** Holidays whose day does not move: their year-less value can still name the day (`XXXX-12-25`). */
const FIXED_HOLIDAYS: ReadonlySet<Holiday> = new Set(['christmas', 'christmas-eve', 'new-year', 'new-years-eve']);

// ---- the resolver -----------------------------------------------------------

function placeholder(unit: CalendarUnit | Unit): { value: string; granularity: string } {
  switch (unit) {
    case 'year':
      return { value: 'XXXX', granularity: 'year' };
    case 'decade':
      return { value: 'XXX', granularity: 'decade' };
    case 'century':
      return { value: 'XX', granularity: 'century' };
    case 'month':
      return { value: 'XXXX-XX', granularity: 'month' };
    case 'quarter':
      return { value: 'XXXX-QX', granularity: 'quarter' };
    case 'half':
      return { value: 'XXXX-HX', granularity: 'half' };
    case 'season':
      return { value: 'XXXX-XX', granularity: 'season' };
    case 'week':
      return { value: 'XXXX-WXX', granularity: 'week' };
    case 'weekend':
      return { value: 'XXXX-WXX-WE', granularity: 'weekend' };
    default:
      return { value: 'XXXX-XX-XX', granularity: 'day' };
  }
}

function timeSuffix(time: TimeOfDay): string {
  return 'part' in time ? `T${time.part}` : `T${pad(time.hour, 2)}:${pad(time.minute, 2)}`;
}

function timeGranularity(time: TimeOfDay): string {
  return 'part' in time ? 'part-of-day' : 'minute';
}

/**
 * The quarter a report is about: the last one named in the anchor's year (or,
 * early in a year, the year before) — "the quarter" after "in the 1988
 * period" is still this year's.
 */
function currentQuarterReference(references: readonly Reference[], a: Anchor | null): Reference | null {
  if (a === null) return null;
  const earliestYear = a.date.year - (a.date.month <= 3 ? 1 : 0);
  return references.find((r) => r.point.g === 'quarter' && r.point.year >= earliestYear) ?? null;
}

/** The most recent reference at least as fine as `unit` ("the next day" needs a day). */
function referenceFor(references: readonly Reference[], unit: CalendarUnit): Reference | null {
  const finer: Record<CalendarUnit, ReadonlySet<Point['g']>> = {
    day: new Set(['day']),
    week: new Set(['day', 'week']),
    weekend: new Set(['day', 'week', 'weekend']),
    month: new Set(['day', 'month']),
    quarter: new Set(['quarter']),
    half: new Set(['half', 'quarter']),
    season: new Set(['season']),
    year: new Set(['day', 'month', 'quarter', 'half', 'season', 'year', 'week']),
    decade: new Set(['decade']),
    century: new Set(['century']),
  };
  return references.find((r) => finer[unit].has(r.point.g)) ?? null;
}

/** The period of `unit` containing a reference point, stepped: "that week" of a day is its week, "the following month" of March is April. */
function periodOfReference(p: Point, unit: CalendarUnit, offset: number): Point {
  if (p.g === unit && offset === 0) return p;
  return stepPeriod(firstDay(p), unit, offset, p.yearKnown);
}

function pointResult(point: Point | null, anchor: AnchorKind, fallbackUnit: CalendarUnit | Unit): Omit<Resolved, 'type'> {
  if (point === null) return { ...placeholder(fallbackUnit), anchor: 'none', point: null };
  return { value: formatPoint(point), granularity: point.g, anchor, point };
}

/** Resolves one expression. Pure: the context carries everything it may depend on. */
export function resolveMatch(match: GrammarMatch, ctx: ResolveContext): Resolved {
  const base = resolveMeaning(match.meaning, ctx);
  if (match.time === null || base.type === 'DURATION' || base.type === 'SET') return base;
  if (base.point !== null && base.point.g !== 'day') return base;
  if (base.point === null && base.granularity !== 'day') return base;
  return { ...base, type: 'TIME', value: base.value + timeSuffix(match.time), granularity: timeGranularity(match.time) };
}

function resolveMeaning(m: Meaning, ctx: ResolveContext): Resolved {
  const date = (r: Omit<Resolved, 'type'>): Resolved => ({ type: 'DATE', ...r });
  const a = ctx.anchor;
  const anchorKind: AnchorKind = a?.kind ?? 'none';
  switch (m.kind) {
    case 'calendar': {
      if (m.year !== null) {
        const yearKnown = true;
        if (m.month !== null && m.day !== null && isValidDate(m.year, m.month, m.day)) {
          return date(pointResult({ g: 'day', year: m.year, month: m.month, day: m.day, yearKnown }, 'none', 'day'));
        }
        if (m.month !== null) return date(pointResult({ g: 'month', year: m.year, month: m.month, yearKnown }, 'none', 'month'));
        return date(pointResult({ g: 'year', year: m.year, yearKnown }, 'none', 'year'));
      }
      const month = m.month ?? 1;
      if (m.yearOffset != null || m.step != null) {
        if (a === null) return date({ value: `XXXX-${pad(month, 2)}`, granularity: 'month', anchor: 'none', point: null });
        const make = (year: number): Point => ({ g: 'month', year, month, yearKnown: a.yearKnown });
        if (m.yearOffset != null) return date(pointResult(make(a.date.year + m.yearOffset), anchorKind, 'month'));
        // "last May": the latest May before this month; "next May": the first after it; "this May": this year's.
        const year =
          m.step === -1 ? (month < a.date.month ? a.date.year : a.date.year - 1) : m.step === 1 ? (month > a.date.month ? a.date.year : a.date.year + 1) : a.date.year;
        return date(pointResult(make(year), anchorKind, 'month'));
      }
      if (m.day !== null) {
        if (a === null) return date({ value: `XXXX-${pad(month, 2)}-${pad(m.day, 2)}`, granularity: 'day', anchor: 'none', point: null });
        const make = (year: number): Point | null =>
          isValidDate(year, month, m.day!) ? { g: 'day', year, month, day: m.day!, yearKnown: a.yearKnown } : null;
        let point: Point | null = null;
        if (m.weekday !== null && a.yearKnown) {
          // "Friday, Oct. 23": the year in which Oct. 23 is a Friday, nearest the anchor.
          const fits = [0, -1, 1].map((k) => make(a.date.year + k)).filter((p): p is Point => p !== null && isoWeekday(firstDay(p)) === m.weekday);
          point = fits[0] ?? null;
        }
        point ??= chooseOccurrence(a, ctx.tense, make);
        return date(pointResult(point, anchorKind, 'day'));
      }
      if (a === null) return date({ value: `XXXX-${pad(month, 2)}`, granularity: 'month', anchor: 'none', point: null });
      return date(pointResult(chooseOccurrence(a, ctx.tense, (year) => ({ g: 'month', year, month, yearKnown: a.yearKnown })), anchorKind, 'month'));
    }
    case 'decade':
      return date(pointResult({ g: 'decade', decade: m.decade, yearKnown: true }, 'none', 'decade'));
    case 'century':
      return date(pointResult({ g: 'century', century: m.century, yearKnown: true }, 'none', 'century'));
    case 'season': {
      if (m.year !== null) return date(pointResult({ g: 'season', year: m.year, season: m.season, yearKnown: true }, 'none', 'season'));
      if (a === null) return date({ value: `XXXX-${m.season}`, granularity: 'season', anchor: 'none', point: null });
      if (m.offset !== null) {
        const current = seasonOf(a.date);
        // "last summer": the latest summer before the current season; "next summer": the first after it; "this summer": this year's.
        const make = (year: number): Point => ({ g: 'season', year, season: m.season, yearKnown: a.yearKnown });
        const currentIndex = current.year * 4 + SEASONS.indexOf(current.season);
        const candidates = [-1, 0, 1].map((k) => make(a.date.year + k));
        const index = (p: Point) => (p.g === 'season' ? p.year * 4 + SEASONS.indexOf(p.season) : 0);
        const pick =
          m.offset < 0
            ? candidates.filter((p) => index(p) < currentIndex).at(-1)
            : m.offset > 0
              ? candidates.find((p) => index(p) > currentIndex)
              : (candidates.find((p) => index(p) === currentIndex) ?? make(a.date.month === 12 && m.season !== 'WI' ? a.date.year + 1 : a.date.year));
        return date(pointResult(pick ?? null, anchorKind, 'season'));
      }
      return date(pointResult(chooseOccurrence(a, ctx.tense, (year) => ({ g: 'season', year, season: m.season, yearKnown: a.yearKnown })), anchorKind, 'season'));
    }
    case 'quarter':
    case 'half': {
      const unit = m.kind;
      const index = m.kind === 'quarter' ? m.quarter : m.half;
      const make = (year: number, known: boolean): Point | null =>
        index === null ? null : unit === 'quarter' ? { g: 'quarter', year, quarter: index, yearKnown: known } : { g: 'half', year, half: index, yearKnown: known };
      if (m.year !== null && index === null) {
        // "the 1988 quarter": the quarter last named, in that year.
        const reference = referenceFor(ctx.references, 'quarter');
        const q = reference !== null && reference.point.g === 'quarter' ? reference.point.quarter : null;
        if (q === null) return date({ value: `${formatYear(m.year)}-QX`, granularity: 'quarter', anchor: 'none', point: null });
        return date(pointResult({ g: 'quarter', year: m.year, quarter: q, yearKnown: true }, 'none', 'quarter'));
      }
      if (m.year !== null) return date(pointResult(make(m.year, true), 'none', unit));
      if (a === null) return date({ value: index === null ? placeholder(unit).value : `XXXX-${unit === 'quarter' ? 'Q' : 'H'}${index}`, granularity: unit, anchor: 'none', point: null });
      if (m.offset !== null) {
        // "this quarter", "last quarter" (index null); "last year's third quarter" (index and a year step).
        if (index === null) return date(pointResult(stepPeriod(a.date, unit, m.offset, a.yearKnown), anchorKind, unit));
        return date(pointResult(make(a.date.year + m.offset, a.yearKnown), anchorKind, unit));
      }
      return date(pointResult(chooseQuarterYear(a, ctx.tense, (year) => make(year, a.yearKnown)), anchorKind, unit));
    }
    case 'weekday': {
      if (a === null) return date({ value: `XXXX-WXX-${m.weekday}`, granularity: 'day', anchor: 'none', point: null });
      if (!a.yearKnown) return date({ value: `XXXX-WXX-${m.weekday}`, granularity: 'day', anchor: 'none', point: null });
      const diff = m.weekday - isoWeekday(a.date);
      let delta: number;
      if (m.shift === -1) delta = diff < 0 ? diff : diff - 7;
      else if (m.shift === 1) delta = diff > 0 ? diff : diff + 7;
      else if (m.shift === 0) delta = diff;
      else if (ctx.tense === 'past') delta = diff <= 0 ? diff : diff - 7;
      else if (ctx.tense === 'future') delta = diff >= 0 ? diff : diff + 7;
      // No tense: within the four days before or the two after, since news mostly tells what has happened.
      else delta = diff > 2 ? diff - 7 : diff < -4 ? diff + 7 : diff;
      return date(pointResult(pointAt(addDays(a.date, delta), 'day', true), anchorKind, 'day'));
    }
    case 'day-offset':
      return date(pointResult(a === null ? null : pointAt(addDays(a.date, m.days), 'day', a.yearKnown), anchorKind, 'day'));
    case 'unit-offset':
      return date(pointResult(a === null ? null : stepPeriod(a.date, m.unit, m.offset, a.yearKnown), anchorKind, m.unit));
    case 'nearest': {
      if (a === null) return date(pointResult(null, 'none', m.unit));
      if (m.unit === 'quarter') {
        const reference = currentQuarterReference(ctx.references, a);
        if (reference !== null) return date(pointResult(reference.point, reference.anchor, 'quarter'));
        // The quarter a report talks about is the last one completed, unless it speaks of what is to come.
        return date(pointResult(stepPeriod(a.date, 'quarter', ctx.tense === 'future' ? 0 : -1, a.yearKnown), anchorKind, 'quarter'));
      }
      const weekday = isoWeekday(a.date);
      const past = ctx.tense === 'past' || (ctx.tense !== 'future' && weekday <= 3);
      const offset = weekday >= 6 ? 0 : past ? -1 : 0;
      return date(pointResult(stepPeriod(a.date, 'weekend', offset, a.yearKnown), anchorKind, 'weekend'));
    }
    case 'shift': {
      const amount = m.amount === null ? null : m.amount * m.sign;
      if (amount === null) return date({ value: m.sign < 0 ? 'PAST_REF' : 'FUTURE_REF', granularity: 'none', anchor: anchorKind, point: null });
      if (m.period) {
        // "the year-ago quarter": the quarter last named (else the last one completed), a year back.
        const reference = m.period === 'quarter' ? currentQuarterReference(ctx.references, a) : referenceFor(ctx.references, m.period);
        if (reference !== null) return date(pointResult(shiftPoint(reference.point, m.unit, amount), reference.anchor, m.period));
        if (a === null) return date(pointResult(null, 'none', m.period));
        const current = stepPeriod(a.date, m.period, m.period === 'quarter' ? -1 : 0, a.yearKnown);
        return date(pointResult(shiftPoint(current, m.unit, amount), anchorKind, m.period));
      }
      if (m.from === 'reference') {
        // "a year earlier" steps from the date just mentioned; one mentioned sentences ago is no longer in view.
        const reference = ctx.references[0];
        if (reference !== undefined && reference.sentence >= ctx.sentence - PERIOD_REFERENCE_SENTENCES) {
          return date(pointResult(shiftPoint(reference.point, m.unit, amount), reference.anchor, m.unit));
        }
      } else if (m.unit === 'year' && Number.isInteger(amount)) {
        const reference = ctx.references[0];
        if (reference !== undefined && (reference.point.g === 'quarter' || reference.point.g === 'half') && reference.sentence >= ctx.sentence - PERIOD_REFERENCE_SENTENCES) {
          if (a !== null) return date(pointResult(shiftPoint(reference.point, 'year', amount), anchorKind, 'year'));
        }
      }
      return date(pointResult(a === null ? null : shiftDate(a.date, m.unit, amount, a.yearKnown), anchorKind, m.unit === 'decade' || m.unit === 'century' ? 'year' : m.unit));
    }
    case 'anaphor': {
      // "the following day" depends on what the day it follows depends on: its anchor is passed on
      // ("none" after "July 17, 2024", "document" after "on Monday").
      const reference = referenceFor(ctx.references, m.unit);
      if (reference !== null) return date(pointResult(periodOfReference(reference.point, m.unit, m.offset), reference.anchor, m.unit));
      return date(pointResult(a === null ? null : stepPeriod(a.date, m.unit, m.offset, a.yearKnown), anchorKind, m.unit));
    }
    case 'holiday': {
      const make = (year: number, known: boolean): Point => ({ ...holidayDate(m.holiday, year), g: 'day', yearKnown: known });
      if (m.year !== null) return date(pointResult(make(m.year, true), 'none', 'day'));
      if (a === null) {
        const fixed = FIXED_HOLIDAYS.has(m.holiday) ? formatPoint(make(2000, false)) : 'XXXX-XX-XX';
        return date({ value: fixed, granularity: 'day', anchor: 'none', point: null });
      }
      return date(pointResult(chooseOccurrence(a, ctx.tense, (year) => make(year, a.yearKnown)), anchorKind, 'day'));
    }
    case 'ref':
      return date({ value: m.ref, granularity: 'none', anchor: anchorKind, point: null });
    case 'duration':
      return { type: 'DURATION', value: m.value, granularity: m.unit, anchor: 'none', point: null };
    case 'set':
      return { type: 'SET', value: m.value, granularity: m.granularity, anchor: 'none', point: null };
    case 'clock': {
      // "at 10 p.m." is on the day the text last named, or else on the anchor's.
      const reference = ctx.references.find((r) => r.point.g === 'day');
      if (reference !== undefined) return date(pointResult(reference.point, reference.anchor, 'day'));
      return date(pointResult(a === null ? null : pointAt(a.date, 'day', a.yearKnown), anchorKind, 'day'));
    }
  }
}

/**
 * The days a concrete TIMEX3 date value covers (`2024`, `2024-07`,
 * `2024-07-31`, `2024-W31`, `2024-Q3`, `2024-H2`, `2023-SU`, `199`, `19`, with
 * any time suffix ignored), or null for durations, references and values with
 * X placeholders.
 */
export function timexSpan(value: string): [number, number] | null {
  const v = value.replace(/T.*$/, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidDate(year, month, day)) return null;
    const n = dayNumber({ year, month, day });
    return [n, n];
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? monthSpan(Number(m[1]), Number(m[2])) : null;
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v);
  if (m) return pointSpan({ g: m[3] ? 'weekend' : 'week', year: Number(m[1]), week: Number(m[2]), yearKnown: true });
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) return pointSpan({ g: 'quarter', year: Number(m[1]), quarter: Number(m[2]), yearKnown: true });
  m = /^(\d{4})-H([12])$/.exec(v);
  if (m) return pointSpan({ g: 'half', year: Number(m[1]), half: Number(m[2]), yearKnown: true });
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) return seasonSpan(Number(m[1]), m[2] as Season);
  m = /^(\d{4})$/.exec(v);
  if (m) return yearSpan(Number(m[1]));
  m = /^(\d{3})$/.exec(v);
  if (m) return pointSpan({ g: 'decade', decade: Number(m[1]), yearKnown: true });
  m = /^(\d{2})$/.exec(v);
  if (m) return pointSpan({ g: 'century', century: Number(m[1]), yearKnown: true });
  return null;
}
