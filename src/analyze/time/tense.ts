/**
 * The tense of the clause around an expression, read from the nearest verb
 * form or time word — enough to decide whether "on Wednesday" or "in
 * November" lies before or after the anchor date. No part-of-speech tagger:
 * word lists and the "-ed" ending, which is right for news prose often enough
 * and costs nothing.
 */
import type { Token } from './tokens.ts';

export type Tense = 'past' | 'present' | 'future';

/** How far from the expression a verb may stand and still govern it; beyond that the clause has usually changed. */
const TENSE_WINDOW_TOKENS = 12;

const FUTURE_WORDS = new Set([
  'will', 'shall', 'wo', 'gonna', 'upcoming', 'scheduled', 'expected', 'expects', 'expect', 'planning',
  'intends', 'intend', 'aims', 'hopes', 'forthcoming', 'next', 'tomorrow', 'coming', 'starting',
  // Modals speak of what is yet to be: "must be present at a summit in November".
  'must', 'should', 'might',
]);

/** Nouns as often as verbs ("the plan", "his plans"): future only before "to" ("plans to hold"). */
const FUTURE_BEFORE_TO = new Set(['plan', 'plans', 'aim', 'hope', 'set', 'due', 'poised', 'ready']);

/** "be" is future after these ("will be", "to be held", "must be"), and says nothing after "could", "would", "may". */
const FUTURE_BEFORE_BE = new Set(['will', 'shall', 'll', 'to', 'must', 'should', 'might']);

const PAST_WORDS = new Set([
  'said', 'told', 'was', 'were', 'had', 'did', 'made', 'took', 'came', 'went', 'saw', 'got', 'gave', 'held', 'met',
  'left', 'began', 'became', 'rose', 'fell', 'sold', 'bought', 'won', 'lost', 'paid', 'ran', 'spoke', 'wrote', 'broke',
  'brought', 'built', 'caught', 'chose', 'drew', 'drove', 'fought', 'found', 'flew', 'grew', 'heard', 'hid', 'kept',
  'knew', 'led', 'meant', 'sent', 'spent', 'stood', 'struck', 'taught', 'thought', 'threw', 'understood', 'wore',
  'withdrew', 'shot', 'shook', 'sank', 'sat', 'slept', 'sought', 'fled', 'froze', 'blew', 'dealt', 'fed', 'felt',
  'hung', 'overtook', 'rang', 'rode', 'swept', 'tore', 'undertook', 'upheld', 'wound', 'ago', 'last', 'yesterday',
  'earlier', 'previously', 'already', 'since', 'been', 'began', 'arose', 'forgot', 'struck', 'bore', 'beat', 'bled',
  'lay', 'laid', 'lit', 'oversaw', 'overran', 'reopened', 'retook', 'spun', 'stole', 'stuck', 'swore', 'woke',
]);

const PRESENT_WORDS = new Set(['is', 'are', 'am', 'says', 'say', 'remains', 'remain', 'continues', 'now', 'today']);

/** Words in "-ed" that are not past forms: base verbs in "-eed", adjectives. */
const NOT_PAST_ED = new Set([
  'need', 'feed', 'seed', 'speed', 'proceed', 'succeed', 'exceed', 'bleed', 'breed', 'heed', 'weed', 'indeed', 'red',
  'bed', 'shed', 'hundred', 'kindred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'beloved', 'embed', 'greed',
  'expected', 'scheduled', 'planned', 'united', 'limited', 'based', 'armed', 'called', 'so-called', 'detailed',
  'advanced', 'concerned', 'interested', 'related', 'supposed', 'used', 'alleged', 'unnamed', 'unidentified',
  'occupied', 'annexed', 'besieged', 'embattled', 'renewed', 'unprecedented', 'wounded', 'injured', 'displaced',
  'unverified', 'skilled', 'qualified', 'experienced', 'sophisticated', 'coordinated', 'guided',
]);

const CLAUSE_BREAKS = new Set([';', '—', '–']);

/** Auxiliaries before a participle ("to be completed", "was extended"): the auxiliary, not the participle, has the tense. */
const AUXILIARY_TENSE: ReadonlyMap<string, Tense | null> = new Map([
  ['is', 'present'], ['are', 'present'], ['am', 'present'], ['was', 'past'], ['were', 'past'],
  ['been', 'past'], ['being', null], ['has', 'past'], ['have', 'past'], ['had', 'past'],
]);

