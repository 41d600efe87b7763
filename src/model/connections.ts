/**
 * What the connect step finds across articles: the same quote in many
 * articles, claims set against counter-claims, figures as series, and the
 * timeline's events. Plain records, stored and exported as they are.
 */
import type { Claim, Quote } from './analysis.ts';

export interface QuoteAppearance {
  articleId: string;
  index: number;
  published: string | null;
  outlet: string | null;
  kind: Quote['kind'];
  text: string;
  speaker: string | null;
  /** The channel this article credits ("Tass", "Kyiv Independent"), as written. */
  channel: string | null;
  channelEntity: string | null;
  /** Another article in the corpus that published this quote under the credited channel: who it was copied from. */
  creditedArticle: string | null;
  /**
   * How `creditedArticle` was found: its outlet is the credited channel
   * (`outlet`), or — its outlet unknown — it is the only other article
   * carrying the quotation in quotation marks (`wording`, a likely origin,
   * not a certain one).
   */
  creditedBy: 'outlet' | 'wording' | null;
}

export interface QuoteGroup {
  /** `${articleId}:${index}` of the smallest appearance key: the same whatever the arrival order. */
  id: string;
  /** The fullest wording (the longest direct quotation; else the longest of any kind). */
  text: string;
  /** The speaker's entity key, the one most appearances give; null when none names one. */
  speaker: string | null;
  /** Oldest first (undated last), then by article id. */
  appearances: QuoteAppearance[];
  /** The earliest dated appearance, or null when no appearance is dated. */
  earliest: { articleId: string; index: number; published: string } | null;
}

export type ClaimRelation = 'denies' | 'retracts' | 'contradicts' | 'confirms';

export interface ClaimSide {
  articleId: string;
  index: number;
  date: string | null;
  party: string | null;
  partyText: string | null;
  kind: Claim['kind'];
  text: string;
}

export interface ClaimLink {
  /** The earlier side (by date, then article id). */
  a: ClaimSide;
  b: ClaimSide;
  relation: ClaimRelation;
  /** What both sides are about: the entity keys they share. */
  shared: string[];
}

export interface SeriesPoint {
  articleId: string;
  index: number;
  /** The date the figure holds for (its own, else the article's), or null. */
  date: string | null;
  value: number;
  valueMax: number | null;
  qualifier: string | null;
  text: string;
  counted: string | null;
  /** Entity key of who gives the figure, when known. */
  party: string | null;
  partyText: string | null;
}

export interface FigureSeries {
  /** `${articleId}:${index}` of its smallest point key: the same whatever order figures arrive in. */
  id: string;
  unit: string;
  /** What the series counts, in the words of its most specific point. */
  subject: string;
  /** The most specific place the series is about, when any. */
  place: string | null;
  /** In time order (undated last). */
  points: SeriesPoint[];
}

export interface TimelineSource {
  articleId: string;
  sentence: number;
  /** The sentence's span in its article's text. */
  start: number;
  end: number;
}

export interface TimelineEntry {
  /** TIMEX3 value of the event's date: `2024-07-17`, `2024-05`, `2024-SU`, `2025`. */
  date: string;
  /** day, week, month, season, quarter, year… */
  precision: string;
  /** Whether the text itself dates the event, or it takes its article's date. */
  dated: 'stated' | 'article';
  /** The wording of the most representative source sentence. */
  text: string;
  sources: TimelineSource[];
  /** Entity keys named in the event's sentences (places, people, organisations, units). */
  entities: string[];
  /** Higher is more important; used to pick the top dates and the top sentences of a date. */
  score: number;
}

/** Articles about the same event. */
export interface StoryRecordOut {
  /** Stable: derived from its earliest article, so processes agree. */
  id: string;
  title: string;
  /** A short extractive summary. */
  summary: string;
  /** First and last day its articles were published (or report), ISO dates; null when unknown. */
  dates: { start: string; end: string } | null;
  articles: string[];
  /** Articles that are not copies of, or credited to, another article of the story (one outlet counts once). */
  independentSources: number;
  /** The thread (ongoing subject) it belongs to, if any. */
  thread: string | null;
}

/** Stories about the same ongoing subject: the battle for Pokrovsk. */
export interface ThreadRecord {
  id: string;
  title: string;
  /** Story ids, earliest first. */
  stories: string[];
  articles: string[];
}

/** One corpus pass's findings, stored together. */
export interface CorpusConnections {
  stories: StoryRecordOut[];
  threads: ThreadRecord[];
  quotes: QuoteGroup[];
  claimLinks: ClaimLink[];
  figureSeries: FigureSeries[];
  events: TimelineEntry[];
}

/** An event's id: its date and its first source sentence, which no other event shares. */
export function eventId(e: Pick<TimelineEntry, 'date' | 'sources'>): string {
  const first = e.sources[0]!;
  return `${e.date}|${first.articleId}:${first.sentence}`;
}
