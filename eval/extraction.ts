/**
 * `npm run eval:extraction` — scores sitrep's HTML article extraction on the
 * Scrapinghub article-extraction benchmark (181 news pages with hand-made
 * article bodies) beside the published tools' own outputs on the same pages.
 *
 *   --worst N     also list the N pages where we score lowest
 *   --save FILE   write our outputs as JSON in the benchmark's shape
 *   --page ID     print our text for one page (an id prefix is enough)
 *
 * The data is read from ../shared/data beside the checkout and never copied
 * into the repository.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtmlBytes, extractHtml } from '../src/ingest/read-html.ts';
import { documentF1, matchShingles, precisionOf, recallOf, scoreSet, type ShingleMatch } from './lib/shingle-score.ts';
import { median } from '../scripts/lib/script.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, '../shared/data/extraction/scrapinghub');

/** Display names of the peers' output files, as the published table names them. */
const PEER_NAMES: Record<string, string> = {
  trafilatura: 'trafilatura',
  newspaper: 'newspaper4k',
  news_please: 'news-please',
  readability_js: 'Readability.js',
  readability: 'readability-lxml',
  goose3: 'goose3',
  'html-text': 'whole-page text',
};

interface BenchmarkItem {
  articleBody?: string;
  url?: string;
}
type BenchmarkOutput = Record<string, BenchmarkItem>;

interface Options {
  worst: number;
  save: string | null;
  page: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { worst: 0, save: null, page: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--worst' && value) options.worst = Number.parseInt(value, 10) || 0;
    else if (arg === '--save' && value) options.save = path.resolve(value);
    else if (arg === '--page' && value) options.page = value;
    else {
      console.error(`eval:extraction: unknown argument ${arg}\nusage: npm run eval:extraction -- [--worst N] [--save FILE] [--page ID]`);
      process.exit(1);
    }
    i++;
  }
  return options;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Peer files are either `{id: item}` or `{output: {id: item}, version}`. */
function asBenchmarkOutput(json: unknown): BenchmarkOutput {
  const object = json as Record<string, unknown>;
  const output = object['output'];
  return (output && typeof output === 'object' ? output : object) as BenchmarkOutput;
}

function score(gold: BenchmarkOutput, predicted: BenchmarkOutput): ShingleMatch[] {
  return Object.keys(gold).map((id) => matchShingles(gold[id]?.articleBody ?? '', predicted[id]?.articleBody ?? ''));
}


function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const goldFile = path.join(dataDir, 'ground-truth.json');
  const htmlDir = path.join(dataDir, 'html');
  if (!existsSync(goldFile) || !existsSync(htmlDir)) {
    console.error(
      `eval:extraction: benchmark data not found at ${dataDir}\n` +
        'Expected the Scrapinghub article-extraction benchmark (ground-truth.json, html/, peer-output/) in ../shared/data beside the checkout.',
    );
    process.exit(1);
  }
  const gold = asBenchmarkOutput(readJson(goldFile));
  const ids = Object.keys(gold);

  const ours: BenchmarkOutput = {};
  const timesMs: number[] = [];
  for (const id of ids) {
    const bytes = gunzipSync(readFileSync(path.join(htmlDir, `${id}.html.gz`)));
    const url = gold[id]?.url;
    const started = performance.now();
    const html = decodeHtmlBytes(bytes);
    const extraction = extractHtml(html, url ? { url } : {});
    timesMs.push(performance.now() - started);
    ours[id] = { articleBody: extraction?.text ?? '', ...(url ? { url } : {}) };
  }

  if (options.page) {
    const id = ids.find((candidate) => candidate.startsWith(options.page!));
    if (!id) {
      console.error(`eval:extraction: no page id starts with ${options.page}`);
      process.exit(1);
    }
    console.log(`# ${id} ${gold[id]?.url ?? ''}\n\n${ours[id]?.articleBody ?? ''}`);
    return;
  }

  const rows: Array<{ tool: string; precision: number; recall: number; f1: number }> = [];
  rows.push({ tool: 'sitrep', ...scoreSet(score(gold, ours)) });
  const peerDir = path.join(dataDir, 'peer-output');
  const peerFiles = existsSync(peerDir) ? readdirSync(peerDir).filter((name) => name.endsWith('.json')).sort() : [];
  if (peerFiles.length === 0) console.error(`eval:extraction: no peer outputs in ${peerDir}; scoring sitrep alone`);
  for (const file of peerFiles) {
    const stem = file.replace(/\.json$/, '');
    rows.push({ tool: PEER_NAMES[stem] ?? stem, ...scoreSet(score(gold, asBenchmarkOutput(readJson(path.join(peerDir, file))))) });
  }
  rows.sort((a, b) => b.f1 - a.f1);

  console.log(`Scrapinghub article-extraction benchmark, ${ids.length} pages (word 4-gram shingles)\n`);
  console.log(`${'tool'.padEnd(18)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}`);
  for (const row of rows) {
    const marker = row.tool === 'sitrep' ? ' ◀' : '';
    console.log(
      `${row.tool.padEnd(18)} ${row.precision.toFixed(3).padStart(9)} ${row.recall.toFixed(3).padStart(7)} ${row.f1.toFixed(3).padStart(6)}${marker}`,
    );
  }
  console.log(`\nsitrep median time per page: ${median(timesMs, 0).toFixed(1)} ms (decode + extract; max ${Math.max(...timesMs).toFixed(0)} ms)`);

  if (options.worst > 0) {
    const perPage = ids.map((id) => {
      const match = matchShingles(gold[id]?.articleBody ?? '', ours[id]?.articleBody ?? '');
      return { id, f1: documentF1(match), precision: precisionOf(match), recall: recallOf(match) };
    });
    perPage.sort((a, b) => a.f1 - b.f1);
    console.log(`\nWorst ${options.worst} pages (id, precision, recall, F1, url):`);
    for (const page of perPage.slice(0, options.worst)) {
      console.log(
        `${page.id.slice(0, 8)} ${page.precision.toFixed(2)} ${page.recall.toFixed(2)} ${page.f1.toFixed(2)} ${gold[page.id]?.url ?? ''}`,
      );
    }
  }

  if (options.save) {
    writeFileSync(options.save, JSON.stringify(ours, null, 1));
    console.log(`\nwrote ${options.save}`);
  }
}

main();
