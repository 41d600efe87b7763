/**
 * What the analysis of one article produces. Offsets are JavaScript string
 * indices into the article's clean `text`; spans are end-exclusive.
 */
import type { PublishedDate } from './article.ts';

export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'person' | 'place' | 'organization' | 'unit' | 'outlet';

/** Where a place is: enough to put it on a map and tell namesakes apart. */
export interface PlaceInfo {
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 country code. */
  country: string | null;
  /** First-level division as named in the gazetteer ("Donetsk Oblast"), when known. */
  region: string | null;
  /** city, town, village, region, country, river, … */
  kind: string;
  /** Gazetteer record the place was resolved to (`geonames:703845`, `sitrep:levadne`). */
  gazetteerId: string;
}

/** One entity as this article knows it: its mentions share `key`. */
export interface ArticleEntity {
  /**
   * Stable across articles for the same referent: derived from the canonical
   * name (`person:volodymyr zelensky`, `place:geonames:703845`), so the corpus
   * registry can join articles on it.
   */
  key: string;
  type: EntityType;
  /** Display name: the fullest, most standard form seen ("Volodymyr Zelensky", "Kyiv"). */
  name: string;
  /** Every surface form used in this article (spellings, surname-only, roles resolved to it). */
  variants: string[];
  place?: PlaceInfo;
}

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** `ArticleEntity.key` of the entity the mention refers to. */
  entity: string;
  /** How the mention was tied to its entity: its own name, a surname, a role ("the president"), a pronoun. */
  via?: 'name' | 'surname' | 'role' | 'alias';
}

/** TimeML TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3 value: `2024-07-31`, `2024-05`, `2024-W30`, `2024-SU`, `P2W`, `PRESENT_REF`, `XXXX-07-30`… */
  value: string;
  /** TIMEX3 modifier: START, MID, END, MORE_THAN, LESS_THAN, APPROX, BEFORE, AFTER… or null. */
  mod: string | null;
  /** Finest unit the value states: year, season, quarter, month, week, day, hour, minute… */
  granularity: string;
  /** What a relative expression was resolved against: the article's date, a statement's date, or none (absolute). */
  anchor: 'document' | 'statement' | 'none';
}

export interface SentenceTime {
  /** Index into `sentences`. */
  sentence: number;
  /** TIMEX3 value of the date the sentence talks about, or null when unknown. */
  value: string | null;
  /** Index into `times` of the expression it came from, or null when it is the article's date. */
  from: number | null;
}

export interface Analysis {
  text: string;
  sentences: Span[];
  entities: EntityMention[];
  /** The entities the mentions belong to, one per key. */
  entityIndex: ArticleEntity[];
  times: TimeExpression[];
  sentenceTimes: SentenceTime[];
  /** The publication date as analysis sees it: the article's own, or inferred from the text. */
  published: PublishedDate & { range?: { earliest: string; latest: string } };
}
