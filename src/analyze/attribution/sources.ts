/**
 * Sources: the noun phrase a cue attributes to ("Ukrainian President
 * Volodymyr Zelenskyy", "Serhiy Dobriak, head of the local military
 * administration", "one officer", "he"), and the entity it is.
 *
 * Without a parser, a source is read as the run of name-like tokens next to
 * the cue: words inside entity mentions, capitalised words, determiners and
 * the few prepositions that sit inside titles ("head of", "officer from"),
 * bounded by punctuation, clause words and a length cap.
 */
import type { EntityMention, SourceSpan } from '../../model/index.ts';
import { CUE_FORMS } from './cues.ts';
import { isCapitalized, type Token } from './tokens.ts';

/** Longest source phrase walked: "Sky News' defense and security analyst Professor Michael Clarke" is 10 tokens. */
const MAX_SOURCE_TOKENS = 12;

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Words inside a source phrase that are not names: determiners, quantifiers, title-joining prepositions. */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'one', 'some', 'several', 'many', 'most', 'two', 'three', 'four', 'five', 'other', 'another',
  'both', 'all', 'its', 'his', 'her', 'their', 'our', 'of', 'from', 'for', 'at', "'s", "'", '-', 'and', 'top',
  'senior', 'former', 'local', 'regional',
]);

/** Words that end a source phrase walking outwards: clause words, auxiliaries, verbs of narration. */
const STOP_WORDS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'but', 'or', 'nor', 'if', 'when', 'as', 'while', 'because', 'after',
  'before', 'since', 'although', 'though', 'so', 'then', 'than', 'where', 'whether', 'is', 'are', 'was', 'were',
  'has', 'have', 'had', 'be', 'been', 'being', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should',
  'to', 'not', 'no', 'in', 'on', 'by', 'with', 'into', 'about', 'over', 'under', 'against', 'also', 'however',
  'meanwhile', 'still', 'yet', 'now', 'there', 'here', 'this', 'these', 'those', 'what', 'how', 'why', 'do', 'does',
  'did', 'said', 'says', 'say', 'told', 'according', 'like', 'even', 'only', 'just', 'very', 'more', 'less',
  'additionally', 'moreover', 'furthermore', 'today', 'yesterday', 'tonight', 'it', 'he', 'she', 'they', 'we',
  'i', 'you', 'me', 'him', 'them', 'us', 'my', 'your',
]);

/** Nouns for people or bodies that speak without a name: the head of an unnamed source. */
export const SOURCE_NOUNS = new Set([
  'official', 'officials', 'officer', 'officers', 'analyst', 'analysts', 'expert', 'experts', 'source', 'sources',
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'commander', 'commanders', 'soldier', 'soldiers',
  'general', 'generals', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'diplomat', 'diplomats',
  'authorities', 'resident', 'residents', 'witness', 'witnesses', 'observer', 'observers', 'critic', 'critics',
  'military', 'ministry', 'government', 'army', 'agency', 'media', 'police', 'troops', 'forces', 'people',
  'report', 'reports', 'statement', 'poll', 'polls', 'survey', 'study', 'data', 'documents', 'campaign',
  'spokesmen', 'lawmakers', 'lawmaker', 'leaders', 'leader', 'voters', 'supporters', 'democrats', 'republicans',
  'investigators', 'prosecutors', 'researchers', 'scientists', 'economists', 'strategists', 'members', 'member',
  'president', 'minister', 'governor', 'mayor', 'head', 'chief', 'secretary', 'director', 'candidate', 'nominee',
  'man', 'woman', 'administration', 'kremlin', 'pentagon', 'someone', 'others', 'everyone', 'nobody', 'staff',
  'representative', 'representatives', 'senator', 'senators', 'ambassador', 'correspondent', 'reporter',
  'reporters', 'journalist', 'journalists', 'blogger', 'bloggers', 'activists', 'activist', 'professor',
  'colleague', 'colleagues', 'team', 'office', 'department', 'committee', 'council', 'court', 'group',
  // Media: "Ukrainian outlet Pravda", "the state agency Tass", "German newspaper Die Welt".
  'outlet', 'newspaper', 'daily', 'broadcaster', 'channel', 'website', 'magazine', 'network', 'station',
  'publication', 'tabloid', 'newswire', 'paper', 'service',
  // Documents and counts that "show" or "find": "records show", "the results show", "emails showing".
  'records', 'results', 'figures', 'numbers', 'emails', 'filings', 'estimates', 'statistics', 'findings', 'documents',
]);

