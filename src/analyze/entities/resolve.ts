/**
 * Within one article: turn selected candidates into mentions of entities.
 * - Places: the gazetteer entry among namesakes that fits the article
 *   (countries and regions it mentions), then population.
 * - People: spellings of one full name meet by variant key; a surname alone
 *   ("Zelensky said", "Professor Clarke") joins the one full name it ends;
 *   role phrases ("the president", "Ukraine's head of state", "its
 *   spokesperson") join the one person the article gives that role.
 * - Others: keyed by their canonical or surface name.
 */
import type { ArticleEntity, EntityMention, EntityType } from '../../model/index.ts';
import type { Candidate } from './candidates.ts';
import { loadGazetteer, placeInfo, type GazetteerEntry } from './gazetteer.ts';
import { demonymCountry, DEMONYMS, ROLE_NOUNS } from './lexicon.ts';
import { normalizeName, variantKey } from './variant-key.ts';

/** Namesake scoring: a country the article mentions outweighs a 1000× population gap; a region, more. */
const SAME_COUNTRY_BONUS = 3;
const SAME_REGION_BONUS = 4;

interface Working {
  entity: ArticleEntity;
  roles: Set<string>;
  /** Country of each role, e.g. "president@UA". */
  roleCountries: Set<string>;
  tokens: string[];
}

const ROLE_PATTERN = new RegExp(
  String.raw`\b(?:(?:[Tt]he)\s+(?:(Ukrainian|Russian|US|U\.S\.|American|French|German|Belarusian|British)\s+)?|(Ukraine|Russia|Belarus|America|France|Germany)['’]s\s+|([Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)(` +
    Object.keys(ROLE_NOUNS)
      .sort((a, b) => b.length - a.length)
      .map((r) => r.replace(/-/g, '\\-'))
      .join('|') +
    String.raw`)\b`,
  'g',
);

/** A role or title right before a name: "Ukrainian President", "Ukraine's president", "President", "commander-in-chief,". */
const TITLE_BEFORE = new RegExp(
  String.raw`(?:(Ukrainian|Russian|US|U\.S\.|American|French|German|Belarusian|British)\s+|(Ukraine|Russia|Belarus|America|France|Germany)['’]s\s+)?(` +
    Object.keys(ROLE_NOUNS)
      .sort((a, b) => b.length - a.length)
      .join('|') +
    String.raw`)\s*,?\s*$`,
  'i',
);

const ROLE_NOUN_LIST = Object.keys(ROLE_NOUNS);

/**
 * Whether the text before `at`, less a comma and spaces, ends in a role noun:
 * a cheap test that lets most names skip TITLE_BEFORE, whose `$` anchor makes
 * the engine try every start in its 40 characters.
 */
function endsWithRoleNoun(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (text[end - 1] === ',') end--;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  const tail = text.slice(Math.max(0, end - 20), end).toLowerCase();
  return ROLE_NOUN_LIST.some((role) => tail.endsWith(role));
}

const CODE_UPPER_A = 65;
const CODE_UPPER_Z = 90;

/** The first words of the role nouns (case as ROLE_PATTERN reads them), by the code of their first character. */
const ROLE_FIRST_WORDS = new Map<number, string[]>();
for (const role of ROLE_NOUN_LIST) {
  const first = role.split(' ')[0]!;
  const list = ROLE_FIRST_WORDS.get(first.charCodeAt(0)) ?? [];
  if (!list.includes(first)) list.push(first);
  ROLE_FIRST_WORDS.set(first.charCodeAt(0), list);
}

/**
 * Where a role phrase may start: the tokens that begin with a role noun's
 * first word. ROLE_PATTERN puts whitespace before the role noun, so a match's
 * noun starts a token, and that token begins with the noun's first word
 * ("head" of "head of state", "president" of "president's"): every sentence
 * ROLE_PATTERN can match in holds one of these, in order.
 */
export function roleNounStarts(tokens: ReadonlyArray<{ text: string; start: number }>): number[] {
  const starts: number[] = [];
  for (const t of tokens) {
    const firstWords = ROLE_FIRST_WORDS.get(t.text.charCodeAt(0));
    if (firstWords && firstWords.some((w) => t.text.startsWith(w))) starts.push(t.start);
  }
  return starts;
}

function countryOf(demonym: string | undefined, possessive: string | undefined): string | null {
  const word = (demonym ?? possessive ?? '').toLowerCase();
  return DEMONYMS[word] ?? null;
}

/**
 * A short, stable tag of the article (FNV-1a of its length and opening), for
 * keys that only hold within one article. The opening 4,000 characters tell
 * articles apart as well as the whole text would, at a fixed cost.
 */
const ARTICLE_TAG_CHARS = 4000;

