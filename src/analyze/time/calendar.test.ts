import { describe, expect, it } from 'vitest';
import { addMonths, easterSunday, isoWeek, isoWeekday, nthWeekdayOfMonth, parseIsoDate, seasonOf } from './calendar.ts';
import { timexSpan } from './resolve.ts';
import { dayNumber, formatDate, fromDayNumber } from './calendar.ts';

describe('calendar', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek({ year: 2024, month: 7, day: 31 })).toEqual({ year: 2024, week: 31 });
    expect(isoWeek({ year: 2021, month: 1, day: 3 })).toEqual({ year: 2020, week: 53 });
    expect(isoWeek({ year: 2024, month: 12, day: 30 })).toEqual({ year: 2025, week: 1 });
  });
  it('knows weekdays, month steps, seasons and feasts', () => {
    expect(isoWeekday({ year: 2024, month: 7, day: 31 })).toBe(3);
    expect(addMonths(2024, 1, -2)).toEqual({ year: 2023, month: 11 });
    expect(seasonOf({ year: 2024, month: 1 })).toEqual({ year: 2023, season: 'WI' });
    expect(easterSunday(2024)).toEqual({ year: 2024, month: 3, day: 31 });
    expect(nthWeekdayOfMonth(1999, 11, 4, 4)).toEqual({ year: 1999, month: 11, day: 25 });
  });
  it('reads dates and timestamps, and nothing else', () => {
    expect(parseIsoDate('2024-07-31T10:00:00Z')).toEqual({ year: 2024, month: 7, day: 31 });
    expect(parseIsoDate('2024-02-30')).toBeNull();
    expect(parseIsoDate('July 31')).toBeNull();
  });
  it('gives the days a TIMEX3 value covers', () => {
    const days = (v: string) => timexSpan(v)?.map((n) => formatDate(fromDayNumber(n)));
    expect(days('2024-W31')).toEqual(['2024-07-29', '2024-08-04']);
    expect(days('2023-WI')).toEqual(['2023-12-01', '2024-02-29']);
    expect(days('2024-Q3')).toEqual(['2024-07-01', '2024-09-30']);
    expect(days('199')).toEqual(['1990-01-01', '1999-12-31']);
    expect(timexSpan('P2W')).toBeNull();
    expect(timexSpan('XXXX-07-30')).toBeNull();
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
  });
});
