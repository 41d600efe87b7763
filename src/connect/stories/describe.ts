/**
 * A story as a reader sees it: the title of its most central article, a
 * short extractive summary (the lead sentences that best cover what its
 * articles share), its date span, and how many independent sources report it.
 */
import { isoDay } from './dates.ts';
import { idf, vectorsOf } from './similarity.ts';
import { contentSimilarity } from './similarity.ts';
import type { ArticleFeatures, DateSpan, Story, StoryState } from './types.ts';

/** Sentences in a summary: a headline-sized account, not a digest. */
const SUMMARY_SENTENCES = 2;
/** A second sentence repeating this share of the first's words adds nothing. */
const MAX_SUMMARY_OVERLAP = 0.5;
/** Members examined for the central title: beyond this a story's centre is stable. */
const MAX_CENTRALITY_MEMBERS = 30;

function union(parent: Map<string, string>, a: string, b: string): void {
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const ra = root(a);
  const rb = root(b);
  if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
}

/**
 * Articles that are not derived from another in the story: a near-duplicate
 * collapses into its original, an article that credits another member's
 * outlet ("according to a translation by the Kyiv Independent") into it, and
 * articles of one outlet count once.
 */
export function independentSourceCount(members: readonly ArticleFeatures[]): number {
  const parent = new Map(members.map((m) => [m.id, m.id]));
  const byOutlet = new Map<string, string>();
  for (const m of members) {
    const outlet = m.outlet?.toLowerCase().replace(/^the\s+/, '');
    if (!outlet) continue;
    const first = byOutlet.get(outlet);
    if (first) union(parent, first, m.id);
    else byOutlet.set(outlet, m.id);
  }
  for (const m of members) {
    if (m.duplicateOf && parent.has(m.duplicateOf)) union(parent, m.id, m.duplicateOf);
    for (const credited of m.credits) {
      const origin = byOutlet.get(credited);
      if (origin && origin !== m.id) union(parent, m.id, origin);
    }
  }
  const roots = new Set<string>();
  for (const id of parent.keys()) {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    roots.add(r);
  }
  return roots.size;
}

function storyDates(members: readonly ArticleFeatures[]): DateSpan | null {
  let start: string | null = null;
  let end: string | null = null;
  const widen = (s: string, e: string) => {
    if (start === null || s < start) start = s;
    if (end === null || e > end) end = e;
  };
  for (const m of members) if (m.published) widen(m.published.start, m.published.end);
  // Without publication dates, the days the articles report stand in.
  if (start === null) for (const m of members) if (m.when) widen(isoDay(m.when.start), isoDay(m.when.end));
  return start === null || end === null ? null : { start, end };
}

/** The member most like the others: its title names the story best. */
function centralMember(state: StoryState, members: readonly ArticleFeatures[]): ArticleFeatures {
  const sample = members.slice(0, MAX_CENTRALITY_MEMBERS);
  const vectors = sample.map((m) => vectorsOf(m, state));
  let best = sample[0]!;
  let bestScore = -1;
  sample.forEach((m, i) => {
    let score = 0;
    vectors.forEach((v, j) => {
      if (i !== j) score += contentSimilarity(vectors[i]!, v);
    });
    if (score > bestScore + 1e-12) {
      best = m;
      bestScore = score;
    }
  });
  return best;
}

function summaryOf(state: StoryState, members: readonly ArticleFeatures[], central: ArticleFeatures): string {
  // What the story's articles share: each word weighted by how many members use it and how rare it is in the corpus.
  const shared = new Map<string, number>();
  for (const m of members) for (const t in m.terms) shared.set(t, (shared.get(t) ?? 0) + 1);
  const scored: { text: string; terms: Set<string>; score: number }[] = [];
  for (const m of members) {
    m.lead.forEach((text, i) => {
      const terms = new Set(m.leadTerms[i] ?? []);
      let score = 0;
      for (const t of terms) score += ((shared.get(t) ?? 0) / members.length) * idf(state, t);
      // The central article's lead is the story's own account; earlier sentences state the event.
      score = (score / Math.sqrt(Math.max(terms.size, 1))) * (m === central ? 1.2 : 1) * (1 - i * 0.1);
      scored.push({ text, terms, score });
    });
  }
  scored.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1));
  const picked: typeof scored = [];
  for (const s of scored) {
    if (picked.length === SUMMARY_SENTENCES) break;
    const overlaps = picked.some((p) => {
      let common = 0;
      for (const t of s.terms) if (p.terms.has(t)) common++;
      return common / Math.max(1, Math.min(s.terms.size, p.terms.size)) > MAX_SUMMARY_OVERLAP;
    });
    if (!overlaps) picked.push(s);
  }
  return picked.map((p) => p.text).join(' ');
}

export function describeStory(state: StoryState, key: string): Story {
  const record = state.stories[key];
  if (!record) throw new Error(`describeStory: no story with key ${key}`);
  const members = record.articles.map((id) => state.articles[id]!);
  const central = centralMember(state, members);
  return {
    id: record.id,
    title: central.title,
    summary: summaryOf(state, members, central),
    dates: storyDates(members),
    articles: [...record.articles],
    independentSources: independentSourceCount(members),
  };
}

/** Every story, earliest first (by date, then id). */
export function listStories(state: StoryState): Story[] {
  return Object.keys(state.stories)
    .map((key) => describeStory(state, key))
    .sort((a, b) => (a.dates?.start ?? '~').localeCompare(b.dates?.start ?? '~') || a.id.localeCompare(b.id));
}

/** The story an article is in, or null when it has not been placed. */
export function storyOfArticle(state: StoryState, articleId: string): Story | null {
  const key = state.storyOf[articleId];
  return key === undefined ? null : describeStory(state, key);
}
