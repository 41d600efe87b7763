/**
 * The situation report as plain data: what `sitrep report` renders, what
 * `/api/overview` serves verbatim and what the web app's overview draws.
 * Every line of it cites the articles it came from by number (`ref`), the
 * numbers indexing `sources`.
 */
import type { ClaimRelation, ControlAction, DateProvenance, EntityType } from '../model/index.ts';

export interface SituationQuery {
  /** First day of the period, YYYY-MM-DD (included). */
  since?: string;
  /** Last day of the period, YYYY-MM-DD (included). */
  until?: string;
  /** One story only: its id, or the full id of one of its articles. */
  story?: string;
  /**
   * Articles whose date is unknown cannot be placed in or out of a period:
   * `include` (the default) keeps them, marked "date unknown", since they may
   * belong; `exclude` leaves them out.
   */
  undated?: 'include' | 'exclude';
  /** Stamped on the report when given; left out, the report depends on the data only. */
  generatedAt?: string;
}

/**
 * - `requested`: since/until as asked (one may be open: null)
 * - `latest-week`: the 7 days ending on the latest day an article is dated to
 * - `story`: a story's whole span (--story without dates)
 * - `all`: no article is dated, so no week can be chosen: everything
 */
export type PeriodBasis = 'requested' | 'latest-week' | 'story' | 'all';

export interface ReportPeriod {
  since: string | null;
  until: string | null;
  basis: PeriodBasis;
}

/**
 * How an article's date relates to the period:
 * `exact` — its day is known (metadata, stated, or inferred to the day);
 * `range` — only a range of days is known (an inferred date), which overlaps the period;
 * `unknown` — nothing is known: included because it cannot be ruled out.
 */
export type DateFit = 'exact' | 'range' | 'unknown';

/** One entry of the numbered source list. */
export interface ReportSource {
  /** The citation number, from 1: sources are numbered oldest first, undated last, then by id. */
  ref: number;
  article: string;
  title: string;
  outlet: string | null;
  url: string | null;
  /** Where the article was read from: a path, `path:line`, or the feed or page URL. */
  location: string;
  /** The day it was published when known (YYYY-MM-DD), else null. */
  published: string | null;
  provenance: DateProvenance;
  /** The days it may have been published on, for an inferred date. */
  range: { earliest: string | null; latest: string | null } | null;
  /** The date as a reader should see it: "2024-07-31", "2024-07-31…2024-08-06 (date inferred)", "date unknown". */
  dateText: string;
  fit: DateFit;
  /** False for an article outside the period cited only because something in the period answers it. */
  inPeriod: boolean;
  /** The article this one copies, if any. */
  duplicateOf: string | null;
}

/** A pointer to the sentence a fact came from. */
export interface Citation {
  ref: number;
  article: string;
  outlet: string | null;
  title: string;
  /** The sentence's span in the article's text, when known. */
  sentence: { start: number; end: number } | null;
}

export interface NamedKey {
  key: string;
  name: string;
}

export interface ReportStory {
  id: string;
  title: string;
  summary: string;
  /** The story's articles in this report's scope. */
  articles: string[];
  /** All its articles, in the period or not. */
  totalArticles: number;
  independentSources: number;
  /** First and last day of the story (ISO dates), null when undated. */
  firstSeen: string | null;
  lastSeen: string | null;
  thread: { id: string; title: string } | null;
  /** The places its articles mention most. */
  places: NamedKey[];
  refs: number[];
}

/** Where an event's date lies against the period. */
export type EventTiming = 'before' | 'within' | 'after';

export interface ReportEvent {
  /** TIMEX3 value: `2024-07-17`, `2024-05`, `2024`. */
  date: string;
  /** The date in words: "17 July 2024", "May 2024", "2024". */
  dateText: string;
  precision: string;
  /** `article`: the text gives no date; the event takes its article's. */
  dated: 'stated' | 'article';
  timing: EventTiming;
  /** Its date is coarser than the period (a year, in a week's report): it lies somewhere in it, not on a day the report can show. */
  approximate: boolean;
  text: string;
  /** The story of its first source, when it has one. */
  story: string | null;
  sources: Citation[];
}

