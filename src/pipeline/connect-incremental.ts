/**
 * The incremental connect: each stored article is connected on its own, in
 * one transaction, against candidates found by index look-ups in the store
 * (connect_keys, story_postings), and only the groups it touches are
 * rewritten — so adding an article costs a few look-ups, not a pass over
 * the corpus.
 *
 * - Quotes: the quotations sharing a word with each of the article's quotes
 *   are compared with them; the groups of those that match are merged with
 *   the new appearances and regrouped (connect/quote-provenance).
 * - Claims: the claims sharing an entity, a predicate or an area are linked
 *   with the new ones (connect/claim-links); links between old claims stay.
 * - Figures: the series of the figures sharing a unit and a place, country
 *   or counted word are rebuilt with the new figures (connect/figure-series).
 * - Timeline: each event joins the first stored event of its date that
 *   tells the same thing, found by date-and-word keys (connect/timeline).
 * - Stories: story grouping's own online step (connect/stories assignStory)
 *   runs on a view of its state loaded row by row: whatever the step reads
 *   that is not loaded yet is noted, loaded, and the step run again, until it
 *   reads nothing it lacks — so the result is the one the whole state in
 *   memory gives, at the cost of the rows it needs. The rows read are kept
 *   for the next article (StoryCache) while no other process writes. A
 *   large story moves as a block whose members' rows are never read (only
 *   its list of ids), so joining it costs about what joining a small one does.
 * - Stories are described (title, summary, dates, sources) once per pass,
 *   those the pass changed (describeChangedStories): a description reads all
 *   of a story's members, so it is not redone per article that joins.
 * - Threads (stories about one subject) compare every story with others and
 *   are recomputed from the whole stored state, with every story described
 *   again (descriptions weigh words by the corpus's document frequencies,
 *   which each article moves): in the whole-corpus refinement, which
 *   pipeline/ingest's connectCorpus runs only when the corpus has grown
 *   enough for its cost per article to stay constant.
 *
 * An article whose analysis changed after it was connected (re-dated by the
 * corpus, entity aliases merged) is marked stale; its quotes, claims, figures
 * and events are removed (their groups regrouped without them) and added
 * again. Its story place is kept (story grouping has no removal, and a
 * re-dating moves a date by days, rarely enough to change a story; `sitrep
 * connect --rebuild` redoes everything), its story features are the new ones.
 */
import { randomUUID } from 'node:crypto';
import { claimKeys, linkClaims, type ClaimLinkInput } from '../connect/claim-links.ts';
import { claimInputs, figureInputs, quoteInputs, storiesWithThreads, storyArticle, timelineArticle, type ConnectArticle } from '../connect/corpus.ts';
import { buildFigureSeries, figureKeys, type FigureSeriesInput } from '../connect/figure-series.ts';
import { QuoteProvenance, quoteKeys, sameAppearance, type QuoteAppearanceInput } from '../connect/quote-provenance.ts';
import { articleFeatures, assignStory, comparedMembers, describeStory, listStories, storyIdOf, listThreads, type ArticleFeatures, type StoryArticle, type StoryRecord, type StoryState } from '../connect/stories/index.ts';
import { entityDfKey } from '../connect/stories/similarity.ts';
import { articleEventItems, eventEntry, eventKeys, groupEvents, joinableEventIndex, type EventItem } from '../connect/timeline.ts';
import { eventId, type FigureSeries, type QuoteGroup } from '../model/index.ts';
import type { ConnectIndex, ConnectItem, Store, StoryStepToStore } from '../store/index.ts';
import { toConnectArticle } from './connect-corpus.ts';

/**
 * Items read per look-up key, the most recently connected first. A key as
 * common as "Ukraine" among a war's claims would otherwise make every claim
 * a candidate; 200 of the latest reach back over the weeks a follow-up
 * comes in, and keep the look-up the size of an index page.
 */
const PER_KEY = 200;
/** Candidates compared per new item, those sharing the most keys first: a real match shares many. */
const CANDIDATES = 100;
/** Articles taken per batch of pending connects. */
const BATCH = 500;
/**
 * Story grouping does not read (or extend) a posting list this long
 * (connect/stories/assign MAX_POSTING): such a list is not loaded, only its
 * length is given. Must not be below that constant.
 */
const POSTING_NOT_READ = 5000;

