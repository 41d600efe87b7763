/**
 * How alike two articles are as reports of one event: TF-IDF cosine over
 * words and over entities (document frequencies as they stand when asked, so
 * they improve as the corpus grows), discounted when the events' dates or
 * places are far apart, or when each names its own people — two earthquakes
 * share every word but "where" and "when", two title fights all but the
 * challenger.
 */
import { variantKey } from '../../analyze/entities/variant-key.ts';
import { daysApart } from './dates.ts';
import { contentTerms } from './terms.ts';
import type { ArticleFeatures } from './types.ts';

/**
 * Weight of an entity (person, specific place, organisation, date named,
 * figure) beside a word: entities go into the same vector as the words, as
 * features of their own (`@key`) on top of the words of their names. Half a
 * word: the name's words already count it, and the keys carry the tagger's
 * mistakes ("Klitschko" a place, "Hawaiian Gardens" a person), so at a full
 * word they ruled the score — on ECB+'s odd topics 0.5 held B-cubed F1 at
 * 91–92 over join thresholds 0.10–0.14, where 1 fell off past 0.11 (and on
 * the held-out even topics from 0.11 on).
 */
export const ENTITY_WEIGHT = 0.5;
/** Reports of one event are published within about two weeks of each other (and of the dates they name). */
const SAME_EVENT_DAYS = 14;
/**
 * Beyond that, the score falls by this much per e-fold of the gap: a month
 * and a half apart keeps ~0.85 (follow-ups of one event), a year ~0.5,
 * several years the floor (the same kind of event, another time).
 */
const DATE_DECAY_PER_LOG = 0.15;
/** No lower than this: an article can revisit an event long after, and dates are often guessed. */
const MIN_DATE_FACTOR = 0.3;
/** Two towns further apart than this are different scenes. */
const SAME_SCENE_KM = 80;
/** The score kept when both articles name specific places and none is near the other's. */
const PLACE_MISMATCH_FACTOR = 0.8;
/** Places compared per article: the most mentioned ones are where the event is. */
const PLACES_COMPARED = 3;

/** Key under which an entity's document frequency is kept, apart from words'. */
export const entityDfKey = (key: string): string => `@${key}`;

export interface IdfSource {
  documents: number;
  df: Record<string, number>;
}

/**
 * What a word every article shares still weighs in the IDF. Kept small: in a
 * small corpus a war's common words are in every article, and at the usual
 * +1 they would weigh half as much as an event's own words, so that any two
 * reports of the war look alike (the five samples all did); 0.3 keeps
 * them from vanishing entirely from large corpora.
 */
const IDF_FLOOR = 0.3;

/** Smoothed IDF, never below IDF_FLOOR. */
export function idf(source: IdfSource, dfKey: string): number {
  return Math.log((source.documents + 1) / ((source.df[dfKey] ?? 0) + 1)) + IDF_FLOOR;
}

export type Vector = Map<string, number>;

/** A unit-length TF-IDF vector. */
export function weighted(weights: Record<string, number>, source: IdfSource, dfKeyOf: (k: string) => string): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const key in weights) {
    const w = weights[key]! * idf(source, dfKeyOf(key));
    v.set(key, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, w] of v) v.set(k, w / norm);
  return v;
}

export function dot(a: Vector, b: Vector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let sum = 0;
  for (const [k, w] of a) {
    const other = b.get(k);
    if (other !== undefined) sum += w * other;
  }
  return sum;
}

const sameKey = (k: string) => k;

/** An article's words and entities as one unit TF-IDF vector under the current document frequencies. */
export type ArticleVectors = Vector;

export function vectorsOf(a: ArticleFeatures, source: IdfSource): ArticleVectors {
  const weights: Record<string, number> = { ...a.terms };
  for (const e in a.entities) weights[entityDfKey(e)] = a.entities[e]! * ENTITY_WEIGHT;
  // Terms and `@`-prefixed entity keys are both kept in `df` under these very keys.
  return weighted(weights, source, sameKey);
}

function kmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 1 when the dates agree (or one is unknown), less the further apart they are. */
export function dateFactor(a: ArticleFeatures, b: ArticleFeatures): number {
  if (!a.when || !b.when) return 1;
  const gap = daysApart(a.when, b.when);
  if (gap <= SAME_EVENT_DAYS) return 1;
  return Math.max(MIN_DATE_FACTOR, 1 - DATE_DECAY_PER_LOG * Math.log(gap / SAME_EVENT_DAYS));
}

/** 1 when the main places are near each other (or either names none), else a discount. */
export function placeFactor(a: ArticleFeatures, b: ArticleFeatures): number {
  if (a.places.length === 0 || b.places.length === 0) return 1;
  for (const p of a.places.slice(0, PLACES_COMPARED)) {
    for (const q of b.places.slice(0, PLACES_COMPARED)) {
      if (p.key === q.key || kmBetween(p, q) <= SAME_SCENE_KM) return 1;
    }
  }
  // A shared place further down either list still ties them a little.
  const keys = new Set(a.places.map((p) => p.key));
  return b.places.some((q) => keys.has(q.key)) ? (1 + PLACE_MISMATCH_FACTOR) / 2 : PLACE_MISMATCH_FACTOR;
}

