/**
 * Claims and denials: what a party asserts as fact or denies, and the flags
 * the article attaches ("has not been verified by an independent source",
 * "reportedly", "did not immediately respond to a request for comment").
 * Also nominal claims a denial or a narrative points at: "Moscow's claim
 * that its forces in the city are surrounded".
 */
import type { ClaimFlags, Span } from '../../model/index.ts';
import type { TokenRange } from './sources.ts';
import type { Token } from './tokens.ts';

const UNVERIFIED =
  /\b(?:not|n[o']t|never|yet\s+to)\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:independently\s+)?(?:verified|confirmed|verify|confirm)\b|\bunverified\b|\bunconfirmed\b|\bnot\s+(?:been\s+)?(?:able|possible)\s+to\s+(?:independently\s+)?(?:verify|confirm)\b/iu;
const REPORTED = /\b(?:reportedly|allegedly|purportedly|supposedly|apparently)\b|\b(?:is|are|was|were)\s+said\s+to\b/iu;
const NO_RESPONSE =
  /\b(?:did|does|has|have|had)\s?(?:not|n[o']t)\s+(?:yet\s+)?(?:immediately\s+)?(?:respond|reply|replied|responded|return|comment|commented)\b|\bdeclined\s+to\s+comment\b|\bno\s+(?:official\s+)?(?:response|comment|reaction)\s+(?:from|by)\b|\bcould\s?n[o']t\s+be\s+reached\b/iu;

/** Substrings every match of each flag holds: a cheap gate before the full patterns (most sentences have none). */
const UNVERIFIED_GATE = /verif|confirm/i;
const REPORTED_GATE = /edly|said to|apparently/i;
const NO_RESPONSE_GATE = /respon|repl|comment|reached|return/i;

/**
 * The flags of any sentence of one text, the gates run once over the whole text rather than once per
 * sentence: a sentence is tested with the full patterns only when a gate match lies inside it. The
 * gates are literal words none of which overlaps itself or another (no suffix of one is a prefix of
 * one), so a global scan finds every occurrence a per-sentence test would.
 */
export class FlagScanner {
  private readonly gates: { starts: number[]; ends: number[] }[];
  constructor(private readonly text: string) {
    this.gates = [UNVERIFIED_GATE, REPORTED_GATE, NO_RESPONSE_GATE].map((gate) => {
      const all = new RegExp(gate.source, 'gi');
      const starts: number[] = [];
      const ends: number[] = [];
      for (let m = all.exec(text); m !== null; m = all.exec(text)) {
        starts.push(m.index);
        ends.push(m.index + m[0].length);
      }
      return { starts, ends };
    });
  }

  /** Whether gate `k` matches inside [start, end). */
  private gateIn(k: number, start: number, end: number): boolean {
    const { starts, ends } = this.gates[k]!;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && ends[lo]! <= end;
  }

  /** The same as flagsOf(text.slice(start, end)). */
  flagsIn(start: number, end: number): ClaimFlags {
    const flags = { unverified: false, reported: false, noResponse: false };
    if (!(this.gateIn(0, start, end) || this.gateIn(1, start, end) || this.gateIn(2, start, end))) return flags;
    const sentence = this.text.slice(start, end);
    flags.unverified = this.gateIn(0, start, end) && UNVERIFIED.test(sentence);
    flags.reported = this.gateIn(1, start, end) && REPORTED.test(sentence);
    flags.noResponse = this.gateIn(2, start, end) && NO_RESPONSE.test(sentence);
    return flags;
  }
}

export function flagsOf(sentence: string): ClaimFlags {
  return {
    unverified: UNVERIFIED_GATE.test(sentence) && UNVERIFIED.test(sentence),
    reported: REPORTED_GATE.test(sentence) && REPORTED.test(sentence),
    noResponse: NO_RESPONSE_GATE.test(sentence) && NO_RESPONSE.test(sentence),
  };
}

export function orFlags(a: ClaimFlags, b: ClaimFlags): ClaimFlags {
  return { unverified: a.unverified || b.unverified, reported: a.reported || b.reported, noResponse: a.noResponse || b.noResponse };
}

/**
 * A sentence that only comments on the one before ("There has been no
 * official response from Ukraine regarding this assertion.") passes its
 * unverified/no-response flags back to that sentence's claims.
 */
export function commentFlags(sentence: string): ClaimFlags {
  const f = flagsOf(sentence);
  return { unverified: f.unverified, reported: false, noResponse: f.noResponse };
}

const CLAIM_NOUNS = new Set(['claim', 'claims', 'assertion', 'assertions', 'allegation', 'allegations', 'statement', 'report', 'reports', 'insistence']);

export interface NominalClaim {
  party: TokenRange;
  cue: TokenRange;
  content: Span;
}

/** Auxiliaries and verbs that begin the predicate after a nominal phrase. */
const FINITE_AFTER_PHRASE = new Set(['is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'may', 'might', 'must', 'should', 'can', 'did', 'does', 'remains', 'came', 'went', 'fell', 'met', 'drew']);

/** Nouns of a demand or a plan whose object follows "for" or "to": "Zelensky's call for more air defence". */
const CALL_NOUNS = new Set(['call', 'calls', 'demand', 'demands', 'appeal', 'appeals', 'plea', 'pleas', 'plan', 'plans', 'proposal', 'offer', 'request', 'bid']);

/**
 * "X's claim that …", "X's call for …", "X's plan to …": the party is the possessor, the content the
 * clause or phrase after the noun up to the end of the clause.
 */
export function nominalClaims(tokens: readonly Token[], partyEndingAt: (end: number) => TokenRange | null): NominalClaim[] {
  const out: NominalClaim[] = [];
  for (let i = 2; i + 2 < tokens.length; i++) {
    if (tokens[i - 1]!.lower !== "'s") continue;
    const lower = tokens[i]!.lower;
    const link = tokens[i + 1]!.lower;
    if (!(CLAIM_NOUNS.has(lower) && link === 'that') && !(CALL_NOUNS.has(lower) && (link === 'for' || link === 'to'))) continue;
    const party = partyEndingAt(i - 2);
    if (!party) continue;
    let last = i + 2;
    while (last + 1 < tokens.length && !(tokens[last + 1]!.text === ',' && ['but', 'and', 'although', 'though', 'while'].includes(tokens[last + 2]?.lower ?? '')) &&
      !['.', ';'].includes(tokens[last + 1]!.text)) last++;
    // "call for talks": the preposition is cue; "plan to seize": the infinitive's "to" is the content's.
    const contentFirst = link === 'to' ? i + 1 : i + 2;
    if (link !== 'that') {
      // A phrase, not a clause: it ends where the sentence's own verb begins ("Moscow's plan to seize Pokrovsk failed").
      for (let k = contentFirst + 2; k <= last; k++) {
        const w = tokens[k]!.lower;
        if (FINITE_AFTER_PHRASE.has(w) || (/ed$/.test(w) && tokens[k - 1]!.word && !['to', 'be', 'been', 'have', 'has', 'had'].includes(tokens[k - 1]!.lower))) {
          last = k - 1;
          break;
        }
      }
    }
    out.push({ party, cue: { first: i, last: contentFirst - 1 }, content: { start: tokens[contentFirst]!.start, end: tokens[last]!.end } });
  }
  return out;
}
