/**
 * Entity candidates in one sentence, from two kinds of evidence:
 * - the statistical tagger (PER / LOC / ORG spans learnt from WikiANN), and
 * - rules over the shipped lists and patterns: outlets, organisations,
 *   ministries, armies, military units, oblasts and rivers, well-known
 *   people, titled names, gazetteer places.
 * Each candidate has a priority; `selectCandidates` keeps the best
 * non-overlapping set.
 */
import type { EntityType } from '../../model/index.ts';
import { loadGazetteer, placeCandidates, type GazetteerEntry } from './gazetteer.ts';
import { COUNTRY_ADJECTIVE, countryNamed, demonymCountry, isDemonym, NON_PERSON_HEADS, NOT_ENTITIES, PERSON_TITLES, UNIT_DESCRIPTORS, UNIT_KINDS } from './lexicon.ts';
import { loadNameLists, type KnownName, type KnownPerson } from './names.ts';
import type { Token } from './tokenize.ts';
import { normalizeName, variantKey } from './variant-key.ts';

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Higher wins an overlap: see PRIORITY. */
  priority: number;
  /** Canonical name when a list or pattern knows it ("Russian Defense Ministry", "Volodymyr Zelensky"). */
  canonical?: string;
  /** Gazetteer entries the place may be (namesakes); empty for a place not in the gazetteer. */
  places?: GazetteerEntry[];
  person?: KnownPerson;
  /** Where the candidate came from, for debugging and tests. */
  source: 'tagger' | 'list' | 'pattern' | 'gazetteer' | 'title';
}

/**
 * Who wins when candidates overlap. Patterns written for our domain beat the
 * general tagger; a gazetteer hit beats it only when the tagger's span does
 * not contain it (the tagger sees "Sioux Falls Arena" whole).
 */
export const PRIORITY = {
  unit: 6,
  list: 5,
  pattern: 5,
  regionOrRiver: 4,
  knownPerson: 4,
  title: 3,
  gazetteer: 2,
  tagger: 1,
  /** A given name before a capitalised word is a guess the tagger overrules ("Victoria Park", "Roman Empire"). */
  givenName: 0.5,
} as const;

/**
 * Gazetteer hits not confirmed by the tagger must name a settlement at least
 * this big, or one in Ukraine/Russia/Belarus (the desk's region), or be in
 * the curated table: small towns elsewhere share names with common words.
 */
const UNCONFIRMED_PLACE_MIN_RANK = 200_000;
/** At a sentence start capitalisation says nothing: a lone word there needs a town this big. */
const SENTENCE_START_PLACE_MIN_RANK = 20_000;
const HOME_COUNTRIES = new Set(['UA', 'RU', 'BY']);
/** Shorter words are not matched by transliteration: too many collide. */
const MIN_TRANSLITERATED_LENGTH = 4;
/** Longest place name, in tokens, tried against the gazetteer ("Rostov-on-Don" is one token). */
const MAX_PLACE_TOKENS = 3;

const UNIT_DESCRIPTOR_SET = new Set(UNIT_DESCRIPTORS);
const UNIT_KIND_SET = new Set(UNIT_KINDS);
const REGION_WORDS = new Set(['oblast', 'region', 'province', 'oblast’s']);
const RIVER_WORDS = new Set(['river']);
const ORG_TOPICS = new Set([
  'defense', 'defence', 'foreign', 'interior', 'emergencies', 'emergency', 'health', 'economy', 'energy',
  'finance', 'justice', 'culture', 'education', 'agriculture', 'digital', 'veterans', 'internal', 'affairs',
  'transport', 'infrastructure', 'economic', 'reintegration',
]);
const OUTLET_NOUNS = new Set([
  'agency', 'outlet', 'newspaper', 'broadcaster', 'channel', 'publication', 'daily', 'tabloid', 'website',
  'magazine', 'paper', 'portal',
]);

/** A capitalised word that can be part of a personal name: "Zelenskyy", "O'Brien", "Jr.", "Ter-Petrosyan". */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

let firstWords: { personWords: Set<string>; placeFirstWords: Map<string, number> } | undefined;

/**
 * First words of the names the rules look up, so that a capitalised word
 * that begins none of them costs one set look-up, not a phrase look-up per
 * possible length.
 */
function firstWordIndex() {
  if (!firstWords) {
    const personWords = new Set<string>();
    for (const person of loadNameLists().people) {
      for (const form of [person.name, ...person.variants]) for (const w of form.split(' ')) personWords.add(variantKey(w));
    }
    // First word → most words of a name it begins (most begin one-word names only: one look-up, not three).
    const placeFirstWords = new Map<string, number>();
    for (const name of loadGazetteer().byName.keys()) {
      const words = name.split(' ');
      placeFirstWords.set(words[0]!, Math.max(placeFirstWords.get(words[0]!) ?? 0, words.length));
    }
    firstWords = { personWords, placeFirstWords };
  }
  return firstWords;
}

