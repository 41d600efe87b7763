/**
 * `npm run eval:language` — scores language detection on the Scrapinghub
 * article-extraction benchmark: the hand-made article bodies of its 181 news
 * pages, labelled with each page's `<html lang>` (primary subtag; pages
 * without one are skipped). Prints accuracy, confusions and time per article,
 * on whole articles and on their first 100 characters (a headline-sized
 * input, to show how detection degrades on short text).
 *
 *   --size S      eld database size (extrasmall, small, medium, large); repeatable
 *   --all-sizes   compare all four sizes
 *   --misses      list each wrong guess on whole articles with its URL and opening words
 *                 (so a mislabelled page can be told from a detector error)
 *   --letters     how often bare eld (its own isReliable() as the only guard) is
 *                 right or confidently wrong on the first N letters of each
 *                 article: the evidence for language.ts's MIN_LETTERS
 *
 * The data is read from ../shared/data beside the checkout and never copied
 * into the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadLanguageDetector, type LanguageDatabaseSize, type LanguageDetector } from '../src/ingest/language.ts';
import { median } from '../scripts/lib/script.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, '../shared/data/extraction/scrapinghub');

const ALL_SIZES: LanguageDatabaseSize[] = ['extrasmall', 'small', 'medium', 'large'];
/** Headline-sized prefix: the input the detector sees for a title-only feed item. */
const SHORT_PREFIX_CHARS = 100;

interface LabelledText {
  id: string;
  url: string;
  gold: string;
  text: string;
}

interface Score {
  correct: number;
  unknown: number;
  total: number;
  /** "gold → guess" → count, wrong guesses only (null shown as "?"). */
  confusions: Map<string, number>;
  msPerArticle: number[];
  misses: { item: LabelledText; guess: string | null }[];
}

interface Options {
  sizes: LanguageDatabaseSize[];
  showMisses: boolean;
  letterSweep: boolean;
}

/** Prefix lengths, in letters, for --letters. */
const LETTER_SWEEP = [5, 10, 15, 20, 25, 30, 40, 60];

function parseArgs(argv: readonly string[]): Options {
  const sizes: LanguageDatabaseSize[] = [];
  let showMisses = false;
  let letterSweep = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--all-sizes') sizes.push(...ALL_SIZES);
    else if (arg === '--misses') showMisses = true;
    else if (arg === '--letters') letterSweep = true;
    else if (arg === '--size' && ALL_SIZES.includes(value as LanguageDatabaseSize)) {
      sizes.push(value as LanguageDatabaseSize);
      i++;
    } else {
      console.error(`eval:language: bad argument ${arg}\nusage: npm run eval:language -- [--size ${ALL_SIZES.join('|')}]… [--all-sizes] [--misses] [--letters]`);
      process.exit(1);
    }
  }
  return { sizes: [...new Set(sizes)], showMisses, letterSweep };
}

