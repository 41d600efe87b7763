/**
 * The `sitrep` command line. A user's mistake prints one line and the usage
 * and exits 1; a run in which some inputs failed exits 2 after ingesting the
 * rest; a bug prints its stack.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { IngestError, StoreError } from '../model/index.ts';
import { variantKey } from '../analyze/entities/index.ts';
import { cleanDocument } from '../ingest/clean.ts';
import { loadLanguageDetector } from '../ingest/language.ts';
import { parseColumnMapping, type ColumnMapping } from '../ingest/read-csv.ts';
import { csvLine, jsonRecord, RECORD_KINDS, type ExportFormat, type RecordKind } from '../export/index.ts';
import { ingestPaths, type IngestEvent, type IngestSummary } from '../pipeline/ingest.ts';
import { expandPaths, readInputFile } from '../pipeline/inputs.ts';
import { describeStoreLocation, openStore, type ArticleSummary, type Store } from '../store/index.ts';
import { readEnvironment, type Environment } from './env.ts';
import { createProgress } from './progress.ts';
import { ENTITY_COLUMNS, registerAnalysisCommands } from './analysis-commands.ts';
import { CLAIM_COLUMNS, FIGURE_COLUMNS, QUOTE_COLUMNS, registerAttributionCommands } from './attribution-commands.ts';
import { registerConnectCommands } from './connect-commands.ts';
import { addServeOptions, registerServeCommands, serveUntilStopped, type ServeFlags } from './serve-commands.ts';
import { registerReportCommands } from './report-commands.ts';
import { registerWatchCommands } from './watch-commands.ts';
import { registerAlertCommands } from './alert-commands.ts';
import { registerWorkerCommands, runEnqueue } from './worker-commands.ts';
import { renderTable, type Column } from './table.ts';

/** Exit codes: 0 all went in; 1 usage error or fatal; 2 the run finished but some inputs failed. */
const EXIT_USAGE = 1;
const EXIT_PARTIAL = 2;

export const SAMPLE_CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpus/samples');

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Environment;
}

class UsageError extends Error {}

/** An inferred date's range in words: "≥ 2024-08-01", "≤ 2024-11-05", "2024-07-31…2024-08-06". */
function rangeText(range: ArticleSummary['published']['range']): string | null {
  if (!range || (range.earliest === null && range.latest === null)) return null;
  if (range.latest === null) return `≥ ${range.earliest}`;
  if (range.earliest === null) return `≤ ${range.latest}`;
  return range.earliest === range.latest ? range.earliest : `${range.earliest}…${range.latest}`;
}

function dateCell(p: ArticleSummary['published']): string {
  const mark = { metadata: '', stated: ' (stated)', inferred: ' (inferred)', unknown: '' }[p.provenance];
  // An open-ended inferred date has a bound but no value: the bound is what is known.
  if (!p.value) return p.provenance === 'inferred' && rangeText(p.range) ? `${rangeText(p.range)}${mark}` : 'unknown';
  // A month or a year inferred from a range of days: the range says more ("2024-07-31…2024-08-06").
  if (p.provenance === 'inferred' && p.value.length < 10 && rangeText(p.range)) return `${rangeText(p.range)}${mark}`;
  return `${p.value.slice(0, 10)}${mark}`;
}

const ARTICLE_COLUMNS: Column<ArticleSummary>[] = [
  { header: 'ID', value: (a) => a.id.slice(0, 10) },
  { header: 'PUBLISHED', value: (a) => dateCell(a.published) },
  { header: 'OUTLET', value: (a) => a.outlet?.slice(0, 24) },
  { header: 'LANG', value: (a) => a.language },
  { header: 'TITLE', value: (a) => a.title, flexible: true },
  { header: 'COPY OF', value: (a) => (a.duplicateOf ? `${a.duplicateOf.slice(0, 10)} ${a.similarity?.toFixed(2)}` : '') },
];