/** Words in a normalised name (single-spaced). */
function wordCount(key: string): number {
  let n = key.length > 0 ? 1 : 0;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) n++;
  return n;
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

function isUpperWord(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

function lowerKey(tokens: readonly Token[], from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) key += (i > from ? ' ' : '') + tokens[i]!.text.toLowerCase();
  return key;
}

let listIndex:
  | { outlets: Map<string, KnownName>; organizations: Map<string, KnownName>; firstWords: Set<string>; maxWords: number }
  | undefined;

/** The outlet and organisation lists keyed by their tokens, lowercased (no regex work per look-up). */
function lists() {
  if (!listIndex) {
    const names = loadNameLists();
    const index = (items: KnownName[]) => {
      const map = new Map<string, KnownName>();
      for (const item of items) {
        for (const form of [item.name, ...item.variants]) {
          const words = form.replace(/^the /i, '').match(/\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu) ?? [];
          map.set(words.join(' ').toLowerCase(), item);
        }
      }
      return map;
    };
    const outlets = index(names.outlets);
    const organizations = index(names.organizations);
    const firstWords = new Set([...outlets.keys(), ...organizations.keys()].map((k) => k.split(' ')[0]!));
    listIndex = { outlets, organizations, firstWords, maxWords: names.maxWords + 2 };
  }
  return listIndex;
}

/** Tagger spans of a sentence, as candidates. */
export function taggerCandidates(spans: ReadonlyArray<{ start: number; end: number; label: 'PER' | 'LOC' | 'ORG' }>): Candidate[] {
  return spans.map((s) => ({
    start: s.start,
    end: s.end,
    type: s.label === 'PER' ? 'person' : s.label === 'LOC' ? 'place' : 'organization',
    priority: PRIORITY.tagger,
    source: 'tagger',
  }));
}