/** An article and its analysis as the connect step reads them, entity keys made canonical. */
export async function loadConnectArticle(store: Store, id: string): Promise<ConnectArticle | null> {
  const article = await store.getArticle(id);
  const analysis = article ? await store.getAnalysis(id) : null;
  if (!article || !analysis) return null;
  const keys = new Set<string>();
  for (const e of analysis.entityIndex) keys.add(e.key);
  for (const m of analysis.entities) keys.add(m.entity);
  for (const q of analysis.quotes) for (const k of [q.speaker?.entity, q.channel?.entity]) if (k) keys.add(k);
  for (const c of analysis.claims) for (const k of [c.party?.entity, c.control?.place.entity]) if (k) keys.add(k);
  for (const f of analysis.figures) if (f.party?.entity) keys.add(f.party.entity);
  const aliases = await store.entityAliases([...keys]);
  return toConnectArticle(article, analysis, (k) => aliases.get(k) ?? k);
}

/** Stored items that may match any of `items` (one list of keys each), each item's best candidates, in one look-up. */
function candidatesOf<T>(ix: ConnectIndex, kind: 'quote' | 'claim' | 'figure' | 'event', keys: string[][], self: string): Promise<Array<ConnectItem<T>>> {
  return ix.findCandidates<T>(kind, keys, { perKey: PER_KEY, perItem: CANDIDATES, excludeArticle: self });
}

/**
 * Removes an article's items of one kind and regroups what is left of the
 * groups they were in (quote groups, figure series, timeline events).
 */
async function removeGrouped<T>(
  ix: ConnectIndex,
  kind: 'quote' | 'figure' | 'event',
  articleId: string,
  regroup: (ix: ConnectIndex, oldGroups: Set<string>, rest: T[]) => Promise<void>,
): Promise<void> {
  const own = await ix.itemsOfArticle<T>(kind, articleId);
  if (own.length === 0) return;
  const groups = new Set(own.map((i) => i.group).filter((g): g is string => g !== null));
  await ix.deleteArticleItems(kind, articleId);
  const rest = await ix.itemsOfGroups<T>(kind, [...groups]);
  await regroup(ix, groups, rest.map((m) => m.input));
}

// --- quotes -----------------------------------------------------------------

async function regroupQuotes(ix: ConnectIndex, oldGroups: Set<string>, inputs: QuoteAppearanceInput[]): Promise<void> {
  const provenance = new QuoteProvenance();
  provenance.add(inputs);
  const groups: QuoteGroup[] = provenance.groups();
  await ix.setItemGroups('quote', groups.flatMap((g) => g.appearances.map((a) => ({ articleId: a.articleId, index: a.index, group: g.id }))));
  await ix.replaceQuoteGroups([...oldGroups], groups);
}

async function addQuotes(ix: ConnectIndex, article: ConnectArticle, seq: number): Promise<void> {
  const inputs = quoteInputs(article);
  if (inputs.length === 0) return;
  const touched = new Set<string>();
  const candidates = await candidatesOf<QuoteAppearanceInput>(ix, 'quote', inputs.map(quoteKeys), article.id);
  for (const input of inputs) for (const c of candidates) if (c.group && !touched.has(c.group) && sameAppearance(input, c.input)) touched.add(c.group);
  const members = await ix.itemsOfGroups<QuoteAppearanceInput>('quote', [...touched]);
  await ix.addItems('quote', seq, inputs.map((input) => ({ articleId: article.id, index: input.index, group: null, input, keys: quoteKeys(input) })));
  await regroupQuotes(ix, touched, [...members.map((m) => m.input), ...inputs]);
}


// --- claims -----------------------------------------------------------------

async function addClaims(ix: ConnectIndex, article: ConnectArticle, seq: number): Promise<void> {
  const inputs = claimInputs(article);
  if (inputs.length === 0) return;
  const others = await candidatesOf<ClaimLinkInput>(ix, 'claim', inputs.map(claimKeys), article.id);
  const links = linkClaims([...others.map((c) => c.input), ...inputs]).filter((l) => l.a.articleId === article.id || l.b.articleId === article.id);
  await ix.addItems('claim', seq, inputs.map((input) => ({ articleId: article.id, index: input.index, group: null, input, keys: claimKeys(input) })));
  await ix.addClaimLinks(links);
}

async function removeClaims(ix: ConnectIndex, articleId: string): Promise<void> {
  await ix.deleteClaimLinksOf(articleId);
  await ix.deleteArticleItems('claim', articleId);
}