function printSummary(io: Io, summary: IngestSummary, location: string): void {
  const lines = [
    `${summary.files} file${summary.files === 1 ? '' : 's'} read into ${describeStoreLocation(location)}`,
    `  stored            ${summary.stored}`,
    `  near-duplicates   ${summary.nearDuplicates} (stored, linked to the article they copy)`,
    `  duplicates        ${summary.duplicates} (already stored: skipped)`,
    `  failed            ${summary.failed}`,
  ];
  if (summary.passedOver.length > 0) lines.push(`  passed over       ${summary.passedOver.length} files of unknown type in directories`);
  for (const f of summary.failures) lines.push(`  ✗ ${f.source}: ${f.message} [${f.code}]`);
  if (summary.stored === 0 && summary.duplicates > 0 && summary.failed === 0) lines.push('Nothing new: every article was already stored.');
  io.err(lines.join('\n'));
}

/** One line per article, for logs: what happened to each input. */
function logEvent(io: Io, event: IngestEvent): void {
  switch (event.type) {
    case 'stored':
      io.err(`stored ${event.id} ${event.source}${event.duplicateOf ? ` (copy of ${event.duplicateOf}, ${event.similarity?.toFixed(2)})` : ''}`);
      break;
    case 'duplicate':
      io.err(`duplicate ${event.id} ${event.source} (first seen in ${event.firstSource})`);
      break;
    case 'failed':
      io.err(`failed ${event.failure.source}: ${event.failure.message} [${event.failure.code}]`);
      break;
    case 'file':
      break;
  }
}

async function withStore<T>(location: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}"`);
    return n;
  };
}

