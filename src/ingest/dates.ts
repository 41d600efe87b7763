/**
 * Dates as containers and pages write them, read into ISO 8601; and the
 * publication date an article states about itself (a dateline, a
 * "Published on …" line). Pure: nothing here reads the clock — callers that
 * want dates in the future rejected pass `now`.
 */
import type { PublishedDate } from '../model/index.ts';
import { isPhotoCaption } from './furniture-rules.ts';

/** Earlier than this is a typo or a placeholder (`0001-01-01`), not a news date. */
const MIN_YEAR = 1900;

/**
 * How far past `now` a date may lie and still be taken: a day covers every
 * time zone (a page in Kyiv is already "tomorrow" for a reader in New York)
 * and a clock that is a few hours off.
 */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Month names in English (full, three-letter, "Sept") and, because conflict
 * reporting is read in them, in Ukrainian, Russian and Bulgarian — in the
 * genitive case that follows a day number ("31 липня 2024", "31 июля 2024")
 * and the Bulgarian form, which does not decline ("31 юли 2024").
 */
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  січня: 1, лютого: 2, березня: 3, квітня: 4, травня: 5, червня: 6,
  липня: 7, серпня: 8, вересня: 9, жовтня: 10, листопада: 11, грудня: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6,
  июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
  януари: 1, февруари: 2, март: 3, април: 4, май: 5, юни: 6,
  юли: 7, август: 8, септември: 9, октомври: 10, ноември: 11, декември: 12,
};

/** Longest first, so that "june" is tried before "jun". */
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const WEEKDAY_NAMES =
  'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun';

/**
 * Offsets of the zone abbreviations news pages print, in minutes east of UTC.
 * Ambiguous ones (IST: India, Ireland or Israel) are left out on purpose: a
 * time in an unknown zone keeps only its date.
 */
const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, west: 60, bst: 60, cet: 60, cest: 120,
  eet: 120, eest: 180, msk: 180, est: -300, edt: -240, cst: -360, cdt: -300,
  mst: -420, mdt: -360, pst: -480, pdt: -420, jst: 540, kst: 540, hkt: 480,
  sgt: 480, aest: 600, aedt: 660,
};

/** US "generic" zones (ET = EST or EDT): standard offsets, an hour less in daylight-saving time. */
const US_GENERIC_ZONES: Readonly<Record<string, number>> = { et: -300, ct: -360, mt: -420, pt: -480 };

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC; null when the zone was written but is not one we know. */
  offsetMinutes: number | null;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  time: TimeOfDay | null;
}

const TIME_OF_DAY = new RegExp(
  String.raw`^(?:,|\bat\b|[-–|])?\s*(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?\s*(?:([ap])\.?\s*m\.?)?` +
    // zone: Z, +03:00 / +0300 / +03, GMT+3, UTC+02:00, or an abbreviation; then an optional "(EEST)" comment
    String.raw`\s*(z|[+-]\d{2}(?::?\d{2})?|(?:gmt|utc|ut)\s*[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,5})?\s*(?:\([a-z ]{1,30}\))?$`,
  'i',
);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of month of the nth (1-based) Sunday of a month. */
function nthSunday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + 7 * (n - 1);
}

/** US daylight-saving time: from the second Sunday of March to the first Sunday of November (since 2007). */
function isUsDaylightTime(year: number, month: number, day: number): boolean {
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  return month === 3 ? day >= nthSunday(year, 3, 2) : day < nthSunday(year, 11, 1);
}

function parseOffset(sign: string, hours: string, minutes: string | undefined): number {
  const magnitude = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' ? -magnitude : magnitude;
}

/** Minutes east of UTC for a zone as written; undefined when no zone was written, null when it is not one we know. */
function zoneOffset(zone: string | undefined, date: { year: number; month: number; day: number }): number | null | undefined {
  if (zone === undefined) return undefined;
  const z = zone.toLowerCase().replace(/\s+/g, '');
  const numeric = z.match(/^(?:gmt|utc|ut)?([+-])(\d{1,2}):?(\d{2})?$/);
  if (numeric) return parseOffset(numeric[1]!, numeric[2]!, numeric[3]);
  if (z in ZONE_OFFSETS) return ZONE_OFFSETS[z]!;
  if (z in US_GENERIC_ZONES) {
    return US_GENERIC_ZONES[z]! + (isUsDaylightTime(date.year, date.month, date.day) ? 60 : 0);
  }
  return null;
}

