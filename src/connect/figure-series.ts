/**
 * Figure series: figures about the same quantity — same unit, same counted
 * thing, same place — across articles and dates, ordered in time, so a
 * reader sees a number move from week to week and from source to source
 * (the territory Ukraine says it holds in the Kursk region: 1,250 km² in
 * August, over 1,300 km² in the autumn).
 *
 * Two figures measure the same quantity when:
 * - their units are equal (km² never meets km; people never meet troops);
 * - both are stocks or both are rates ("600 people a day" is not a
 *   population);
 * - their places agree: the same place, or one is the country the other is
 *   in (a figure "in Russia" and one "in the Kursk region"), or one names no
 *   place at all and the other is in the same article's main place;
 * - and what they count shares its content words ("settlements in the Kursk
 *   region" / "settlements"; "Russian territory" / "territory in Kursk").
 * Hypothetical numbers never enter a series.
 */
import type { Figure, FigureSeries, SeriesPoint } from '../model/index.ts';
import { dice, foldedWords } from './words.ts';

export interface SeriesPlace {
  key: string;
  /** ISO country code of the place, when known. */
  country: string | null;
  /** `country` for a country itself; the country test needs to know which side is the country. */
  kind: string | null;
}

export interface FigureSeriesInput {
  articleId: string;
  index: number;
  /** The article's date, for figures whose own date is unknown. */
  published: string | null;
  figure: Figure;
  /** Places named in the figure's counted phrase, else in its sentence (most specific first). */
  places: SeriesPlace[];
}

/** Units that measure land: in a war's reporting, territory held, taken or lost. */
const AREA_UNITS = new Set(['km2']);

/** Share of content-word stems (Dice) two counted phrases need to be the same thing counted. */
const SAME_SUBJECT_MIN_DICE = 0.3;

/** Counted phrases that make a figure a rate, not a stock. */
const RATE = /\b(?:a|per|each|every)\s+(?:day|week|month|year|hour)\b|\b(?:daily|weekly|monthly|annually|hourly)\b/i;

/**
 * Words that say nothing of *what* is counted once unit and place are
 * compared on their own: function words; the unit's own nouns (the unit
 * already says people, troops); and time words ("still", "before the war"),
 * since the date is what a series varies over.
 */
const STOP = new Set(
  ('a an the of in on at to into from for with by and or its their his her our some about ' +
    'people persons individuals residents inhabitants civilians troops soldiers servicemen forces ' +
    'still now currently remaining remain before after since ago during war').split(' '),
);

/**
 * Content stems of a counted phrase. Capitalised words are left out too:
 * they are places and nationalities ("in Pokrovsk", "Russian territory"),
 * which the places of the figure compare better than words do.
 */
function stems(text: string | null): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  for (const word of text.split(/[^\p{L}\p{N}'’-]+/u)) {
    if (!word || /^\p{Lu}/u.test(word)) continue;
    for (const w of foldedWords(word)) if (!STOP.has(w)) out.add(w.slice(0, 6));
  }
  return out;
}

function placesAgree(a: readonly SeriesPlace[], b: readonly SeriesPlace[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  for (const x of a) {
    for (const y of b) {
      if (x.key === y.key) return true;
      if (x.kind === 'country' && x.country !== null && x.country === y.country) return true;
      if (y.kind === 'country' && y.country !== null && y.country === x.country) return true;
    }
  }
  return false;
}

interface Prepared {
  input: FigureSeriesInput;
  key: string;
  rate: boolean;
  subject: Set<string>;
  date: string | null;
}

export function sameQuantity(a: Prepared, b: Prepared): boolean {
  const fa = a.input.figure;
  const fb = b.input.figure;
  if (fa.unit !== fb.unit || a.rate !== b.rate) return false;
  // One article listing several numbers of one unit ("30, 60, 100 kilometers") gives several quantities, not a series.
  if (a.input.articleId === b.input.articleId && fa.value !== fb.value) return false;
  const placesKnown = a.input.places.length > 0 && b.input.places.length > 0;
  if (placesKnown && !placesAgree(a.input.places, b.input.places)) return false;
  // An area says what it measures (land); its counted words vary with the verb ("expanded … into Russia", "of Russian territory").
  if (AREA_UNITS.has(fa.unit)) return placesKnown;
  if (a.subject.size > 0 && b.subject.size > 0) return dice(a.subject, b.subject) >= SAME_SUBJECT_MIN_DICE;
  // With nothing said of what one of them counts, only a shared place can make them one quantity.
  return placesKnown;
}

/**
 * Look-up keys of a figure, each under its unit: its places, their
 * countries, and the stems of what it counts. Two figures of one quantity
 * share a place, a country (one is the country the other is in) or a word
 * of what they count, so they share a key.
 */
export function figureKeys(input: FigureSeriesInput): string[] {
  const p = prepare(input);
  const unit = `${input.figure.unit}${p.rate ? '/rate' : ''}`;
  const keys = new Set<string>();
  for (const place of input.places) {
    keys.add(`${unit}|p:${place.key}`);
    if (place.country) keys.add(`${unit}|c:${place.country}`);
  }
  for (const s of p.subject) keys.add(`${unit}|s:${s}`);
  return [...keys];
}

function prepare(input: FigureSeriesInput): Prepared {
  const counted = input.figure.counted;
  return {
    input,
    key: `${input.articleId}:${input.index}`,
    rate: RATE.test(counted ?? '') || RATE.test(input.figure.text),
    subject: stems(counted),
    date: input.figure.date ?? input.published,
  };
}

function byDate(a: Prepared, b: Prepared): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Groups figures into series. A figure joins the first series (oldest
 * first) whose every point it agrees with — not just one, so that a chain of
 * loose likenesses never joins two different quantities. Points are taken in
 * date order, so the grouping does not depend on the order they were given.
 */
export function buildFigureSeries(inputs: readonly FigureSeriesInput[], options: { minPoints?: number } = {}): FigureSeries[] {
  const prepared = inputs.filter((i) => !i.figure.hypothetical).map(prepare).sort(byDate);
  const series: Prepared[][] = [];
  for (const point of prepared) {
    const home = series.find((s) => s.every((member) => sameQuantity(member, point)));
    if (home) home.push(point);
    else series.push([point]);
  }
  return series
    .filter((s) => s.length >= (options.minPoints ?? 1))
    .map(toSeries)
    .sort((a, b) => b.points.length - a.points.length || (a.id < b.id ? -1 : 1));
}

function toSeries(members: Prepared[]): FigureSeries {
  const specific = [...members].sort((a, b) => b.subject.size - a.subject.size || (a.key < b.key ? -1 : 1))[0]!;
  const placeVotes = new Map<string, number>();
  for (const m of members) {
    const first = m.input.places.find((p) => p.kind !== 'country') ?? m.input.places[0];
    if (first) placeVotes.set(first.key, (placeVotes.get(first.key) ?? 0) + 1);
  }
  return {
    id: members.map((m) => m.key).sort()[0]!,
    unit: members[0]!.input.figure.unit,
    subject: specific.input.figure.counted ?? specific.input.figure.unit,
    place: [...placeVotes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null,
    points: members.map((m) => ({
      articleId: m.input.articleId,
      index: m.input.index,
      date: m.date,
      value: m.input.figure.value,
      valueMax: m.input.figure.valueMax,
      qualifier: m.input.figure.qualifier,
      text: m.input.figure.text,
      counted: m.input.figure.counted,
      party: m.input.figure.party?.entity ?? null,
      partyText: m.input.figure.party?.text ?? null,
    })),
  };
}
