/**
 * Words to compare articles on: lowercased, stop words out, English words
 * reduced to a light stem so "checks", "checked" and "checking" count as one.
 * Other languages are cut to a fixed prefix, a language-independent stand-in
 * for a stemmer that keeps words of one family together often enough.
 */

/**
 * Function words and news boilerplate that say nothing about which event an
 * article reports; month names too, as dates are compared as dates (a dateline
 * "December 16, 2008" would otherwise tie every December story together).
 */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
said says say saying told tell according reported reports report news also one two three new year years last first week
told today yesterday monday tuesday wednesday thursday friday saturday sunday mr mrs ms s t may might must shall us it's
get got like well back even still since around however including many much another per via am pm edt est gmt
january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

/** Shorter words are mostly function words or abbreviations that collide. */
const MIN_WORD_LENGTH = 3;
/** Prefix length for languages without a stemmer here: long enough to keep most roots apart, short enough to join their inflections. */
const PREFIX_STEM_LENGTH = 6;

function hasVowel(s: string): boolean {
  return /[aeiouy]/.test(s);
}

/**
 * A light English stemmer (in the spirit of Porter's step 1 and a few common
 * derivational endings): consistent, not linguistically exact, which is all
 * that matching needs.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'i';
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && hasVowel(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      // "stopped" → "stopp" → "stop"; "fired" → "fir" (and "fire" → "fir" below, the same).
      if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  for (const [suffix, replacement] of [
    ['ational', 'ate'],
    ['ization', 'ize'],
    ['fulness', 'ful'],
    ['iveness', 'ive'],
    ['ation', 'ate'],
    ['ness', ''],
    ['ment', ''],
    ['ly', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = w.slice(0, -1) + 'i';
  return w;
}

/** The comparable words of a text, in order, stemmed for its language. */
export function contentTerms(text: string, language: string | null): string[] {
  const out: string[] = [];
  const english = language === null || language === 'en';
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const word = match[0].replace(/['’-]+$/, '');
    if (word.length < MIN_WORD_LENGTH || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(english ? stemEnglish(word) : word.slice(0, PREFIX_STEM_LENGTH));
  }
  return out;
}

/** Term counts of a text. */
export function termCounts(text: string, language: string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of contentTerms(text, language)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
