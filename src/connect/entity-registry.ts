/**
 * The corpus entity registry: merges the entities of many articles into one
 * entity per referent.
 *
 * - Same key → same entity (keys are gazetteer ids for places and normalised
 *   canonical names otherwise, so most merging is already done by analysis).
 * - Same type and same variant key (transliteration-independent, see
 *   analyze/entities/variant-key.ts) → same entity: "Oleksandr Syrskyi" of
 *   one article and "Olexander Syrskyj" of another; an unresolved "Mirnohrad"
 *   and the gazetteer's Myrnohrad.
 * - An obvious typo of a frequent name of the same type → that entity
 *   ("Mocow", once, next to Moscow, many times).
 * - Never: a one-word person name into a full name. "Putin" or "Clarke" alone
 *   may be anyone; analysis already ties a surname to the full name where the
 *   article itself does (and gives an unresolved lone surname an
 *   article-scoped key), so the registry does not guess across articles.
 *
 * Incremental: `add` folds one article's entities in, and re-examines rare
 * entities when a frequent one appears, so the result does not depend on the
 * order articles arrive in (beyond which spelling is seen first).
 */
import { normalizeName, romanize, variantKey } from '../analyze/entities/variant-key.ts';
import type { ArticleEntity, EntityType, PlaceInfo } from '../model/index.ts';

/** What the registry needs of an entity: an ArticleEntity, or a stored entity row. */
export interface RegistryInput {
  key: string;
  type: EntityType;
  name: string;
  variants: string[];
  place?: PlaceInfo | null;
  /** Mentions in the article (or in the store); 1 when unknown. */
  mentions?: number;
}

export interface CorpusEntity {
  /** The key of the first entity seen for this referent; other keys are its aliases. */
  key: string;
  type: EntityType;
  name: string;
  variants: string[];
  place: PlaceInfo | null;
  mentions: number;
  /** Article ids it was seen in, in the order they were added. */
  articles: string[];
  /** Keys merged into this one. */
  aliases: string[];
}

/**
 * A typo is rare next to what it misspells: the name it is one or two edits
 * from must be mentioned at least this many times as often…
 */