/** Rule candidates over the tokens of one sentence. */
export function ruleCandidates(text: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  const { outlets, organizations, firstWords, maxWords } = lists();
  const names = loadNameLists();
  const word = (i: number) => tokens[i]?.text ?? '';
  // Per-token facts computed once: the rules below ask them many times.
  const lowers = tokens.map((t) => t.text.toLowerCase());
  const nameLike = tokens.map((t) => NAME_WORD.test(t.text));
  const lower = (i: number) => lowers[i] ?? '';
  const { personWords, placeFirstWords } = firstWordIndex();

  for (let i = 0; i < tokens.length; i++) {
    const w = word(i);
    if (!isCapitalised(w) && !/^\d/.test(w)) {
      lowercaseRules(i);
      continue;
    }
    // Outlets and organisations from the lists, longest first.
    let matched = !firstWords.has(lower(i));
    for (let len = Math.min(maxWords, tokens.length - i); len >= 1 && !matched; len--) {
      const key = lowerKey(tokens, i, i + len);
      const outlet = outlets.get(key);
      const organization = outlet ? undefined : organizations.get(key);
      const item = outlet ?? organization;
      if (!item) continue;
      // A lone listed word inside a longer capitalised name is part of that name ("Cosima Wagner").
      if (len === 1 && !isUpperWord(w) && (isCapitalised(word(i + 1)) || (i > 0 && isCapitalised(word(i - 1)) && word(i - 1) !== 'The'))) continue;
      out.push({
        start: tokens[i]!.start,
        end: tokens[i + len - 1]!.end,
        type: outlet ? 'outlet' : 'organization',
        priority: PRIORITY.list,
        canonical: item.name,
        source: 'list',
      });
      matched = true;
    }
    // Oblasts, regions and rivers: "Kharkiv Oblast", "Donetsk region", "Seym River".
    for (let len = 1; len <= 2; len++) {
      const suffix = lower(i + len);
      if (!REGION_WORDS.has(suffix) && !RIVER_WORDS.has(suffix)) continue;
      const phrase = text.slice(tokens[i]!.start, tokens[i + len]!.end);
      const entries = placeCandidates(phrase).filter((e) => e.kind === 'region' || e.kind === 'river');
      if (entries.length === 0) continue;
      out.push({ start: tokens[i]!.start, end: tokens[i + len]!.end, type: 'place', priority: PRIORITY.regionOrRiver, places: entries, source: 'pattern' });
    }
    // Units named by number: "68th Brigade", "47th Separate Mechanized Brigade".
    if (/^\d{1,3}(st|nd|rd|th)$/.test(w)) {
      let j = i + 1;
      while (j < tokens.length && UNIT_DESCRIPTOR_SET.has(word(j)) && !UNIT_KIND_SET.has(word(j))) j++;
      if (UNIT_KIND_SET.has(word(j))) {
        out.push({ start: tokens[i]!.start, end: tokens[j]!.end, type: 'unit', priority: PRIORITY.unit, canonical: `${w} ${word(j)}`, source: 'pattern' });
      }
      continue;
    }
    // Units named by a word: "Azov Regiment", "the Akhmat Spetsnaz unit".
    if (/^\p{Lu}\p{Ll}+$/u.test(w) && !UNIT_DESCRIPTOR_SET.has(w) && !isDemonym(w) && !NOT_ENTITIES.has(lower(i))) {
      let j = i + 1;
      while (j < tokens.length && UNIT_DESCRIPTOR_SET.has(word(j)) && !UNIT_KIND_SET.has(word(j))) j++;
      const kind = word(j);
      const spetsnazUnit = j > i + 1 && /^(unit|battalion|group|detachment)$/i.test(kind) && /spetsnaz|special|forces/i.test(text.slice(tokens[i + 1]!.start, tokens[j - 1]!.end));
      if ((UNIT_KIND_SET.has(kind) && ['Brigade', 'Regiment', 'Battalion'].includes(kind)) || spetsnazUnit) {
        out.push({ start: tokens[i]!.start, end: tokens[j]!.end, type: 'unit', priority: PRIORITY.unit, canonical: w, source: 'pattern' });
        continue;
      }
    }
    // A unit named in quotes after its kind: 'the Russian Spetsnaz unit “Akhmat,”'.
    if (i > 1 && /^["“«'‘]$/.test(word(i - 1)) && /^(unit|battalion|group|detachment|brigade|regiment)$/i.test(word(i - 2)) && /spetsnaz|special|forces/i.test(word(i - 3))) {
      out.push({ start: tokens[i]!.start, end: tokens[i]!.end, type: 'unit', priority: PRIORITY.unit, canonical: w, source: 'pattern' });
      continue;
    }
    // Ministries: "the Russian Defense Ministry", "Ministry of Defence".
    if (w === 'Ministry' || w === 'ministry') ministry(i);
    // Armies: "Ukraine's military", "the Ukrainian military".
    const possessiveMilitary = lower(i + 2) === 'military' && countryNamed(lower(i)) && /^['’]s$/.test(word(i + 1));
    if ((lower(i + 1) === 'military' && demonymCountry(lower(i))) || possessiveMilitary) {
      const country = (demonymCountry(lower(i)) ?? countryNamed(lower(i)))!;
      const end = possessiveMilitary ? i + 2 : i + 1;
      out.push({
        start: tokens[i]!.start,
        end: tokens[end]!.end,
        type: 'organization',
        priority: PRIORITY.pattern,
        canonical: `${COUNTRY_ADJECTIVE[country] ?? word(i)} military`,
        source: 'pattern',
      });
    }
    // Known people by full name or unique surname: "Zelenskyy", "Dmitry Peskov".
    for (let len = nameLike[i] && personWords.has(variantKey(w)) ? Math.min(3, tokens.length - i) : 0; len >= 1; len--) {
      let allNames = true;
      for (let k = i; k < i + len; k++) if (!nameLike[k]) allNames = false;
      if (!allNames) continue;
      const person = names.personByKey.get(phraseVariantKey(i, len));
      if (!person) continue;
      out.push({ start: tokens[i]!.start, end: tokens[i + len - 1]!.end, type: 'person', priority: PRIORITY.knownPerson, person, canonical: person.name, source: 'list' });
      break;
    }
    // A name after a title: "Professor Michael Clarke", "governor Vadym Filashkin", "By Liz Heflin".
    const before = lower(i - 1);
    if (i > 0 && (PERSON_TITLES.has(before) || (before === 'by' && i === 1) || (before === '/' && lower(i - 2) === 'photo'))) {
      const end = nameEnd(i);
      if (end > i && !NOT_ENTITIES.has(lower(i)) && !PERSON_TITLES.has(lower(i)) && !headsNonPerson(i, end)) {
        out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end, type: 'person', priority: PRIORITY.title, source: 'title' });
      }
    } else if (names.givenNames.has(lower(i)) && /^\p{Lu}\p{Ll}+$/u.test(word(i + 1)) && !NOT_ENTITIES.has(lower(i + 1))) {
      // A given name and a capitalised word: "Serhiy Dobriak" (not running on into the next person's given name).
      let end = i + 2;
      while (end < nameEnd(i) && !names.givenNames.has(lower(end))) end++;
      if (!headsNonPerson(i, nameEnd(i))) out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end, type: 'person', priority: PRIORITY.givenName, source: 'title' });
    }
    // Outlets by context: "the state agency Tass", "Ukrainian outlet Pravda".
    if (i > 0 && OUTLET_NOUNS.has(before)) {
      const end = nameEnd(i);
      out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end, type: 'outlet', priority: PRIORITY.title, source: 'pattern' });
    }
    // Places in the gazetteer.
    gazetteerPlaces(i);
  }
  return out;

  /** variantKey of the text of tokens [i, i + len): likewise its words' keys, non-empty ones joined by one space. */
  function phraseVariantKey(i: number, len: number): string {
    let key = '';
    for (let k = i; k < i + len; k++) {
      const v = variantKey(tokens[k]!.text);
      if (v.length === 0) continue;
      key = key.length === 0 ? v : `${key} ${v}`;
    }
    return key;
  }

  /**
   * normalizeName of the text of tokens [i, i + len): tokens are separated by
   * whitespace only, so it is their normalised forms, non-empty ones joined by
   * one space — computed from cached per-word results, not per phrase.
   */
  function phraseKey(i: number, len: number): string {
    let key = '';
    for (let k = i; k < i + len; k++) {
      const n = normalizeName(tokens[k]!.text);
      if (n.length === 0) continue;
      key = key.length === 0 ? n : `${key} ${n}`;
    }
    return key;
  }

  /** Whether a run of name words [from, to) includes a word no person's name has ("League", "Park"). */
  function headsNonPerson(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (NON_PERSON_HEADS.has(lower(k))) return true;
    return false;
  }

  /** End (exclusive) of a run of capitalised name words starting at i, at most 4. */
  function nameEnd(i: number): number {
    let j = i;
    while (j < tokens.length && j < i + 4 && nameLike[j] && !NOT_ENTITIES.has(lower(j))) j++;
    return j;
  }

  function lowercaseRules(i: number): void {
    if (lower(i) === 'ministry') ministry(i);
  }

  function ministry(i: number): void {
    let start = i;
    const topics: string[] = [];
    while (start > 0 && topics.length < 2 && ORG_TOPICS.has(lower(start - 1))) topics.unshift(word(--start));
    let country: string | undefined;
    let spanStart = start;
    if (start > 0 && demonymCountry(lower(start - 1)) && isCapitalised(word(start - 1))) {
      country = demonymCountry(lower(start - 1));
      spanStart = start - 1;
    } else if (start > 1 && /^['’]s$/.test(word(start - 1)) && countryNamed(lower(start - 2))) {
      country = countryNamed(lower(start - 2));
    }
    let end = i;
    if (lower(i + 1) === 'of' && isCapitalised(word(i + 2))) {
      end = i + 2;
      while (isCapitalised(word(end + 1)) || (lower(end + 1) === 'and' && isCapitalised(word(end + 2)))) end++;
      topics.push(text.slice(tokens[i + 2]!.start, tokens[end]!.end));
    }
    const capitalised = word(i) === 'Ministry';
    if (topics.length === 0 || (!capitalised && !country)) return;
    const topic = topics
      .join(' ')
      .replace(/\bDefen[cs]e\b/i, 'Defense')
      .replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
    const adjective = country ? `${COUNTRY_ADJECTIVE[country] ?? ''} ` : '';
    out.push({
      start: tokens[spanStart]!.start,
      end: tokens[end]!.end,
      type: 'organization',
      priority: PRIORITY.pattern,
      canonical: `${adjective}${topic} Ministry`,
      source: 'pattern',
    });
  }

  function gazetteerPlaces(i: number): void {
    const g = loadGazetteer();
    if (NOT_ENTITIES.has(lower(i)) || isDemonym(word(i))) return;
    const normalized = normalizeName(word(i));
    const space = normalized.indexOf(' ');
    const first = space < 0 ? normalized : normalized.slice(0, space);
    const transliterated = first.length >= MIN_TRANSLITERATED_LENGTH ? g.byTrustedVariant.get(variantKey(word(i))) : undefined;
    const maxWords = placeFirstWords.get(first) ?? 0;
    if (maxWords === 0 && !transliterated) return;
    for (let len = Math.min(MAX_PLACE_TOKENS, tokens.length - i); len >= 1; len--) {
      if (!isCapitalised(word(i + len - 1))) continue;
      const key = phraseKey(i, len);
      // No gazetteer name starting with this word has as many words.
      if (len > 1 && wordCount(key) > maxWords) continue;
      // Another transliteration of a place we know well ("Kiev", "Mirnograd"), when no place has this spelling.
      const entries = g.byName.get(key) ?? (len === 1 ? transliterated : undefined);
      if (!entries || entries.length === 0) continue;
      if (len === 1 && names.givenNames.has(lower(i))) return;
      const accepted = entries.filter(
        (e) =>
          e.id.startsWith('sitrep:') ||
          e.rank >= UNCONFIRMED_PLACE_MIN_RANK ||
          (e.country !== null && HOME_COUNTRIES.has(e.country) && (i > 0 || e.rank >= SENTENCE_START_PLACE_MIN_RANK)),
      );
      out.push({
        start: tokens[i]!.start,
        end: tokens[i + len - 1]!.end,
        type: 'place',
        // Unconfirmed namesakes stay as candidates for the tagger's LOC spans to use, at no priority of their own.
        priority: accepted.length > 0 ? PRIORITY.gazetteer : 0,
        // All namesakes go on: whether the word is a place at all is one question, which place another.
        places: entries,
        source: 'gazetteer',
      });
      return;
    }
  }
}

