/**
 * The name lists shipped in resources/names/: news outlets, organisations,
 * well-known people (with their roles, for "the president" → Zelensky) and
 * given names. Loaded once per process on first use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from './gazetteer.ts';
import type { TaggerLexicon } from './tagger.ts';
import { normalizeName, variantKey } from './variant-key.ts';

export interface KnownName {
  name: string;
  variants: string[];
}

export interface KnownPerson extends KnownName {
  /** True when the surname alone means this person in the news ("Zelensky said"). */
  surnameUnique: boolean;
  roles: Array<{ role: string; country: string | null }>;
}

export interface NameLists {
  outlets: KnownName[];
  organizations: KnownName[];
  people: KnownPerson[];
  givenNames: Set<string>;
  /** Normalised form → the outlet / organisation it names (exact spellings only: short acronyms collide). */
  outletByName: Map<string, KnownName>;
  organizationByName: Map<string, KnownName>;
  /** Variant key of a full name or of a unique surname → the person. */
  personByKey: Map<string, KnownPerson>;
  /** Longest outlet / organisation name, in words: bounds the phrase look-up. */
  maxWords: number;
}

const NAMES_DIR = new URL('../../../resources/names/', import.meta.url);

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(file, NAMES_DIR)), 'utf8')) as T;
}

function build(): NameLists {
  const outlets = readJson<KnownName[]>('outlets.json');
  const organizations = readJson<KnownName[]>('organizations.json');
  const people = readJson<KnownPerson[]>('people.json');
  const givenNames = new Set(
    readFileSync(fileURLToPath(new URL('given-names.txt', NAMES_DIR)), 'utf8')
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  const index = (list: KnownName[]) => {
    const map = new Map<string, KnownName>();
    for (const item of list) {
      for (const form of [item.name, ...item.variants]) map.set(normalizeName(form.replace(/^the /i, '')), item);
    }
    return map;
  };
  const personByKey = new Map<string, KnownPerson>();
  for (const person of people) {
    for (const form of [person.name, ...person.variants]) {
      personByKey.set(variantKey(form), person);
      const surname = form.split(' ').pop();
      if (person.surnameUnique && surname) personByKey.set(variantKey(surname), person);
    }
  }
  let maxWords = 1;
  for (const item of [...outlets, ...organizations]) {
    for (const form of [item.name, ...item.variants]) maxWords = Math.max(maxWords, form.split(' ').length);
  }
  return {
    outlets,
    organizations,
    people,
    givenNames,
    outletByName: index(outlets),
    organizationByName: index(organizations),
    personByKey,
    maxWords,
  };
}

let names: NameLists | undefined;

export function loadNameLists(): NameLists {
  names ??= build();
  return names;
}

/** Words too common to mark a token as part of an organisation name. */
const ORG_STOPWORDS = new Set(['the', 'of', 'and', 'for', 'news', 'new', 'times', 'post', 'group', 'service']);

let lexicon: TaggerLexicon | undefined;

/** The word lists the tagger's features consult (the same in training and tagging). */
export function taggerLexicon(): TaggerLexicon {
  if (!lexicon) {
    const lists = loadNameLists();
    const orgTokens = new Set<string>();
    for (const item of [...lists.outlets, ...lists.organizations]) {
      for (const form of [item.name, ...item.variants]) {
        for (const word of normalizeName(form).split(' ')) if (word.length >= 2 && !ORG_STOPWORDS.has(word)) orgTokens.add(word);
      }
    }
    lexicon = { placeTokens: loadGazetteer().placeTokens, givenNames: lists.givenNames, orgTokens };
  }
  return lexicon;
}
