/**
 * `sitrep watch`: polls configured feeds and sends what is new through the
 * whole pipeline (ingest → analysis → connect), one feed poll per ingest run.
 *
 * - Conditional requests (ETag / If-Modified-Since): an unchanged feed costs a 304.
 * - Errors back off exponentially (and honour Retry-After); success resets.
 * - One request at a time per host, at least `hostDelaySeconds` apart.
 * - Items already seen are skipped by id/link; anything re-seen anyway is an
 *   exact duplicate the ingest recognises, so nothing is stored twice.
 * - Item pages (opt-in per feed) are untrusted links: fetched under the same
 *   limits, never on private or loopback addresses unless configured.
 *
 * Polls run one after another: the store takes one writer at a time (PGlite
 * is one process), and a feed poll is short next to its interval.
 */
import { createHash } from 'node:crypto';
import type { RawDocument, ReadResult } from '../../model/index.ts';
import { decodeHtmlBytes } from '../../ingest/read-html.ts';
import { looksLikeFeed, parseFeed } from '../../ingest/read-feed.ts';
import type { Store } from '../../store/index.ts';
import { ingestResults, type IngestEvent, type IngestSummary } from '../ingest.ts';
import type { FeedConfig, WatchConfig } from './config.ts';
import { FetchError, fetchLimited, type FetchAnswer } from './fetch.ts';

/** What is remembered of one feed between polls (and between runs, in the state file). */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  /** Consecutive failed polls (0 after a success). */
  failures: number;
  lastError: string | null;
  nextPollAt: string | null;
  /** Keys of items already ingested (or given up on), newest last. */
  seen: string[];
  /** Failed page fetches per item key, so a dead link is given up after a few polls. */
  attempts: Record<string, number>;
}

export type WatchState = Record<string, FeedState>;

export type WatchEvent =
  | { type: 'poll'; feed: string; outcome: 'not-modified' | 'updated'; items: number; newItems: number; summary: IngestSummary | null; nextPollAt: string }
  | { type: 'poll'; feed: string; outcome: 'failed'; error: string; failures: number; nextPollAt: string }
  | { type: 'ingest'; feed: string; event: IngestEvent };

