/**
 * Threads: stories about the same ongoing subject (the battle for Pokrovsk),
 * a looser level above stories. Two stories are in one thread when their
 * pooled words and entities are alike regardless of when each happened —
 * dates keep stories apart, not threads — and threads are the connected
 * groups of such links (single link: a thread follows a subject as it
 * drifts, from an interview about Pokrovsk to the fight for it). A
 * story's subject is above all where it happens: two stories whose most
 * mentioned places include the same town are on one subject even in a corpus
 * too small for document frequencies to say so.
 */
import { describeStory } from './describe.ts';
import { dot, entityDfKey, weighted, type Vector } from './similarity.ts';
import type { StoryState, Thread } from './types.ts';

/**
 * Similarity of pooled story vectors that links two stories into a thread;
 * lower than the story threshold, as a subject is broader than an event,
 * and high enough that sharing only a country's president or the war's
 * vocabulary does not chain unrelated stories.
 */
export const THREAD_THRESHOLD = 0.2;
/** In a thread, entities (where, who) matter more than words: the subject is a place or a party, the words change with each event. */
const THREAD_ENTITY_SHARE = 0.6;
/** Entities of a story looked up to find others that may share its thread. */
const THREAD_QUERY_ENTITIES = 10;
/** Stories sharing an entity with more than this many others are not found through it: it is too common to say "same subject". */
const MAX_STORIES_PER_ENTITY = 500;

/** Places per story that make its subject: the town it is about, and the one beside it. */
const SALIENT_PLACES = 2;
/** Capitals mostly stand for their governments ("Moscow said"), not for where things happen. */
const NOT_A_SCENE = new Set(['capital']);

interface Pooled {
  key: string;
  terms: Vector;
  entities: Vector;
  topEntities: string[];
  salientPlaces: string[];
}

export function pool(state: StoryState, key: string): Pooled {
  const terms: Record<string, number> = {};
  const entities: Record<string, number> = {};
  const placeWeight = new Map<string, number>();
  for (const id of state.stories[key]!.articles) {
    const a = state.articles[id]!;
    for (const p of a.places) if (!NOT_A_SCENE.has(p.kind)) placeWeight.set(p.key, (placeWeight.get(p.key) ?? 0) + p.weight);
    for (const t in a.terms) terms[t] = (terms[t] ?? 0) + a.terms[t]!;
    for (const e in a.entities) if (!e.startsWith('date:') && !e.startsWith('figure:')) entities[e] = (entities[e] ?? 0) + a.entities[e]!;
  }
  const entityVector = weighted(entities, state, entityDfKey);
  const topEntities = [...entityVector]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, THREAD_QUERY_ENTITIES)
    .map(([k]) => k);
  const salientPlaces = [...placeWeight]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, SALIENT_PLACES)
    .map(([k]) => k);
  return { key, terms: weighted(terms, state, (k) => k), entities: entityVector, topEntities: [...new Set([...topEntities, ...salientPlaces])], salientPlaces };
}

export function threadSimilarity(a: Pooled, b: Pooled): number {
  return (1 - THREAD_ENTITY_SHARE) * dot(a.terms, b.terms) + THREAD_ENTITY_SHARE * dot(a.entities, b.entities);
}

/** The name of what the thread's stories share most: a place first (an ongoing situation is somewhere), else a person or an organisation. */
function threadTitle(state: StoryState, storyKeys: readonly string[], fallback: string): string {
  const storiesWith = new Map<string, number>();
  const weight = new Map<string, number>();
  const names = new Map<string, string>();
  const places = new Set<string>();
  for (const key of storyKeys) {
    const seen = new Set<string>();
    for (const id of state.stories[key]!.articles) {
      const a = state.articles[id]!;
      for (const k of a.placeKeys) places.add(k);
      for (const [k, name] of Object.entries(a.entityNames)) {
        names.set(k, name);
        weight.set(k, (weight.get(k) ?? 0) + (a.entities[k] ?? 0));
        seen.add(k);
      }
    }
    for (const k of seen) storiesWith.set(k, (storiesWith.get(k) ?? 0) + 1);
  }
  const ranked = [...names.keys()].sort(
    (a, b) =>
      storiesWith.get(b)! - storiesWith.get(a)! ||
      Number(places.has(b)) - Number(places.has(a)) ||
      weight.get(b)! - weight.get(a)! ||
      (a < b ? -1 : 1),
  );
  return ranked.length > 0 ? names.get(ranked[0]!)! : fallback;
}

/** The threads of all stories, largest first; a story alone on its subject is a thread of one. */
export function listThreads(state: StoryState): Thread[] {
  const keys = Object.keys(state.stories).sort();
  const pooled = new Map(keys.map((k) => [k, pool(state, k)]));
  const byEntity = new Map<string, string[]>();
  for (const p of pooled.values()) for (const e of p.topEntities) (byEntity.get(e) ?? byEntity.set(e, []).get(e)!).push(p.key);

  const parent = new Map(keys.map((k) => [k, k]));
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const p of pooled.values()) {
    const candidates = new Set<string>();
    for (const e of p.topEntities) {
      const list = byEntity.get(e)!;
      if (list.length <= MAX_STORIES_PER_ENTITY) for (const k of list) if (k > p.key) candidates.add(k);
    }
    for (const k of candidates) {
      const q = pooled.get(k)!;
      const sharePlace = p.salientPlaces.some((place) => q.salientPlaces.includes(place));
      if (!sharePlace && threadSimilarity(p, q) < THREAD_THRESHOLD) continue;
      const [ra, rb] = [root(p.key), root(k)];
      if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
    }
  }

  const groups = new Map<string, string[]>();
  for (const k of keys) (groups.get(root(k)) ?? groups.set(root(k), []).get(root(k))!).push(k);
  const threads: Thread[] = [];
  for (const members of groups.values()) {
    const stories = members.map((k) => describeStory(state, k));
    stories.sort((a, b) => (a.dates?.start ?? '~').localeCompare(b.dates?.start ?? '~') || a.id.localeCompare(b.id));
    threads.push({
      id: `thread-${stories[0]!.id.replace(/^story-/, '')}`,
      title: threadTitle(state, members, stories[0]!.title),
      stories: stories.map((s) => s.id),
      articles: stories.flatMap((s) => s.articles).sort(),
    });
  }
  return threads.sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id));
}