export interface QuoteCarrier extends Citation {
  published: string | null;
  /** The channel the article credits ("the Kyiv Independent", "Tass"), as written. */
  channel: string | null;
  /** The citation of the article in the report it was taken from, when the corpus holds it. */
  creditedRef: number | null;
  /**
   * When another carrier credits this article as its channel: the name it
   * gives ("the Kyiv Independent") and that carrier's citation. Says who this
   * article likely is when its own outlet is unknown.
   */
  creditedAs: { channel: string; by: number } | null;
}

export interface ReportQuote {
  /** The speaker's name, or the words describing an unnamed one ("one officer"); null when none. */
  speaker: string | null;
  speakerKey: string | null;
  text: string;
  kind: 'direct' | 'partial' | 'reported';
  /** When it was said (TIMEX3): the text's own date, else the earliest carrier's; null when unknown. */
  said: string | null;
  saidText: string;
  /** Articles carrying it: one entry per article, the earliest first. */
  sources: QuoteCarrier[];
  /** Whether more than one article carries it. */
  shared: boolean;
}

export interface ClaimSideOut extends Citation {
  party: string | null;
  partyKey: string | null;
  kind: 'claim' | 'denial';
  text: string;
  date: string | null;
  dateText: string;
  unverified: boolean;
}

export interface ReportDispute {
  /** The relations of the links joined into it, e.g. ["denies"]. */
  relations: ClaimRelation[];
  /** The claims made… */
  claims: ClaimSideOut[];
  /** …and what denies or contradicts them, side by side. */
  counters: ClaimSideOut[];
  /** The links found, as [index into claims, index into counters]: which counter answers which claim. */
  pairs: Array<[number, number]>;
  /** Places both sides are about. */
  places: NamedKey[];
  /** Other entities both sides are about. */
  about: NamedKey[];
}

/** A claim worth a reader's eye that nothing in the corpus answers: control of a place, an unverified assertion. */
export interface ReportClaim extends ClaimSideOut {
  control: { action: ControlAction; place: string; placeKey: string | null } | null;
}

export interface ReportFigurePoint extends Citation {
  date: string | null;
  dateText: string;
  value: number;
  valueMax: number | null;
  qualifier: string | null;
  /** "over 1,300 km²" */
  valueText: string;
  text: string;
  counted: string | null;
  party: string | null;
  partyKey: string | null;
}

export interface ReportFigure {
  series: string;
  unit: string;
  /** What it counts, in the words of its most specific point. */
  counted: string;
  place: NamedKey | null;
  /** Dated points in date order, then the undated ones. */
  points: ReportFigurePoint[];
  /**
   * From the earliest to the latest dated point; null when fewer than two
   * points have a full calendar date (the order of the others is not known).
   */
  change: { from: number; to: number; delta: number; fromDate: string; toDate: string } | null;
}

export interface ReportPlace {
  key: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  kind: string;
  /** Mentions in the report's articles. */
  mentions: number;
  articles: number;
  refs: number[];
}

export interface SituationReport {
  period: ReportPeriod;
  /** The story asked for, when one was. */
  story: string | null;
  generatedFrom: {
    /** Articles in the report's scope, and how their dates are known. */
    articles: number;
    stories: number;
    outlets: number;
    exactDates: number;
    inferredDates: number;
    unknownDates: number;
    /** Articles in the store. */
    corpus: number;
  };
  generatedAt: string | null;
  /** The headline summary: a few sentences a reader sees first. */
  headline: string[];
  stories: ReportStory[];
  keyEvents: ReportEvent[];
  quotes: ReportQuote[];
  disputes: ReportDispute[];
  claims: ReportClaim[];
  figures: ReportFigure[];
  places: ReportPlace[];
  sources: ReportSource[];
}

export type { EntityType };