/** Source nouns that denote a person or group of people rather than a body (unnamed when no name comes with them). */
const PERSON_NOUNS = new Set([
  'official', 'officials', 'officer', 'officers', 'analyst', 'analysts', 'expert', 'experts', 'source', 'sources',
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen', 'commander', 'commanders', 'soldier',
  'soldiers', 'general', 'generals', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'diplomat',
  'diplomats', 'authorities', 'resident', 'residents', 'witness', 'witnesses', 'observer', 'observers', 'critic',
  'critics', 'people', 'lawmakers', 'lawmaker', 'leaders', 'investigators', 'prosecutors', 'researchers',
  'scientists', 'economists', 'strategists', 'members', 'member', 'man', 'woman', 'someone', 'others', 'voters',
  'supporters', 'activists', 'activist', 'reporters', 'journalists', 'representatives', 'colleagues', 'staff',
]);

/** Mentions by position: which mention, if any, covers a character offset. */
export class MentionIndex {
  private readonly sorted: EntityMention[];
  constructor(mentions: readonly EntityMention[]) {
    this.sorted = [...mentions].sort((a, b) => a.start - b.start);
  }
  /** The mention covering `offset`, or undefined. Binary search: articles have thousands of mentions. */
  at(offset: number): EntityMention | undefined {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.sorted[mid]!;
      if (m.end <= offset) lo = mid + 1;
      else if (m.start > offset) hi = mid - 1;
      else return m;
    }
    return undefined;
  }
  /** Mentions inside [start, end), in order. */
  within(start: number, end: number): EntityMention[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: EntityMention[] = [];
    for (let k = lo; k < this.sorted.length && this.sorted[k]!.start < end; k++) {
      if (this.sorted[k]!.end <= end) out.push(this.sorted[k]!);
    }
    return out;
  }
  /** The last mention ending at or before `offset` that passes `accept`, looking back at most `limit` mentions. */
  lastBefore(offset: number, accept: (m: EntityMention) => boolean, limit = 40): EntityMention | undefined {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1, seen = 0; k >= 0 && seen < limit; k--, seen++) {
      if (accept(this.sorted[k]!)) return this.sorted[k]!;
    }
    return undefined;
  }
}

/** Token range [first, last] of a phrase. */
export interface TokenRange {
  first: number;
  last: number;
}

function npToken(t: Token, mentions: MentionIndex): boolean {
  // "an NBC News/Wall Street Journal poll": a slash joins two names into one.
  if (!t.word) return t.lower === "'s" || t.lower === "'" || t.lower === '-' || t.lower === '/';
  if (mentions.at(t.start)) return true;
  if (STOP_WORDS.has(t.lower)) return false;
  // An inflected cue verb ends a phrase: "Ukraine denies Moscow's claim" is two phrases. The bare
  // form is as often a noun inside one ("the state agency Tass", "a new report").
  const cue = CUE_FORMS.get(t.lower);
  return cue === undefined || cue.lemma === t.lower || isCapitalized(t);
}

