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

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Phonetic skeleton of one lowercase word (see the module comment). */
const wordSkeleton = memoize(wordSkeletonUncached);

/** Letter groups folded to one symbol, longest first at each position (see the module comment). */
const DIGRAPHS: Array<[string, string]> = [
  ['shch', 'š'],
  ['sch', 'š'],
  ['kh', 'x'],
  ['zh', 'ž'],
  ['ch', 'č'],
  ['sh', 'š'],
  ['ts', 'k'], // ts, tz and c all end as k, like the c of Latin spellings (Moscow)
  ['tz', 'k'],
  ['ph', 'f'],
  ['th', 't'],
  ['ck', 'k'],
];

const DIGRAPH_STARTS = new Set(DIGRAPHS.map(([group]) => group[0]!));

/** Single letters the schemes swap, folded together. */
const FOLD: Record<string, string> = {
  h: 'g', // Ukrainian h = Russian g (Myrnohrad / Mirnograd, Luhansk / Lugansk)
  z: 's', // German s for z (Selenskyj)
  w: 'v',
  q: 'k',
  c: 'k',
  j: 'y', // j is the y-glide of the Polish/German schemes (Syrskyj, Jewhen)
};

/** One pass over the word (it runs on every new capitalised word of every article, so no regex chain). */
function wordSkeletonUncached(word: string): string {
  let out = '';
  let prevVowel = false;
  const emit = (ch: string) => {
    const vowel = VOWELS.has(ch);
    if (vowel) {
      if (!prevVowel) out += 'a';
    } else if (out[out.length - 1] !== ch) {
      out += ch;
    }
    prevVowel = vowel;
  };
  for (let i = 0; i < word.length; ) {
    const ch = word[i]!;
    if (ch === 'x') {
      // Latin x is ks (Olexander / Oleksandr)
      emit('k');
      emit('s');
      i++;
      continue;
    }
    let folded: string | undefined;
    if (DIGRAPH_STARTS.has(ch)) {
      for (const [group, symbol] of DIGRAPHS) {
        if (word.startsWith(group, i)) {
          folded = symbol;
          i += group.length;
          break;
        }
      }
    }
    if (folded === undefined) {
      folded = FOLD[ch] ?? ch;
      i++;
    }
    emit(folded);
  }
  // English -er after a consonant is the -r of the Slavic form: Olexander / Oleksandr, Peter / Petr.
  return out.replace(/([^a])ar$/, '$1r');
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
