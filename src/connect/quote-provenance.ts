/**
 * Quote provenance: the same quotation found in several articles is one
 * quote with its appearances, its earliest known source, and the channel
 * each article credits — so a reader can see who said it first and who
 * passed it on ("per a translation from the Kyiv Independent" → the Kyiv
 * Independent's own article, when the corpus holds it).
 *
 * Two quotations are the same when, for the same speaker (or one unknown):
 * - one is the other cut short (a partial quote inside a full one, a
 *   truncated copy): its words appear in the other in order, contiguously;
 * - or they are translation variants or lightly edited copies: most of their
 *   content words agree (stemmed crudely, so "liberated"/"liberation" meet).
 * The relation is symmetric and the groups are its transitive closure, so the
 * grouping does not depend on the order articles arrive in.
 */
import { dice, foldedWords } from './words.ts';
import type { Quote, QuoteAppearance, QuoteGroup } from '../model/index.ts';

export interface QuoteAppearanceInput {
  articleId: string;
  /** Position of the quote in its article's list. */
  index: number;
  /** The article's publication date (ISO), or null when unknown. */
  published: string | null;
  outlet: string | null;
  quote: Quote;
}

/**
 * Under this many words a quotation ("liberated", "a disaster") is too
 * common a phrase to tie articles together unless the words are identical
 * and the speaker is the same named entity.
 */
const MIN_WORDS_FOR_FUZZY = 4;

/**
 * Share of content-word stems two wordings must share (Dice) to be
 * translation variants of one statement: "This operation is ongoing, it
 * will continue until…" and "The operation is continuing and will continue
 * until…" share 0.6–0.8; two different statements of one speaker on one
 * subject rarely pass 0.4.
 */
const FUZZY_MIN_DICE = 0.6;

/** Crude stem length: enough to meet inflections (liberat-ed/-ion) without a language's stemmer. */
const STEM_LENGTH = 6;

/** Words that carry no content: two quotes sharing only these are not alike. */
const STOPWORDS = new Set(
  ('a an the and or but if of to in on at by for with from into than then that this these those it its is are was were be been being ' +
    'have has had do does did will would shall should can could may might must not no we you they he she i me us them our your their ' +
    'his her my there here what which who whom whose when where why how all any each so as up out about over also just very').split(' '),
);

function contentStems(words: readonly string[]): Set<string> {
  const stems = new Set<string>();
  for (const w of words) if (!STOPWORDS.has(w)) stems.add(w.slice(0, STEM_LENGTH));
  return stems;
}

function containsRun(longer: readonly string[], shorter: readonly string[]): boolean {
  if (shorter.length === 0 || shorter.length > longer.length) return false;
  outer: for (let i = 0; i + shorter.length <= longer.length; i++) {
    for (let j = 0; j < shorter.length; j++) if (longer[i + j] !== shorter[j]) continue outer;
    return true;
  }
  return false;
}

interface Prepared {
  input: QuoteAppearanceInput;
  key: string;
  words: string[];
  stems: Set<string>;
}

/**
 * Prepared forms by input: the incremental connect compares each of an
 * article's quotes with the same stored candidates, so each candidate's
 * words are folded once, not once per comparison.
 */
const preparedForms = new WeakMap<QuoteAppearanceInput, Prepared>();

function prepare(input: QuoteAppearanceInput): Prepared {
  const known = preparedForms.get(input);
  if (known) return known;
  const words = foldedWords(input.quote.content.text);
  const item = { input, key: `${input.articleId}:${input.index}`, words, stems: contentStems(words) };
  preparedForms.set(input, item);
  return item;
}

/**
 * Look-up keys of a quotation: its content stems, and its whole wording (a
 * short quote meets only its identical twin). Two appearances that are one
 * quotation share a key, so candidates are an index look-up.
 */
export function quoteKeys(input: QuoteAppearanceInput): string[] {
  const item = prepare(input);
  return [...item.stems, `=${item.words.join(' ')}`];
}

/** Whether two appearances are one quotation (see the module comment). */
export function sameAppearance(a: QuoteAppearanceInput, b: QuoteAppearanceInput): boolean {
  return sameQuotation(prepare(a), prepare(b));
}

/** Whether two appearances are one quotation (see the module comment). */
export function sameQuotation(a: Prepared, b: Prepared): boolean {
  if (a.input.articleId === b.input.articleId) return false;
  const sa = a.input.quote.speaker?.entity ?? null;
  const sb = b.input.quote.speaker?.entity ?? null;
  if (sa !== null && sb !== null && sa !== sb) return false;
  const [shorter, longer] = a.words.length <= b.words.length ? [a, b] : [b, a];
  if (shorter.words.length < MIN_WORDS_FOR_FUZZY) {
    return sa !== null && sa === sb && shorter.words.join(' ') === longer.words.join(' ');
  }
  if (containsRun(longer.words, shorter.words)) return true;
  return dice(a.stems, b.stems) >= FUZZY_MIN_DICE;
}