/** Whether a token can head a source: a name, a pronoun, a mention, a speaking noun. */
function canHead(t: Token, mentions: MentionIndex, sentenceStart: boolean): boolean {
  if (!t.word) return false;
  if (PRONOUNS.has(t.lower)) return true;
  if (mentions.at(t.start)) return true;
  if (SOURCE_NOUNS.has(t.lower)) return true;
  return isCapitalized(t) && !STOP_WORDS.has(t.lower) && !(sentenceStart && FUNCTION_WORDS.has(t.lower));
}

/** Heads of poll-style sources: "Twenty-four percent said", "Nearly half said", "a third said", "six in 10 say". */
const QUANTITY_HEADS = new Set(['percent', 'half', 'third', 'quarter', 'majority', 'plurality', 'minority', 'most', 'many', 'few', 'some', 'others', 'both', 'all']);

/** Lowercase words ending in -s that are no plural nouns: adverbs, possessive pronouns and conjunctions. */
const NOT_PLURALS = new Set(['always', 'perhaps', 'sometimes', 'nevertheless', 'nonetheless', 'afterwards', 'towards', 'besides', 'hers',
  'theirs', 'ours', 'yours', 'whereas', 'unless', 'thus', 'plus', 'across', 'regardless', 'nowadays', 'overseas', 'news', 'series',
  'means', 'politics', 'economics', 'afterwards', 'downstairs', 'upstairs', 'indoors', 'outdoors', 'backwards', 'forwards', 'various',
  'numerous', 'previous', 'serious', 'obvious', 'famous', 'nervous', 'anxious', 'jealous', 'dangerous', 'this', 'his', 'its', 'was', 'has',
  'does', 'is', 'us', 'yes', 'less', 'gas', 'bus']);

/**
 * A lowercase plural noun can speak as a cue's subject ("forecasters say", "hacking specialists say",
 * "Other Republican candidates said"): the names of speaking groups are too many to list.
 */
function pluralNoun(t: Token): boolean {
  const w = t.lower;
  return t.word && w.length > 3 && /^[a-z][a-z-]*[^su'-]s$/.test(t.text) && !NOT_PLURALS.has(w) && !STOP_WORDS.has(w) && !CUE_FORMS.has(w) &&
    !/(ous|ss|ness)$/.test(w);
}
/** Participles that make "those" or a plural a poll's respondents: "those surveyed say", "voters polled said". */
const SURVEYED = new Set(['surveyed', 'polled', 'questioned', 'interviewed', 'sampled']);

/** Determiners that make the next few words a noun phrase: "the judge", "the billionaire real estate magnate". */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'his', 'her', 'their', 'its', 'our', 'another', 'one', 'each', 'every']);

/** A lowercase head with a determiner at most three words before it and only words between: "the judge said". */
function determinedNoun(tokens: readonly Token[], end: number, floor: number): boolean {
  const head = tokens[end]!;
  if (!head.word || STOP_WORDS.has(head.lower) || FUNCTION_WORDS.has(head.lower) || /(ly|ed|ing)$/.test(head.lower)) return false;
  for (let j = end - 1; j >= floor && end - j <= 4; j--) {
    const t = tokens[j]!;
    if (DETERMINERS.has(t.lower)) return true;
    if (!t.word || STOP_WORDS.has(t.lower) || CUE_FORMS.has(t.lower)) return false;
  }
  return false;
}

/**
 * The source phrase ending at token `end` (inclusive), walking left; null when
 * that token cannot head a source. A pronoun is a source on its own.
 */
