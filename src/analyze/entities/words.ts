/**
 * What the entity rules ask about a word, answered once per distinct word.
 *
 * The rules look at every token, and many times over (is it capitalised, a
 * demonym, a given name, the first word of a listed organisation or of a
 * place, its normalised spelling and variant key). News and Wikipedia repeat
 * their words, so the answers are remembered per spelling: one Map look-up
 * per token replaces a dozen set look-ups, regex tests and string keys.
 */
import { loadGazetteer, type GazetteerEntry } from './gazetteer.ts';
import { isDemonym, NOT_ENTITIES } from './lexicon.ts';
import { loadNameLists, taggerLexicon } from './names.ts';
import { observeWord, type Observation } from './tagger.ts';
import type { Token } from './tokenize.ts';
import { normalizeNameUncached, variantKey } from './variant-key.ts';

export interface WordInfo {
  text: string;
  lower: string;
  /** First character differs from its lowercase form: "Kyiv", "ЗСУ". */
  capitalised: boolean;
  /** Starts with an uppercase letter (a letter, not a mark). */
  startsUpper: boolean;
  /** Two or more characters, all uppercase: "NATO". */
  upper: boolean;
  /** Can be part of a personal name: "Zelenskyy", "O'Brien", "Jr.", "Ter-Petrosyan". */
  nameLike: boolean;
  /** One capital and then lowercase letters only: "Azov". */
  titleCase: boolean;
  /** Starts with a digit. */
  numeric: boolean;
  /** An ordinal a unit may be named by: "68th". */
  ordinal: boolean;
  /** A number or ordinal: "2024", "47th". */
  number: boolean;
  /** Never an entity by itself (NOT_ENTITIES). */
  notEntity: boolean;
  demonym: boolean;
  givenName: boolean;
  /** Begins a listed outlet or organisation. */
  listStart: boolean;
  /** Is a word of a known person's name (by variant key). */
  personWord: boolean;
  /** Most words of a gazetteer name this word begins (0: none, or the word is not capitalised). */
  placeMaxWords: number;
  /** Trusted transliteration matches of the word alone ("Kiev", "Mirnograd"), if any. */
  transliterated: GazetteerEntry[] | undefined;
  normalized: string;
  /** variantKey of the word ('' for a word that is not capitalised: no rule asks). */
  variant: string;
  /** Gazetteer entries of the word alone (its exact spelling, else a trusted transliteration), if any. */
  places: GazetteerEntry[] | undefined;
  /** Whether one of `places` may be taken without the tagger's word (see candidates.ts), inside a sentence / at its start. */
  placeAccepted: boolean;
  placeAcceptedAtStart: boolean;
  /** The tagger's view of the word, made on first use (null until then). */
  observation: Observation | null;
}

/**
 * Gazetteer hits not confirmed by the tagger must name a settlement at least
 * this big, or one in Ukraine/Russia/Belarus (the desk's region), or be in
 * the curated table: small towns elsewhere share names with common words.
 */
export const UNCONFIRMED_PLACE_MIN_RANK = 200_000;
/** At a sentence start capitalisation says nothing: a lone word there needs a town this big. */
export const SENTENCE_START_PLACE_MIN_RANK = 20_000;
const HOME_COUNTRIES = new Set(['UA', 'RU', 'BY']);

/** Whether a gazetteer entry may stand as a place without the tagger's confirmation (`initial`: at a sentence start). */
export function acceptedUnconfirmed(e: GazetteerEntry, initial: boolean): boolean {
  return (
    e.id.startsWith('sitrep:') ||
    e.rank >= UNCONFIRMED_PLACE_MIN_RANK ||
    (e.country !== null && HOME_COUNTRIES.has(e.country) && (!initial || e.rank >= SENTENCE_START_PLACE_MIN_RANK))
  );
}

/** A capitalised word that can be part of a personal name. */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** Shorter words are not matched by transliteration: too many collide. */
const MIN_TRANSLITERATED_LENGTH = 4;

interface Indexes {
  listFirstWords: Set<string>;
  personWords: Set<string>;
  placeFirstWords: Map<string, number>;
}

let indexes: Indexes | undefined;

/** First words of the names the rules look up (lists, people, places). */
function indexesOf(): Indexes {
  if (!indexes) {
    const names = loadNameLists();
    const personWords = new Set<string>();
    for (const person of names.people) {
      for (const form of [person.name, ...person.variants]) for (const w of form.split(' ')) personWords.add(variantKey(w));
    }
    // First word → most words of a name it begins (most begin one-word names only: one look-up, not three).
    const placeFirstWords = new Map<string, number>();
    for (const name of loadGazetteer().byName.keys()) {
      const words = name.split(' ');
      placeFirstWords.set(words[0]!, Math.max(placeFirstWords.get(words[0]!) ?? 0, words.length));
    }
    const listFirstWords = new Set<string>();
    for (const item of [...names.outlets, ...names.organizations]) {
      for (const form of [item.name, ...item.variants]) {
        const first = form.replace(/^the /i, '').match(LIST_TOKEN)?.[0];
        if (first) listFirstWords.add(first.toLowerCase());
      }
    }
    indexes = { listFirstWords, personWords, placeFirstWords };
  }
  return indexes;
}

/** The tokeniser's first token of a listed name (see tokenize.ts). */
const LIST_TOKEN = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/u;

