/**
 * Incremental story grouping. `assignStory` places one article: it looks up
 * candidate stories in an index (articles sharing the new article's rarest
 * words and entities), scores each by average link — the mean event
 * similarity of the article to the story's members — joins the best one above
 * the threshold or starts a story, and then merges the stories the article
 * has shown to be one (average link between them above the same threshold).
 * Average link with merging approximates agglomerative average-link
 * clustering, whose result does not depend on the order articles arrive in;
 * the cost of one article is bounded by the candidate limits, not by the size
 * of the corpus.
 */
import { isoDay } from './dates.ts';
import { articleFeatures } from './features.ts';
import { dateFactor, dot, entityDfKey, placeFactor, vectorsOf, yearFactor, type ArticleVectors } from './similarity.ts';
import type { ArticleFeatures, StoryArticle, StoryRecord, StoryState } from './types.ts';

/**
 * Average event similarity an article (or a story) needs with a story to
 * join it. Reports of one event average about 0.3 on ECB+ and reports of
 * another event of the same kind about 0.1 (they share the vocabulary, not
 * the people, places and dates); 0.14 keeps most of the first and loses
 * little to the second. Plain TF-IDF average link is at its best there
 * near 0.16.
 */
export const JOIN_THRESHOLD = 0.14;
/** Words of the new article looked up in the index: its most distinctive ones find its event's other reports. */
const QUERY_TERMS = 24;
/** Entities looked up likewise. */
const QUERY_ENTITIES = 12;
/** A posting this long belongs to a word too common to find anything; it is not read (or written) past this. */
const MAX_POSTING = 5000;
/** Candidate articles scored per new article, those sharing the most looked-up features first. */
const MAX_CANDIDATE_ARTICLES = 200;
/** Stories nearest a new article re-examined pairwise for merging: the few it is most like; bounded so the cost stays flat. */
const REEXAMINED_STORIES = 6;
/** Members of a large story the average is taken over (the earliest and the latest few): enough for a stable mean, bounded cost. */
const MAX_MEMBERS_COMPARED = 16;

export function createStoryState(): StoryState {
  return { version: 1, documents: 0, df: {}, articles: {}, storyOf: {}, stories: {}, postings: {}, nextKey: 1 };
}

/** The features an article is indexed and looked up under: its most distinctive words and entities. */
function indexFeatures(a: ArticleFeatures, state: StoryState): string[] {
  const byWeight = (weights: Record<string, number>, dfKey: (k: string) => string, limit: number, prefix: string) =>
    Object.entries(weights)
      .map(([k, w]) => [k, w / Math.log(2 + (state.df[dfKey(k)] ?? 0))] as const)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, limit)
      .map(([k]) => prefix + k);
  return [...byWeight(a.terms, (k) => k, QUERY_TERMS, ''), ...byWeight(a.entities, entityDfKey, QUERY_ENTITIES, '@')];
}

/** Earliest-dated member (undated last), then lowest id: every process derives the same story id from the same members. */
export function storyIdOf(members: readonly ArticleFeatures[]): string {
  // '~' sorts after every ISO date, so undated articles come last.
  const dateKey = (m: ArticleFeatures) => m.published?.start ?? (m.when ? isoDay(m.when.start) : '~');
  let first: ArticleFeatures | null = null;
  for (const m of members) {
    if (first === null) first = m;
    else {
      const a = dateKey(m);
      const b = dateKey(first);
      if (a < b || (a === b && m.id < first.id)) first = m;
    }
  }
  return `story-${first?.id ?? 'empty'}`;
}

/** Members a story is compared through: all of a small story, the earliest and latest ids of a large one. */
function comparedMembers(story: StoryRecord): string[] {
  if (story.articles.length <= MAX_MEMBERS_COMPARED) return story.articles;
  const half = MAX_MEMBERS_COMPARED / 2;
  return [...story.articles.slice(0, half), ...story.articles.slice(-half)];
}

class VectorCache {
  private readonly cache = new Map<string, ArticleVectors>();
  constructor(private readonly state: StoryState) {}
  get(id: string): ArticleVectors {
    let v = this.cache.get(id);
    if (!v) {
      v = vectorsOf(this.state.articles[id]!, this.state);
      this.cache.set(id, v);
    }
    return v;
  }
}