const TYPO_FREQUENCY_RATIO = 3;
/** …and at least this often in all, so two rare spellings are never merged as each other's typo. */
const TYPO_MIN_TARGET_MENTIONS = 3;
/** Edits allowed by name length: none under 5 letters (Kyiv/Kiev are variants, not typos; Lviv/Kyiv differ), 1 up to 7, 2 from 8. */
function typoEditsAllowed(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function isFullName(name: string): boolean {
  return normalizeName(name).includes(' ');
}

/** Forms whose variant key may join two entities of this type. */
function joiningForms(type: EntityType, entity: { name: string; variants: string[] }): string[] {
  const forms = [entity.name, ...entity.variants];
  // A lone surname, or a role ("the president"), must not pull another article's entity in.
  return type === 'person' ? forms.filter(isFullName) : forms.filter((f) => !/^(the|its|his|her|their)\s/i.test(f));
}

export class EntityRegistry {
  private readonly byKey = new Map<string, CorpusEntity>();
  /** Any key (own or alias) → corpus key. */
  private readonly aliasOf = new Map<string, string>();
  /** `${type}|${variantKey}` → corpus key. */
  private readonly byVariant = new Map<string, string>();
  /** `person|${variantKey(surname)}` → corpus keys of full names ending in it: finds "Zelensky" for a search. */
  private readonly bySurname = new Map<string, Set<string>>();

  /** Folds one article's entities in; returns each article key's corpus key. */
  addArticle(articleId: string, entities: readonly ArticleEntity[], mentionCounts?: ReadonlyMap<string, number> | Record<string, number>): Map<string, string> {
    const countOf = (key: string) =>
      mentionCounts instanceof Map ? mentionCounts.get(key) : (mentionCounts as Record<string, number> | undefined)?.[key];
    const out = new Map<string, string>();
    for (const entity of entities) out.set(entity.key, this.add({ ...entity, mentions: countOf(entity.key) ?? 1 }, articleId));
    return out;
  }

  /** Folds one entity in; returns the corpus key it now belongs to. */
  add(input: RegistryInput, articleId?: string): string {
    const mentions = input.mentions ?? 1;
    const known = this.aliasOf.get(input.key);
    const target = known ? this.byKey.get(known)! : this.findByVariant(input) ?? this.findTypoTarget(input, mentions);
    if (target) {
      this.absorb(target, input, mentions, articleId);
      this.adoptTypos(target);
      return target.key;
    }
    const entity: CorpusEntity = {
      key: input.key,
      type: input.type,
      name: input.name,
      variants: [],
      place: input.place ?? null,
      mentions: 0,
      articles: [],
      aliases: [],
    };
    this.byKey.set(entity.key, entity);
    this.aliasOf.set(entity.key, entity.key);
    this.absorb(entity, input, mentions, articleId);
    this.adoptTypos(entity);
    return entity.key;
  }

  /** The corpus key an article key was merged into (itself when it leads its entity), or undefined. */
  corpusKeyOf(key: string): string | undefined {
    return this.aliasOf.get(key);
  }

  entities(): CorpusEntity[] {
    return [...this.byKey.values()];
  }

  /** Every merged key → the key it was merged into (leading keys left out). */
  aliases(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, target] of this.aliasOf) if (key !== target) out.set(key, target);
    return out;
  }

  /** The entity a name or any of its spellings refers to, if the registry knows one. */
  lookup(name: string, type?: EntityType): CorpusEntity | undefined {
    const key = variantKey(name);
    const types: EntityType[] = type ? [type] : ['person', 'place', 'organization', 'unit', 'outlet'];
    for (const t of types) {
      const found = this.byVariant.get(`${t}|${key}`);
      if (found) return this.byKey.get(found);
    }
    // A surname alone finds the one full name it ends, if only one does.
    const owners = this.bySurname.get(`person|${key}`);
    if ((!type || type === 'person') && owners?.size === 1) return this.byKey.get([...owners][0]!);
    return undefined;
  }

  private findByVariant(input: RegistryInput): CorpusEntity | undefined {
    for (const form of joiningForms(input.type, input)) {
      const found = this.byVariant.get(`${input.type}|${variantKey(form)}`);
      if (found) return this.byKey.get(found);
    }
    return undefined;
  }

  private typoCandidateName(input: { type: EntityType; name: string }): string | null {
    if (input.type === 'person' && !isFullName(input.name)) return null;
    return normalizeName(input.name);
  }

  private findTypoTarget(input: RegistryInput, mentions: number): CorpusEntity | undefined {
    const name = this.typoCandidateName(input);
    if (name === null) return undefined;
    const allowed = typoEditsAllowed(name.length);
    if (allowed === 0) return undefined;
    let best: CorpusEntity | undefined;
    for (const entity of this.byKey.values()) {
      if (entity.type !== input.type || entity.mentions < Math.max(TYPO_MIN_TARGET_MENTIONS, TYPO_FREQUENCY_RATIO * mentions)) continue;
      const other = normalizeName(entity.name);
      if (other === name || editDistance(name, other, allowed) > allowed) continue;
      if (!best || entity.mentions > best.mentions) best = entity;
    }
    return best;
  }

  /** Rare entities already registered that are typos of `root` (when it has just become frequent enough). */
  private adoptTypos(root: CorpusEntity): void {
    const rootName = this.typoCandidateName(root);
    if (rootName === null || root.mentions < TYPO_MIN_TARGET_MENTIONS) return;
    for (const entity of [...this.byKey.values()]) {
      if (entity === root || entity.type !== root.type || root.mentions < TYPO_FREQUENCY_RATIO * entity.mentions) continue;
      const name = this.typoCandidateName(entity);
      if (name === null) continue;
      const allowed = typoEditsAllowed(name.length);
      if (allowed === 0 || name === rootName || editDistance(name, rootName, allowed) > allowed) continue;
      this.byKey.delete(entity.key);
      for (const [key, target] of this.aliasOf) if (target === entity.key) this.aliasOf.set(key, root.key);
      for (const [variant, target] of this.byVariant) if (target === entity.key) this.byVariant.set(variant, root.key);
      for (const owners of this.bySurname.values()) {
        if (owners.delete(entity.key)) owners.add(root.key);
      }
      this.absorb(root, { ...entity }, entity.mentions);
      root.articles.push(...entity.articles.filter((a) => !root.articles.includes(a)));
      root.aliases.push(...entity.aliases.filter((a) => !root.aliases.includes(a)));
    }
  }

  private absorb(target: CorpusEntity, input: RegistryInput, mentions: number, articleId?: string): void {
    target.mentions += mentions;
    if (input.key !== target.key && !target.aliases.includes(input.key)) target.aliases.push(input.key);
    this.aliasOf.set(input.key, target.key);
    for (const form of [input.name, ...input.variants]) if (!target.variants.includes(form)) target.variants.push(form);
    if (!target.place && input.place) {
      // A resolved place lends its coordinates and standard name to an unresolved spelling of it.
      target.place = input.place;
      target.name = input.name;
    }
    if (articleId && !target.articles.includes(articleId)) target.articles.push(articleId);
    for (const form of joiningForms(target.type, { name: input.name, variants: input.variants })) {
      const key = `${target.type}|${variantKey(form)}`;
      if (!this.byVariant.has(key)) this.byVariant.set(key, target.key);
      if (target.type === 'person') {
        const surnameKey = `person|${variantKey(form.split(' ').pop()!)}`;
        const owners = this.bySurname.get(surnameKey) ?? new Set<string>();
        owners.add(target.key);
        this.bySurname.set(surnameKey, owners);
      }
    }
  }
}

