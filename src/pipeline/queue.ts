/**
 * Work shared by any number of worker processes on any number of machines,
 * through a durable queue in the PostgreSQL database they already share.
 *
 * The queue is pg-boss (a maintained job queue on PostgreSQL: SKIP LOCKED
 * fetching, retries, expiry of jobs whose worker died). Chosen over NATS
 * JetStream, which would serve as well, because it adds no service to run:
 * a newsroom that has the database has the queue, backed up with it.
 *
 * Processing is "once in effect": a job is delivered at least once (a worker
 * killed mid-article leaves its job active until it expires, then it is
 * retried), and processing is idempotent — an article is saved in one
 * transaction under its content-derived id, so a retried job finds it stored
 * and records nothing twice; the corpus pass runs under a database-wide lock.
 */
import PgBoss from 'pg-boss';
import type { IngestFailure, RawDocument, ReadResult } from '../model/index.ts';
import { loadLanguageDetector } from '../ingest/language.ts';
import type { Store } from '../store/index.ts';
import { connectCorpus, ingestOne, type IngestEvent } from './ingest.ts';
import { expandPaths, readInputFile, type InputOptions } from './inputs.ts';

export const INGEST_QUEUE = 'sitrep-ingest';
/** The queue's tables live in a schema of their own, beside sitrep's. */
const QUEUE_SCHEMA = 'sitrep_queue';

/**
 * Five minutes for one article: analysis takes a second or two; a job active
 * longer than this belongs to a dead worker and is handed to another.
 */
export const DEFAULT_JOB_TIMEOUT_SECONDS = 300;
/** Five attempts: a transient failure (a dropped connection) passes; a poison document stops being retried. */
const RETRY_LIMIT = 5;
/**
 * Jobs fetched at once by a worker. Ten keeps a worker busy between polls
 * and bounds what a kill sends back to the queue; the corpus pass runs once
 * per batch.
 */
export const DEFAULT_BATCH = 10;
/** A worker asks for work every second when idle: new articles start within a second. */
const POLL_SECONDS = 1;
/** Enqueued in groups of this many: one round trip per group. */
const ENQUEUE_CHUNK = 200;

export interface IngestJob {
  doc: RawDocument;
}

/**
 * Opens the queue on a PostgreSQL database. `jobTimeoutSeconds` also sets how
 * often this instance looks for expired jobs: a quarter of it, so a dead
 * worker's job is taken up again soon after it expires.
 */
export async function openQueue(databaseUrl: string, jobTimeoutSeconds = DEFAULT_JOB_TIMEOUT_SECONDS): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: 4,
    maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(jobTimeoutSeconds / 4))),
    monitorStateIntervalSeconds: Math.max(1, Math.min(120, Math.floor(jobTimeoutSeconds / 4))),
  });
  // Errors pg-boss meets in its background work (a dropped connection) are
  // retried by it; without a listener an EventEmitter 'error' would crash the process.
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(INGEST_QUEUE);
  return boss;
}

export interface EnqueueSummary {
  files: number;
  enqueued: number;
  failed: number;
  failures: IngestFailure[];
}

/** Reads the inputs as `sitrep ingest` would and enqueues each document; unreadable inputs are reported, the rest go in. */
export async function enqueuePaths(
  boss: PgBoss,
  paths: string[],
  options: InputOptions & { jobTimeoutSeconds?: number } = {},
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { files: 0, enqueued: 0, failed: 0, failures: [] };
  const expireInSeconds = options.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
  let pending: PgBoss.JobInsert<IngestJob>[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await boss.insert(pending);
    summary.enqueued += pending.length;
    pending = [];
  };
  const fail = (failure: IngestFailure) => {
    summary.failed++;
    summary.failures.push(failure);
  };
  const { files, failures } = await expandPaths(paths);
  failures.forEach(fail);
  for (const file of files) {
    summary.files++;
    for await (const result of readInputFile(file, options)) {
      if (!result.ok) {
        fail(result.failure);
        continue;
      }
      pending.push({ name: INGEST_QUEUE, data: { doc: result.doc }, retryLimit: RETRY_LIMIT, expireInSeconds });
      if (pending.length >= ENQUEUE_CHUNK) await flush();
    }
  }
  await flush();
  return summary;
}

/** Jobs waiting or being worked on (created, retry, active). */
export async function outstandingJobs(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(INGEST_QUEUE, { before: 'completed' });
}

export interface WorkerOptions {
  batchSize?: number;
  /** Stop once the queue has nothing left (created, retry or active). */
  drain?: boolean;
  onEvent?: (event: IngestEvent) => void;
  now?: () => Date;
  signal?: AbortSignal;
}

/**
 * Processes ingest jobs until `signal` aborts (or, with `drain`, until none
 * is left): each document through the whole pipeline; the corpus pass after
 * each batch, under the database-wide lock.
 */
export async function runWorker(store: Store, boss: PgBoss, options: WorkerOptions = {}): Promise<{ processed: number }> {
  const clock = options.now ?? (() => new Date());
  const languageDetector = await loadLanguageDetector();
  let processed = 0;
  const workId = await boss.work<IngestJob>(
    INGEST_QUEUE,
    { batchSize: options.batchSize ?? DEFAULT_BATCH, pollingIntervalSeconds: POLL_SECONDS },
    async (jobs) => {
      const stored: string[] = [];
      for (const job of jobs) {
        const result: ReadResult = { ok: true, doc: job.data.doc };
        const event = await ingestOne(store, result, { now: clock(), languageDetector });
        // A duplicate too: a retried job (its worker killed between the save and
        // the corpus pass) finds its article stored, and the pass it missed —
        // corpus dating, aliases, alerts — must still run with it. Alerts are
        // idempotent, so an extra pass raises nothing twice.
        if (event.type === 'stored' || event.type === 'duplicate') stored.push(event.id);
        options.onEvent?.(event);
        processed++;
      }
      // A failure here fails the batch; its jobs are retried, and finding their articles stored costs nothing.
      await connectCorpus(store, stored, clock);
    },
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.drain) {
      const check = async () => {
        if (options.signal?.aborted) return;
        if ((await outstandingJobs(boss)) === 0) {
          // Settle: one more corpus pass over everything now stored. Each pass
          // recomputes from every article's own evidence, so this last one makes
          // the store what a single process would leave, whatever order the
          // workers' passes ran in.
          if (processed > 0) await connectCorpus(store, [], clock, { force: true });
          return resolve();
        }
        setTimeout(() => void check().catch(() => setTimeout(check, 1000)), 1000);
      };
      void check();
    }
  });
  await boss.offWork(workId);
  return { processed };
}
