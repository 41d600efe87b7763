/**
 * Claims against counter-claims: a claim and the denial or contrary claim
 * about the same thing, linked across articles (or within one), each side
 * with its party and date — what an analyst reads as "disputed".
 *
 * - `denies`: one side is a denial of what the other asserts ("Russia's
 *   Kharkiv offensive failed" ↔ "the Kremlin has denied that its offensive
 *   had failed"); the same party denying its own earlier claim `retracts` it.
 * - `contradicts`: two parties make contrary control claims about one place
 *   (Ukraine holds territory in Kursk ↔ Russia says half of it liberated).
 * - `confirms`: a second party asserts the same control of the same place,
 *   or a claim's own text says it was confirmed.
 * "The same thing" is judged on the propositions' content words (with the
 * predicate — failed, surrounded, captured — counting most) and on the
 * places and actors they name; parties are never what makes two claims
 * alike.
 */
import type { Claim, ClaimLink, ClaimRelation, ClaimSide, ControlAction } from '../model/index.ts';
import { dice, foldedWords } from './words.ts';

export interface ClaimLinkInput {
  articleId: string;
  index: number;
  /** The claim's date (its own, else its article's), or null. */
  date: string | null;
  claim: Claim;
  /** Entity keys named inside the claim's content (places, people, organisations, units). */
  entities: string[];
  /**
   * For a control claim: the areas its place lies in, as comparable names
   * ("kursk" for Kursk city, in Kursk Oblast, and for the Kursk region itself),
   * so that a claim about a region meets one about its main city.
   */
  placeAreas?: string[];
}

/** Predicates that carry a claim's point: two propositions sharing one of these (and their subject) are about the same thing. */
const PREDICATE_STEMS = new Set(
  ['fail', 'failed', 'surrou', 'encirc', 'captur', 'seized', 'seize', 'taken', 'libera', 'retake', 'retook', 'recapt',
    'contro', 'holds', 'hold', 'held', 'withdr', 'retrea', 'destro', 'killed', 'attack', 'struck', 'shot', 'downed',
    'advanc', 'occupi', 'repell', 'repuls'].map((s) => s.slice(0, 6)),
);

/** Content-word overlap (Dice) that makes two propositions the same without a shared predicate. */
const SAME_PROPOSITION_MIN_DICE = 0.5;

/** With a shared predicate, less of the rest needs to agree: the subject usually differs in wording ("its attack" / "Russia's offensive"). */
const SAME_PREDICATE_MIN_DICE = 0.15;

/** Actions that cannot both be true of one place at one time when claimed by opposing parties. */
const CONTRARY: ReadonlyArray<[ControlAction, ControlAction]> = [
  ['captured', 'liberated'],
  ['captured', 'retaken'],
  ['surrounded', 'liberated'],
];

const STOP = new Set(
  ('a an the and or of to in on at by for with from into that this it its is are was were be been has have had not no ' +
    'their his her they we he she as also would will could').split(' '),
);

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of foldedWords(text)) if (!STOP.has(w)) out.add(w.slice(0, 6));
  return out;
}

interface Prepared {
  input: ClaimLinkInput;
  key: string;
  stems: Set<string>;
  predicates: Set<string>;
  entities: Set<string>;
}

function prepare(input: ClaimLinkInput): Prepared {
  const s = stems(input.claim.content.text);
  if (input.claim.control) s.add(input.claim.control.action.slice(0, 6));
  return {
    input,
    key: `${input.articleId}:${input.index}`,
    stems: s,
    predicates: new Set([...s].filter((x) => PREDICATE_STEMS.has(x))),
    entities: new Set([...input.entities, ...(input.claim.control?.place.entity ? [input.claim.control.place.entity] : [])]),
  };
}

function sharedEntities(a: Prepared, b: Prepared): string[] {
  return [...a.entities].filter((e) => b.entities.has(e)).sort();
}

/**
 * Same proposition: the same predicate and some of the rest, or most of the
 * words; never two different places or actors. The parties themselves are
 * left out of that test: a denial names whom it answers ("Moscow's claim
 * that …"), which says nothing of what the claim is about.
 */