export interface ArticleEntities {
  articleId: string;
  entities: ArticleEntity[];
  /** Mentions per entity key in the article (from the analysis' mentions); 1 each when absent. */
  mentionCounts?: ReadonlyMap<string, number> | Record<string, number>;
}

/**
 * Merges the entities of many articles at once. Entities are folded in most
 * mentioned first, so that a frequent name is there before its typos.
 */
export function mergeEntities(articles: readonly ArticleEntities[]): { entities: CorpusEntity[]; aliases: Map<string, string> } {
  const registry = new EntityRegistry();
  const rows: Array<{ input: RegistryInput; articleId: string }> = [];
  for (const article of articles) {
    const counts = article.mentionCounts;
    for (const entity of article.entities) {
      const mentions = counts instanceof Map ? counts.get(entity.key) : (counts as Record<string, number> | undefined)?.[entity.key];
      rows.push({ input: { ...entity, mentions: mentions ?? 1 }, articleId: article.articleId });
    }
  }
  const totals = new Map<string, number>();
  for (const { input } of rows) totals.set(input.key, (totals.get(input.key) ?? 0) + (input.mentions ?? 1));
  // Stable sort: ties keep article order, so the first article's spelling leads.
  const ordered = rows.map((row, index) => ({ ...row, index })).sort((a, b) => totals.get(b.input.key)! - totals.get(a.input.key)! || a.index - b.index);
  for (const { input, articleId } of ordered) registry.add(input, articleId);
  return { entities: registry.entities(), aliases: registry.aliases() };
}

/** Spelling alternations of the transliteration schemes, applied to a name's words to propose search variants. */
const ALTERNATIONS: Array<[RegExp, string[]]> = [
  [/(sk|ck|tsk|zk)(y|yy|iy|yi|ij|yj|ii|i)$/i, ['y', 'yy', 'iy', 'yi', 'yj', 'ii']],
  [/ivka$/i, ['ivka', 'ovka', 'yvka']],
  [/ovka$/i, ['ovka', 'ivka']],
  [/ove$/i, ['ove', 'ovo']],
  [/ovo$/i, ['ovo', 'ove']],
  [/ne$/i, ['ne', 'noye', 'noe']],
  [/noye$/i, ['noye', 'ne']],
  [/hrad$/i, ['hrad', 'grad']],
  [/grad$/i, ['grad', 'hrad']],
];

/**
 * Spellings to search for a name: its known variants (from the registry when
 * given: every spelling seen in the corpus), its Cyrillic romanised, and the
 * usual transliteration alternates of its words ("Zelensky" → Zelenskyy,
 * Zelenskiy, Zelenskyi…). The store can also match on `variantKey` directly.
 */
export function variantsOf(name: string, registry?: EntityRegistry): string[] {
  const out = new Set<string>([name]);
  const known = registry?.lookup(name);
  if (known) for (const v of [known.name, ...known.variants]) if (!/^(the|its|his|her|their)\s/i.test(v)) out.add(v);
  const latin = romanize(name);
  out.add(latin);
  for (const form of [...out]) {
    const words = form.split(' ');
    const last = words[words.length - 1]!;
    for (const [pattern, endings] of ALTERNATIONS) {
      const m = pattern.exec(last);
      if (!m) continue;
      const stemEnd = m.index + (m[1]?.length ?? 0);
      for (const ending of endings) {
        const variant = [...words.slice(0, -1), last.slice(0, stemEnd) + ending].join(' ');
        // Only alternates that are truly the same name by our key.
        if (variantKey(variant) === variantKey(form)) out.add(variant);
      }
    }
  }
  return [...out];
}