function normalizeOutlet(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function byDateThenId(a: { published: string | null; articleId: string; index: number }, b: typeof a): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.articleId === b.articleId ? a.index - b.index : a.articleId < b.articleId ? -1 : 1;
}

/**
 * An incremental index of quotations across the corpus: `add` an article's
 * quotes as it arrives, ask for `groups()` at any time.
 */
export class QuoteProvenance {
  private readonly items: Prepared[] = [];
  /** Content stem → positions in `items`: candidates share at least one rare word. */
  private readonly byStem = new Map<string, number[]>();
  /** Union-find parent over positions in `items`. */
  private readonly parent: number[] = [];

  add(appearances: readonly QuoteAppearanceInput[]): void {
    for (const input of appearances) {
      const item = prepare(input);
      const at = this.items.length;
      this.items.push(item);
      this.parent.push(at);
      const candidates = new Set<number>();
      for (const stem of item.stems) for (const other of this.byStem.get(stem) ?? []) candidates.add(other);
      // A short quote has no fuzzy match; it can still be identical to another: look it up by its words.
      if (item.stems.size === 0) for (const other of this.byStem.get(`=${item.words.join(' ')}`) ?? []) candidates.add(other);
      for (const other of candidates) if (sameQuotation(item, this.items[other]!)) this.union(at, other);
      for (const stem of item.stems) this.index(stem, at);
      this.index(`=${item.words.join(' ')}`, at);
    }
  }

  private index(key: string, at: number): void {
    const list = this.byStem.get(key);
    if (list) list.push(at);
    else this.byStem.set(key, [at]);
  }

  private find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** Every quotation, those found in the most articles first. */
  groups(options: { minArticles?: number } = {}): QuoteGroup[] {
    const members = new Map<number, Prepared[]>();
    this.items.forEach((item, i) => {
      const root = this.find(i);
      const list = members.get(root);
      if (list) list.push(item);
      else members.set(root, [item]);
    });
    const groups: QuoteGroup[] = [];
    for (const list of members.values()) {
      if (new Set(list.map((m) => m.input.articleId)).size < (options.minArticles ?? 1)) continue;
      groups.push(toGroup(list));
    }
    return groups.sort((a, b) => b.appearances.length - a.appearances.length || (a.id < b.id ? -1 : 1));
  }
}

function toGroup(list: Prepared[]): QuoteGroup {
  const appearances: QuoteAppearance[] = list
    .map(({ input }) => ({
      articleId: input.articleId,
      index: input.index,
      published: input.published,
      outlet: input.outlet,
      kind: input.quote.kind,
      text: input.quote.content.text,
      speaker: input.quote.speaker?.entity ?? null,
      channel: input.quote.channel?.text ?? null,
      channelEntity: input.quote.channel?.entity ?? null,
      creditedArticle: null as string | null,
      creditedBy: null as QuoteAppearance['creditedBy'],
    }))
    .sort(byDateThenId);
  for (const appearance of appearances) {
    if (!appearance.channel) continue;
    const wanted = normalizeOutlet(appearance.channel);
    const source = appearances.find(
      (other) => other.articleId !== appearance.articleId && other.outlet !== null && normalizeOutlet(other.outlet) === wanted,
    );
    if (source) {
      appearance.creditedArticle = source.articleId;
      appearance.creditedBy = 'outlet';
      continue;
    }
    // No article of that outlet: an article of unknown outlet quoting the same words verbatim is the likely origin.
    const verbatim = appearances.filter(
      (other) =>
        other.articleId !== appearance.articleId &&
        other.outlet === null &&
        other.kind !== 'reported' &&
        // An origin cannot be dated after the article that credits it.
        (other.published === null || appearance.published === null || other.published <= appearance.published),
    );
    if (new Set(verbatim.map((v) => v.articleId)).size === 1) {
      appearance.creditedArticle = verbatim[0]!.articleId;
      appearance.creditedBy = 'wording';
    }
  }
  const fullest = [...list].sort(
    (a, b) =>
      Number(b.input.quote.kind === 'direct') - Number(a.input.quote.kind === 'direct') ||
      b.words.length - a.words.length ||
      (a.key < b.key ? -1 : 1),
  )[0]!;
  const speakerVotes = new Map<string, number>();
  for (const a of appearances) if (a.speaker) speakerVotes.set(a.speaker, (speakerVotes.get(a.speaker) ?? 0) + 1);
  const speaker = [...speakerVotes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  const dated = appearances.find((a) => a.published !== null);
  return {
    id: list.map((m) => m.key).sort()[0]!,
    text: fullest.input.quote.content.text,
    speaker,
    appearances,
    earliest: dated ? { articleId: dated.articleId, index: dated.index, published: dated.published! } : null,
  };
}