function sameProposition(a: Prepared, b: Prepared): boolean {
  const parties = new Set([partyOf(a), partyOf(b)].filter((p): p is string => p !== null));
  const ea = [...a.entities].filter((e) => !parties.has(e));
  const eb = new Set([...b.entities].filter((e) => !parties.has(e)));
  if (ea.length > 0 && eb.size > 0 && !ea.some((e) => eb.has(e))) return false;
  const overlap = dice(a.stems, b.stems);
  const samePredicate = [...a.predicates].some((p) => b.predicates.has(p));
  return overlap >= SAME_PROPOSITION_MIN_DICE || (samePredicate && overlap >= SAME_PREDICATE_MIN_DICE);
}

function partyOf(p: Prepared): string | null {
  return p.input.claim.party?.entity ?? null;
}

function differentParties(a: Prepared, b: Prepared): boolean {
  const pa = partyOf(a);
  const pb = partyOf(b);
  if (pa !== null && pb !== null) return pa !== pb;
  const ta = a.input.claim.party?.text.toLowerCase() ?? null;
  const tb = b.input.claim.party?.text.toLowerCase() ?? null;
  return ta !== null && tb !== null && ta !== tb;
}

function relationOf(a: Prepared, b: Prepared): ClaimRelation | null {
  const ca = a.input.claim;
  const cb = b.input.claim;
  if (ca.kind !== cb.kind) {
    if (!sameProposition(a, b)) return null;
    const pa = partyOf(a);
    return pa !== null && pa === partyOf(b) ? 'retracts' : 'denies';
  }
  if (ca.kind !== 'claim' || !ca.control || !cb.control) return null;
  if (!samePlace(a.input, b.input)) return null;
  if (!differentParties(a, b)) return null;
  const x = ca.control.action;
  const y = cb.control.action;
  if (CONTRARY.some(([p, q]) => (p === x && q === y) || (p === y && q === x))) return 'contradicts';
  return x === y ? 'confirms' : null;
}

function samePlace(a: ClaimLinkInput, b: ClaimLinkInput): boolean {
  const pa = a.claim.control?.place.entity ?? null;
  const pb = b.claim.control?.place.entity ?? null;
  if (pa !== null && pa === pb) return true;
  const areas = new Set(a.placeAreas ?? []);
  return (b.placeAreas ?? []).some((x) => areas.has(x));
}

function side(p: Prepared): ClaimSide {
  const c = p.input.claim;
  return {
    articleId: p.input.articleId,
    index: p.input.index,
    date: p.input.date,
    party: c.party?.entity ?? null,
    partyText: c.party?.text ?? null,
    kind: c.kind,
    text: c.content.text,
  };
}

function earlier(a: Prepared, b: Prepared): number {
  const da = a.input.date;
  const db = b.input.date;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** What pairs are found through: entities, predicates (`~`), areas (`@`). */
function featuresOf(p: Prepared): string[] {
  return [...p.entities, ...[...p.predicates].map((x) => `~${x}`), ...(p.input.placeAreas ?? []).map((x) => `@${x}`)];
}

/** Look-up keys of a claim: the features `linkClaims` pairs claims through, so its candidates are an index look-up. */
export function claimKeys(input: ClaimLinkInput): string[] {
  return featuresOf(prepare(input));
}

/**
 * Every link between the claims given. Pairs are found through the entities
 * and predicates the claims share, so the work grows with the claims about
 * one thing, not with the square of the corpus. Deterministic in its input's
 * content: the same claims in any order give the same links.
 */
export function linkClaims(inputs: readonly ClaimLinkInput[]): ClaimLink[] {
  const prepared = inputs.map(prepare).sort(earlier);
  const byFeature = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const f of featuresOf(p)) {
      const list = byFeature.get(f);
      if (list) list.push(i);
      else byFeature.set(f, [i]);
    }
  });
  const links: ClaimLink[] = [];
  const seen = new Set<string>();
  for (const list of byFeature.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = prepared[list[i]!]!;
        const b = prepared[list[j]!]!;
        const pair = `${a.key}|${b.key}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const relation = relationOf(a, b);
        if (relation) links.push({ a: side(a), b: side(b), relation, shared: sharedEntities(a, b) });
      }
    }
  }
  return links.sort((x, y) => (`${x.a.articleId}:${x.a.index}|${x.b.articleId}:${x.b.index}` < `${y.a.articleId}:${y.a.index}|${y.b.articleId}:${y.b.index}` ? -1 : 1));
}
