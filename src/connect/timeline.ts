/**
 * The timeline: dated events taken from the articles' sentences, ordered by
 * the date of the event (not of the article), the same event reported by
 * several articles merged into one entry with all its sources.
 *
 * An event is a sentence and the date it talks about (analysis gives each
 * sentence its time: the date it states, else the article's date). Two
 * sentences of different articles are one event when they fall on the same
 * date and say the same thing (most of their content words, or the same
 * places and people and a shared action word). Entries are ranked within a
 * date by what makes an event matter to a reader — how many sources carry
 * it, whether the text dates it explicitly, the places, people and figures
 * in it, how early in its article it comes — so a timeline can be cut to the
 * N most important dates, or K sentences a date.
 */
import type { EntityMention, EntityType, SentenceTime, Span, TimeExpression, TimelineEntry, TimelineSource } from '../model/index.ts';
import { dateStart } from '../model/timex-order.ts';
import { quoteWords } from './quote-provenance.ts';

export interface TimelineArticle {
  articleId: string;
  /** The article's date (TIMEX3-like: `2024-07-31`, `2024-08`, `2025`), or null when unknown. */
  published: string | null;
  text: string;
  sentences: Span[];
  sentenceTimes: SentenceTime[];
  times: TimeExpression[];
  entities: Array<Pick<EntityMention, 'start' | 'end' | 'entity' | 'type'>>;
  /** Spans of figures in the text (a sentence with a number in it is more of an event). */
  figures?: Span[];
}

export { dateStart };

export interface TimelineOptions {
  /** Keep only the N most important dates (all of their entries that pass `perDate`). */
  top?: number;
  /** At most this many entries a date, best first. */
  perDate?: number;
  /** Only events whose sentences name this entity key (or one of these). */
  entities?: readonly string[];
}

/**
 * Sentences shorter than this many words are headlines, captions and
 * fragments ("‘Battle of the bridges’"), not reports of an event.
 */
const MIN_EVENT_WORDS = 6;

/** Share of content words (Dice) two sentences on one date must share to be one event told twice. */
const SAME_EVENT_MIN_DICE = 0.45;

/** With the same places/people in both, a lower overlap suffices: a shared action word and these. */
const SAME_EVENT_WITH_ENTITIES_MIN_DICE = 0.25;

/** Entity types that make two sentences about the same happening (not outlets: who reports it says nothing of what). */
const EVENT_ENTITY_TYPES = new Set<EntityType>(['place', 'person', 'organization', 'unit']);

/**
 * Score weights. Each extra source counts most: the press agreeing that it
 * happened is the best sign it matters. An explicitly dated sentence is a
 * deliberate report of an event; an article-dated one may be background.
 * Named places, people and figures make an event concrete; lead sentences
 * carry the news.
 */
const SCORE = { perSource: 3, statedDate: 2, perEntity: 0.5, maxEntities: 4, figure: 1, lead: 1.5, leadSentences: 3 } as const;

const STOP = new Set(
  ('a an the and or but of to in on at by for with from into that this it its is are was were be been has have had ' +
    'he she they we his her their our as not no also said says told according').split(' '),
);

interface Candidate {
  date: string;
  precision: string;
  order: string;
  dated: TimelineEntry['dated'];
  text: string;
  source: TimelineSource;
  entities: Set<string>;
  stems: Set<string>;
  baseScore: number;
}

function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of quoteWords(text)) if (!STOP.has(w) && w.length > 2) out.add(w.slice(0, 6));
  return out;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function sharesAll(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (!large.has(x)) return false;
  return true;
}

/** The events one article contributes: each sentence that reports something, with its date. */
export function articleEvents(article: TimelineArticle): Candidate[] {
  const out: Candidate[] = [];
  for (const st of article.sentenceTimes) {
    const span = article.sentences[st.sentence];
    if (!span) continue;
    const value = st.value ?? article.published;
    if (value === null) continue;
    const start = dateStart(value);
    if (!start) continue;
    const text = article.text.slice(span.start, span.end).trim();
    if (quoteWords(text).length < MIN_EVENT_WORDS) continue;
    const entities = new Set<string>();
    for (const m of article.entities) {
      if (m.start >= span.start && m.end <= span.end && EVENT_ENTITY_TYPES.has(m.type)) entities.add(m.entity);
    }
    const hasFigure = (article.figures ?? []).some((f) => f.start >= span.start && f.end <= span.end);
    const dated = st.from === null ? 'article' : 'stated';
    const precision = st.from !== null ? (article.times[st.from]?.granularity ?? start.precision) : start.precision;
    out.push({
      date: value.length > 10 && start.precision === 'day' ? value.slice(0, 10) : value,
      precision,
      order: start.key,
      dated,
      text,
      source: { articleId: article.articleId, sentence: st.sentence, start: span.start, end: span.end },
      entities,
      stems: stemsOf(text),
      baseScore:
        (dated === 'stated' ? SCORE.statedDate : 0) +
        Math.min(entities.size, SCORE.maxEntities) * SCORE.perEntity +
        (hasFigure ? SCORE.figure : 0) +
        (st.sentence < SCORE.leadSentences ? SCORE.lead : 0),
    });
  }
  return out;
}

