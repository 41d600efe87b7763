/**
 * The ingest run: inputs → clean → fingerprint → near-duplicate check → store,
 * one article at a time, each saved in its own transaction. A crash or kill
 * leaves every stored article whole; running again skips what is stored
 * (content-derived ids) and finishes the rest.
 */
import type { CleanArticle, IngestFailure, ReadResult } from '../model/index.ts';
import { IngestError } from '../model/index.ts';
import { cleanDocument } from '../ingest/clean.ts';
import { loadLanguageDetector, type LanguageDetector } from '../ingest/language.ts';
import {
  articleIdFromHash,
  copySimilarity,
  fingerprint,
  NEAR_DUPLICATE_SIMILARITY,
  wordShingles,
} from '../ingest/fingerprint.ts';
import { analyze, ANALYZER_VERSION } from '../analyze/index.ts';
import { variantKey } from '../analyze/entities/index.ts';
import type { Analysis, ArticleEntity } from '../model/index.ts';
import type { AnalysisToStore, SaveOutcome, Store } from '../store/index.ts';
import { dateFromCorpusEvidence, linkEntityAliases } from './connect.ts';
import { raiseAlerts } from './alerts.ts';
import { connectPending } from './connect-incremental.ts';
import { expandPaths, readInputFile, type InputOptions } from './inputs.ts';

/**
 * LSH candidates judged exactly per article. Sharing band keys with more than
 * a handful of stored articles means a much-copied text; the ten sharing the
 * most keys include its closest copy.
 */
const MAX_COPY_CANDIDATES = 10;

export type IngestEvent =
  | { type: 'file'; path: string; index: number; total: number }
  | { type: 'stored'; id: string; title: string; source: string; duplicateOf: string | null; similarity: number | null }
  | { type: 'duplicate'; id: string; source: string; firstSource: string }
  | { type: 'failed'; failure: IngestFailure };

export interface IngestSummary {
  files: number;
  stored: number;
  /** Exact duplicates not stored again (already in the store, or twice in this batch). */
  duplicates: number;
  /** Stored and linked to the article they copy. */
  nearDuplicates: number;
  failed: number;
  failures: IngestFailure[];
  /** Files inside directories passed over for an unknown type. */
  passedOver: string[];
  startedAt: string;
  finishedAt: string;
}

export interface IngestOptions extends InputOptions {
  onEvent?: (event: IngestEvent) => void;
  /** The clock, passed in so runs are reproducible in tests. */
  now?: () => Date;
  /** When the run refines the whole corpus (see connectCorpus); the defaults suit every store. */
  refine?: CorpusPassOptions['refine'];
}

export interface PreparedArticle {
  article: CleanArticle;
  id: string;
  contentHash: string;
  bandKeys: string[];
  shingles: Set<string>;
}

/**
 * The spellings an entity is searched by, as variant keys: each variant, and
 * for people each word of a multi-word name's last part (so "Zelensky" finds
 * "Volodymyr Zelenskyy"), role phrases ("the president") excepted.
 */
export function searchVariants(entities: ArticleEntity[]): AnalysisToStore['variants'] {
  const out = new Map<string, { variant: string; entityKey: string }>();
  const add = (spelling: string, entityKey: string) => {
    const key = variantKey(spelling);
    if (key) out.set(`${key}\u0000${entityKey}`, { variant: key, entityKey });
  };
  for (const entity of entities) {
    for (const spelling of [entity.name, ...entity.variants]) {
      if (/^(the|its|his|her|their|a|an)\s/i.test(spelling)) continue;
      add(spelling, entity.key);
      if (entity.type === 'person') {
        const words = spelling.split(/\s+/);
        if (words.length > 1) add(words[words.length - 1]!, entity.key);
      }
      // "Seym River", "Kursk Oblast", "the Donetsk region": found by the bare name too.
      if (entity.type === 'place') {
        const bare = spelling.replace(/\s+(?:river|oblast|region|province|krai|raion|district)$/i, '');
        if (bare !== spelling && bare.length > 1) add(bare, entity.key);
      }
    }
  }
  return [...out.values()];
}

/** What every article of a run shares: the run's clock reading and the loaded language detector. */
export interface IngestContext {
  now: Date;
  languageDetector: LanguageDetector;
}

/** Cleaned and fingerprinted: enough to tell whether the store already has it. */
export function prepareArticle(result: ReadResult & { ok: true }, context: IngestContext): PreparedArticle {
  const article = cleanDocument(result.doc, context);
  const print = fingerprint(article.text);
  return {
    article,
    id: articleIdFromHash(print.contentHash),
    contentHash: print.contentHash,
    bandKeys: print.bandKeys,
    shingles: print.shingles,
  };
}

