/**
 * Proleptic Gregorian calendar arithmetic on plain numbers (no `Date` objects
 * in the hot path, no time zones): day numbers, ISO weeks, seasons, quarters,
 * and the TIMEX3 spelling of each.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): CivilDate {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Month arithmetic on (year, month): `addMonths(2024, 1, -2)` is 2023-11. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(date: CivilDate): { year: number; week: number } {
  // The week belongs to the year that holds its Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = dayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - jan1) / 7) + 1 };
}

/** The Monday of an ISO week. */
export function isoWeekMonday(year: number, week: number): CivilDate {
  // January 4th is always in week 1.
  const jan4 = { year, month: 1, day: 4 };
  return addDays(jan4, (week - 1) * 7 - (isoWeekday(jan4) - 1));
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export const SEASONS: readonly Season[] = ['SP', 'SU', 'FA', 'WI'];

/**
 * Meteorological seasons (northern hemisphere, where nearly all the news we
 * read is written): spring March–May, summer June–August, autumn
 * September–November, winter December–February. Winter belongs to the year
 * of its December, as TIMEX3 `2023-WI` is the winter of 2023/24.
 */
export function seasonOf(date: { year: number; month: number }): { year: number; season: Season } {
  const { year, month } = date;
  if (month <= 2) return { year: year - 1, season: 'WI' };
  if (month === 12) return { year, season: 'WI' };
  return { year, season: SEASONS[Math.floor((month - 3) / 3)]! };
}

/** First and last day numbers of a season. */
export function seasonSpan(year: number, season: Season): [number, number] {
  const startMonth = 3 + SEASONS.indexOf(season) * 3;
  const start = dayNumber({ year, month: startMonth, day: 1 });
  const end = addMonths(year, startMonth, 3);
  return [start, dayNumber({ year: end.year, month: end.month, day: 1 }) - 1];
}

export function monthSpan(year: number, month: number): [number, number] {
  return [dayNumber({ year, month, day: 1 }), dayNumber({ year, month, day: daysInMonth(year, month) })];
}

export function yearSpan(year: number): [number, number] {
  return [dayNumber({ year, month: 1, day: 1 }), dayNumber({ year, month: 12, day: 31 })];
}

/** Months `first`..`first + count - 1` of `year` (a quarter, a half). */
export function monthsSpan(year: number, first: number, count: number): [number, number] {
  const last = first + count - 1;
  return [dayNumber({ year, month: first, day: 1 }), dayNumber({ year, month: last, day: daysInMonth(year, last) })];
}

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The nth (1-based) given ISO weekday of a month: US Thanksgiving is the 4th Thursday of November. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CivilDate {
  const first = isoWeekday({ year, month, day: 1 });
  return { year, month, day: 1 + ((weekday - first + 7) % 7) + 7 * (n - 1) };
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatYear(year: number | null): string {
  return year === null ? 'XXXX' : pad(year, 4);
}

export function formatDate(date: CivilDate): string {
  return `${formatYear(date.year)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The calendar date at the start of an ISO 8601 date or timestamp (`2024-07-31`, `2024-07-31T10:00:00Z`), or null. */
export function parseIsoDate(value: string | null | undefined): CivilDate | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}
