/**
 * What the analysis of one article produces. Offsets are JavaScript string
 * indices into the article's clean `text`; spans are end-exclusive.
 */
import type { PublishedDate, PublishedRange } from './article.ts';

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
  /**
   * Set when the year was not in the article nor its date but came from the
   * corpus: the corpus-level dating pass (`connect/corpus-dates`) read it from
   * other articles' evidence (a weekday another article names for the same
   * statement, within the years the corpus's dated evidence covers).
   */
  yearFrom?: 'corpus';
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
  published: PublishedDate & { range?: PublishedRange };
  quotes: Quote[];
  claims: Claim[];
  figures: Figure[];
}

// ---------------------------------------------------------------------------
// Attribution: who said what (quotes, claims, denials, control claims) and
// figures. Each is tied to the sentence it came from, so every fact on every
// face can link back to its words.

/** A span with its text, so a record reads on its own: `text === analysis.text.slice(start, end)`. */
export interface TextSpan extends Span {
  text: string;
}

/**
 * Who a quote or a claim is attributed to. `entity` is an `ArticleEntity.key`
 * when the source is a known entity (pronouns and roles resolved to it);
 * null for unnamed sources ("one officer", "analysts", "officials"), whose
 * words are kept in `description`.
 */
export interface SourceSpan extends TextSpan {
  entity: string | null;
  /** How the source was found: its own name, a pronoun or role resolved to the last speaker, or an unnamed description. */
  kind: 'named' | 'pronoun' | 'role' | 'unnamed';
  /** For unnamed sources: the describing words ("one officer", "Ukrainian officials"). */
  description?: string;
}

/**
 * The medium a statement reached the article through, when the text says so:
 * "the state agency Tass quoted him as saying", "per a translation from the
 * Kyiv Independent", "Die Welt reports", "he wrote on X".
 */
export interface ChannelSpan extends TextSpan {
  /** `ArticleEntity.key` of the outlet or platform, when it is a known entity. */
  entity: string | null;
}

export interface Quote {
  /**
   * `direct`: words inside quotation marks attributed to a speaker;
   * `partial`: a quoted fragment inside reported speech (said Russian forces
   * are "throwing everything they have"); `reported`: indirect speech with no
   * quotation marks (X said that …, according to X, …).
   */
  kind: 'direct' | 'partial' | 'reported';
  /** What was said: inside the quotation marks for direct and partial quotes. */
  content: TextSpan;
  /** The attribution verb or phrase: "said", "told", "according to", "quoted him as saying". */
  cue: TextSpan | null;
  speaker: SourceSpan | null;
  /** TIMEX3 value of when it was said, when the text says so ("on July 17"); else null. */
  saidOn: string | null;
  channel: ChannelSpan | null;
  /** Index into `Analysis.sentences` of the sentence holding the content's start. */
  sentence: number;
}

/** Flags an article attaches to a claim. */
export interface ClaimFlags {
  /** "has not been verified by an independent source", "could not be independently verified". */
  unverified: boolean;
  /** "reportedly", "allegedly", "is said to". */
  reported: boolean;
  /** "did not immediately respond to a request for comment". */
  noResponse: boolean;
}

/** What a control claim says happened to a place. */
export type ControlAction = 'captured' | 'liberated' | 'retaken' | 'surrounded' | 'attacked' | 'advanced';

export interface ControlClaim {
  action: ControlAction;
  /** The place the claim is about. */
  place: TextSpan & { entity: string | null };
  /** For `advanced`: how far from the place the front is said to be, in km, when stated ("10km from the city's outskirts"). */
  distanceKm: number | null;
}

export interface Claim {
  /** `claim`: asserted as fact; `denial`: a party denies a proposition. */
  kind: 'claim' | 'denial';
  /** The proposition claimed or denied. */
  content: TextSpan;
  cue: TextSpan | null;
  party: SourceSpan | null;
  /** TIMEX3 value of the date the claim was made or is about, when the text gives it. */
  date: string | null;
  flags: ClaimFlags;
  /** Set when the claim is about control of a place: what a front-line map of claims is drawn from. */
  control: ControlClaim | null;
  sentence: number;
}

export interface Figure extends TextSpan {
  /** The number (for a range "50 to 60", the low end; "almost half" → 0.5 with unit `fraction`). */
  value: number;
  /** The high end of a range, else null. */
  valueMax: number | null;
  /**
   * Normalised unit: `km`, `km2`, `people`, `troops`, `settlements`,
   * `brigades`, `bridges`, `percent`, `fraction`, `usd`, … or `count` when
   * nothing more specific is known. Miles are converted to km.
   */
  unit: string;
  /** What is counted or measured: "settlements in the Kursk region", "individuals still residing in Pokrovsk". */
  counted: string | null;
  /** approximately, over, up to, almost, at least, more than, less than … or null. */
  qualifier: string | null;
  /** TIMEX3 value of the date the figure holds for (the sentence's time when not stated). */
  date: string | null;
  /** Who gives the figure, when it sits inside an attribution. */
  party: SourceSpan | null;
  /** A hypothetical or rhetorical number ("if three out of the 14 are fully equipped"): not a count of anything. */
  hypothetical: boolean;
  sentence: number;
}