function sameEvent(a: Candidate, b: Candidate): boolean {
  if (a.date !== b.date || a.source.articleId === b.source.articleId) return false;
  const overlap = dice(a.stems, b.stems);
  if (overlap >= SAME_EVENT_MIN_DICE) return true;
  return overlap >= SAME_EVENT_WITH_ENTITIES_MIN_DICE && sharesAll(a.entities, b.entities);
}

/**
 * Builds the timeline of a set of articles (the corpus, a story, a thread).
 * Deterministic: articles are taken in id order, so the result does not
 * depend on the order they were given in.
 */
export function buildTimeline(articles: readonly TimelineArticle[], options: TimelineOptions = {}): TimelineEntry[] {
  const sorted = [...articles].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  const groups: Candidate[][] = [];
  const byDate = new Map<string, Candidate[][]>();
  for (const article of sorted) {
    for (const event of articleEvents(article)) {
      const sameDate = byDate.get(event.date) ?? [];
      // One sentence an article per event: an article telling the same thing twice is not a second source.
      const group = sameDate.find(
        (g) => !g.some((member) => member.source.articleId === event.source.articleId) && g.some((member) => sameEvent(member, event)),
      );
      if (group) group.push(event);
      else {
        const fresh = [event];
        groups.push(fresh);
        sameDate.push(fresh);
        byDate.set(event.date, sameDate);
      }
    }
  }
  return selectTimeline(groups.map(toEntry), options);
}

/**
 * Picks from timeline entries what a reader asked for: the events naming an
 * entity, at most K a date, the N most important dates; in date order.
 */
export function selectTimeline(all: readonly TimelineEntry[], options: TimelineOptions = {}): TimelineEntry[] {
  const wanted = options.entities ? new Set(options.entities) : null;
  let entries = all.filter((e) => !wanted || e.entities.some((k) => wanted.has(k)));
  entries.sort((a, b) => b.score - a.score || compareEntries(a, b));

  if (options.perDate !== undefined) {
    const perDate = new Map<string, number>();
    entries = entries.filter((e) => {
      const n = perDate.get(e.date) ?? 0;
      perDate.set(e.date, n + 1);
      return n < options.perDate!;
    });
  }
  if (options.top !== undefined) {
    const best = new Map<string, number>();
    for (const e of entries) best.set(e.date, Math.max(best.get(e.date) ?? -Infinity, e.score));
    const keep = new Set([...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.top).map(([d]) => d));
    entries = entries.filter((e) => keep.has(e.date));
  }
  return entries.sort(compareEntries);
}

/** By the event's date; a coarser date (May) before the days within it; then the better entry first. */
function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  const sa = dateStart(a.date)!.key;
  const sb = dateStart(b.date)!.key;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.date !== b.date) return a.date.length - b.date.length || (a.date < b.date ? -1 : 1);
  if (a.score !== b.score) return b.score - a.score;
  const fa = a.sources[0]!;
  const fb = b.sources[0]!;
  return fa.articleId < fb.articleId ? -1 : fa.articleId > fb.articleId ? 1 : fa.sentence - fb.sentence;
}

function toEntry(group: Candidate[]): TimelineEntry {
  const best = [...group].sort((a, b) => b.baseScore - a.baseScore || b.text.length - a.text.length)[0]!;
  const articles = new Set(group.map((c) => c.source.articleId));
  const entities = new Set<string>();
  for (const c of group) for (const e of c.entities) entities.add(e);
  return {
    date: best.date,
    precision: best.precision,
    dated: group.some((c) => c.dated === 'stated') ? 'stated' : 'article',
    text: best.text,
    sources: group.map((c) => c.source),
    entities: [...entities].sort(),
    score: best.baseScore + (articles.size - 1) * SCORE.perSource,
  };
}