/** Whether the words of `outer` outside `inner` are all titles, qualifiers, demonyms or marks. */
function onlyTitlesAround(text: string, outer: Candidate, inner: Candidate): boolean {
  const rest = `${text.slice(outer.start, inner.start)} ${text.slice(inner.end, outer.end)}`;
  for (const w of rest.split(/\s+/)) {
    if (w.length === 0 || !/\p{L}/u.test(w)) continue;
    const lower = w.toLowerCase();
    if (!PERSON_TITLES.has(lower) && !TITLE_WORDS.has(lower) && !isDemonym(w) && !/^\p{Ll}+$/u.test(w)) {
      if (!/^[\u0400-\u04FF]/.test(w)) return false;
    }
  }
  return true;
}

/** Words that qualify or make a title besides PERSON_TITLES: "Foreign Minister", "Prime Minister". */
const TITLE_WORDS = new Set(['foreign', 'defense', 'defence', 'prime', 'vice', 'interior', 'first', 'former', 'acting', 'national', 'security', 'presidential', 'senior', 'state', 'the']);

/**
 * The best non-overlapping candidates: by priority, then length. A tagger
 * span that strictly contains a rule's candidate keeps the tagger's reading:
 * the rules know parts of names ("European Union" in "European Union Youth
 * Orchestra", "Japan" in "Japan national team"), the tagger sees the whole.
 * Units are the exception, and a leading "the" is not part of a name.
 */
