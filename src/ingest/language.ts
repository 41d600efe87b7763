/**
 * Language identification with eld (Efficient Language Detector): n-gram
 * scores over 60 languages, returned as ISO 639-1 codes.
 *
 * eld's only lazy loader is an async `import()` of its n-gram database, so the
 * first detection is async. Callers that detect in a loop can await
 * `loadLanguageDetector()` once and call its synchronous `detect` after that.
 */

/** eld's n-gram database sizes, smallest first. */
export type LanguageDatabaseSize = 'extrasmall' | 'small' | 'medium' | 'large';

/** A detected language, or null when the text is too short or too ambiguous to tell. */
export interface LanguageGuess {
  /** ISO 639-1 code, or null. */
  language: string | null;
  /** eld's score for `language`, 0–1 (a correct guess usually scores 0.75–0.9); 0 when null. */
  confidence: number;
}

export interface LanguageDetector {
  readonly size: LanguageDatabaseSize;
  detect(text: string): LanguageGuess;
}

/**
 * `medium`, eld's own default. Measured with `npm run eval:language -- --all-sizes`
 * (151 labelled news pages, Node 20; load times are single runs and vary by
 * half again on a busy machine):
 *
 *   size        load      process RSS   whole article   first 100 chars
 *   extrasmall  ≈ 0.2 s   130 MB        95.4 %          94.7 %
 *   small       ≈ 0.4 s   190 MB        96.0 %          96.0 %
 *   medium      ≈ 0.5 s   240 MB        96.0 %          96.0 %
 *   large       ≈ 1.3 s   430 MB        96.0 %          96.0 %
 *
 * (All misses from small up are 4 mislabelled pages and 2 Indonesian ones, a
 * language eld lacks.) Only extrasmall loses accuracy, and only on short text;
 * large costs 3x the load time and 2x the memory for nothing we can measure.
 * Between small and medium our data cannot choose; eld's own benchmark shows
 * the larger tables win on word pairs (medium 88 %, extrasmall 85 %), which is
 * what a headline-only feed item looks like, and 0.1 s once per process is cheap.
 */
const DEFAULT_DATABASE_SIZE: LanguageDatabaseSize = 'medium';

/**
 * Fewer letters than this (a four- or five-word headline) is "unknown".
 * `npm run eval:language -- --letters` runs bare eld, with only its own
 * isReliable() as a guard, on the first N letters of 151 labelled articles:
 * confidently wrong 13.2 % at 20 letters, 8.6 % at 25, 6.0 % at 30 and
 * 4.6 % at 60, where 4.0 % is the floor of mislabelled or unsupported pages.
 * 30 is where the error stops falling fast; isReliable() alone only asks for
 * 3 n-grams.
 */
const MIN_LETTERS = 30;

/**
 * eld reads at most ~380 UTF-8 bytes (≈ 190 Cyrillic or ≈ 380 Latin characters)
 * of its input and ignores the rest. Scoring a few windows spread over the text
 * and adding their scores lets a long article outvote an English lead-in, a
 * foreign quote or a byline at the top.
 */
const SAMPLE_WINDOW_CHARS = 300;
/** Three windows (start, middle, end) cost three eld calls, still < 1 ms per article. */
const SAMPLE_WINDOWS = 3;

const LETTER = /\p{L}/gu;

/** Database size → its loaded detector; one load per size per process. */
const detectors = new Map<LanguageDatabaseSize, Promise<LanguageDetector>>();

/** Loads (once per process and size) and returns a synchronous detector. */
export function loadLanguageDetector(
  size: LanguageDatabaseSize = DEFAULT_DATABASE_SIZE,
): Promise<LanguageDetector> {
  let detector = detectors.get(size);
  if (!detector) {
    detector = createDetector(size);
    // A failed load (a broken install) should be retried, not cached.
    detector.catch(() => detectors.delete(size));
    detectors.set(size, detector);
  }
  return detector;
}

/** Detects the language of `text` with the default database (loaded on first use). */
export async function detectLanguage(text: string): Promise<LanguageGuess> {
  const detector = await loadLanguageDetector();
  return detector.detect(text);
}

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}
interface EldInstance {
  detect(text: string): EldResult;
  load(size: string): Promise<unknown>;
}

async function createDetector(size: LanguageDatabaseSize): Promise<LanguageDetector> {
  const { eld } = await import('eld');
  // eld's typings give the union of its static and dynamic entries; the bare
  // 'eld' import is the dynamic one, which has load().
  if (!('load' in eld)) throw new Error('eld: the dynamic entry has no load()');
  const instance = eld.newInstance() as EldInstance;
  await instance.load(size);
  return { size, detect: (text) => detectWith(instance, text) };
}

const UNKNOWN: LanguageGuess = { language: null, confidence: 0 };

function detectWith(eld: EldInstance, text: string): LanguageGuess {
  if ((text.match(LETTER)?.length ?? 0) < MIN_LETTERS) return UNKNOWN;

  const windows = sampleWindows(text);
  if (windows.length === 1) {
    const result = eld.detect(text);
    if (!result.language || !result.isReliable()) return UNKNOWN;
    return { language: result.language, confidence: result.getScores()[result.language] ?? 0 };
  }

  // Sum each language's score over the windows; a window eld finds unreliable
  // (a table of figures, a list of names) does not vote.
  const totals = new Map<string, number>();
  let votingWindows = 0;
  for (const window of windows) {
    const result = eld.detect(window);
    if (!result.language || !result.isReliable()) continue;
    votingWindows++;
    for (const [language, score] of Object.entries(result.getScores())) {
      totals.set(language, (totals.get(language) ?? 0) + score);
    }
  }
  if (votingWindows === 0) return UNKNOWN;
  let best: LanguageGuess = UNKNOWN;
  for (const [language, total] of totals) {
    if (total / votingWindows > best.confidence) best = { language, confidence: total / votingWindows };
  }
  return best;
}

/** The text itself when short, else windows at its start, middle and end, cut at spaces. */
function sampleWindows(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= SAMPLE_WINDOW_CHARS * SAMPLE_WINDOWS) return [trimmed];
  const windows: string[] = [];
  const stride = (trimmed.length - SAMPLE_WINDOW_CHARS) / (SAMPLE_WINDOWS - 1);
  for (let i = 0; i < SAMPLE_WINDOWS; i++) {
    const start = Math.round(i * stride);
    // Start after a space so no window opens with half a word (a bogus n-gram);
    // text written without spaces (Chinese, Japanese) is cut where it falls.
    const space = trimmed.indexOf(' ', start);
    const wordStart = i === 0 ? 0 : space >= 0 && space - start < SAMPLE_WINDOW_CHARS / 2 ? space + 1 : start;
    windows.push(trimmed.slice(wordStart, wordStart + SAMPLE_WINDOW_CHARS));
  }
  return windows;
}
