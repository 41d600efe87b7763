/**
 * Spelling-independent keys for names, so that the transliterations of one
 * name meet: Zelensky / Zelenskyy / Zelenskiy / Zelenskyi / Selenskyj /
 * Зеленський / Зеленский, Kiev / Kyiv, Kharkov / Kharkiv, Mirnograd /
 * Myrnohrad / Мирноград, Levadnoye / Levadne, Kurakhovo / Kurakhove,
 * Olexander / Oleksandr, Syrskyj / Syrskyi / Syrsky.
 *
 * The key is a phonetic skeleton: Cyrillic is romanised, the consonant
 * digraphs that schemes spell differently are folded to one symbol (kh → x,
 * zh → ž, ch → č, sh → š), the letters the Russian, Ukrainian, English and
 * German schemes swap are folded together (h/g, z/s, w/v, x/ks, c/k, j after
 * a vowel), every run of vowels (y counted as one) becomes "a", and doubled
 * consonants collapse. Vowel *positions* survive, which keeps Kiev (k-a-v)
 * apart from Kivu (k-a-v-a), while vowel *quality*, where the schemes
 * disagree most, is dropped.
 */

/** Romanisation close to both the Ukrainian and the Russian national schemes; only the skeleton sees it. */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ё: 'yo', ж: 'zh', з: 'z', и: 'y', і: 'i',
  ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ў: 'u',
};

/** Romanise Cyrillic letters (case kept on the first letter); other characters pass through. */
export function romanize(text: string): string {
  if (!/[\u0400-\u04FF]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = CYRILLIC[lower];
    if (latin === undefined) out += ch;
    else if (lower !== ch && latin.length > 0) out += latin[0]!.toUpperCase() + latin.slice(1);
    else out += latin;
  }
  return out;
}

/**
 * Both key functions are pure and called on the same words over and over
 * (every capitalised token of every article), so they remember their answers.
 * The bound keeps memory flat on a stream of articles: past it the cache restarts.
 */
const CACHE_LIMIT = 200_000;

function memoize(fn: (input: string) => string): (input: string) => string {
  let cache = new Map<string, string>();
  return (input) => {
    let value = cache.get(input);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache = new Map();
      value = fn(input);
      cache.set(input, value);
    }
    return value;
  };
}

/** Lowercase, romanised, without diacritics or punctuation, single-spaced: the readable part of an entity key. */
export const normalizeName = memoize(normalizeNameUncached);

/** normalizeName without the cache: for bulk one-off work (building the gazetteer) that would only flush it. */
export function normalizeNameUncached(name: string): string {
  // Most words and names (ASCII letters, single-spaced): nothing to strip, romanise or collapse.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return romanize(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Phonetic skeleton of one lowercase word (see the module comment). */
const wordSkeleton = memoize(wordSkeletonUncached);

/**
 * The skeleton's symbol for each letter group, by the code of its first
 * letter: letter groups folded to one symbol (kh → x, shch → š, ts → k: ts,
 * tz and c all end as k, like the c of Latin spellings, Moscow), tried
 * longest first, then the single letters the schemes swap: h/g (Ukrainian h
 * = Russian g: Myrnohrad / Mirnograd, Luhansk / Lugansk), z/s (German s for
 * z: Selenskyj), w/v, q/k, c/k, j/y (the y-glide of the Polish and German
 * schemes: Syrskyj, Jewhen).
 */
const GROUPS = new Map<number, Array<[string, string]>>([
  ['s'.charCodeAt(0), [['shch', 'š'], ['sch', 'š'], ['sh', 'š']]],
  ['k'.charCodeAt(0), [['kh', 'x']]],
  ['z'.charCodeAt(0), [['zh', 'ž'], ['z', 's']]],
  ['c'.charCodeAt(0), [['ch', 'č'], ['ck', 'k'], ['c', 'k']]],
  ['t'.charCodeAt(0), [['ts', 'k'], ['tz', 'k'], ['th', 't']]],
  ['p'.charCodeAt(0), [['ph', 'f']]],
  ['h'.charCodeAt(0), [['h', 'g']]],
  ['w'.charCodeAt(0), [['w', 'v']]],
  ['q'.charCodeAt(0), [['q', 'k']]],
  ['j'.charCodeAt(0), [['j', 'y']]],
]);

/** Codes of the vowels (y counted as one): each run of them is one "a" in the skeleton. */
const VOWEL_CODES = new Set([...'aeiouy'].map((c) => c.charCodeAt(0)));
const CODE_X = 'x'.charCodeAt(0);
const CODE_A = 'a'.charCodeAt(0);
const CODE_K = 'k'.charCodeAt(0);
const CODE_S = 's'.charCodeAt(0);

/**
 * One pass over the word's code units (it runs on every new capitalised word
 * of every article and on the gazetteer's names at start-up, so no regex
 * chain, no closure, no set of strings).
 */
function wordSkeletonUncached(word: string): string {
  let out = '';
  /** The last code unit of `out` (-1: none), and whether the last symbol was a vowel. */
  let last = -1;
  let prevVowel = false;
  for (let i = 0; i < word.length; ) {
    const code = word.charCodeAt(i);
    let symbol = -1;
    let step = 1;
    if (code === CODE_X) {
      // Latin x is ks (Olexander / Oleksandr): k here, s below.
      if (last !== CODE_K) out += 'k';
      last = CODE_K;
      prevVowel = false;
      symbol = CODE_S;
    } else {
      const groups = GROUPS.get(code);
      if (groups) {
        for (const [group, folded] of groups) {
          if (word.startsWith(group, i)) {
            symbol = folded.charCodeAt(0);
            step = group.length;
            break;
          }
        }
      }
      if (symbol < 0) symbol = code;
    }
    i += step;
    if (VOWEL_CODES.has(symbol)) {
      if (!prevVowel) {
        out += 'a';
        last = CODE_A;
      }
      prevVowel = true;
    } else {
      if (symbol !== last) {
        out += String.fromCharCode(symbol);
        last = symbol;
      }
      prevVowel = false;
    }
  }
  // English -er after a consonant is the -r of the Slavic form: Olexander / Oleksandr, Peter / Petr.
  // (Vowel runs are one "a", so the letter before a final "ar" is never "a".)
  return out.length >= 3 && out.endsWith('ar') ? out.slice(0, -2) + 'r' : out;
}

/**
 * The variant key of a name: equal for spellings and transliterations of one
 * name, e.g. `variantKey('Zelenskyy') === variantKey('Зеленський')`.
 */
export const variantKey = memoize((name) => variantKeyWith(name, normalizeName, wordSkeleton));

/** variantKey without the cache, for bulk one-off work. */
export function variantKeyUncached(name: string): string {
  return variantKeyWith(name, normalizeNameUncached, wordSkeletonUncached);
}

function variantKeyWith(name: string, normalize: (name: string) => string, skeleton: (word: string) => string): string {
  if (/^[A-Za-z]+$/.test(name)) return skeleton(name.toLowerCase());
  return normalize(name)
    .replace(/'/g, '')
    .split(' ')
    .filter((w) => w.length > 0)
    .map(skeleton)
    .join(' ');
}