/**
 * The score kept when each article names, more than in passing, a person the
 * other never names at all: two fights of one champion, each against its own
 * challenger; two firings at one team, each of its own coach. Within an ECB+
 * topic (two events of one kind) about 5% of the pairs reporting one event do
 * so, against about 30% of the pairs reporting its two events: a strong sign,
 * not a veto.
 */
const PERSON_CONFLICT_FACTOR = 0.5;
/** A person weighs this much (features: 1 + ln(mentions, the title counting extra)) when named twice or in the title. */
const NAMED_PERSON_WEIGHT = 1.5;
/**
 * A person named five times (or thrice and in the title) is whom the article
 * is about; a report of the same event that never names them is rarer (4% of
 * ECB+'s same-event pairs within a topic, 9–15% of the other pairs)…
 */
const CENTRAL_PERSON_WEIGHT = 2.5;
/** …so the score is discounted then too, less than when each names its own (the sign is three times weaker). */
const CENTRAL_PERSON_MISSING_FACTOR = 0.7;

/** A person as another article may name them: the surname spelt like the article's terms, and its spelling-independent form. */
interface NamedPerson {
  surname: string;
  form: string;
}

/**
 * The people an article names twice or more (`named`), those it is about
 * (`central`), and the spelling-independent forms of every word of every
 * person's name it has (`forms`): "Zelenskyy" in one article is "Zelensky"
 * in another.
 */
export interface ArticlePeople {
  named: NamedPerson[];
  central: NamedPerson[];
  forms: Set<string>;
}

export function peopleOf(a: ArticleFeatures): ArticlePeople {
  const named: NamedPerson[] = [];
  const central: NamedPerson[] = [];
  const forms = new Set<string>();
  for (const key in a.entities) {
    if (!key.startsWith('person:')) continue;
    const words = (a.entityNames[key] ?? key.slice('person:'.length)).split(/\s+/).filter((w) => w.length > 0);
    for (const w of words) forms.add(variantKey(w));
    const weight = a.entities[key]!;
    const last = words[words.length - 1];
    if (weight < NAMED_PERSON_WEIGHT || last === undefined) continue;
    // A name too short (or too common) to be a term cannot be looked for among the other's words.
    const surname = contentTerms(last, a.language)[0];
    if (surname === undefined) continue;
    const person = { surname, form: variantKey(last) };
    named.push(person);
    if (weight >= CENTRAL_PERSON_WEIGHT) central.push(person);
  }
  return { named, central, forms };
}

/** 1 unless an article names someone the other never names, in any of its words: each its own (a strong discount), or whom one is about (a weaker one). */
export function peopleFactor(a: ArticleFeatures, b: ArticleFeatures, pa: ArticlePeople = peopleOf(a), pb: ArticlePeople = peopleOf(b)): number {
  const missing = (people: readonly NamedPerson[], other: ArticleFeatures, otherPeople: ArticlePeople) =>
    people.some((p) => !(p.surname in other.terms) && !otherPeople.forms.has(p.form));
  if (missing(pa.named, b, pb) && missing(pb.named, a, pa)) return PERSON_CONFLICT_FACTOR;
  return missing(pa.central, b, pb) || missing(pb.central, a, pa) ? CENTRAL_PERSON_MISSING_FACTOR : 1;
}

/** Years apart (by the latest year each names) that make two undated reports of one event unlikely… */
const YEARS_APART_UNLIKELY = 2;
/** …and what is kept of the score then: years are a weak clue (an article names past years freely). */
const YEAR_MISMATCH_FACTOR = 0.7;

/** For groups without full dates: 1 when their usual years agree or are unknown, less when they differ. */
export function yearFactor(a: number | null, b: number | null): number {
  if (a === null || b === null) return 1;
  const gap = Math.abs(a - b);
  return gap >= YEARS_APART_UNLIKELY ? YEAR_MISMATCH_FACTOR : 1;
}

/** Words and entities, before dates and places. */
export function contentSimilarity(x: ArticleVectors, y: ArticleVectors): number {
  return dot(x, y);
}

/** How likely two articles report the same event, 0–1. */
export function eventSimilarity(a: ArticleFeatures, x: ArticleVectors, b: ArticleFeatures, y: ArticleVectors): number {
  return contentSimilarity(x, y) * peopleFactor(a, b) * dateFactor(a, b) * placeFactor(a, b);
}

/** Why two placed articles look alike or not, for diagnostics (`npm run eval:stories -- --diagnose`). */
export interface SimilarityParts {
  content: number;
  date: number;
  place: number;
  people: number;
  score: number;
  /** The shared words and entities that weigh most in `content`. */
  shared: string[];
}

/** The parts of the event similarity of two articles already in `state`, under its current document frequencies. */
export function explainSimilarity(state: IdfSource & { articles: Record<string, ArticleFeatures> }, a: string, b: string, top = 6): SimilarityParts | null {
  const fa = state.articles[a];
  const fb = state.articles[b];
  if (!fa || !fb) return null;
  const x = vectorsOf(fa, state);
  const y = vectorsOf(fb, state);
  const shared = [...x].filter(([k]) => y.has(k)).map(([k, w]) => [k, w * y.get(k)!] as const).sort((p, q) => q[1] - p[1]).slice(0, top).map(([k]) => k);
  const content = dot(x, y);
  const date = dateFactor(fa, fb);
  const place = placeFactor(fa, fb);
  const people = peopleFactor(fa, fb);
  return { content, date, place, people, score: content * people * date * place, shared };
}