/** The time written after a date ("10:00:00 +0000", ", 10:05 BST", "at 3 p.m. ET"); null when the tail is not a time. */
function parseTimeOfDay(tail: string, date: { year: number; month: number; day: number }): TimeOfDay | null {
  const m = tail.match(TIME_OF_DAY);
  if (!m) return null;
  const [, h, mi, s, meridiem, zone] = m;
  // "31 July 2024 10" is not a time: an hour alone needs am/pm.
  if (mi === undefined && meridiem === undefined) return null;
  let hour = Number(h);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const minute = Number(mi ?? 0);
  // A leap second (":60") is read as the last second of the minute.
  const second = Math.min(Number(s ?? 0), 59);
  if (hour > 23 || minute > 59 || second > 60) return null;
  const offset = zoneOffset(zone, date);
  // No zone written: the time is taken as UTC, which keeps the calendar date as written.
  return { hour, minute, second, offsetMinutes: offset === undefined ? 0 : offset };
}

function withTail(year: number, month: number, day: number, tail: string): DateParts | null {
  const rest = tail.trim();
  if (rest === '') return { year, month, day, time: null };
  const time = parseTimeOfDay(rest, { year, month, day });
  return time ? { year, month, day, time } : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/i;
const YEAR_FIRST_NUMERIC = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$/;
/** 31.07.2024 — day first, as Ukrainian, Russian, Bulgarian and German pages write it ("г." is the Russian/Bulgarian "year"). */
const DAY_FIRST_DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?(.*)$/iu;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/;
const MONTH_FIRST = new RegExp(
  String.raw`^(?:(?:${WEEKDAY_NAMES})\.?,?\s+)?(${MONTH_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)(.*)$`,
  'iu',
);
/** Also RFC 822 ("Wed, 31 Jul 2024 10:00:00 +0000"), whose year may have two digits. */
const DAY_FIRST = new RegExp(
  String.raw`^(?:(?:${WEEKDAY_NAMES})\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_NAMES})\.?,?\s+(\d{4}|\d{2}(?=\s+\d))(?!\d)(?:\s*(?:г|р)\.?)?(.*)$`,
  'iu',
);

function parseDateParts(s: string): DateParts | null {
  let m = s.match(ISO_DATE);
  if (m) {
    const [, y, mo, d, time] = m;
    return withTail(Number(y), Number(mo), Number(d), time === undefined ? '' : time);
  }
  m = s.match(YEAR_FIRST_NUMERIC);
  if (m) return withTail(Number(m[1]), Number(m[2]), Number(m[3]), m[4]!);
  m = s.match(DAY_FIRST_DOTTED);
  if (m) return withTail(Number(m[3]), Number(m[2]), Number(m[1]), m[4]!);
  m = s.match(SLASHED);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    // 03/04/2024 is March 4 in the US and 3 April elsewhere: only read it when one reading is impossible.
    if (first > 12 && second <= 12) return withTail(Number(m[3]), second, first, m[4]!);
    if (second > 12 && first <= 12) return withTail(Number(m[3]), first, second, m[4]!);
    if (first === second) return withTail(Number(m[3]), first, first, m[4]!);
    return null;
  }
  m = s.match(MONTH_FIRST);
  if (m) return withTail(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]), m[4]!);
  m = s.match(DAY_FIRST);
  if (m) {
    const written = Number(m[3]);
    // RFC 2822 §4.3: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999.
    const year = m[3]!.length === 2 ? written + (written < 50 ? 2000 : 1900) : written;
    return withTail(year, MONTHS[m[2]!.toLowerCase()]!, Number(m[1]), m[4]!);
  }
  return null;
}

/**
 * Unix time as digits: 9–10 digits are seconds (1973–2286), 12–13 are
 * milliseconds (1973–2286). Other lengths are ids or years, not timestamps.
 */