// --- figures ----------------------------------------------------------------

async function regroupFigures(ix: ConnectIndex, oldSeries: Set<string>, inputs: FigureSeriesInput[]): Promise<void> {
  const series: FigureSeries[] = buildFigureSeries(inputs);
  await ix.setItemGroups('figure', series.flatMap((s) => s.points.map((p) => ({ articleId: p.articleId, index: p.index, group: s.id }))));
  await ix.replaceFigureSeries([...oldSeries], series);
}

async function addFigures(ix: ConnectIndex, article: ConnectArticle, seq: number): Promise<void> {
  // Hypothetical numbers never enter a series (figure-series): they are not indexed either.
  const inputs = figureInputs(article).filter((i) => !i.figure.hypothetical);
  if (inputs.length === 0) return;
  const touched = new Set<string>();
  for (const c of await candidatesOf<FigureSeriesInput>(ix, 'figure', inputs.map(figureKeys), article.id)) if (c.group) touched.add(c.group);
  const members = await ix.itemsOfGroups<FigureSeriesInput>('figure', [...touched]);
  await ix.addItems('figure', seq, inputs.map((input) => ({ articleId: article.id, index: input.index, group: null, input, keys: figureKeys(input) })));
  await regroupFigures(ix, touched, [...members.map((m) => m.input), ...inputs]);
}

// --- timeline ---------------------------------------------------------------

/** Stored items grouped by their event, events in the order they were made (their first item first). */
function byGroup(items: ReadonlyArray<ConnectItem<EventItem>>): Map<string, EventItem[]> {
  const groups = new Map<string, EventItem[]>();
  for (const i of items) (groups.get(i.group!) ?? groups.set(i.group!, []).get(i.group!)!).push(i.input);
  return groups;
}

async function addEvents(ix: ConnectIndex, article: ConnectArticle, seq: number): Promise<void> {
  const items = articleEventItems(timelineArticle(article));
  if (items.length === 0) return;
  const touched = new Set<string>();
  for (const c of await candidatesOf<EventItem>(ix, 'event', items.map(eventKeys), article.id)) if (c.group) touched.add(c.group);
  const existing = byGroup(await ix.itemsOfGroups<EventItem>('event', [...touched]));
  const ids = [...existing.keys()];
  const groups = [...existing.values()];
  const changed = new Set<number>();
  const placed: Array<{ item: EventItem; group: EventItem[] }> = [];
  for (const item of items) {
    const at = joinableEventIndex(groups, item);
    if (at >= 0) {
      groups[at]!.push(item);
      changed.add(at);
      placed.push({ item, group: groups[at]! });
    } else placed.push({ item, group: [item] });
  }
  const entries = [...changed].map((i) => eventEntry(groups[i]!));
  const fresh = placed.filter((p) => p.group.length === 1 && p.group[0] === p.item).map((p) => eventEntry(p.group));
  await ix.addItems(
    'event',
    seq,
    placed.map(({ item, group }) => ({
      articleId: article.id,
      index: item.source.sentence,
      group: eventId(eventEntry(group)),
      input: item,
      keys: eventKeys(item),
    })),
  );
  // A joined event keeps its id (its first source does not change); its entry is written again.
  await ix.replaceEvents([...changed].map((i) => ids[i]!), [...entries, ...fresh]);
}

async function regroupEvents(ix: ConnectIndex, old: Set<string>, rest: EventItem[]): Promise<void> {
  const regrouped = groupEvents(rest);
  const entries = regrouped.map(eventEntry);
  await ix.setItemGroups(
    'event',
    regrouped.flatMap((g, i) => g.map((item) => ({ articleId: item.source.articleId, index: item.source.sentence, group: eventId(entries[i]!) }))),
  );
  await ix.replaceEvents([...old], entries);
}

// --- stories ----------------------------------------------------------------

/**
 * A lazily loaded record of state: reads of keys not loaded are noted and
 * answered with a placeholder, so a step run on it completes (or fails) and
 * says what it lacked. Writes and deletes stay in the view.
 */