export function sourceEndingAt(tokens: readonly Token[], end: number, floor: number, mentions: MentionIndex): TokenRange | null {
  const head = tokens[end];
  if (!head || !(canHead(head, mentions, end === floor) || determinedNoun(tokens, end, floor) || QUANTITY_HEADS.has(head.lower) || /^\d/.test(head.text) ||
    pluralNoun(head) || (SURVEYED.has(head.lower) && end > floor && (tokens[end - 1]!.lower === 'those' || pluralNoun(tokens[end - 1]!))))) return null;
  if (PRONOUNS.has(head.lower)) return { first: end, last: end };
  if (SURVEYED.has(head.lower) && tokens[end - 1]?.lower === 'those') return { first: end - 1, last: end };
  let first = end;
  for (let j = end - 1; j >= floor && end - j < MAX_SOURCE_TOKENS; j--) {
    const t = tokens[j]!;
    if (!npToken(t, mentions) || PRONOUNS.has(t.lower)) break;
    if (t.lower === 'and' && !mentions.at(tokens[j + 1]!.start)) break;
    first = j;
  }
  // A phrase does not begin with a joining word ("of the Pentagon").
  while (first < end && ['of', 'from', 'for', 'at', "'s", "'", '-', 'and'].includes(tokens[first]!.lower)) first++;
  return { first, last: end };
}

/** The source phrase starting at token `start`, walking right ("said Dmitry Peskov", "according to one officer"). */
export function sourceStartingAt(tokens: readonly Token[], start: number, ceiling: number, mentions: MentionIndex): TokenRange | null {
  const t0 = tokens[start];
  if (!t0 || !t0.word) return null;
  if (PRONOUNS.has(t0.lower) || t0.lower === 'him' || t0.lower === 'her' || t0.lower === 'them') return { first: start, last: start };
  if (STOP_WORDS.has(t0.lower)) return null;
  let last = start;
  for (let j = start + 1; j <= ceiling && j - start < MAX_SOURCE_TOKENS; j++) {
    const t = tokens[j]!;
    if (!npToken(t, mentions) || PRONOUNS.has(t.lower)) break;
    if (t.lower === 'and' && !mentions.at(tokens[j + 1]?.start ?? -1)) break;
    // Walking right, a plain lowercase word is a verb more often than a modifier ("Ukraine crossed …"):
    // only title words, determiners and words before a speaking noun or a name go on.
    if (t.word && !isCapitalized(t) && !mentions.at(t.start) && !FUNCTION_WORDS.has(t.lower) && !SOURCE_NOUNS.has(t.lower) &&
        !t.lower.includes('-') && !leadsToHead(tokens, j + 1, ceiling, mentions)) break;
    last = j;
  }
  while (last > start && ['of', 'from', 'for', 'at', "'s", "'", '-', 'and', 'the', 'a', 'an'].includes(tokens[last]!.lower)) last--;
  // It must hold something that can speak.
  for (let j = start; j <= last; j++) if (canHead(tokens[j]!, mentions, false) && !FUNCTION_WORDS.has(tokens[j]!.lower)) return { first: start, last };
  return null;
}

/** Whether a speaking noun follows within two tokens ("regional military administration"); a name after a plain word is a new phrase ("crossed Russia"). */
function leadsToHead(tokens: readonly Token[], from: number, ceiling: number, mentions: MentionIndex): boolean {
  for (let j = from; j <= ceiling && j < from + 2; j++) {
    const t = tokens[j]!;
    if (!t.word) return false;
    if (SOURCE_NOUNS.has(t.lower)) return true;
    if (mentions.at(t.start) || isCapitalized(t)) return false;
  }
  return false;
}

/** The phrase's head: the last word before a joining preposition ("officer" in "an officer from the 68th Brigade"). */
function headOf(tokens: readonly Token[], range: TokenRange): Token {
  for (let j = range.first + 1; j <= range.last; j++) {
    const l = tokens[j]!.lower;
    if (l === 'of' || l === 'from' || l === 'for' || l === 'at') return tokens[j - 1]!;
  }
  return tokens[range.last]!;
}