function parseEpoch(s: string): number | null {
  if (/^\d{9,10}$/.test(s)) return Number(s) * 1000;
  if (/^\d{12,13}$/.test(s)) return Number(s);
  return null;
}

function toIsoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isPlausible(ms: number, year: number, now: Date | undefined): boolean {
  if (year < MIN_YEAR) return false;
  return now === undefined || ms <= now.getTime() + FUTURE_TOLERANCE_MS;
}

function partsToIso(parts: DateParts, now: Date | undefined): string | null {
  const { year, month, day, time } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const dateOnly = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (time === null || time.offsetMinutes === null) {
    // A time in a zone we do not know cannot be placed in UTC; the date as written still holds.
    return isPlausible(Date.UTC(year, month - 1, day), year, now) ? dateOnly : null;
  }
  const ms = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second) - time.offsetMinutes * 60_000;
  return isPlausible(ms, year, now) ? toIsoTimestamp(ms) : null;
}

function normalise(s: string): string {
  return s
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;]$/, '');
}

function parseWithOptions(input: string, now: Date | undefined, allowEpoch: boolean): string | null {
  const s = normalise(input);
  if (s === '') return null;
  const epochMs = allowEpoch ? parseEpoch(s) : null;
  if (epochMs !== null) {
    return isPlausible(epochMs, new Date(epochMs).getUTCFullYear(), now) ? toIsoTimestamp(epochMs) : null;
  }
  const parts = parseDateParts(s);
  return parts ? partsToIso(parts, now) : null;
}

/**
 * A date as a container writes it → ISO 8601: `YYYY-MM-DDTHH:mm:ssZ` (UTC)
 * when a time is given, `YYYY-MM-DD` when only a date is (or when the time's
 * zone is unknown). A time with no zone is taken as UTC. Null when `s` is not
 * a whole date, names no year, is before 1900, or lies more than a day after
 * `now` (checked only when `now` is given).
 */
export function parseDateString(s: string, now?: Date): string | null {
  return parseWithOptions(s, now, true);
}

/** The longest date we read is about nine words: "Wednesday, 31st of July 2024, at 10:05 a.m. EDT". */
const MAX_DATE_WORDS = 10;

/**
 * The longest run of words at the start of `s` that is a date ("31 July
 * 2024, 10:05 BST | Updated …" → 2024-07-31T09:05:00Z). Digits alone are
 * never read as Unix time here: in running text they are counts.
 */
function parseLeadingDate(s: string, now: Date | undefined): { value: string; text: string } | null {
  const words = normalise(s).split(' ');
  for (let n = Math.min(words.length, MAX_DATE_WORDS); n > 0; n--) {
    const text = words.slice(0, n).join(' ').replace(/[.,;:|]$/, '');
    const value = parseWithOptions(text, now, false);
    if (value !== null) return { value, text };
  }
  return null;
}

/**
 * A line that states when the page was published or updated ("Published:
 * 2024-07-31", "Updated 31 July 2024, 10:05 BST") or is a bare date
 * ("Wednesday, July 31, 2024"). Lines longer than this are prose, whatever
 * words they start with: 100 characters is a label, a long date, a time and a
 * zone with room to spare.
 */
const MAX_STAMP_LINE_CHARS = 100;

const STAMP_LABEL =
  /^(?:(first|originally)\s+)?(published|posted|updated|last\s+updated|last\s+modified|modified|date)\b\s*:?\s*(?:on\s+|at\s+)?/i;

export type DateStampKind = 'published' | 'updated' | 'bare';

export interface DateStamp {
  kind: DateStampKind;
  /** ISO date or timestamp. */
  value: string;
  /** The label and the date as written. */
  evidence: string;
}