class LazyRecord<T> {
  readonly target: Record<string, T> = {};
  readonly deleted = new Set<string>();
  readonly proxy: Record<string, T>;
  constructor(loaded: ReadonlyMap<string, T | null>, missing: Set<string>, copy: (v: T) => T, placeholder: () => T | undefined) {
    const { target, deleted } = this;
    this.proxy = new Proxy(target, {
      get(t, key) {
        if (typeof key !== 'string') return undefined;
        if (Object.prototype.hasOwnProperty.call(t, key)) return t[key];
        if (deleted.has(key)) return undefined;
        if (loaded.has(key)) {
          const v = loaded.get(key);
          if (v === null || v === undefined) return undefined;
          t[key] = copy(v);
          return t[key];
        }
        missing.add(key);
        return placeholder();
      },
      set(t, key, value) {
        if (typeof key === 'string') deleted.delete(key);
        (t as Record<string | symbol, unknown>)[key] = value;
        return true;
      },
      deleteProperty(t, key) {
        if (typeof key === 'string') deleted.add(key);
        delete (t as Record<string | symbol, unknown>)[key];
        return true;
      },
    });
  }
}

function placeholderFeatures(): ArticleFeatures {
  return {
    id: '', title: '', outlet: null, language: null, terms: {}, entities: {}, entityNames: {}, placeKeys: [], places: [], figures: [],
    when: null, latestYear: null, published: null, lead: [], leadTerms: [], credits: [], duplicateOf: null,
  };
}

/** Story grouping's state, loaded row by row as the step asks for it. */
class StoryView {
  readonly df = new Map<string, number | null>();
  readonly postingLength = new Map<string, number>();
  readonly postings = new Map<string, string[] | null>();
  readonly storyOf = new Map<string, string | null>();
  readonly features = new Map<string, ArticleFeatures | null>();
  readonly groups = new Map<string, StoryRecord | null>();
  readonly missing = { df: new Set<string>(), postings: new Set<string>(), storyOf: new Set<string>(), features: new Set<string>(), groups: new Set<string>() };
  views!: {
    df: LazyRecord<number>;
    postings: LazyRecord<string[]>;
    storyOf: LazyRecord<string>;
    features: LazyRecord<ArticleFeatures>;
    groups: LazyRecord<StoryRecord>;
  };

  constructor(
    private meta: { documents: number; nextKey: number },
    /** The stamp of the stored state this view's rows were read from (see StoryCache). */
    public stamp: string | null,
  ) {}

  /** Rows held: what bounds the cache's memory. */
  size(): number {
    return this.df.size + this.postings.size + this.storyOf.size + 50 * this.features.size + this.groups.size;
  }

  /**
   * Folds a finished step's writes into what is loaded, so the view stands
   * for the stored state after the step (whose stamp it takes) and the next
   * article starts from it instead of from nothing.
   */
  commit(state: StoryState, stamp: string): void {
    const v = this.views;
    for (const [k, value] of Object.entries(v.df.target)) this.df.set(k, value);
    for (const [k, list] of Object.entries(v.postings.target)) {
      this.postings.set(k, list);
      this.postingLength.set(k, list.length);
    }
    for (const [k, key] of Object.entries(v.storyOf.target)) this.storyOf.set(k, key);
    for (const [k, f] of Object.entries(v.features.target)) this.features.set(k, f);
    for (const k of v.groups.deleted) if (!Object.prototype.hasOwnProperty.call(v.groups.target, k)) this.groups.set(k, null);
    for (const [k, g] of Object.entries(v.groups.target)) this.groups.set(k, g);
    this.meta = { documents: state.documents, nextKey: state.nextKey };
    this.stamp = stamp;
  }

  /** A fresh state over what is loaded (a run that lacked something left the previous one half-changed). */
  state(): StoryState {
    const m = this.missing;
    // Placeholders stand in for what is not loaded so the step runs on and notes all it lacks at one depth in
    // one run (a missing story or article would otherwise stop it at the first); a run that used one is discarded.
    this.views = {
      df: new LazyRecord<number>(this.df, m.df, (v) => v, () => 0),
      postings: new LazyRecord<string[]>(this.postings, m.postings, (v) => [...v], () => undefined),
      storyOf: new LazyRecord<string>(this.storyOf, m.storyOf, (v) => v, () => undefined),
      features: new LazyRecord<ArticleFeatures>(this.features, m.features, (v) => v, placeholderFeatures),
      groups: new LazyRecord<StoryRecord>(this.groups, m.groups, (v) => ({ id: v.id, articles: [...v.articles] }), () => ({ id: '', articles: [] })),
    };
    return {
      version: 1,
      documents: this.meta.documents,
      nextKey: this.meta.nextKey,
      df: this.views.df.proxy,
      postings: this.views.postings.proxy,
      storyOf: this.views.storyOf.proxy,
      articles: this.views.features.proxy,
      stories: this.views.groups.proxy,
    };
  }