function articleTag(text: string): string {
  // Kept in int32 throughout (`| 0`): a hash that strays into doubles sent V8 into a loop of deoptimisations.
  let h = (0x811c9dc5 ^ text.length) | 0;
  const n = Math.min(text.length, ARTICLE_TAG_CHARS);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function entityKey(type: EntityType, name: string): string {
  return `${type}:${normalizeName(name.replace(/^the\s+/i, ''))}`;
}

function choosePlace(entries: GazetteerEntry[], countries: Set<string>, regions: Set<string>): GazetteerEntry | undefined {
  let best: GazetteerEntry | undefined;
  let bestScore = -Infinity;
  for (const e of entries) {
    let score = Math.log10(e.rank + 1);
    if (e.country && countries.has(e.country)) score += SAME_COUNTRY_BONUS;
    if (e.region && regions.has(e.region)) score += SAME_REGION_BONUS;
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  return best;
}

/** The article's entity of that key (default: by type and name), made on first use. */
function entityOf(byKey: Map<string, Working>, type: EntityType, name: string, key = entityKey(type, name)): Working {
  let w = byKey.get(key);
  if (!w) {
    w = { entity: { key, type, name, variants: [] }, roles: new Set(), roleCountries: new Set(), tokens: name.split(/\s+/) };
    byKey.set(key, w);
  }
  return w;
}

function addMention(text: string, mentions: EntityMention[], c: { start: number; end: number }, type: EntityType, w: Working, via: EntityMention['via']): void {
  const surface = text.slice(c.start, c.end);
  mentions.push({ start: c.start, end: c.end, text: surface, type, entity: w.entity.key, via });
  if (!w.entity.variants.includes(surface)) w.entity.variants.push(surface);
}

export function resolveMentions(
  text: string,
  selected: Candidate[],
  sentences: ReadonlyArray<{ start: number; end: number }>,
  demonymCountries: Set<string>,
  /** Where role phrases may start (roleNounStarts): only sentences holding one are read for them. */
  roleAt: readonly number[],
): { mentions: EntityMention[]; entities: ArticleEntity[] } {
  const byKey = new Map<string, Working>();
  const mentions: EntityMention[] = [];
  let tag: string | undefined;

  // Context for namesakes: countries named or implied, and regions named.
  const countries = new Set(demonymCountries);
  const regions = new Set<string>();
  for (const c of selected) {
    if (c.type !== 'place' || !c.places) continue;
    if (c.places.length === 1) {
      const e = c.places[0]!;
      if (e.kind === 'country' && e.country) countries.add(e.country);
      if (e.kind === 'region') regions.add(e.name);
    }
  }
  // "Donetsk" alone names the oblast as context too when it is a regional capital.
  for (const c of selected) if (c.type === 'place' && c.places?.length === 1 && c.places[0]!.region) regions.add(c.places[0]!.region);

  const people: Candidate[] = [];
  // An article names the same places again and again, mostly through one shared list of namesakes each
  // (the gazetteer's), and the context is fixed by now: each list is weighed once.
  const chosen = new Map<GazetteerEntry[], GazetteerEntry | undefined>();
  const placeOf = (places: GazetteerEntry[]) => {
    if (!chosen.has(places)) chosen.set(places, choosePlace(places, countries, regions));
    return chosen.get(places);
  };
  for (const c of selected) {
    const surface = text.slice(c.start, c.end);
    switch (c.type) {
      case 'place': {
        const entry = c.places && c.places.length > 0 ? placeOf(c.places) : undefined;
        if (entry) {
          const w = entityOf(byKey, 'place', entry.name, `place:${entry.id}`);
          w.entity.place = placeInfo(entry);
          addMention(text, mentions, c, 'place', w, normalizeName(surface) === normalizeName(entry.name) ? 'name' : 'alias');
        } else {
          addMention(text, mentions, c, 'place', entityOf(byKey, 'place', surface), 'name');
        }
        break;
      }
      case 'person':
        people.push(c);
        break;
      default: {
        const name = c.canonical ?? surface.replace(/^the\s+/i, '');
        addMention(text, mentions, c, c.type, entityOf(byKey, c.type, name), c.canonical && normalizeName(c.canonical) !== normalizeName(surface) ? 'alias' : 'name');
      }
    }
  }

  // People: full names first (known people and multi-word names), then single words.
  const personOf = new Map<Candidate, Working>();
  const fullByVariant = new Map<string, Working>();
  for (const c of people) {
    const surface = text.slice(c.start, c.end);
    if (c.person && (c.person.name.split(' ').length > 1 || surface.includes(' '))) {
      const w = entityOf(byKey, 'person', c.person.name);
      for (const r of c.person.roles) {
        w.roles.add(r.role);
        if (r.country) w.roleCountries.add(`${r.role}@${r.country}`);
      }
      fullByVariant.set(variantKey(surface), w);
      fullByVariant.set(variantKey(c.person.name), w);
      personOf.set(c, w);
    } else if (surface.includes(' ')) {
      const key = variantKey(surface);
      const w = fullByVariant.get(key) ?? entityOf(byKey, 'person', surface);
      fullByVariant.set(key, w);
      personOf.set(c, w);
    }
  }
  const fullNames = [...new Set(fullByVariant.values())];
  for (const c of people) {
    if (personOf.has(c)) continue;
    const surface = text.slice(c.start, c.end);
    const key = variantKey(surface);
    const matches = fullNames.filter((w) => variantKey(w.tokens[w.tokens.length - 1]!) === key);
    if (matches.length === 1) {
      personOf.set(c, matches[0]!);
    } else if (c.person) {
      const w = entityOf(byKey, 'person', c.person.name);
      for (const r of c.person.roles) {
        w.roles.add(r.role);
        if (r.country) w.roleCountries.add(`${r.role}@${r.country}`);
      }
      personOf.set(c, w);
    } else {
      // A lone name the article never completes ("Clarke", "Putin" of someone else) may be anyone: its
      // key is scoped to this article, so the corpus never merges two articles' namesakes on it.
      personOf.set(c, entityOf(byKey, 'person', surface, `${entityKey('person', surface)}@${(tag ??= articleTag(text))}`));
    }
  }
  for (const c of people) {
    const w = personOf.get(c)!;
    const surface = text.slice(c.start, c.end);
    const via = surface.includes(' ') || w.tokens.length === 1 ? (normalizeName(surface) === normalizeName(w.entity.name) ? 'name' : 'alias') : 'surname';
    addMention(text, mentions, c, 'person', w, via);
    // A title before the name gives the person a role: "Ukrainian President Volodymyr Zelenskyy".
    const title = endsWithRoleNoun(text, c.start) ? TITLE_BEFORE.exec(text.slice(Math.max(0, c.start - 40), c.start)) : null;
    if (title) {
      const role = ROLE_NOUNS[title[3]!.toLowerCase()]!;
      w.roles.add(role);
      const country = countryOf(title[1], title[2]);
      if (country) w.roleCountries.add(`${role}@${country}`);
    }
  }

  // Role phrases: "the president", "Ukraine's head of state", "its spokesperson" (after "said X, ").
  // Only sentences holding a role noun can match, and most hold none: they skip the regex.
  let nextRole = 0;
  for (const s of sentences) {
    while (nextRole < roleAt.length && roleAt[nextRole]! < s.start) nextRole++;
    if (nextRole === roleAt.length || roleAt[nextRole]! >= s.end) continue;
    const sentence = text.slice(s.start, s.end);
    ROLE_PATTERN.lastIndex = 0;
    for (let m = ROLE_PATTERN.exec(sentence); m; m = ROLE_PATTERN.exec(sentence)) {
      // After a possessive ("Ukraine's head of state") the mention is the role alone: the country is a place mention of its own.
      const start = s.start + m.index + (m[2] ? m[0].length - m[4]!.length : 0);
      const end = s.start + m.index + m[0].length;
      const after = text.slice(end, end + 3);
      if (/^\s*\p{Lu}/u.test(after) || mentions.some((x) => x.start < end && start < x.end)) continue; // a title before a name, not a mention
      const role = ROLE_NOUNS[m[4]!.toLowerCase()]!;
      let target: Working | undefined;
      if (m[3]) {
        // "its spokesperson" resolves to the name it stands in apposition to: "said Dmitry Peskov, its spokesperson".
        const before = mentions.filter((x) => x.type === 'person' && x.end <= start && /^\s*,\s*$/.test(text.slice(x.end, start)));
        const person = before[before.length - 1];
        if (person) target = byKey.get(person.entity);
        if (target) target.roles.add(role);
      } else {
        const country = countryOf(m[1], m[2]);
        const holders = [...byKey.values()].filter(
          (w) => w.entity.type === 'person' && w.roles.has(role) && (!country || w.roleCountries.has(`${role}@${country}`) || w.roleCountries.size === 0),
        );
        if (holders.length === 1) target = holders[0];
      }
      if (target) addMention(text, mentions, { start, end }, 'person', target, 'role');
    }
  }

  mentions.sort((a, b) => a.start - b.start);
  const used = new Set(mentions.map((m) => m.entity));
  const entities = [...byKey.values()].filter((w) => used.has(w.entity.key)).map((w) => w.entity);
  return { mentions, entities };
}

/** Countries an article implies by its demonyms and possessives ("Russian troops", "Ukraine's"). */
export function demonymCountriesOf(tokens: ReadonlyArray<{ text: string }>): Set<string> {
  const countries = new Set<string>();
  for (const t of tokens) {
    // Demonyms are capitalised; most words are not, and an ASCII one tells by its code alone.
    const initial = t.text.charCodeAt(0);
    if (initial < 128 && (initial < CODE_UPPER_A || initial > CODE_UPPER_Z)) continue;
    const first = t.text.charAt(0);
    if (first === first.toLowerCase()) continue;
    const code = demonymCountry(t.text.toLowerCase());
    if (code) countries.add(code);
  }
  return countries;
}

export function majorPlaceNames(minRank: number): Map<string, GazetteerEntry> {
  const out = new Map<string, GazetteerEntry>();
  for (const [name, entries] of loadGazetteer().byName) {
    const big = entries.find((e) => e.rank >= minRank);
    if (big && name.length >= 5 && !name.includes(' ')) out.set(name, big);
  }
  return out;
}