/** The photo captions the cleaner took off the page: their dates are evidence of an undated article's date. */
export function captionsOf(article: CleanArticle): string[] {
  return article.removed.filter((r) => r.rule === 'photo-caption').map((r) => r.line);
}

/**
 * Analyses an article; an undated one takes the date its text gives evidence
 * for, marked inferred — a value when the evidence bounds it on both sides,
 * else only the range (`meta.publishedRange`, one end open). Run only for
 * articles about to be stored: analysis is the costliest stage, and an exact
 * duplicate would throw its result away.
 */
export function analyzeArticle(article: CleanArticle): { article: CleanArticle; analysis: Analysis } {
  const analysis = analyze({ text: article.text, published: article.published, captions: captionsOf(article) });
  const { range, ...published } = analysis.published;
  if (article.published.value !== null || published.provenance !== 'inferred') return { article, analysis };
  return {
    article: { ...article, published, meta: range ? { ...article.meta, publishedRange: range } : article.meta },
    analysis,
  };
}

/**
 * The stored article this one copies most, if any copies enough; `exact` when
 * the store already holds this very text.
 */
export async function findOriginal(
  store: Store,
  prepared: PreparedArticle,
): Promise<'exact' | { id: string; similarity: number } | null> {
  const candidates = await store.findCopyCandidates(prepared.bandKeys, MAX_COPY_CANDIDATES);
  let best: { id: string; similarity: number } | null = null;
  for (const candidate of candidates) {
    if (candidate.id === prepared.id) return 'exact';
    const similarity = copySimilarity(prepared.shingles, wordShingles(candidate.text));
    if (similarity >= NEAR_DUPLICATE_SIMILARITY && (!best || similarity > best.similarity)) {
      best = { id: candidate.id, similarity };
    }
  }
  return best;
}

function withoutText(analysis: Analysis): Omit<Analysis, 'text'> {
  const { text: _text, ...rest } = analysis;
  return rest;
}

async function saveAnalysed(
  store: Store,
  prepared: PreparedArticle,
  base: { id: string; contentHash: string; bandKeys: string[]; ingestedAt: string },
): Promise<{ outcome: SaveOutcome; original: { id: string; similarity: number } | null }> {
  // Analysis, the costly part, runs outside the lock; several workers analyse at once.
  const { article, analysis } = analyzeArticle(prepared.article);
  // The copy check and the save run under one lock, so an article stored by
  // another worker a moment ago is seen: two near-duplicates processed at once
  // are linked, one to the other, as a single process would link them.
  return store.exclusively('save-article', async () => {
    const found = await findOriginal(store, prepared);
    if (found === 'exact') {
      return { outcome: await store.saveArticle({ ...prepared.article, ...base, duplicateOf: null, similarity: null }), original: null };
    }
    const outcome = await store.saveArticle({
      ...article,
      ...base,
      duplicateOf: found?.id ?? null,
      similarity: found ? Number(found.similarity.toFixed(3)) : null,
      analysis: {
        analyzerVersion: ANALYZER_VERSION,
        analysis: withoutText(analysis),
        variants: searchVariants(analysis.entityIndex),
      },
    });
    return { outcome, original: found };
  });
}

/** Stores one read result; returns the event describing what happened to it. */
export async function ingestOne(store: Store, result: ReadResult, context: IngestContext): Promise<IngestEvent> {
  if (!result.ok) return { type: 'failed', failure: result.failure };
  let prepared: PreparedArticle;
  try {
    prepared = prepareArticle(result, context);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { type: 'failed', failure: { source: error.source ?? result.doc.source, code: error.code, message: error.message } };
  }
  const base = {
    id: prepared.id,
    contentHash: prepared.contentHash,
    bandKeys: prepared.bandKeys,
    ingestedAt: context.now.toISOString(),
  };
  // Already stored: saving records this source against it, with no analysis to redo.
  const stored = await store.getArticle(prepared.id);
  const { outcome, original } = stored
    ? { outcome: await store.saveArticle({ ...prepared.article, ...base, duplicateOf: null, similarity: null }), original: null }
    : await saveAnalysed(store, prepared, base);
  if (outcome.status === 'duplicate') {
    return { type: 'duplicate', id: outcome.id, source: result.doc.source, firstSource: outcome.firstSource };
  }
  return {
    type: 'stored',
    id: outcome.id,
    title: prepared.article.title,
    source: result.doc.source,
    duplicateOf: original?.id ?? null,
    similarity: original?.similarity ?? null,
  };
}

/**
 * The whole-corpus refinement — entity aliases across every spelling, years
 * for undated articles from the corpus's evidence, threads and every story
 * described again — reads the whole corpus, so it runs when the corpus has
 * grown by this share since the last one (and always while it is small):
 * then its cost per article stays constant however large the corpus grows,
 * as a growing array's copying does. Between refinements each run connects
 * its articles and describes the stories they changed. A tenth: a 100,000-
 * article store refines after every 10,000 new articles (a few hours of
 * EMM-scale news), and an alias or corpus date arrives at most that late.
 */
