/**
 * Calendar arithmetic for the report: the days an article may have been
 * published on, the days a TIMEX3 value covers, and dates in words. Plain
 * strings in, plain strings out (YYYY-MM-DD), no clock, UTC throughout.
 */
import { dateStart } from '../model/timex-order.ts';
import type { PublishedDate, PublishedRange } from '../model/index.ts';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The first and last day a TIMEX3 value covers (`2024-05` → 2024-05-01…2024-05-31),
 * or null for values that are not calendar dates or lack a year (`XXXX-08`, `P2W`).
 */
export function timexInterval(value: string): { start: string; end: string } | null {
  const start = dateStart(value);
  if (!start) return null;
  const year = Number(value.slice(0, 4));
  switch (start.precision) {
    case 'day':
      return { start: start.key, end: start.key };
    case 'week':
      return { start: start.key, end: addDays(start.key, 6) };
    case 'month':
      return { start: start.key, end: lastDayOfMonth(year, Number(value.slice(5, 7))) };
    case 'season': {
      // An astronomical season runs about three months from the 21st of its first month.
      return { start: start.key, end: addDays(lastDayOfMonth(year, Number(start.key.slice(5, 7)) + 3), -10) };
    }
    case 'quarter': {
      const first = Number(start.key.slice(5, 7));
      return { start: start.key, end: lastDayOfMonth(year, first + 2) };
    }
    case 'half-year':
      return { start: start.key, end: start.key.slice(5, 7) === '01' ? `${year}-06-30` : `${year}-12-31` };
    case 'year':
      return { start: start.key, end: `${year}-12-31` };
    default:
      return null;
  }
}

/** What is known of the day an article was published. */
export interface ArticleDays {
  /** The day itself, when known. */
  day: string | null;
  /** Bounds of the days it may fall on (both null: nothing known). */
  earliest: string | null;
  latest: string | null;
}

export function articleDays(published: PublishedDate & { range?: PublishedRange | undefined }): ArticleDays {
  const value = published.value;
  if (value && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const day = value.slice(0, 10);
    return { day, earliest: day, latest: day };
  }
  // A coarse value (a month, a year) bounds the day; an inferred range may narrow it.
  const coarse = value ? timexInterval(value) : null;
  const range = published.range;
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  const sooner = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  const earliest = later(coarse?.start ?? null, range?.earliest ?? null);
  const latest = sooner(coarse?.end ?? null, range?.latest ?? null);
  if (earliest !== null && earliest === latest) return { day: earliest, earliest, latest };
  return { day: null, earliest, latest };
}

/** The latest day an article is known to fall on or after: what the default period is anchored to. */
export function anchorDay(days: ArticleDays): string | null {
  return days.day ?? days.latest ?? days.earliest;
}

/** Whether the article's possible days meet [since, until] (open ends meet everything). */
export function overlaps(days: ArticleDays, since: string | null, until: string | null): boolean {
  if (since !== null && days.latest !== null && days.latest < since) return false;
  if (until !== null && days.earliest !== null && days.earliest > until) return false;
  return true;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', AU: 'autumn', WI: 'winter' };

/** A day in words: "31 July 2024". */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** A TIMEX3 value in words: "17 July 2024", "May 2024", "summer 2024", "August (year not stated)". */
export function timexText(value: string | null): string {
  if (value === null) return 'date unknown';
  let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})/.exec(value);
  if (m) return m[1] === 'XXXX' ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} (year not stated)` : dayText(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{4}|XXXX)-(\d{2})$/.exec(value);
  if (m) return m[1] === 'XXXX' ? `${MONTHS[Number(m[2]) - 1]} (year not stated)` : `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return `week ${Number(m[2])} of ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]!]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if (/^\d{4}$/.test(value)) return value;
  // Anything else (no calendar day can be read from it): say so rather than print a code.
  return 'date unknown';
}

/** A period in words: "31 July – 6 August 2024", "from 1 August 2024", "all dates". */
export function periodText(since: string | null, until: string | null): string {
  if (since && until) {
    if (since === until) return dayText(since);
    const [sy, sm] = since.split('-');
    const [uy, um] = until.split('-');
    const from = dayText(since);
    if (sy === uy && sm === um) return `${Number(since.slice(8))}–${dayText(until)}`;
    if (sy === uy) return `${from.replace(/ \d{4}$/, '')} – ${dayText(until)}`;
    return `${from} – ${dayText(until)}`;
  }
  if (since) return `from ${dayText(since)}`;
  if (until) return `until ${dayText(until)}`;
  return 'all dates';
}

/** A span of days in short: "2024-07-31", "2024-07-31…2024-08-06", "2024" for a whole year, "undated". */
export function spanText(first: string | null, last: string | null): string {
  if (!first || !last) return first ?? last ?? 'undated';
  if (first === last) return first;
  const year = first.slice(0, 4);
  if (first === `${year}-01-01` && last === `${year}-12-31`) return year;
  return `${first}…${last}`;
}