export interface WatchOptions {
  onEvent?: (event: WatchEvent) => void;
  /** Called after every poll with the whole state, to be persisted. */
  saveState?: (state: WatchState) => Promise<void>;
  now?: () => Date;
  /** Waits; resolves early (false) when the watch is stopped. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<boolean>;
}

/**
 * Items remembered per feed. A feed shows its latest 10–100 items; 5,000 keys
 * cover months of a busy feed, so an item that drops out and comes back is
 * still known, while the state file stays a few hundred KB per feed.
 */
const SEEN_PER_FEED = 5000;
/** Failed page fetches after which an item is given up (reported each time; not retried forever). */
const MAX_PAGE_ATTEMPTS = 3;
/** The longest wait after repeated failures: a broken feed is retried at least four times a day. */
const MAX_BACKOFF_SECONDS = 6 * 3600;
/**
 * A feed item with less text than this is a summary: 600 characters is two or
 * three sentences, what feeds put in <description>; full-text feeds carry more.
 */
const SUMMARY_MAX_CHARS = 600;

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

export function emptyFeedState(url: string): FeedState {
  return { url, etag: null, lastModified: null, lastPolledAt: null, lastSuccessAt: null, failures: 0, lastError: null, nextPollAt: null, seen: [], attempts: {} };
}

/** The identity of an item across polls: its id, else its link, else a hash of its title and text. */
export function itemKey(doc: RawDocument): string {
  if (doc.meta.id) return `id:${doc.meta.id}`;
  if (doc.meta.url) return `url:${doc.meta.url}`;
  const body = `${doc.meta.title ?? ''}\u0000${doc.text ?? doc.html ?? ''}`;
  return `hash:${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
}

/** Seconds to wait after `failures` consecutive failures: the interval doubled per failure, capped; at least what the server asked. */
export function backoffSeconds(intervalSeconds: number, failures: number, retryAfterSeconds?: number): number {
  const doubled = intervalSeconds * 2 ** Math.min(failures, 20);
  return Math.max(Math.min(doubled, Math.max(MAX_BACKOFF_SECONDS, intervalSeconds)), retryAfterSeconds ?? 0);
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class FeedWatcher {
  readonly state: WatchState;
  private readonly hostFreeAt = new Map<string, number>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<boolean>;

  constructor(
    private readonly store: Store,
    private readonly config: WatchConfig,
    state: WatchState = {},
    private readonly options: WatchOptions = {},
  ) {
    this.state = state;
    // A state file from an older version may lack fields: fill them in.
    for (const feed of config.feeds) this.state[feed.url] = { ...emptyFeedState(feed.url), ...this.state[feed.url] };
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Polls every feed once, in order (hosts kept apart by the politeness delay). */
  async pollAll(signal: AbortSignal = new AbortController().signal): Promise<void> {
    for (const feed of this.config.feeds) {
      if (signal.aborted) return;
      await this.poll(feed, signal);
    }
  }

  /** Polls feeds as they fall due until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const due = this.nextDue();
      const wait = due.at - this.now().getTime();
      if (wait > 0 && !(await this.sleep(wait, signal))) return;
      await this.poll(due.feed, signal);
    }
  }

  private nextDue(): { feed: FeedConfig; at: number } {
    let best: { feed: FeedConfig; at: number } | null = null;
    for (const feed of this.config.feeds) {
      const next = this.state[feed.url]!.nextPollAt;
      const at = next ? Date.parse(next) : 0;
      if (!best || at < best.at) best = { feed, at };
    }
    return best!;
  }

  /** Waits until `url`'s host may be asked again, then books the next slot. */
  private async politely(url: string, signal: AbortSignal): Promise<boolean> {
    const host = new URL(url).host;
    const free = this.hostFreeAt.get(host) ?? 0;
    const wait = free - this.now().getTime();
    if (wait > 0 && !(await this.sleep(wait, signal))) return false;
    this.hostFreeAt.set(host, this.now().getTime() + this.config.hostDelaySeconds * 1000);
    return true;
  }

  private fetchLimits(maxBytes: number) {
    return {
      timeoutMs: this.config.timeoutSeconds * 1000,
      maxBytes,
      allowPrivate: this.config.allowPrivateAddresses,
      ...(this.config.userAgent ? { userAgent: this.config.userAgent } : {}),
    };
  }

  /** One poll of one feed: fetch, parse, ingest what is new, book the next poll. */
  async poll(feed: FeedConfig, signal: AbortSignal = new AbortController().signal): Promise<void> {
    const state = this.state[feed.url]!;
    const emit = this.options.onEvent ?? (() => undefined);
    if (!(await this.politely(feed.url, signal))) return;
    state.lastPolledAt = this.now().toISOString();
    try {
      const answer = await fetchLimited({
        url: feed.url,
        ...this.fetchLimits(this.config.maxFeedBytes),
        trustFirstHop: true,
        accept: FEED_ACCEPT,
        etag: state.etag,
        lastModified: state.lastModified,
      });
      if (answer.status === 304) {
        this.succeeded(state, feed, answer);
        emit({ type: 'poll', feed: feed.name, outcome: 'not-modified', items: 0, newItems: 0, summary: null, nextPollAt: state.nextPollAt! });
      } else {
        const docs = this.readFeed(answer, feed);
        const seen = new Set(state.seen);
        const fresh = docs.filter((doc) => !seen.has(itemKey(doc)));
        const summary = fresh.length > 0 ? await this.ingest(feed, fresh, state, signal) : null;
        this.succeeded(state, feed, answer);
        emit({ type: 'poll', feed: feed.name, outcome: 'updated', items: docs.length, newItems: fresh.length, summary, nextPollAt: state.nextPollAt! });
      }
    } catch (error) {
      if (!(error instanceof FetchError) && !(error instanceof FeedFormatError)) throw error;
      state.failures++;
      state.lastError = messageOf(error);
      const wait = backoffSeconds(feed.intervalSeconds, state.failures, error instanceof FetchError ? error.retryAfterSeconds : undefined);
      state.nextPollAt = new Date(this.now().getTime() + wait * 1000).toISOString();
      emit({ type: 'poll', feed: feed.name, outcome: 'failed', error: state.lastError, failures: state.failures, nextPollAt: state.nextPollAt });
    }
    await this.options.saveState?.(this.state);
  }

  private succeeded(state: FeedState, feed: FeedConfig, answer: FetchAnswer): void {
    // A 304 may omit the validators; the ones we sent still hold.
    state.etag = answer.etag ?? state.etag;
    state.lastModified = answer.lastModified ?? state.lastModified;
    state.failures = 0;
    state.lastError = null;
    state.lastSuccessAt = this.now().toISOString();
    state.nextPollAt = new Date(this.now().getTime() + feed.intervalSeconds * 1000).toISOString();
  }

  private readFeed(answer: FetchAnswer, feed: FeedConfig): RawDocument[] {
    const text = decodeHtmlBytes(answer.body, answer.contentType ?? undefined);
    if (!looksLikeFeed(text)) {
      const what = /^\s*(?:<!doctype\s+html|<html)/i.test(text) ? 'an HTML page' : `${answer.contentType ?? 'an unknown type'}`;
      throw new FeedFormatError(`expected an RSS or Atom feed, got ${what}`);
    }
    try {
      return parseFeed(text, feed.url).map((doc) => ({
        ...doc,
        meta: {
          ...doc.meta,
          ...(feed.outlet ? { outlet: feed.outlet } : {}),
          ...(feed.language ? { language: feed.language } : {}),
        },
      }));
    } catch (error) {
      throw new FeedFormatError(messageOf(error));
    }
  }

  /** Ingests the new items of one poll as one run; remembers what went in. */
  private async ingest(feed: FeedConfig, docs: RawDocument[], state: FeedState, signal: AbortSignal): Promise<IngestSummary> {
    const done: string[] = [];
    const summary = await ingestResults(
      this.store,
      [feed.url],
      async (record) => {
        for (const doc of docs) {
          if (signal.aborted) break;
          const key = itemKey(doc);
          const result = await this.itemResult(feed, doc, key, state, signal);
          if (result === null) continue; // stopped while waiting
          await record(result);
          if (result.ok || (state.attempts[key] ?? 0) === 0) done.push(key);
        }
      },
      { onEvent: (event) => this.options.onEvent?.({ type: 'ingest', feed: feed.name, event }), now: this.now },
    );
    state.seen = [...state.seen, ...done].slice(-SEEN_PER_FEED);
    return summary;
  }

  /**
   * The document to ingest for one item: the item itself, or — for a feed
   * with `fetchArticles` and an item carrying only a summary — its page.
   * A page that cannot be had is a failure for that item (retried on later
   * polls, up to a limit); a refused address is not retried.
   */
  private async itemResult(feed: FeedConfig, doc: RawDocument, key: string, state: FeedState, signal: AbortSignal): Promise<ReadResult | null> {
    const body = doc.text ?? doc.html ?? '';
    if (!feed.fetchArticles || !doc.meta.url || body.length >= SUMMARY_MAX_CHARS) return { ok: true, doc };
    const pageUrl = doc.meta.url;
    if (!(await this.politely(pageUrl, signal))) return null;
    try {
      const page = await fetchLimited({ url: pageUrl, ...this.fetchLimits(this.config.maxArticleBytes), accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' });
      delete state.attempts[key];
      return { ok: true, doc: { source: page.url, format: 'html', html: decodeHtmlBytes(page.body, page.contentType ?? undefined), meta: { ...doc.meta, url: page.url } } };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const attempts = (state.attempts[key] ?? 0) + 1;
      if (error.code === 'blocked' || attempts >= MAX_PAGE_ATTEMPTS) delete state.attempts[key];
      else state.attempts[key] = attempts;
      const code = error.code === 'too-large' ? 'ETOOBIG' : 'EREAD';
      const given = error.code === 'blocked' || attempts >= MAX_PAGE_ATTEMPTS ? ' (given up)' : ` (attempt ${attempts} of ${MAX_PAGE_ATTEMPTS})`;
      return { ok: false, failure: { source: pageUrl, code, message: `${error.message}${given}` } };
    }
  }
}

/** The answer was not a feed, or not a well-formed one. */
export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';
}
