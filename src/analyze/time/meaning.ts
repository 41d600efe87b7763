/**
 * What a temporal expression says before it is placed on the calendar: the
 * grammar reads text into a `Meaning`, the resolver turns a meaning and an
 * anchor date into a TIMEX3 value. Keeping the two apart is what lets the
 * same expression be re-anchored (to a statement's date, or with no date).
 */
import type { Season } from './calendar.ts';
import type { PartOfDay, Unit } from './lexicon.ts';

/** TIMEX3 modifiers. */
export type Mod =
  | 'START'
  | 'MID'
  | 'END'
  | 'BEFORE'
  | 'AFTER'
  | 'ON_OR_BEFORE'
  | 'ON_OR_AFTER'
  | 'LESS_THAN'
  | 'MORE_THAN'
  | 'EQUAL_OR_LESS'
  | 'EQUAL_OR_MORE'
  | 'APPROX';

/** Units a calendar period can be counted back and forth in ("last week", "the following month"). */
export type CalendarUnit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century';

export type TimeOfDay = { hour: number; minute: number } | { part: PartOfDay };

export type Meaning =
  /** Calendar fields as written: "July 31, 2024", "July 30", "May 2023", "2014", "Friday, Oct. 23". */
  | {
      kind: 'calendar';
      year: number | null;
      month: number | null;
      day: number | null;
      weekday: number | null;
      /** "last May" (-1), "this September" (0), "next January" (1): the occurrence before, in, or after the anchor's. */
      step?: -1 | 0 | 1 | null;
      /** "July last year" (-1), "January next year" (1): the month in the anchor's year, stepped. */
      yearOffset?: number | null;
    }
  /** "the 1990s" (199). */
  | { kind: 'decade'; decade: number }
  /** "the 20th century" (19). */
  | { kind: 'century'; century: number }
  /** A named season, quarter or half, with its year if written, or a step from the current one ("last summer": -1). */
  | { kind: 'season'; season: Season; year: number | null; offset: number | null }
  | { kind: 'quarter'; quarter: number | null; year: number | null; offset: number | null }
  | { kind: 'half'; half: number; year: number | null; offset: number | null }
  /** "Monday" (shift null: by tense), "last Monday" (-1), "this Monday" (0), "next Monday" (1). */
  | { kind: 'weekday'; weekday: number; shift: -1 | 0 | 1 | null }
  /** "today" 0, "yesterday" -1, "tomorrow" 1. */
  | { kind: 'day-offset'; days: number }
  /** "this year" 0, "last week" -1, "next month" 1: the calendar period around the anchor, stepped. */
  | { kind: 'unit-offset'; unit: CalendarUnit; offset: number }
  /** "two years ago" (from the anchor), "a year earlier" (from the last date the text mentioned). Amount null: "years ago". */
  | {
      kind: 'shift';
      unit: Unit;
      amount: number | null;
      sign: -1 | 1;
      from: 'anchor' | 'reference';
      /** "the year-ago quarter": the shift applies to the last quarter mentioned. */
      period?: 'quarter' | 'month' | 'week' | null;
    }
  /** "the weekend", "the quarter" with nothing to refer back to: the one nearest the anchor, past or coming by tense. */
  | { kind: 'nearest'; unit: 'weekend' | 'quarter' }
  /** "that day", "the following month": the last date the text mentioned, stepped. */
  | { kind: 'anaphor'; unit: CalendarUnit; offset: number }
  /** Feasts with a computable date. */
  | { kind: 'holiday'; holiday: Holiday; year: number | null }
  | { kind: 'ref'; ref: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  /** A length of time, already in TIMEX3 form (`P5D`, `PXY`, `PT24H`); `unit` is its largest unit. */
  | { kind: 'duration'; value: string; unit: Unit }
  /** A recurrence, already in TIMEX3 form (`P1D`, `XXXX-WXX-1`). */
  | { kind: 'set'; value: string; granularity: string }
  /** A time of day with no day written ("at 10:30"): the day is the one last mentioned, or the anchor's. */
  | { kind: 'clock' };

export type Holiday = 'christmas' | 'christmas-eve' | 'new-year' | 'new-years-eve' | 'easter' | 'thanksgiving';

/** One expression found by the grammar, in token indices (end exclusive). */
export interface GrammarMatch {
  first: number;
  end: number;
  meaning: Meaning;
  mod: Mod | null;
  time: TimeOfDay | null;
}