  lacking(): boolean {
    return Object.values(this.missing).some((s) => s.size > 0);
  }

  /**
   * Loads what the last run lacked, and with it what the step will read next
   * once it has it — a story's key brings its record, a record the features of
   * the members it is compared through, features their words' document
   * frequencies — so that the step, which is re-run after each load, runs a
   * few times per article rather than once per level of that chain.
   */
  async load(ix: ConnectIndex): Promise<void> {
    const m = this.missing;
    const terms = [...new Set([...m.df, ...[...m.postings].filter((f) => !this.postingLength.has(f))])];
    if (terms.length > 0) {
      const rows = await ix.storyTerms(terms);
      for (const t of terms) {
        this.df.set(t, rows.get(t)?.df ?? null);
        this.postingLength.set(t, rows.get(t)?.posting ?? 0);
      }
    }
    const read = [...m.postings].filter((f) => this.postingLength.get(f)! > 0 && this.postingLength.get(f)! < POSTING_NOT_READ);
    const lists = await ix.storyPostings(read);
    for (const f of m.postings) {
      const length = this.postingLength.get(f)!;
      // Too long to be read by the step: only its length matters.
      this.postings.set(f, length === 0 ? null : length >= POSTING_NOT_READ ? new Array<string>(length).fill('') : lists.get(f)!);
    }
    m.df.clear();
    m.postings.clear();
    const keys = await ix.storyKeysOf([...m.storyOf]);
    for (const id of m.storyOf) {
      const key = keys.get(id) ?? null;
      this.storyOf.set(id, key);
      if (key !== null && !this.groups.has(key)) m.groups.add(key);
    }
    m.storyOf.clear();
    const groups = await ix.storyGroups([...m.groups]);
    for (const k of m.groups) {
      const group = groups.get(k) ?? null;
      this.groups.set(k, group);
      if (group) for (const id of comparedMembers(group)) if (!this.features.has(id)) m.features.add(id);
    }
    m.groups.clear();
    const features = await ix.storyFeatures([...m.features]);
    for (const id of m.features) {
      const f = (features.get(id) as ArticleFeatures | undefined) ?? null;
      this.features.set(id, f);
      if (f) {
        for (const t in f.terms) if (!this.df.has(t)) m.df.add(t);
        for (const e in f.entities) if (!this.df.has(entityDfKey(e))) m.df.add(entityDfKey(e));
      }
    }
    m.features.clear();
    if (m.df.size > 0) await this.load(ix);
  }
}

/** Runs `step` on the view until it reads nothing that is not loaded. */
async function untilComplete<T>(view: StoryView, ix: ConnectIndex, step: () => T): Promise<T> {
  for (;;) {
    let result: T | undefined;
    let error: unknown = null;
    try {
      result = step();
    } catch (e) {
      error = e;
    }
    if (!view.lacking()) {
      if (error) throw error;
      return result as T;
    }
    await view.load(ix);
  }
}

/**
 * Rows of story grouping's state kept between articles (and passes) of one
 * process. The step reads the same common words' frequencies and the same
 * large stories for article after article; kept, they are read once. Kept
 * only while nobody else changed the state: every step stores a new random
 * stamp with its writes, and a view is reused only when the stored stamp is
 * the one its own last step wrote (another worker's step, a rebuild, a
 * rolled-back transaction all leave another stamp, or none).
 */
class StoryCache {
  private view: StoryView | null = null;

  viewFor(meta: { documents: number; nextKey: number; stamp: string | null }): StoryView {
    if (this.view && meta.stamp !== null && this.view.stamp === meta.stamp && this.view.size() < STORY_CACHE_ROWS) return this.view;
    this.view = new StoryView(meta, meta.stamp);
    return this.view;
  }
}

/**
 * Rows a StoryCache holds before it starts again (a feature record counted as
 * 50: it holds that many words): about 100 MB, so a long ingest's memory
 * stays flat, while a pass over a few thousand articles reads each row once.
 */
const STORY_CACHE_ROWS = 1_000_000;

/** The cache of each open store in this process. */
const storyCaches = new WeakMap<Store, StoryCache>();
const storyCacheOf = (store: Store): StoryCache => storyCaches.get(store) ?? storyCaches.set(store, new StoryCache()).get(store)!;

