/**
 * Calendar values as spans of epoch days, so dates of any precision compare
 * as intervals: "2024-07" is 1–31 July, "2024" the whole year.
 */
import type { DateSpan, StoryDate, StoryTime } from './types.ts';

const MS_PER_DAY = 86_400_000;

export type Precision = 'day' | 'month' | 'year';

export interface DaySpan {
  start: number;
  end: number;
  precision: Precision;
}

function epochDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a timestamp is read as its day) → its days; anything else (weeks, seasons, `XXXX-07-30`) → null. */
export function spanOfValue(value: string | null | undefined): DaySpan | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3] !== undefined) {
    const day = epochDay(year, Number(m[2]), Number(m[3]));
    return { start: day, end: day, precision: 'day' };
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return { start: epochDay(year, month, 1), end: epochDay(year, month + 1, 1) - 1, precision: 'month' };
  }
  return { start: epochDay(year, 1, 1), end: epochDay(year + 1, 1, 1) - 1, precision: 'year' };
}

/** A range wider than this says too little about when the event was to keep two events apart. */
const MAX_USEFUL_RANGE_DAYS = 62;

/** The days an article's publication date covers: its value, else its inferred range when narrow enough. */
export function publishedSpan(published: StoryDate | null): DaySpan | null {
  if (!published) return null;
  const fromValue = spanOfValue(published.value);
  if (fromValue) return fromValue;
  if (published.range) {
    const start = spanOfValue(published.range.earliest);
    const end = spanOfValue(published.range.latest);
    if (start && end && end.end >= start.start && end.end - start.start <= MAX_USEFUL_RANGE_DAYS) {
      return { start: start.start, end: end.end, precision: end.end - start.start <= 7 ? 'day' : 'month' };
    }
  }
  return null;
}

/**
 * When the article's event happened, as a span of days: its publication date
 * when known (news reports what just happened); else the latest full date its
 * text names, since a report is written on or just after the newest day it
 * mentions, unless it names a later year too. Years alone are left out:
 * articles name past years freely.
 */
export function eventSpan(published: StoryDate | null, times: readonly StoryTime[]): DaySpan | null {
  const fromPublished = publishedSpan(published);
  if (fromPublished) return fromPublished;
  let latest: number | null = null;
  let latestEnd: number | null = null;
  for (const t of times) {
    if (t.type !== 'DATE') continue;
    const span = spanOfValue(t.value);
    if (span && !isCalendarYear(span)) continue;
    if (span?.precision === 'day' && (latest === null || span.start > latest)) latest = span.start;
    if (span && (latestEnd === null || span.end > latestEnd)) latestEnd = span.end;
  }
  // A text that names a later year than its latest full date was written after that day: the day is history
  // it recalls ("since September 11, 2001", in a report from 2006), not when its event was.
  if (latest === null || (latestEnd !== null && yearOf(latestEnd) > yearOf(latest))) return null;
  return { start: latest, end: latest, precision: 'day' };
}

const yearOf = (day: number) => new Date(day * MS_PER_DAY).getUTCFullYear();
/** Spans in calendar years news text names (not a count or a model number read as a year). */
const isCalendarYear = (span: DaySpan) => yearOf(span.start) >= MIN_YEAR && yearOf(span.start) <= MAX_YEAR;

/** Days between two spans; 0 when they overlap. */
export function daysApart(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end < b.start) return b.start - a.end;
  if (b.end < a.start) return a.start - b.end;
  return 0;
}

export function toDateSpan(span: { start: number; end: number }): DateSpan {
  return { start: isoDay(span.start), end: isoDay(span.end) };
}

/** Years outside this range are not calendar years in news text (counts, model numbers). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** The publication year, else the latest year any absolute date in the text falls in. */
export function latestYearOf(published: StoryDate | null, times: readonly StoryTime[]): number | null {
  const fromPublished = publishedSpan(published);
  if (fromPublished) return new Date(fromPublished.end * MS_PER_DAY).getUTCFullYear();
  let latest: number | null = null;
  for (const t of times) {
    if (t.type !== 'DATE') continue;
    const m = /^(\d{4})(?:-\d{2}){0,2}$/.exec(t.value);
    const year = m ? Number(m[1]) : NaN;
    if (year >= MIN_YEAR && year <= MAX_YEAR && (latest === null || year > latest)) latest = year;
  }
  return latest;
}