const REFINE_AFTER_GROWTH = 0.1;
/**
 * Below this many analysed articles every run refines: the whole pass takes a
 * fraction of a second there. Not higher: workers run the corpus pass after
 * every batch of ten, and a refinement after each of them made one worker
 * slower than one `sitrep ingest` on the 447 corpus (bench:workers).
 */
const ALWAYS_REFINE_BELOW = 200;

/** Whether a run over this store should refine the whole corpus (see REFINE_AFTER_GROWTH). */
export function refinementDue(state: { analysed: number; atLastRefinement: number | null }, limits = { growth: REFINE_AFTER_GROWTH, below: ALWAYS_REFINE_BELOW }): boolean {
  if (state.atLastRefinement === null || state.analysed < limits.below) return true;
  return state.analysed - state.atLastRefinement >= limits.growth * state.atLastRefinement;
}

export interface CorpusPassOptions {
  /** Refine the whole corpus whatever its growth (`sitrep connect`). */
  force?: boolean;
  /** Overrides of REFINE_AFTER_GROWTH and ALWAYS_REFINE_BELOW (tests, benchmarks). */
  refine?: { growth: number; below: number };
}

/**
 * The corpus level after articles went in: each new (or re-dated) article
 * connected on its own by index look-ups — quotes, claims, figures, events,
 * its story — and the changed stories described; when due, the whole-corpus
 * refinement (spellings and typos of one entity become aliases, undated
 * articles get the years other articles' evidence shows, threads); then what
 * users follow is matched against what came in. Also when nothing new was
 * stored but an earlier run was killed before its corpus pass finished.
 * Under one lock: workers on several machines never run it twice at once.
 */
export async function connectCorpus(store: Store, storedIds: readonly string[], clock: () => Date, options: CorpusPassOptions = {}): Promise<void> {
  await store.exclusively('corpus', async () => {
    if (options.force || storedIds.length > 0 || (await store.connectionsStale())) {
      const state = await store.refinementState();
      const refine = options.force || refinementDue(state, options.refine);
      if (refine) {
        await linkEntityAliases(store);
        await dateFromCorpusEvidence(store);
      }
      await connectPending(store, { threads: refine ? 'all' : 'changed' });
      if (refine) await store.recordRefinement(state.analysed, clock());
    }
    await raiseAlerts(store, storedIds, clock());
  });
}

/**
 * Ingests read results from any source (files, a feed poll, an HTTP request
 * body) as one run: each result stored in its own transaction, then the
 * corpus pass, then the run recorded under `inputs`.
 */
export async function ingestResults(
  store: Store,
  inputs: string[],
  produce: (record: (result: ReadResult) => Promise<void>, emit: (event: IngestEvent) => void, summary: IngestSummary) => Promise<void>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const clock = options.now ?? (() => new Date());
  const startedAt = clock().toISOString();
  const emit = options.onEvent ?? (() => undefined);
  const summary: IngestSummary = {
    files: 0, stored: 0, duplicates: 0, nearDuplicates: 0, failed: 0, failures: [], passedOver: [], startedAt, finishedAt: startedAt,
  };
  const storedIds: string[] = [];
  const count = (event: IngestEvent) => {
    switch (event.type) {
      case 'stored':
        summary.stored++;
        storedIds.push(event.id);
        if (event.duplicateOf) summary.nearDuplicates++;
        break;
      case 'duplicate':
        summary.duplicates++;
        break;
      case 'failed':
        summary.failed++;
        summary.failures.push(event.failure);
        break;
    }
    emit(event);
  };

  const languageDetector = await loadLanguageDetector();
  await produce(async (result) => count(await ingestOne(store, result, { now: clock(), languageDetector })), count, summary);
  await connectCorpus(store, storedIds, clock, options.refine ? { refine: options.refine } : {});
  summary.finishedAt = clock().toISOString();
  await store.recordIngestRun({
    startedAt: summary.startedAt,
    finishedAt: summary.finishedAt,
    inputs,
    stored: summary.stored,
    duplicates: summary.duplicates,
    nearDuplicates: summary.nearDuplicates,
    failures: summary.failures,
  });
  return summary;
}

export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const emit = options.onEvent ?? (() => undefined);
  return ingestResults(
    store,
    paths,
    async (record, count, summary) => {
      const { files, failures, passedOver } = await expandPaths(paths);
      summary.passedOver = passedOver;
      for (const failure of failures) count({ type: 'failed', failure });
      for (const [index, file] of files.entries()) {
        summary.files++;
        emit({ type: 'file', path: file.path, index, total: files.length });
        for await (const result of readInputFile(file, options)) await record(result);
      }
    },
    options,
  );
}
