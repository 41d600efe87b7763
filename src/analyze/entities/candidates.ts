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
import { loadGazetteer, regionOrRiverCandidates, type GazetteerEntry } from './gazetteer.ts';
import { COUNTRY_ADJECTIVE, countryNamed, demonymCountry, isDemonym, NON_PERSON_HEADS, PERSON_TITLES, UNIT_DESCRIPTORS, UNIT_KINDS } from './lexicon.ts';
import { loadNameLists, type KnownName, type KnownPerson } from './names.ts';
import type { Token } from './tokenize.ts';
import { acceptedUnconfirmed, NO_WORD, wordInfos, type WordInfo } from './words.ts';

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

/** Words in a normalised name (single-spaced). */
function wordCount(key: string): number {
  let n = key.length > 0 ? 1 : 0;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) n++;
  return n;
}

/** `prefixes`: every leading run of words of a listed key, so a look-up stops as soon as no listed name goes on. */
let listIndex: { outlets: Map<string, KnownName>; organizations: Map<string, KnownName>; prefixes: Set<string>; maxWords: number } | undefined;

/** The outlet and organisation lists keyed by their tokens, lowercased (no regex work per look-up). */
function lists() {
  if (!listIndex) {
    const names = loadNameLists();
    const prefixes = new Set<string>();
    const index = (items: KnownName[]) => {
      const map = new Map<string, KnownName>();
      for (const item of items) {
        for (const form of [item.name, ...item.variants]) {
          const words = form.replace(/^the /i, '').match(/\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu) ?? [];
          const key = words.join(' ').toLowerCase();
          map.set(key, item);
          const keyWords = key.split(' ');
          for (let n = 1; n <= keyWords.length; n++) prefixes.add(keyWords.slice(0, n).join(' '));
        }
      }
      return map;
    };
    listIndex = { outlets: index(names.outlets), organizations: index(names.organizations), prefixes, maxWords: names.maxWords + 2 };
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

/** Rule candidates over the tokens of one sentence (`infos`: their wordInfos, computed here when not given). */
export function ruleCandidates(text: string, tokens: readonly Token[], infos: readonly WordInfo[] = wordInfos(tokens)): Candidate[] {
  return new SentenceRules(text, tokens, infos).run();
}

/**
 * The rules over one sentence. A class rather than closures in a function:
 * its methods are made once, not per sentence (WikiANN is 10,000 calls of a
 * sentence each, so per-call set-up shows).
 */
class SentenceRules {
  readonly out: Candidate[] = [];

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly infos: readonly WordInfo[],
  ) {}

  info(i: number): WordInfo {
    return this.infos[i] ?? NO_WORD;
  }

  word(i: number): string {
    return this.info(i).text;
  }

  lower(i: number): string {
    return this.info(i).lower;
  }

  run(): Candidate[] {
    const { tokens, text, out } = this;
    const names = loadNameLists();
    for (let i = 0; i < tokens.length; i++) {
      const info = this.infos[i]!;
      const w = info.text;
      if (!info.capitalised && !info.numeric) {
        if (info.lower === 'ministry') this.ministry(i);
        continue;
      }
      // Outlets and organisations from the lists, longest first.
      if (info.listStart) this.listed(i);
      // Oblasts, regions and rivers: "Kharkiv Oblast", "Donetsk region", "Seym River".
      for (let len = 1; len <= 2; len++) {
        const suffix = this.lower(i + len);
        if (!REGION_WORDS.has(suffix) && !RIVER_WORDS.has(suffix)) continue;
        const phrase = text.slice(tokens[i]!.start, tokens[i + len]!.end);
        const entries = regionOrRiverCandidates(phrase);
        if (entries.length === 0) continue;
        out.push({ start: tokens[i]!.start, end: tokens[i + len]!.end, type: 'place', priority: PRIORITY.regionOrRiver, places: entries, source: 'pattern' });
      }
      // Units named by number: "68th Brigade", "47th Separate Mechanized Brigade".
      if (info.ordinal) {
        let j = i + 1;
        while (j < tokens.length && UNIT_DESCRIPTOR_SET.has(this.word(j)) && !UNIT_KIND_SET.has(this.word(j))) j++;
        if (UNIT_KIND_SET.has(this.word(j))) {
          out.push({ start: tokens[i]!.start, end: tokens[j]!.end, type: 'unit', priority: PRIORITY.unit, canonical: `${w} ${this.word(j)}`, source: 'pattern' });
        }
        continue;
      }
      // Units named by a word: "Azov Regiment", "the Akhmat Spetsnaz unit".
      if (info.titleCase && !UNIT_DESCRIPTOR_SET.has(w) && !info.demonym && !info.notEntity) {
        let j = i + 1;
        while (j < tokens.length && UNIT_DESCRIPTOR_SET.has(this.word(j)) && !UNIT_KIND_SET.has(this.word(j))) j++;
        const kind = this.word(j);
        const spetsnazUnit =
          j > i + 1 && /^(unit|battalion|group|detachment)$/i.test(kind) && /spetsnaz|special|forces/i.test(text.slice(tokens[i + 1]!.start, tokens[j - 1]!.end));
        if ((UNIT_KIND_SET.has(kind) && UNIT_WORD_KINDS.has(kind)) || spetsnazUnit) {
          out.push({ start: tokens[i]!.start, end: tokens[j]!.end, type: 'unit', priority: PRIORITY.unit, canonical: w, source: 'pattern' });
          continue;
        }
      }
      // A unit named in quotes after its kind: 'the Russian Spetsnaz unit “Akhmat,”'.
      if (i > 1 && OPENING_QUOTES.has(this.word(i - 1)) && /^(unit|battalion|group|detachment|brigade|regiment)$/i.test(this.word(i - 2)) && /spetsnaz|special|forces/i.test(this.word(i - 3))) {
        out.push({ start: tokens[i]!.start, end: tokens[i]!.end, type: 'unit', priority: PRIORITY.unit, canonical: w, source: 'pattern' });
        continue;
      }
      // Ministries: "the Russian Defense Ministry", "Ministry of Defence".
      if (w === 'Ministry') this.ministry(i);
      // Armies: "Ukraine's military", "the Ukrainian military".
      const next = this.lower(i + 1);
      if (next === 'military' || this.lower(i + 2) === 'military') this.military(i);
      // Known people by full name or unique surname: "Zelenskyy", "Dmitry Peskov".
      if (info.personWord) this.knownPerson(i);
      // A name after a title: "Professor Michael Clarke", "governor Vadym Filashkin", "By Liz Heflin".
      const before = this.lower(i - 1);
      if (i > 0 && (PERSON_TITLES.has(before) || (before === 'by' && i === 1) || (before === '/' && this.lower(i - 2) === 'photo'))) {
        const end = this.nameEnd(i);
        if (end > i && !info.notEntity && !PERSON_TITLES.has(info.lower) && !this.headsNonPerson(i, end)) {
          out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end, type: 'person', priority: PRIORITY.title, source: 'title' });
        }
      } else if (info.givenName && this.info(i + 1).titleCase && !this.info(i + 1).notEntity) {
        // A given name and a capitalised word: "Serhiy Dobriak" (not running on into the next person's given name).
        const nameEnd = this.nameEnd(i);
        let end = i + 2;
        while (end < nameEnd && !names.givenNames.has(this.lower(end))) end++;
        if (!this.headsNonPerson(i, nameEnd)) out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end, type: 'person', priority: PRIORITY.givenName, source: 'title' });
      }
      // Outlets by context: "the state agency Tass", "Ukrainian outlet Pravda".
      if (i > 0 && OUTLET_NOUNS.has(before)) {
        const end = this.nameEnd(i);
        out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end, type: 'outlet', priority: PRIORITY.title, source: 'pattern' });
      }
      // Places in the gazetteer.
      if (!info.notEntity && !info.demonym && (info.placeMaxWords > 0 || info.transliterated)) this.gazetteerPlaces(i);
    }
    return out;
  }

  /** Outlets and organisations from the lists starting at token i, longest first. */
  listed(i: number): void {
    const { outlets, organizations, prefixes, maxWords } = lists();
    const { tokens } = this;
    let key = '';
    const keys: string[] = [];
    for (let len = 1; len <= Math.min(maxWords, tokens.length - i); len++) {
      key = len === 1 ? this.lower(i) : `${key} ${this.lower(i + len - 1)}`;
      // No listed name goes on from here: no longer phrase can be one either.
      if (!prefixes.has(key)) break;
      keys.push(key);
    }
    for (let len = keys.length; len >= 1; len--) {
      const k = keys[len - 1]!;
      const outlet = outlets.get(k);
      const organization = outlet ? undefined : organizations.get(k);
      const item = outlet ?? organization;
      if (!item) continue;
      // A lone listed word inside a longer capitalised name is part of that name ("Cosima Wagner").
      if (len === 1 && !this.info(i).upper && (this.info(i + 1).capitalised || (i > 0 && this.info(i - 1).capitalised && this.word(i - 1) !== 'The'))) continue;
      this.out.push({
        start: tokens[i]!.start,
        end: tokens[i + len - 1]!.end,
        type: outlet ? 'outlet' : 'organization',
        priority: PRIORITY.list,
        canonical: item.name,
        source: 'list',
      });
      return;
    }
  }

  /** "Ukraine's military", "the Ukrainian military". */
  military(i: number): void {
    const possessiveMilitary = this.lower(i + 2) === 'military' && countryNamed(this.lower(i)) !== undefined && POSSESSIVE.test(this.word(i + 1));
    if (!((this.lower(i + 1) === 'military' && demonymCountry(this.lower(i))) || possessiveMilitary)) return;
    const country = (demonymCountry(this.lower(i)) ?? countryNamed(this.lower(i)))!;
    const end = possessiveMilitary ? i + 2 : i + 1;
    this.out.push({
      start: this.tokens[i]!.start,
      end: this.tokens[end]!.end,
      type: 'organization',
      priority: PRIORITY.pattern,
      canonical: `${COUNTRY_ADJECTIVE[country] ?? this.word(i)} military`,
      source: 'pattern',
    });
  }

  /** Known people by full name or unique surname starting at token i, longest first. */
  knownPerson(i: number): void {
    const names = loadNameLists();
    for (let len = Math.min(3, this.tokens.length - i); len >= 1; len--) {
      let allNames = true;
      for (let k = i; k < i + len; k++) if (!this.infos[k]!.nameLike) allNames = false;
      if (!allNames) continue;
      const person = names.personByKey.get(this.phraseVariantKey(i, len));
      if (!person) continue;
      this.out.push({ start: this.tokens[i]!.start, end: this.tokens[i + len - 1]!.end, type: 'person', priority: PRIORITY.knownPerson, person, canonical: person.name, source: 'list' });
      return;
    }
  }

  /** variantKey of the text of tokens [i, i + len): likewise its words' keys, non-empty ones joined by one space. */
  phraseVariantKey(i: number, len: number): string {
    let key = '';
    for (let k = i; k < i + len; k++) {
      const v = this.infos[k]!.variant;
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
  phraseKey(i: number, len: number): string {
    let key = '';
    for (let k = i; k < i + len; k++) {
      const n = this.infos[k]!.normalized;
      if (n.length === 0) continue;
      key = key.length === 0 ? n : `${key} ${n}`;
    }
    return key;
  }

  /** Whether a run of name words [from, to) includes a word no person's name has ("League", "Park"). */
  headsNonPerson(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (NON_PERSON_HEADS.has(this.lower(k))) return true;
    return false;
  }

  /** End (exclusive) of a run of capitalised name words starting at i, at most 4. */
  nameEnd(i: number): number {
    let j = i;
    while (j < this.tokens.length && j < i + 4 && this.infos[j]!.nameLike && !this.infos[j]!.notEntity) j++;
    return j;
  }

  ministry(i: number): void {
    const { tokens, text } = this;
    let start = i;
    const topics: string[] = [];
    while (start > 0 && topics.length < 2 && ORG_TOPICS.has(this.lower(start - 1))) topics.unshift(this.word(--start));
    let country: string | undefined;
    let spanStart = start;
    if (start > 0 && demonymCountry(this.lower(start - 1)) && this.info(start - 1).capitalised) {
      country = demonymCountry(this.lower(start - 1));
      spanStart = start - 1;
    } else if (start > 1 && POSSESSIVE.test(this.word(start - 1)) && countryNamed(this.lower(start - 2))) {
      country = countryNamed(this.lower(start - 2));
    }
    let end = i;
    if (this.lower(i + 1) === 'of' && this.info(i + 2).capitalised) {
      end = i + 2;
      while (this.info(end + 1).capitalised || (this.lower(end + 1) === 'and' && this.info(end + 2).capitalised)) end++;
      topics.push(text.slice(tokens[i + 2]!.start, tokens[end]!.end));
    }
    const capitalised = this.word(i) === 'Ministry';
    if (topics.length === 0 || (!capitalised && !country)) return;
    const topic = topics
      .join(' ')
      .replace(/\bDefen[cs]e\b/i, 'Defense')
      .replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
    const adjective = country ? `${COUNTRY_ADJECTIVE[country] ?? ''} ` : '';
    this.out.push({
      start: tokens[spanStart]!.start,
      end: tokens[end]!.end,
      type: 'organization',
      priority: PRIORITY.pattern,
      canonical: `${adjective}${topic} Ministry`,
      source: 'pattern',
    });
  }

  gazetteerPlaces(i: number): void {
    const g = loadGazetteer();
    const { tokens } = this;
    const info = this.infos[i]!;
    const maxWords = info.placeMaxWords;
    for (let len = Math.min(MAX_PLACE_TOKENS, tokens.length - i); len >= 1; len--) {
      if (!this.infos[i + len - 1]!.capitalised) continue;
      let entries: GazetteerEntry[] | undefined;
      let accepted: boolean;
      if (len === 1) {
        // The word alone: its look-up and verdict are remembered with it.
        entries = info.places;
        if (!entries) continue;
        if (info.givenName) return;
        accepted = i > 0 ? info.placeAccepted : info.placeAcceptedAtStart;
      } else {
        const key = this.phraseKey(i, len);
        // No gazetteer name starting with this word has as many words.
        if (wordCount(key) > maxWords) continue;
        entries = g.byName.get(key);
        if (!entries || entries.length === 0) continue;
        accepted = entries.some((e) => acceptedUnconfirmed(e, i === 0));
      }
      this.out.push({
        start: tokens[i]!.start,
        end: tokens[i + len - 1]!.end,
        type: 'place',
        // Unconfirmed namesakes stay as candidates for the tagger's LOC spans to use, at no priority of their own.
        priority: accepted ? PRIORITY.gazetteer : 0,
        // All namesakes go on: whether the word is a place at all is one question, which place another.
        places: entries,
        source: 'gazetteer',
      });
      return;
    }
  }
}


const POSSESSIVE = /^['’]s$/;
const OPENING_QUOTES = new Set(['"', '“', '«', "'", '‘']);
/** Unit kinds a unit named by a word takes ("Azov Regiment"); "Azov Division" reads as something else. */
const UNIT_WORD_KINDS = new Set(['Brigade', 'Regiment', 'Battalion']);

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