async function placeInStory(ix: ConnectIndex, article: StoryArticle, cache: StoryCache): Promise<void> {
  const view = cache.viewFor(await ix.storyMeta());
  const own = articleFeatures(article);
  for (const t of Object.keys(own.terms)) view.missing.df.add(t);
  for (const e of Object.keys(own.entities)) view.missing.df.add(entityDfKey(e));
  view.missing.storyOf.add(article.id);
  await view.load(ix);

  let state = view.state();
  await untilComplete(view, ix, () => {
    state = view.state();
    return assignStory(state, article);
  });
  const v = view.views;
  if (v.storyOf.target[article.id] === undefined) return; // placed before: nothing changed

  const step: StoryStepToStore = {
    stamp: randomUUID(),
    documents: state.documents,
    nextKey: state.nextKey,
    dfIncrements: [...Object.keys(own.terms), ...Object.keys(own.entities).map(entityDfKey)],
    postings: [],
    articles: [],
    groups: [],
    droppedGroups: [],
    removedStories: [],
  };
  for (const [feature, list] of Object.entries(v.postings.target)) {
    const before = view.postings.get(feature)?.length ?? 0;
    for (const id of list.slice(before)) step.postings.push({ feature, articleId: id });
  }
  for (const [id, key] of Object.entries(v.storyOf.target)) {
    if (view.storyOf.get(id) !== key) step.articles.push({ id, storyKey: key, ...(id === article.id ? { features: v.features.target[id] } : {}) });
  }
  for (const [key, group] of Object.entries(v.groups.target)) {
    const before = view.groups.get(key);
    if (before && before.id === group.id && before.articles.join() === group.articles.join()) continue;
    step.groups.push({ key, id: group.id, articles: group.articles });
    if (before) step.removedStories.push(before.id);
  }
  for (const key of v.groups.deleted) {
    const before = view.groups.get(key);
    if (!before || Object.prototype.hasOwnProperty.call(v.groups.target, key)) continue;
    step.droppedGroups.push(key);
    step.removedStories.push(before.id);
  }
  // The reader-facing records of changed stories are written by the threads pass after the batch, which
  // describes every story changed since it last ran once, not once per article that joined it: a description
  // reads every member, so describing here would make an article joining a large story cost its size.
  await ix.saveStoryStep(step);
  view.commit(state, step.stamp);
}

/**
 * A re-dated (or re-keyed) article keeps its story, but the story sees its
 * new features: its dates, its entity keys — and so the story's id (its
 * earliest member) and description follow them. Reads every member of the
 * story, which only a re-dating pays.
 */
async function refreshStoryFeatures(ix: ConnectIndex, article: StoryArticle): Promise<void> {
  const own = articleFeatures(article);
  const key = (await ix.storyKeysOf([own.id])).get(own.id);
  const group = key === undefined ? undefined : (await ix.storyGroups([key])).get(key);
  if (key === undefined || !group) return;
  const others = group.articles.filter((id) => id !== own.id);
  const features = await ix.storyFeatures(others);
  const id = storyIdOf([own, ...others.map((m) => features.get(m) as ArticleFeatures)]);
  const meta = await ix.storyMeta();
  await ix.saveStoryStep({
    stamp: randomUUID(),
    documents: meta.documents,
    nextKey: meta.nextKey,
    dfIncrements: [],
    postings: [],
    articles: [{ id: own.id, storyKey: key, features: own }],
    groups: [{ key, id, articles: group.articles }],
    droppedGroups: [],
    removedStories: id === group.id ? [] : [group.id],
  });
}

// --- the pass ---------------------------------------------------------------

/** Connects one stored article in one transaction (with its done flag); `redo` first removes what it contributed before. */
export async function connectArticle(store: Store, id: string, redo = false): Promise<void> {
  const article = await loadConnectArticle(store, id);
  if (!article) return;
  await store.connectTransaction(async (ix) => {
    if (redo) {
      await removeGrouped(ix, 'quote', id, regroupQuotes);
      await removeClaims(ix, id);
      await removeGrouped(ix, 'figure', id, regroupFigures);
      await removeGrouped(ix, 'event', id, regroupEvents);
    }
    const seq = await ix.markConnected(id);
    await addQuotes(ix, article, seq);
    await addClaims(ix, article, seq);
    await addFigures(ix, article, seq);
    await addEvents(ix, article, seq);
    // Story grouping has no removal: a stale article keeps its story (see the module comment), with its new features.
    if (!redo) await placeInStory(ix, storyArticle(article), storyCacheOf(store));
    else await refreshStoryFeatures(ix, storyArticle(article));
  });
}