function tenseOf(tokens: readonly Token[], i: number): Tense | null {
  const token = tokens[i]!;
  if (token.kind !== 'word') return null;
  const w = token.norm;
  if (FUTURE_BEFORE_TO.has(w)) return tokens[i + 1]?.norm === 'to' ? 'future' : null;
  if (w === 'be') return i > 0 && FUTURE_BEFORE_BE.has(tokens[i - 1]!.norm) ? 'future' : null;
  // "next to the embassy" is a place, not a time.
  if (w === 'next' && tokens[i + 1]?.norm === 'to') return null;
  if (FUTURE_WORDS.has(w)) return 'future';
  if (PAST_WORDS.has(w)) return 'past';
  if (PRESENT_WORDS.has(w)) return 'present';
  if (w === 'll' || w === 'd') return null;
  // "-ed" is a past form, except in adjectives: the listed ones and the negated "un…ed" ("unspecified", "unarmed").
  if (w.length >= 5 && w.endsWith('ed') && !token.capitalised && !NOT_PAST_ED.has(w) && !w.startsWith('un')) return 'past';
  return null;
}

/** A past form right after an auxiliary is a participle: "to be completed by Dec. 15" is future, "is expected" present. */
function participleTense(tokens: readonly Token[], i: number, tense: Tense): Tense | null {
  if (tense !== 'past' || i === 0) return tense;
  const before = tokens[i - 1]!.norm;
  if (before === 'be') return i > 1 && FUTURE_BEFORE_BE.has(tokens[i - 2]!.norm) ? 'future' : null;
  const auxiliary = AUXILIARY_TENSE.get(before);
  return auxiliary === undefined ? tense : auxiliary;
}

const QUOTE_MARKS = new Set(["'", '"', '”', '’']);
const QUOTE_ENDINGS = new Set([',', '.', '?', '!']);

/**
 * A quotation closing after the expression (`…Thursday,'' Castro said`): the
 * reporting verb beyond it tells when the words were said, not when what they
 * tell happens.
 */
function closesQuote(tokens: readonly Token[], i: number): boolean {
  return QUOTE_MARKS.has(tokens[i]!.norm) && i > 0 && QUOTE_ENDINGS.has(tokens[i - 1]!.norm);
}

/**
 * The tense of the verb nearest to tokens [first, end) within [sentenceStart,
 * sentenceEnd), looking left and right alternately (left first at equal
 * distance: in news the verb usually comes before its time adverbial).
 * "'ll" and "going to" count as future. Null when no verb is near.
 */
export function tenseAround(tokens: readonly Token[], first: number, end: number, sentenceStart: number, sentenceEnd: number): Tense | null {
  // "named him chairman, effective Feb. 1": the date a decision takes effect is announced ahead of it, whatever the tense of the announcement.
  if (first > sentenceStart && tokens[first - 1]!.norm === 'effective') return 'future';
  // A semicolon or a dash starts another clause, with its own verb: the scan stops there.
  let leftStop = sentenceStart;
  let rightStop = sentenceEnd;
  for (let d = 1; d <= TENSE_WINDOW_TOKENS; d++) {
    const left = first - d;
    if (left >= leftStop && CLAUSE_BREAKS.has(tokens[left]!.norm)) leftStop = left + 1;
    const right = end - 1 + d;
    if (right < rightStop && (CLAUSE_BREAKS.has(tokens[right]!.norm) || closesQuote(tokens, right))) rightStop = right;
  }
  for (let d = 1; d <= TENSE_WINDOW_TOKENS; d++) {
    const left = first - d;
    if (left >= leftStop) {
      const t = tokens[left]!;
      const tense = tenseOf(tokens, left);
      if (tense !== null) return participleTense(tokens, left, tense);
      if (t.norm === 'll' && left > 0 && (tokens[left - 1]!.norm === "'" || tokens[left - 1]!.norm === '’')) return 'future';
      if (t.norm === 'going' && tokens[left + 1]?.norm === 'to') return 'future';
      // "is to resume trading Tuesday"
      if (t.norm === 'to' && left > 0 && ['is', 'are', 'was', 'were'].includes(tokens[left - 1]!.norm)) return 'future';
    }
    const right = end - 1 + d;
    if (right < rightStop) {
      const tense = tenseOf(tokens, right);
      if (tense !== null) return participleTense(tokens, right, tense);
    }
    if (left < leftStop && right >= rightStop) break;
  }
  return null;
}