/** Reads a publication/update stamp line; null for any other line. */
export function readDateStamp(line: string, now?: Date): DateStamp | null {
  const text = normalise(line);
  if (text.length > MAX_STAMP_LINE_CHARS) return null;
  const label = text.match(STAMP_LABEL);
  if (label) {
    const date = parseLeadingDate(text.slice(label[0].length), now);
    if (!date) return null;
    const kind: DateStampKind = /updated|modified/i.test(label[2]!) ? 'updated' : 'published';
    return { kind, value: date.value, evidence: `${label[0]}${date.text}`.trim() };
  }
  // A bare date may be followed by a time or a separator and a time ("31 July 2024 | 10:05"), nothing else.
  const bare = text.split(/\s+[|·•]\s+/)[0]!;
  const value = parseWithOptions(bare, now, false);
  return value === null ? null : { kind: 'bare', value, evidence: bare };
}

/**
 * A page puts at most about a dozen lines before the story starts (kicker,
 * title, standfirst, byline, date, caption, credit, reading time, share
 * buttons): a dateline or bare date further down is not about the page.
 */
const TOP_LINES = 12;

/** The part of a dateline before its dash, at most a place, a date and an agency: 80 characters. */
const MAX_DATELINE_HEAD_CHARS = 80;

/** "KYIV", "Kyiv, Ukraine", "NEW YORK": capitalised words, no more than four. */
const PLACE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$/u;

/**
 * The date of a dateline — "KYIV, July 31, 2024 (Reuters) – …",
 * "July 31, 2024 (AP) — …" — or null (no dateline, or a dateline whose date
 * has no year: "July 31 (Reuters) -").
 */
function readDateline(line: string, now: Date | undefined): { value: string; evidence: string } | null {
  const dash = line.match(/\s[-–—]{1,2}\s/);
  if (!dash || dash.index === undefined || dash.index > MAX_DATELINE_HEAD_CHARS) return null;
  const head = line.slice(0, dash.index).trim();
  const agency = head.match(/\s*\([^()]{1,40}\)$/);
  const dateAndPlace = agency ? head.slice(0, agency.index).trim() : head;
  const segments = dateAndPlace.split(/,\s*/);
  // The date is the last segments ("July 31", "2024"); everything before it must be a place.
  for (let i = 0; i < segments.length; i++) {
    const place = segments.slice(0, i);
    if (!place.every((p) => PLACE.test(p))) break;
    const value = parseWithOptions(segments.slice(i).join(', '), now, false);
    if (value !== null) return { value, evidence: head };
  }
  return null;
}

/** Lines that speak in someone else's voice or describe a photo: their dates are not the page's. */
function isOtherVoice(line: string): boolean {
  return /^["“”«„‘'’‹]/.test(line) || isPhotoCaption(line);
}

/** Preference among the ways a page states its date: its own label first, a bare update time last. */
const STAMP_RANK: Readonly<Record<DateStampKind | 'dateline', number>> = {
  published: 0,
  dateline: 1,
  bare: 2,
  updated: 3,
};

/**
 * The publication date a text states about itself: a "Published …" line, a
 * dateline at the start of a paragraph near the top, a bare date line near
 * the top, or else an "Updated …" line. Only full dates with a year count.
 * Dates in photo captions and quotations are not the article's. Null when the
 * text states none (a date found elsewhere is evidence for inference, not a
 * statement).
 */
export function findStatedDate(text: string, options: { now?: Date } = {}): PublishedDate | null {
  const lines = text.split(/\r?\n/).map(normalise).filter((l) => l !== '');
  const found: Array<{ rank: number; value: string; evidence: string }> = [];
  for (const [index, line] of lines.entries()) {
    if (isOtherVoice(line)) continue;
    const nearTop = index < TOP_LINES;
    const stamp = readDateStamp(line, options.now);
    if (stamp) {
      // Labelled stamps count wherever they stand (some pages print them at the foot); bare dates only near the top.
      if (stamp.kind !== 'bare' || nearTop) found.push({ rank: STAMP_RANK[stamp.kind], ...stamp });
    } else if (nearTop) {
      const dateline = readDateline(line, options.now);
      if (dateline) found.push({ rank: STAMP_RANK.dateline, ...dateline });
    }
  }
  // The best-ranked statement; among equals, the first on the page.
  const best = found.reduce<(typeof found)[number] | null>((a, b) => (a === null || b.rank < a.rank ? b : a), null);
  return best ? { value: best.value, provenance: 'stated', evidence: best.evidence } : null;
}