export function selectCandidates(text: string, candidates: Candidate[]): Candidate[] {
  const live = candidates.filter((c) => c.priority > 0);
  const tagged = live.filter((t) => t.source === 'tagger');
  for (const c of live) {
    // Unit patterns are exact enough to stand against any span around them ("Soldiers of the 47th … Brigade").
    if (c.source === 'tagger' || c.type === 'unit') continue;
    const container = tagged.find((t) => t.start <= c.start && t.end >= c.end && t.end - t.start > c.end - c.start);
    if (!container) continue;
    // A known person inside a span whose other words are titles ("Президент Володимир Зеленський", "Mr Zelensky"):
    // the person. Other words around it make another name ("Paul E. Patton", "Illinois Route 43"): the tagger's.
    if (c.person && onlyTitlesAround(text, container, c)) {
      container.priority = 0;
      continue;
    }
    // Two listed names in one span are two names, not one ("БГНЕС/ EPA", "Reuters and AP").
    const listedInside = live.filter((k) => k.source === 'list' && container.start <= k.start && k.end <= container.end);
    if (listedInside.length >= 2) {
      container.priority = 0;
      continue;
    }
    // "The Kremlin", "the Wagner Group": the article, not part of the name; the rule's reading stands.
    if (container.end === c.end && /^the\s+$/i.test(text.slice(container.start, c.start))) container.priority = 0;
    else c.priority = 0;
  }
  const ordered = live
    .filter((c) => c.priority > 0)
    .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of ordered) {
    if (chosen.some((k) => k.start < c.end && c.start < k.end)) continue;
    chosen.push(c);
  }
  // A tagger LOC span that is exactly a gazetteer name takes the gazetteer's entries (even unconfirmed ones).
  for (const c of chosen) {
    if (c.source !== 'tagger' || c.type !== 'place') continue;
    const hit = candidates.find((g) => g.source === 'gazetteer' && g.start === c.start && g.end === c.end);
    if (hit?.places) c.places = hit.places;
  }
  return chosen.sort((a, b) => a.start - b.start);
}