function parseSize(value: string): number {
  const m = value.trim().match(/^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i);
  if (!m) throw new UsageError(`--max-size must look like 500k, 20m or 1g, got "${value}"`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}

function mapping(spec: string | undefined): ColumnMapping {
  if (!spec) return {};
  try {
    return parseColumnMapping(spec);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type IngestFlags = { db: string; map?: string; maxSize?: number; json?: boolean; quiet?: boolean; verbose?: boolean };

async function runIngest(io: Io, paths: string[], opts: IngestFlags): Promise<number> {
  const csvMapping = mapping(opts.map);
  return withStore(opts.db, (store) => ingestInto(io, store, paths, opts, csvMapping));
}

/** Ingests into an open store (the demo keeps one open: an in-memory store lives as long as it is open). */
async function ingestInto(io: Io, store: Store, paths: string[], opts: IngestFlags, csvMapping: ColumnMapping = {}): Promise<number> {
  const progress = createProgress(io.env.interactive && !opts.quiet && !opts.json && !opts.verbose);
  const summary = await ingestPaths(store, paths, {
    csvMapping,
    ...(opts.maxSize !== undefined ? { maxBytes: opts.maxSize } : {}),
    onEvent: (event) => {
      progress.onEvent(event);
      if (opts.verbose) logEvent(io, event);
    },
  });
  progress.stop();
  if (opts.json) io.out(JSON.stringify(summary, null, 2));
  else printSummary(io, summary, opts.db);
  return summary.failed > 0 ? EXIT_PARTIAL : 0;
}

/** What a command's action reports back besides its output. */
interface RunState {
  exitCode: number;
}

export function buildProgram(io: Io, state: RunState): Command {
  const program = new Command('sitrep')
    .description('Turns news articles into a situation report: ingest, clean, deduplicate, search.')
    .version('0.1.0')
    .addOption(
      new Option('--db <location>', 'database: a folder (embedded PGlite), memory://, or postgres://…').default(
        io.env.defaultDatabase,
        `$SITREP_DB, $DATABASE_URL or ./sitrep-data`,
      ),
    )
    .showHelpAfterError('(run sitrep --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  const db = () => program.opts<{ db: string }>().db;
  const commandContext = {
    out: io.out,
    err: io.err,
    columns: io.env.columns,
    db,
    withStore,
    usageError: (message: string) => new UsageError(message),
  };

  program
    .command('ingest')
    .description('read articles (txt, html, rss/atom, jsonl, json, csv; directories, .gz, - for stdin) into the store')
    .argument('<paths...>', 'files, directories or - for standard input')
    .option('--map <mapping>', 'CSV column mapping, e.g. title=headline,published=date,text=body,url=link')
    .option('--max-size <size>', 'largest file (or JSONL/CSV record) to read, e.g. 20m', parseSize)
    .option('--json', 'print the run summary as JSON')
    .option('-q, --quiet', 'no progress bar')
    .option('-v, --verbose', 'one line per article on standard error (stored, duplicate, failed)')
    .option('--enqueue', 'queue the documents for `sitrep worker` processes instead (PostgreSQL only)')
    .option('--job-timeout <seconds>', 'with --enqueue: how long a job may run before it is retried', positiveInt('--job-timeout'))
    .action(async (paths: string[], opts) => {
      state.exitCode = opts.enqueue
        ? await runEnqueue(commandContext, paths, opts)
        : await runIngest(io, paths, { db: db(), ...opts });
    });

  addServeOptions(
    program
      .command('demo')
      .description('ingest the bundled sample corpus, list what was stored and serve the web app on it (what `npm start` runs)')
      .option('--no-serve', 'stop after listing (do not start the web app)'),
  ).action(async (opts: ServeFlags & { serve: boolean }) => {
    io.err(`Ingesting the sample corpus (${SAMPLE_CORPUS})…`);
    // One store for the whole demo: with memory:// a second open would be another, empty database.
    const store = await openStore(db());
    try {
      state.exitCode = await ingestInto(io, store, [SAMPLE_CORPUS], { db: db() });
      io.out(renderTable(await store.listArticles({ limit: 50 }), ARTICLE_COLUMNS, io.env.columns));
      const DEMO_ENTITIES = 15; // a screenful under the article table
      io.out(`\nMost mentioned:\n${renderTable(await store.listEntities({ limit: DEMO_ENTITIES }), ENTITY_COLUMNS, io.env.columns)}`);
      // A few lines of each, enough to show what `sitrep quotes|claims|figures` hold.
      const DEMO_ROWS = 8;
      const sections: Array<[string, string]> = [
        ['Quotes', renderTable(await store.listQuotes({ limit: DEMO_ROWS }), QUOTE_COLUMNS, io.env.columns)],
        ['Control claims', renderTable(await store.listClaims({ control: true, limit: DEMO_ROWS }), CLAIM_COLUMNS, io.env.columns)],
        ['Figures', renderTable(await store.listFigures({ limit: DEMO_ROWS }), FIGURE_COLUMNS, io.env.columns)],
      ];
      for (const [heading, table] of sections) io.out(`\n${heading}:\n${table}`);
      io.err(
        '\nNext: sitrep show ID · sitrep entity Mirnograd · sitrep quotes --by Zelensky · sitrep claims --control · ' +
          'sitrep figures --unit km2 · sitrep search Zelensky · sitrep ingest YOUR_FILES',
      );
      if (opts.serve) await serveUntilStopped({ ...commandContext, env: io.env }, opts, store);
    } finally {
      await store.close();
    }
  });

  program
    .command('articles')
    .description('list stored articles, newest first')
    .option('-n, --limit <n>', 'how many', positiveInt('--limit'), 50)
    .option('--offset <n>', 'skip this many', positiveInt('--offset'), 0)
    .option('--outlet <name>', 'only this outlet (case-insensitive; % as wildcard)')
    .option('--language <code>', 'only this language (ISO 639-1)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      await withStore(db(), async (store) => {
        const rows = await store.listArticles(opts);
        if (opts.json) io.out(JSON.stringify(rows, null, 2));
        else io.out(rows.length ? renderTable(rows, ARTICLE_COLUMNS, io.env.columns) : 'No articles stored yet. Try: sitrep ingest PATH');
      });
    });

  program
    .command('show')
    .description('show one stored article (id or an unambiguous prefix of 6+ characters)')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, opts) => {
      await withStore(db(), async (store) => {
        const article = await store.getArticle(id);
        if (!article) throw new UsageError(`no article with id "${id}" (ids are listed by: sitrep articles)`);
        if (opts.json) {
          io.out(JSON.stringify(article, null, 2));
          return;
        }
        const p = article.published;
        io.out(
          [
            article.title,
            '',
            `id         ${article.id}`,
            `outlet     ${article.outlet ?? '-'}`,
            `author     ${article.author ?? '-'}`,
            `published  ${p.value ?? rangeText(article.meta.publishedRange as ArticleSummary['published']['range']) ?? 'unknown'} (${p.provenance}${p.evidence ? `: ${p.evidence}` : ''})`,
            `language   ${article.language ?? '-'}`,
            `url        ${article.url ?? '-'}`,
            `source     ${article.sources.join(', ')}`,
            ...(article.duplicateOf ? [`copy of    ${article.duplicateOf} (similarity ${article.similarity})`] : []),
            ...(article.removed.length ? [`furniture  ${article.removed.length} lines removed (--json lists them)`] : []),
            '',
            article.text,
          ].join('\n'),
        );
      });
    });

  program
    .command('extract')
    .description('print what sitrep reads out of one file, as JSON, without storing it')
    .argument('<file>')
    .option('--map <mapping>', 'CSV column mapping')
    .action(async (file: string, opts) => {
      const { files, failures } = await expandPaths([file]);
      const articles: unknown[] = [];
      const context = { now: new Date(), languageDetector: await loadLanguageDetector() };
      for (const f of failures) throw new IngestError(f.code, `${f.source}: ${f.message}`);
      for (const input of files) {
        for await (const result of readInputFile(input, { csvMapping: mapping(opts.map) })) {
          if (!result.ok) {
            io.err(`✗ ${result.failure.source}: ${result.failure.message} [${result.failure.code}]`);
            state.exitCode = EXIT_PARTIAL;
            continue;
          }
          try {
            articles.push(cleanDocument(result.doc, context));
          } catch (error) {
            if (!(error instanceof IngestError)) throw error;
            io.err(`✗ ${error.source ?? result.doc.source}: ${error.message} [${error.code}]`);
            state.exitCode = EXIT_PARTIAL;
          }
        }
      }
      io.out(JSON.stringify(articles.length === 1 ? articles[0] : articles, null, 2));
    });

  program
    .command('search')
    .description('full-text search over titles and texts (web-search syntax: "exact phrase", or, -not)')
    .argument('<query...>')
    .option('-n, --limit <n>', 'how many', positiveInt('--limit'), 20)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts) => {
      await withStore(db(), async (store) => {
        const query = words.join(' ');
        // A bare name (no operators) also finds the articles that spell it otherwise.
        const entityVariants = /^[\p{L}\p{M}' .-]+$/u.test(query) ? [variantKey(query)] : [];
        const hits = await store.searchArticles(query, { limit: opts.limit, entityVariants });
        if (opts.json) io.out(JSON.stringify(hits, null, 2));
        else if (hits.length === 0) io.out(`No article matches "${words.join(' ')}".`);
        else
          io.out(
            hits
              .map((h) => `${h.id.slice(0, 10)}  ${dateCell(h.published)}  ${h.outlet ?? '-'}  ${h.title}\n    ${h.snippet.replace(/\s+/g, ' ')}`)
              .join('\n'),
          );
      });
    });

  program
    .command('export')
    .description('write every stored record out: articles, analyses, entities, mentions, quotes, claims, figures, stories, threads, events, quote appearances, claim links, figure series (schema: docs/export.md)')
    .addOption(new Option('--format <format>', 'jsonl or csv').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--out <dir>', 'folder to write one file per record type into (default: standard output)')
    .option('--records <types>', `which record types, comma-separated: ${RECORD_KINDS.map((k) => k.name).join(',')}`)
    .action(async (opts: { format: ExportFormat; out?: string; records?: string }) => {
      let wanted = opts.records?.split(',').map((r) => r.trim()) ?? RECORD_KINDS.map((k) => k.name);
      const unknown = wanted.filter((w) => !RECORD_KINDS.some((k) => k.name === w));
      if (unknown.length) throw new UsageError(`--records: unknown type "${unknown[0]}" (choose from ${RECORD_KINDS.map((k) => k.name).join(', ')})`);
      // CSV on standard output is one table: the articles, unless one other type is asked for.
      if (!opts.out && opts.format === 'csv') {
        if (!opts.records) wanted = ['articles'];
        else if (wanted.length > 1) throw new UsageError('CSV on standard output holds one record type: pass --out DIR, or one --records type');
      }
      const kinds = RECORD_KINDS.filter((k) => wanted.includes(k.name));
      await withStore(db(), async (store) => {
        if (opts.out) await mkdir(opts.out, { recursive: true });
        const counts: string[] = [];
        for (const kind of kinds as ReadonlyArray<RecordKind<unknown>>) {
          let write = (text: string) => io.out(text.replace(/\n$/, ''));
          let finish = async () => undefined;
          if (opts.out) {
            const stream = createWriteStream(join(opts.out, `${kind.name}.${opts.format}`));
            write = (text: string) => void stream.write(text.endsWith('\n') ? text : `${text}\n`);
            finish = () => new Promise<undefined>((done, fail) => stream.end(() => done(undefined)).on('error', fail));
          }
          let count = 0;
          if (opts.format === 'csv') write(csvLine(kind.csvColumns));
          for await (const record of kind.iterate(store)) {
            write(opts.format === 'csv' ? csvLine(kind.csvRow(record)) : jsonRecord(kind, record));
            count++;
          }
          await finish();
          counts.push(`${count} ${kind.name}`);
        }
        io.err(`exported ${counts.join(', ')} to ${opts.out ?? 'standard output'}`);
      });
    });

  registerAnalysisCommands(program, commandContext);
  registerAttributionCommands(program, commandContext);
  registerConnectCommands(program, commandContext);
  registerServeCommands(program, { ...commandContext, env: io.env });
  registerReportCommands(program, commandContext);
  registerWatchCommands(program, commandContext, (code) => (state.exitCode = code), io.env);
  registerAlertCommands(program, commandContext, io.env);
  registerWorkerCommands(program, commandContext);

  program
    .command('stats')
    .description('summarise the store')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      await withStore(db(), async (store) => {
        const s = await store.stats();
        if (opts.json) {
          io.out(JSON.stringify(s, null, 2));
          return;
        }
        const counts = (rows: Array<{ key: string | null; count: number }>) =>
          rows.map((r) => `${r.key ?? 'unknown'} ${r.count}`).join(', ') || '-';
        io.out(
          [
            `database         ${describeStoreLocation(db())} (${s.backend}, schema v${s.schemaVersion})`,
            `articles         ${s.articles} (${s.nearDuplicates} near-duplicates linked to their original)`,
            `sources seen     ${s.sources}`,
            `published        ${s.firstPublished ?? '?'} … ${s.lastPublished ?? '?'}`,
            `dates known by   ${counts(s.byProvenance)}`,
            `languages        ${counts(s.byLanguage)}`,
            `outlets          ${counts(s.byOutlet.slice(0, 10))}`,
            `ingest runs      ${s.ingestRuns} (${s.failures} inputs failed in all)`,
          ].join('\n'),
        );
      });
    });

  return program;
}

/** Runs the CLI; returns the exit code (the bin sets it). */
export async function main(argv: string[], io?: Partial<Io>): Promise<number> {
  const full: Io = {
    out: io?.out ?? ((s) => process.stdout.write(`${s}\n`)),
    err: io?.err ?? ((s) => process.stderr.write(`${s}\n`)),
    env: io?.env ?? readEnvironment(),
  };
  const state: RunState = { exitCode: 0 };
  const program = buildProgram(full, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof IngestError) {
      full.err(`sitrep: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof StoreError && (error.code === 'ECONNECT' || error.code === 'ECONFIG')) {
      full.err(`sitrep: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