function describe(text: string): WordInfo {
  const { listFirstWords, personWords, placeFirstWords } = indexesOf();
  const names = loadNameLists();
  const lower = text.toLowerCase();
  const first = text.charAt(0);
  const capitalised = first !== first.toLowerCase();
  const numeric = first >= '0' && first <= '9';
  // Uncached: describe runs once per word, so the memo would only grow by every new word.
  const normalized = normalizeNameUncached(text);
  // Only a capitalised word starts a name the rules look up (a person, a place); a lowercase word
  // needs no variant key, nor the place look-ups (its normalised form may still sit inside a place name).
  const variant = capitalised ? variantKey(text) : '';
  const space = normalized.indexOf(' ');
  const firstNormalized = space < 0 ? normalized : normalized.slice(0, space);
  const nameLike = NAME_WORD.test(text);
  const placeMaxWords = capitalised ? (placeFirstWords.get(firstNormalized) ?? 0) : 0;
  const transliterated = capitalised && firstNormalized.length >= MIN_TRANSLITERATED_LENGTH ? loadGazetteer().byTrustedVariant.get(variant) : undefined;
  const exact = placeMaxWords > 0 ? loadGazetteer().byName.get(normalized) : undefined;
  const places = exact && exact.length > 0 ? exact : transliterated && transliterated.length > 0 ? transliterated : undefined;
  return {
    text,
    lower,
    capitalised,
    startsUpper: /^\p{Lu}/u.test(text),
    upper: text.length > 1 && text === text.toUpperCase() && text !== lower,
    nameLike,
    titleCase: /^\p{Lu}\p{Ll}+$/u.test(text),
    numeric,
    ordinal: numeric && /^\d{1,3}(st|nd|rd|th)$/.test(text),
    number: numeric && /^\d+(st|nd|rd|th)?$/.test(text),
    notEntity: NOT_ENTITIES.has(lower),
    demonym: isDemonym(text),
    givenName: names.givenNames.has(lower),
    listStart: listFirstWords.has(lower),
    personWord: nameLike && personWords.has(variant),
    placeMaxWords,
    transliterated,
    normalized,
    variant,
    places,
    placeAccepted: places?.some((e) => acceptedUnconfirmed(e, false)) ?? false,
    placeAcceptedAtStart: places?.some((e) => acceptedUnconfirmed(e, true)) ?? false,
    observation: null,
  };
}

/** The bound keeps memory flat on a stream of articles (an entry is ~200 bytes): past it the cache restarts. */
const WORD_CACHE_LIMIT = 100_000;
let cache = new Map<string, WordInfo>();

export function wordInfo(text: string): WordInfo {
  let info = cache.get(text);
  if (!info) {
    if (cache.size >= WORD_CACHE_LIMIT) cache = new Map();
    info = describe(text);
    cache.set(text, info);
  }
  return info;
}

/**
 * Infos by the tokeniser's word number (Token.word): an array index per token
 * instead of a map look-up. An entry is trusted only while it holds that very
 * text (the tokeniser's table may have restarted and given the number to
 * another word); else the word is looked up again.
 */
let byWordId: WordInfo[] = [];

export function wordInfos(tokens: readonly Token[]): WordInfo[] {
  if (byWordId.length > WORD_CACHE_LIMIT) byWordId = [];
  const out = new Array<WordInfo>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const id = token.word;
    let info = id >= 0 ? byWordId[id] : undefined;
    if (info === undefined || info.text !== token.text) {
      // A word the tokeniser numbered is remembered by its number alone: the string-keyed cache would
      // only cost a miss and an insertion per new word, in a map of up to 100k words.
      info = id >= 0 ? describe(token.text) : wordInfo(token.text);
      if (id >= 0) byWordId[id] = info;
    }
    out[i] = info;
  }
  return out;
}

/** The info of a position past either end of a sentence: nothing is true of it. */
export const NO_WORD: WordInfo = {
  text: '',
  lower: '',
  capitalised: false,
  startsUpper: false,
  upper: false,
  nameLike: false,
  titleCase: false,
  numeric: false,
  ordinal: false,
  number: false,
  notEntity: false,
  demonym: false,
  givenName: false,
  listStart: false,
  personWord: false,
  placeMaxWords: 0,
  transliterated: undefined,
  normalized: '',
  variant: '',
  places: undefined,
  placeAccepted: false,
  placeAcceptedAtStart: false,
  observation: null,
};

/**
 * The tagger's observations of a window's words (each made once per word),
 * or only of those in `ranges` ([from, to) token ranges) and `pad` words
 * either side of each, the other positions left empty: a word the tagger
 * never reads needs no observation, and most words of news prose are never
 * next to a stretch the tagger reads.
 */
export function observationsOf(infos: readonly WordInfo[], ranges?: ReadonlyArray<readonly [number, number]>, pad = 0): Observation[] {
  const lexicon = taggerLexicon();
  const out = new Array<Observation>(infos.length);
  const count = ranges ? ranges.length : 1;
  for (let k = 0; k < count; k++) {
    const from = ranges ? Math.max(0, ranges[k]![0] - pad) : 0;
    const to = ranges ? Math.min(infos.length, ranges[k]![1] + pad) : infos.length;
    for (let i = from; i < to; i++) {
      const info = infos[i]!;
      out[i] = info.observation ??= observeWord(info.text, lexicon);
    }
  }
  return out;
}
