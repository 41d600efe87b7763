/**
 * The records story grouping reads and writes. Input is one plain record per
 * article (what the clean article and its analysis say); the state is plain
 * JSON-serialisable data, so a store can persist it and another process can
 * carry on from it.
 */
import type { EntityType } from '../../model/index.ts';

/** A publication date as the article knows it: a day, a month, a year, or a range; null when unknown. */
export interface StoryDate {
  /** ISO `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a timestamp; null when only a range is known. */
  value: string | null;
  /** An inferred date's range; either end may be open (null). */
  range?: { earliest: string | null; latest: string | null } | undefined;
}

/** One entity the article mentions, with how often: `ArticleEntity` plus a mention count. */
export interface StoryEntity {
  key: string;
  type: EntityType;
  name: string;
  mentions: number;
  /** Set for places resolved on the map. */
  place?: { lat: number; lon: number; kind: string; country: string | null } | null | undefined;
  /** The forms the text names it by, when analysis lists them ("Cole" of a gazetteer town "Kiliya"). */
  variants?: readonly string[] | undefined;
}

/** A TIMEX3 expression found in the text (`TimeExpression` is enough). */
export interface StoryTime {
  type: string;
  value: string;
}

/** A figure, loosely typed so grouping works with or without the figure analysis. */
export interface StoryFigure {
  value: number;
  unit: string;
  counted?: string | null | undefined;
}

/** A quote, loosely typed: only its words and the channel it came through are used. */
export interface StoryQuote {
  content: string;
  /** The outlet or platform the article credits for it ("Kyiv Independent", "Tass"), when it says so. */
  channel?: string | null | undefined;
}

/** Everything story grouping needs of one article. */
export interface StoryArticle {
  id: string;
  title: string;
  /** Clean body text. */
  text: string;
  published: StoryDate | null;
  language: string | null;
  outlet: string | null;
  entities: readonly StoryEntity[];
  times: readonly StoryTime[];
  figures?: readonly StoryFigure[] | undefined;
  quotes?: readonly StoryQuote[] | undefined;
  /** Sentence spans of `text` (from analysis), used for the summary; split simply when absent. */
  sentences?: readonly { start: number; end: number }[] | undefined;
  /** The earlier article this one copies (near-duplicate or rewrite), as ingest found it. */
  duplicateOf?: string | null | undefined;
}

/** A span of days, inclusive, as ISO dates. */
export interface DateSpan {
  start: string;
  end: string;
}

/**
 * What is kept of an article once it is placed: enough to compare later
 * articles with it and to describe its story, not its text.
 */
export interface ArticleFeatures {
  id: string;
  title: string;
  outlet: string | null;
  language: string | null;
  /** Stemmed content words → weight (title words count extra). */
  terms: Record<string, number>;
  /** Entity keys → weight (mentions, title mentions extra); countries and continents left out as too general. */
  entities: Record<string, number>;
  /** Display names of those entities, to name threads. */
  entityNames: Record<string, string>;
  /** Which of those entities are places (threads are named after places first). */
  placeKeys: string[];
  /** Specific places on the map (towns, cities, districts…): what tells two same-kind events apart. */
  places: { key: string; lat: number; lon: number; weight: number; kind: string }[];
  /** Figures as `unit:value` tokens ("km2:1250"): the same numbers reported are a sign of the same event. */
  figures: string[];
  /** When the article's event happened, as precisely as the article lets us say, in epoch days. */
  when: { start: number; end: number; precision: 'day' | 'month' | 'year' } | null;
  /**
   * The latest year the text names (or its publication year): a weak clue to
   * when its event was, for articles without a date — reports of one event
   * mostly name the same recent year.
   */
  latestYear: number | null;
  /** The publication date span, when known, as ISO days. */
  published: DateSpan | null;
  /** Leading sentences, candidates for the story's summary. */
  lead: string[];
  /** Stemmed terms of each lead sentence, to rank them against the story. */
  leadTerms: string[][];
  /** Lowercased names of outlets and channels the article credits ("according to …", quote channels). */
  credits: string[];
  duplicateOf: string | null;
}

export interface StoryRecord {
  /** Stable: derived from its earliest article (by date, then id). */
  id: string;
  /** Article ids, sorted. */
  articles: string[];
}

export interface StoryState {
  version: 1;
  /** How many articles have been placed (the N of the document frequencies). */
  documents: number;
  /** Document frequency of each term and each entity key (entity keys prefixed `@`). */
  df: Record<string, number>;
  articles: Record<string, ArticleFeatures>;
  /** Article id → the key of its story in `stories`. */
  storyOf: Record<string, string>;
  /** Internal story key → story. The key is never shown; `StoryRecord.id` is. */
  stories: Record<string, StoryRecord>;
  /** Feature (rare term or entity key) → article ids: the index candidate stories are looked up in. */
  postings: Record<string, string[]>;
  /** Next internal story key. */
  nextKey: number;
}

/** A story as a reader sees it. */
export interface Story {
  id: string;
  title: string;
  summary: string;
  /** First and last day its articles were published (or, without dates, the days they report); null when unknown. */
  dates: DateSpan | null;
  articles: string[];
  /** Articles that are not copies of, or credited to, another article of the story (same outlet counts once). */
  independentSources: number;
}

export interface Thread {
  id: string;
  /** The entity (or words) the stories share most: "Pokrovsk". */
  title: string;
  /** Story ids, earliest first. */
  stories: string[];
  articles: string[];
}