/** The primary subtag of `<html lang="en-US">` ("en"), or null. */
function htmlLanguage(html: string): string | null {
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0];
  if (!htmlTag) return null;
  const match = /\blang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(htmlTag);
  const value = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
  const primary = value.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function loadCorpus(): { texts: LabelledText[]; skipped: number } {
  const truth = JSON.parse(readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const texts: LabelledText[] = [];
  let skipped = 0;
  for (const [id, item] of Object.entries(truth)) {
    const html = gunzipSync(readFileSync(path.join(dataDir, 'html', `${id}.html.gz`))).toString('utf8');
    const gold = htmlLanguage(html);
    if (!gold || !item.articleBody) {
      skipped++;
      continue;
    }
    texts.push({ id, url: item.url ?? '', gold, text: item.articleBody });
  }
  return { texts, skipped };
}

function score(detector: LanguageDetector, texts: readonly LabelledText[], prepare: (text: string) => string): Score {
  const result: Score = { correct: 0, unknown: 0, total: 0, confusions: new Map(), msPerArticle: [], misses: [] };
  for (const item of texts) {
    const { gold, text } = item;
    const input = prepare(text);
    const started = performance.now();
    const guess = detector.detect(input);
    result.msPerArticle.push(performance.now() - started);
    result.total++;
    if (guess.language === gold) result.correct++;
    else {
      if (guess.language === null) result.unknown++;
      result.misses.push({ item, guess: guess.language });
      const key = `${gold} → ${guess.language ?? '?'}`;
      result.confusions.set(key, (result.confusions.get(key) ?? 0) + 1);
    }
  }
  return result;
}


function report(label: string, result: Score): void {
  const accuracy = (100 * result.correct) / result.total;
  const confusions = [...result.confusions].sort((a, b) => b[1] - a[1]).map(([pair, n]) => `${pair} ×${n}`);
  console.log(
    `  ${label.padEnd(18)} ${accuracy.toFixed(1).padStart(5)}%  (${result.correct}/${result.total}, ${result.unknown} unknown)` +
      `  median ${median(result.msPerArticle, 0).toFixed(3)} ms/article`,
  );
  console.log(`  ${''.padEnd(18)} confusions: ${confusions.length > 0 ? confusions.join(', ') : 'none'}`);
}

async function main(): Promise<void> {
  const { sizes: requested, showMisses, letterSweep } = parseArgs(process.argv.slice(2));
  const { texts, skipped } = loadCorpus();
  const byLanguage = new Map<string, number>();
  for (const { gold } of texts) byLanguage.set(gold, (byLanguage.get(gold) ?? 0) + 1);
  console.log(`${texts.length} labelled articles (${skipped} skipped: no <html lang>)`);
  console.log(`gold languages: ${[...byLanguage].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ')}\n`);

  // Without --size, the default detector (whatever size language.ts chose).
  const detectors = requested.length > 0 ? requested.map((size) => () => loadLanguageDetector(size)) : [() => loadLanguageDetector()];
  for (const load of detectors) {
    const started = performance.now();
    const detector = await load();
    const loadMs = performance.now() - started;
    console.log(`eld ${detector.size}: loaded in ${loadMs.toFixed(0)} ms`);
    const whole = score(detector, texts, (text) => text);
    report('whole article', whole);
    if (showMisses) {
      for (const { item, guess } of whole.misses) {
        const opening = item.text.slice(0, 70).replace(/\s+/g, ' ');
        console.log(`    ${item.id.slice(0, 8)} labelled ${item.gold}, guessed ${guess ?? '?'}  ${item.url}\n      "${opening}…"`);
      }
    }
    report(`first ${SHORT_PREFIX_CHARS} chars`, score(detector, texts, (text) => text.slice(0, SHORT_PREFIX_CHARS)));
    console.log('');
  }
  if (letterSweep) await sweepLetters(texts, requested[0] ?? 'medium');
}

/** The words of `text` up to the first `letters` letters. */
function letterPrefix(text: string, letters: number): string {
  const words: string[] = [];
  let count = 0;
  for (const word of text.split(/\s+/)) {
    words.push(word);
    count += word.match(/\p{L}/gu)?.length ?? 0;
    if (count >= letters) break;
  }
  return words.join(' ');
}

async function sweepLetters(texts: readonly LabelledText[], size: LanguageDatabaseSize): Promise<void> {
  const { eld } = await import('eld');
  if (!('load' in eld)) throw new Error('eld: the dynamic entry has no load()');
  const bare = eld.newInstance();
  if (!('load' in bare)) throw new Error('eld: the dynamic entry has no load()');
  await bare.load(size);
  console.log(`bare eld ${size} on the first N letters (no length guard; isReliable() only):`);
  for (const letters of LETTER_SWEEP) {
    let right = 0;
    let confidentlyWrong = 0;
    for (const { gold, text } of texts) {
      const result = bare.detect(letterPrefix(text, letters));
      if (!result.isReliable()) continue;
      if (result.language === gold) right++;
      else confidentlyWrong++;
    }
    const share = (n: number): string => `${((100 * n) / texts.length).toFixed(1).padStart(5)}%`;
    console.log(`  ${String(letters).padStart(3)} letters: right ${share(right)}  wrong ${share(confidentlyWrong)}  unknown ${share(texts.length - right - confidentlyWrong)}`);
  }
}

await main();