/** The year most members name (the later on a tie), or null when none names one. */
function usualYear(state: StoryState, members: readonly string[]): number | null {
  const counts = new Map<number, number>();
  for (const id of members) {
    const y = state.articles[id]!.latestYear;
    if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: [number, number] | null = null;
  for (const [year, count] of counts) if (!best || count > best[1] || (count === best[1] && year > best[0])) best = [year, count];
  return best ? best[0] : null;
}

/**
 * Average link between two groups of articles: the mean content similarity
 * over all pairs, times the mean date factor over the pairs where both are
 * dated (an undated member neither confirms nor denies the date, so it must
 * not dilute the evidence of the dated ones), or, with no such pair, the
 * factor of the groups' usual years; times the mean place factor likewise.
 */
function groupSimilarity(state: StoryState, cache: VectorCache, left: readonly string[], right: readonly string[]): number {
  let content = 0;
  let pairs = 0;
  let dates = 0;
  let dated = 0;
  let places = 0;
  let placed = 0;
  for (const a of left) {
    const fa = state.articles[a]!;
    const va = cache.get(a);
    for (const b of right) {
      const fb = state.articles[b]!;
      content += dot(va, cache.get(b));
      pairs++;
      if (fa.when && fb.when) {
        dates += dateFactor(fa, fb);
        dated++;
      }
      if (fa.places.length > 0 && fb.places.length > 0) {
        places += placeFactor(fa, fb);
        placed++;
      }
    }
  }
  if (pairs === 0) return 0;
  const date = dated > 0 ? dates / dated : yearFactor(usualYear(state, left), usualYear(state, right));
  const place = placed > 0 ? places / placed : 1;
  return (content / pairs) * date * place;
}

function candidateStories(state: StoryState, features: readonly string[], self: string): string[] {
  const shared = new Map<string, number>();
  for (const f of features) {
    const posting = state.postings[f];
    if (!posting || posting.length >= MAX_POSTING) continue;
    for (const id of posting) if (id !== self) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  const articles = [...shared].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CANDIDATE_ARTICLES);
  return [...new Set(articles.map(([id]) => state.storyOf[id]!))].sort();
}

export interface Assignment {
  /** The story's public id after the assignment. */
  storyId: string;
  /** False when the article started a story of its own. */
  joined: boolean;
  /** Public ids (before the merge) of stories merged into this one because the article tied them together. */
  merged: string[];
}

/**
 * Places `article` into the story it reports, or a new one, updating `state`
 * in place (the state is the caller's, plain data to persist). Adding an
 * article already placed changes nothing.
 */
export function assignStory(state: StoryState, article: StoryArticle): Assignment {
  const placed = state.storyOf[article.id];
  if (placed !== undefined) return { storyId: state.stories[placed]!.id, joined: true, merged: [] };

  const features = articleFeatures(article);
  state.articles[features.id] = features;
  state.documents++;
  for (const t in features.terms) state.df[t] = (state.df[t] ?? 0) + 1;
  for (const e in features.entities) state.df[entityDfKey(e)] = (state.df[entityDfKey(e)] ?? 0) + 1;
  const indexed = indexFeatures(features, state);
  const cache = new VectorCache(state);

  let best: { key: string; score: number } | null = null;
  const copied = features.duplicateOf === null ? undefined : state.storyOf[features.duplicateOf];
  const scored = candidateStories(state, indexed, features.id)
    .map((key) => ({ key, score: groupSimilarity(state, cache, [features.id], comparedMembers(state.stories[key]!)) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  if (copied !== undefined) best = { key: copied, score: 1 }; // a near-duplicate reports what its original reports
  else if (scored[0] && scored[0].score >= JOIN_THRESHOLD) best = scored[0];

  let key: string;
  if (best) {
    key = best.key;
    const story = state.stories[key]!;
    story.articles = [...story.articles, features.id].sort();
  } else {
    key = String(state.nextKey++);
    state.stories[key] = { id: '', articles: [features.id] };
  }
  state.storyOf[features.id] = key;
  for (const f of indexed) {
    const posting = (state.postings[f] ??= []);
    if (posting.length < MAX_POSTING) posting.push(features.id);
  }

  // Re-examine the stories nearest the article, pairwise: it may bridge two of them, and the document
  // frequencies have grown since they were formed, so two split early may now clear the bar together.
  const near = [key, ...scored.map((s) => s.key).filter((k) => k !== key).slice(0, REEXAMINED_STORIES - 1)];
  const merged: string[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < near.length; i++) {
      for (let j = i + 1; j < near.length; j++) {
        const [a, b] = [state.stories[near[i]!], state.stories[near[j]!]];
        if (!a || !b) continue;
        if (groupSimilarity(state, cache, comparedMembers(a), comparedMembers(b)) < JOIN_THRESHOLD) continue;
        // The article's story keeps its key; otherwise the earlier-listed one absorbs the other.
        const [keep, drop] = near[j] === key ? [near[j]!, near[i]!] : [near[i]!, near[j]!];
        const absorbed = state.stories[drop]!;
        merged.push(absorbed.id);
        for (const id of absorbed.articles) state.storyOf[id] = keep;
        state.stories[keep]!.articles = [...state.stories[keep]!.articles, ...absorbed.articles].sort();
        delete state.stories[drop];
        changed = true;
        break outer;
      }
    }
  }
  for (const k of near) {
    const s = state.stories[k];
    if (s) s.id = storyIdOf(s.articles.map((id) => state.articles[id]!));
  }
  key = state.storyOf[features.id]!;
  const story = state.stories[key]!;
  story.id = storyIdOf(story.articles.map((id) => state.articles[id]!));
  return { storyId: story.id, joined: best !== null, merged };
}