/** What a source phrase is, before pronouns are resolved: the named entity, a role, or an unnamed description. */
export function describeSource(text: string, tokens: readonly Token[], range: TokenRange, mentions: MentionIndex): SourceSpan {
  const start = tokens[range.first]!.start;
  const end = tokens[range.last]!.end;
  const span = { start, end, text: text.slice(start, end) };
  const head = headOf(tokens, range);
  if (range.first === range.last && (PRONOUNS.has(head.lower) || ['him', 'her', 'them'].includes(head.lower))) {
    return { ...span, entity: null, kind: 'pronoun' };
  }
  const inside = mentions.within(start, end);
  const person = inside.find((m) => m.type === 'person');
  const headMention = mentions.at(head.start);
  if (person && !(PERSON_NOUNS.has(head.lower) && !headMention)) {
    return { ...span, entity: person.entity, kind: person.via === 'role' ? 'role' : 'named' };
  }
  if (headMention) return { ...span, entity: headMention.entity, kind: headMention.via === 'role' ? 'role' : 'named' };
  if (PERSON_NOUNS.has(head.lower) || SOURCE_NOUNS.has(head.lower) || QUANTITY_HEADS.has(head.lower) || !/^\p{Lu}/u.test(head.text)) {
    return { ...span, entity: null, kind: 'unnamed', description: span.text };
  }
  const last = inside[inside.length - 1];
  if (last) return { ...span, entity: last.entity, kind: 'named' };
  return { ...span, entity: null, kind: 'named' };
}

/**
 * Resolves pronouns and bare definite descriptions ("he added", "the officer
 * added") to the most recent source that fits, in reading order.
 */
export class SpeakerHistory {
  private readonly recent: SourceSpan[] = [];
  constructor(
    private readonly mentions: MentionIndex,
    private readonly typeOf: (key: string) => string | undefined,
    /** Whether a mention opens its sentence's people (a proxy for being its subject). */
    private readonly isSubjectMention: (m: EntityMention) => boolean,
  ) {}

  resolve(source: SourceSpan): SourceSpan {
    if (source.kind === 'pronoun') {
      const pronoun = source.text.toLowerCase();
      const wantsPerson = ['he', 'she', 'him', 'her', 'i'].includes(pronoun);
      const wantsBody = pronoun === 'it';
      const fits = (s: SourceSpan) => {
        if (s.entity === null) return !wantsBody && s.kind === 'unnamed';
        const type = this.typeOf(s.entity);
        if (wantsPerson) return type === 'person';
        if (wantsBody) return type !== 'person';
        return true;
      };
      let speaker: SourceSpan | undefined;
      for (let k = this.recent.length - 1; k >= 0 && k >= this.recent.length - 6; k--) {
        if (fits(this.recent[k]!)) {
          speaker = this.recent[k]!;
          break;
        }
      }
      // A person brought in as a subject after the last speaker ("Zelensky also posted … “…,” he wrote") wins.
      const after = speaker?.end ?? -1;
      const mentioned = this.mentions.lastBefore(source.start, (m) =>
        m.start > after && (speaker === undefined || this.isSubjectMention(m)) &&
        (wantsPerson ? m.type === 'person' : wantsBody ? m.type === 'organization' || m.type === 'outlet' : m.type !== 'place'));
      if (mentioned) {
        return { ...source, entity: mentioned.entity };
      }
      if (speaker) return { ...source, entity: speaker.entity, ...(speaker.description !== undefined ? { description: speaker.description } : {}) };
      return { ...source, entity: null };
    }
    if (source.kind === 'unnamed' && /^the\s/i.test(source.text)) {
      // "the officer added" after "one officer": the same unnamed source.
      const noun = source.text.toLowerCase().split(/\s+/).pop()!;
      for (let k = this.recent.length - 1; k >= 0 && k >= this.recent.length - 6; k--) {
        const s = this.recent[k]!;
        if (s.kind === 'unnamed' && s.description !== undefined && s.description.toLowerCase().includes(noun)) {
          return { ...source, kind: 'role', entity: null, description: s.description };
        }
      }
    }
    return source;
  }

  remember(source: SourceSpan): void {
    this.recent.push(source);
    if (this.recent.length > 12) this.recent.shift();
  }
}