/** Recomputes the threads from the stored story state, when stories changed since they were last computed. */
export async function updateThreads(store: Store): Promise<boolean> {
  return store.connectTransaction(async (ix) => {
    if (!(await ix.threadsStale())) return false;
    const rows = await ix.allStoryRows();
    const state: StoryState = {
      version: 1,
      documents: rows.features.size,
      df: Object.fromEntries(rows.df),
      articles: Object.fromEntries(rows.features) as Record<string, ArticleFeatures>,
      storyOf: Object.fromEntries(rows.storyOf),
      stories: Object.fromEntries(rows.groups),
      postings: {},
      nextKey: 0,
    };
    // Every story described again too: a summary weighs words by the corpus's document frequencies, which
    // every article moves, so a story untouched since its last article would otherwise keep an older summary.
    const threads = listThreads(state);
    await ix.replaceThreads(threads, storiesWithThreads(listStories(state), threads));
    return true;
  });
}

/**
 * Writes the reader-facing record of each story whose members changed since
 * it was last written (title, summary, dates, sources), from the rows of its
 * members alone; each keeps the thread it is in until threads are
 * recomputed. The cost is that of the stories the run touched, not of the corpus.
 */
export async function describeChangedStories(store: Store): Promise<number> {
  return store.connectTransaction(async (ix) => {
    const groups = await ix.undescribedStories();
    if (groups.size === 0) return 0;
    const features = await ix.storyFeatures([...new Set([...groups.values()].flatMap((g) => g.articles))]);
    // A description weighs the members' words and entities (and their lead sentences' words) by document frequency.
    const keys = new Set<string>();
    for (const f of features.values() as Iterable<ArticleFeatures>) {
      for (const t in f.terms) keys.add(t);
      for (const e in f.entities) keys.add(entityDfKey(e));
      for (const lead of f.leadTerms) for (const t of lead) keys.add(t);
    }
    const terms = await ix.storyTerms([...keys]);
    const meta = await ix.storyMeta();
    const state: StoryState = {
      version: 1,
      documents: meta.documents,
      nextKey: meta.nextKey,
      df: Object.fromEntries([...terms].filter(([, t]) => t.df > 0).map(([k, t]) => [k, t.df])),
      articles: Object.fromEntries(features) as Record<string, ArticleFeatures>,
      storyOf: {},
      stories: Object.fromEntries(groups),
      postings: {},
    };
    const stories = [...groups.keys()].map((key) => ({ ...describeStory(state, key), thread: null }));
    await ix.saveStoryDescriptions([...groups.keys()], stories);
    return stories.length;
  });
}

export interface ConnectPassSummary {
  connected: number;
  redone: number;
  /** Milliseconds each article's connect took, in the order they were connected. */
  perArticleMs: number[];
  /** Milliseconds the threads (and every story's description), or the changed stories' descriptions, took. */
  threadsMs: number;
}

/**
 * Connects every analysed article not connected yet (and redoes the stale
 * ones), in id order, each in its own transaction; then the threads with
 * every story described again (`threads: 'all'`, the default), or only the
 * changed stories described (`'changed'`: threads wait for the next
 * whole-corpus refinement). A kill at any point leaves whole articles
 * connected; the next pass goes on from there.
 */
export async function connectPending(store: Store, options: { threads?: 'all' | 'changed' } = {}): Promise<ConnectPassSummary> {
  const summary: ConnectPassSummary = { connected: 0, redone: 0, perArticleMs: [], threadsMs: 0 };
  for (;;) {
    const pending = await store.pendingConnects(BATCH);
    if (pending.length === 0) break;
    for (const p of pending) {
      const started = performance.now();
      await connectArticle(store, p.id, p.stale);
      summary.perArticleMs.push(performance.now() - started);
      if (p.stale) summary.redone++;
      else summary.connected++;
    }
  }
  const started = performance.now();
  if (options.threads === 'changed') await describeChangedStories(store);
  else await updateThreads(store);
  summary.threadsMs = performance.now() - started;
  return summary;
}

/** `sitrep connect --rebuild`: every connection and the connect index made again from scratch. */
export async function rebuildConnections(store: Store): Promise<ConnectPassSummary> {
  await store.resetConnections();
  return connectPending(store);
}
