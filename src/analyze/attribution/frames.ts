/**
 * Attribution frames in one sentence: a cue, its source, the channel, and the
 * span of what is attributed. The content sits on one side of the frame:
 *
 *   after   — "X said (that) …", "According to X, …", "He stated: “…”"
 *   before  — "…, X said.", "“…,” said X.", "…, according to X.", "…, as reported by X."
 *
 * A frame whose source is an outlet and whose words are already someone
 * else's ("…, the officer added, UNIAN reported"; "According to Syrskyi, …,
 * Die Welt reports") is that statement's channel, not a statement of its own.
 */
import type { Span } from '../../model/index.ts';
import { carrierChannel, outletRange, platformAfter } from './channels.ts';
import { CUE_FORMS, type Cue, findCues, NEEDS_THAT } from './cues.ts';
import type { Quotation } from './quote-marks.ts';
import { type MentionIndex, SOURCE_NOUNS, sourceEndingAt, sourceStartingAt, type TokenRange } from './sources.ts';
import { isCapitalized, type Token } from './tokens.ts';

export interface Frame {
  cue: Cue;
  source: TokenRange | null;
  channel: TokenRange | null;
  /** Token range of everything that is frame, not content: source, cue, object, channel. */
  first: number;
  last: number;
  content: Span | null;
  side: 'before' | 'after' | null;
  /** Only carries another frame's words: the channel phrase "per a translation from …", "Die Welt reports". */
  channelOnly: boolean;
}

/** Words between a subject and its cue that are not the subject: "has also said", "previously noted". */
const BETWEEN_SUBJECT_AND_CUE = new Set([
  'reads', 'read', 'goes', 'went', 'runs', 'ran',
  'also', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'been', 'will', 'would', 'repeatedly', 'previously',
  'later', 'again', 'reportedly', 'recently', 'just', 'further', 'earlier', 'now', 'publicly', 'separately',
  'often', 'already', 'even', 'allegedly', 'once', 'then', 'first', 'initially', 'subsequently', 'privately',
  'openly', 'flatly', 'firmly', 'strongly', 'categorically', 'quickly', 'immediately', 'finally', 'simply',
  'clearly', 'explicitly', 'has', 'did', 'does', 'do', 'can', 'could', 'may', 'might', 'continued', 'continues',
]);

/** Verbs whose object is the addressee: "told French media that …", "informed a group of diplomats that …". */
const ADDRESSEE_VERBS = new Set(['tell', 'inform', 'warn', 'remind', 'assure', 'ask', 'urge']);

/** Participles that carry words after a comma: "…, saying “…”", "…, adding that …". */
const PARTICIPLE_CUES = new Set(['saying', 'adding', 'noting', 'stressing', 'warning', 'claiming', 'insisting', 'arguing', 'explaining', 'writing', 'telling', 'stating',
  'citing', 'referring', 'pointing', 'calling', 'suggesting', 'asking', 'urging', 'describing', 'acknowledging', 'promising', 'accusing']);

/** Prepositions that open an adjunct, not a clause: after the frame they leave the content before it. */
const ADJUNCT_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'with', 'to', 'via', 'from', 'through', 'about', 'for', 'of', 'over', 'while', 'when', 'as', 'since', 'yesterday', 'today', 'earlier', 'later', 'last', 'this']);

/** Words that open a clause of their own between a cue and a later "that". */
const PRONOUN_OR_AUX = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'had', 'has', 'have', 'was', 'is', 'were', 'are', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do']);

/** How far after a cue a "that" may open the content: "said on Wednesday in an interview with French media that". */
const THAT_WINDOW = 12;

const CLOSING_MARKS = new Set(['”', '"', '»', '’']);
const OPENING_MARKS = new Set(['“', '"', '«', '„', '‘']);

/** A closing mark, or the second apostrophe of a doubled '' that closes a quotation (the New York Times' marks). */
function closes(ctx: FrameContext, t: Token | undefined): boolean {
  return t !== undefined && (CLOSING_MARKS.has(t.text) || (t.text === "'" && ctx.closingAt(t.end) !== undefined));
}

export interface FrameContext {
  text: string;
  tokens: Token[];
  mentions: MentionIndex;
  /** The quotation opening at a character offset, and the one closing at an offset (its end). */
  openingAt: (offset: number) => Quotation | undefined;
  closingAt: (end: number) => Quotation | undefined;
  /** Whether a character offset lies inside a quotation's words: a cue there is the speaker's own word. */
  inQuotation: (offset: number) => boolean;
  /** Whether a character offset lies inside a time expression. */
  inTime: (offset: number) => boolean;
  /** The entity type of a key, to tell outlets from speakers. */
  typeOf: (key: string) => string | undefined;
}

function isPunct(t: Token | undefined, chars: string): boolean {
  return t !== undefined && !t.word && chars.includes(t.text);
}


/** Whether a token range holds a person mention. */
function hasPerson(tokens: readonly Token[], mentions: MentionIndex, r: TokenRange): boolean {
  return mentions.within(tokens[r.first]!.start, tokens[r.last]!.end).some((m) => m.type === 'person');
}

/** An outlet that "reports", "says" or "writes": maybe only the channel of another frame's words. */
function isOutletSource(ctx: FrameContext, f: Frame): boolean {
  if (!f.source) return false;
  const m = ctx.mentions.at(ctx.tokens[f.source.last]!.start);
  return m !== undefined && m.type === 'outlet' && ['report', 'say', 'write'].includes(f.cue.lemma);
}

function buildFrame(ctx: FrameContext, cue: Cue, previous: Frame | undefined): Frame | null {
  const { tokens, mentions } = ctx;
  const frame: Frame = { cue, source: null, channel: null, first: cue.first, last: cue.last, content: null, side: null, channelOnly: false };
  const ceiling = tokens.length - 1;
  if (cue.shape === 'perception') return perceptionFrame(ctx, frame);
  if (cue.shape === 'quoted-as-saying') {
    frame.source = { first: cue.first + 1, last: cue.first + 1 };
    frame.channel = sourceEndingAt(tokens, cue.first - 1, 0, mentions);
    if (frame.channel) frame.first = frame.channel.first;
    return frame;
  }
  if (cue.shape === 'according-to' || cue.shape === 'as-reported-by') {
    const carrier = cue.shape === 'according-to' ? carrierChannel(tokens, cue.last + 1, ceiling, mentions) : null;
    if (carrier) {
      frame.channel = carrier;
      frame.channelOnly = true;
      frame.last = carrier.last;
      return frame;
    }
    if (cue.lemma === 'according to' && tokens[cue.first]!.lower === 'per' && !/^(the|a|an|\p{Lu})/u.test(tokens[cue.last + 1]?.text ?? '')) return null;
    // "In an NBC News/Wall Street Journal poll released Monday, …": the whole phrase up to its comma is the poll.
    if (tokens[cue.first]!.lower === 'in') {
      let last = cue.last + 1;
      while (last + 1 <= ceiling && !isPunct(tokens[last + 1], ',.')) last++;
      frame.source = { first: cue.last + 1, last };
      frame.last = last;
      return frame;
    }
    // "according to a new article in Politico", "according to the results": after "according to" the phrase is the source.
    const source = sourceStartingAt(tokens, cue.last + 1, ceiling, mentions) ??
      (cue.lemma === 'according to' && ['according', 'in'].includes(tokens[cue.first]!.lower) ? looseSourceAfter(ctx, cue.last + 1, ceiling) : null);
    if (!source) return null;
    frame.source = source;
    // "According to Ukrainian commander-in-chief, Olexander Syrskyj, …": the name after the title.
    if (isPunct(tokens[source.last + 1], ',')) {
      const name = sourceStartingAt(tokens, source.last + 2, ceiling, mentions);
      if (name && hasPerson(tokens, mentions, name) && !hasPerson(tokens, mentions, source) && isPunct(tokens[name.last + 1], ',')) frame.source = { first: source.first, last: name.last };
    }
    frame.last = frame.source.last;
    return frame;
  }
  const word = tokens[cue.first]!;
  const before = tokens[cue.first - 1];
  if (word.lower.endsWith('ing')) {
    // "…, saying “…”": the participle shares the subject of the clause it hangs on.
    const afterComma = isPunct(before, ',–—') || (closes(ctx, before) && isPunct(tokens[cue.first - 2], ','));
    const afterLink = before !== undefined && ['while', 'and', 'after', 'before', 'by', 'also', 'when', 'then'].includes(before.lower);
    if (PARTICIPLE_CUES.has(word.lower) && !afterComma && !afterLink && before && word.lower === 'saying') {
      // "911 calls saying …", "voters saying …": the noun the participle hangs on speaks.
      const noun = sourceEndingAt(tokens, cue.first - 1, 0, mentions);
      if (noun) {
        frame.source = noun;
        frame.first = noun.first;
        return frame;
      }
    }
    if ((afterComma || afterLink) && PARTICIPLE_CUES.has(word.lower)) {
      if (previous && previous.source) {
        frame.source = previous.source;
        return frame;
      }
      // "X endorsed Cruz last week, saying …": the subject that opens the sentence.
      // "Hours later, Trump returned the compliment, telling …": or the subject after an introductory phrase.
      for (let start = 0; start < cue.first - 1; start++) {
        if (start > 0 && !isPunct(tokens[start - 1], ',')) continue;
        if (ctx.inQuotation(tokens[start]!.start)) continue;
        const subject = sourceStartingAt(tokens, start, cue.first - 1, mentions);
        if (subject && mentions.within(tokens[subject.first]!.start, tokens[subject.last]!.end).length > 0) {
          frame.source = subject;
          return frame;
        }
      }
      return null;
    }
    if (!before || !['is', 'are', 'was', 'were', 'been', 'keeps', 'kept'].includes(before.lower)) return null;
  }
  let j = cue.first - 1;
  while (j >= 0 && (BETWEEN_SUBJECT_AND_CUE.has(tokens[j]!.lower) || ctx.inTime(tokens[j]!.start))) j--;
  // "She went on to say:", "he proceeded to recite": the verb before the infinitive is the subject's too.
  if (tokens[j]?.lower === 'to' && j >= 1) {
    const k = tokens[j - 1]!.lower === 'on' && j >= 2 && ['went', 'goes', 'go', 'going', 'gone'].includes(tokens[j - 2]!.lower) ? j - 2 : j - 1;
    if (LEAD_IN_VERBS.has(tokens[k]!.lower) || k === j - 2) {
      j = k - 1;
      while (j >= 0 && BETWEEN_SUBJECT_AND_CUE.has(tokens[j]!.lower)) j--;
    }
  }
  // "Gov. John Kasich (R-OH), said", "Rep. Paul Ryan (R-WI) said": the parenthesis after a name is frame.
  if (isPunct(tokens[j], ',') && isPunct(tokens[j - 1], ')')) j--;
  if (isPunct(tokens[j], ')')) {
    for (let k = j - 1; k >= 0 && j - k <= MAX_PARENTHESIS_TOKENS; k--) {
      if (isPunct(tokens[k], '(')) {
        if (k > 0 && tokens[k - 1]!.word) j = k - 1;
        break;
      }
    }
  }
  // "Barkley, who said he typically votes democratic, …": the relative pronoun stands for the name before it.
  if (tokens[j]?.lower === 'who' && isPunct(tokens[j - 1], ',') && j >= 2) {
    const name = sourceEndingAt(tokens, j - 2, 0, mentions);
    if (name && (mentions.at(tokens[name.last]!.start) || isCapitalized(tokens[name.last]!) || SOURCE_NOUNS.has(tokens[name.last]!.lower))) {
      frame.source = name;
      return finishFrame(ctx, frame, ceiling);
    }
  }
  const at = tokens[j];
  if (at && (at.lower === 'and' || at.lower === 'but')) {
    // "Ukraine crossed Russia's western border and claimed …": the subject that opens the clause.
    let k = j - 1;
    while (k > 0 && j - k < 40 && !isPunct(tokens[k - 1], ',;:')) k--;
    const subject = sourceStartingAt(tokens, k, j - 1, mentions);
    if (subject && subject.last < j - 1) frame.source = subject;
    return frame.source ? frame : null;
  }
  if (at && isPunct(at, ',')) {
    // "Serhiy Dobriak, head of the local military administration, mentioned …"
    const apposition = sourceEndingAt(tokens, j - 1, 0, mentions);
    if (apposition && isPunct(tokens[apposition.first - 1], ',')) {
      const name = sourceEndingAt(tokens, apposition.first - 2, 0, mentions);
      if (name && mentions.at(tokens[name.last]!.start) && (name.first === 0 || !tokens[name.first - 1]!.word)) {
        frame.source = { first: name.first, last: apposition.last };
      }
    }
    // "The commander of the unit “Akhmat,” General Apty Alaudinov, is saying …"
    if (!frame.source && apposition && hasPerson(tokens, mentions, apposition)) frame.source = apposition;
    // "Marley Anderson, 21, a junior from Las Vegas, said …", "On Monday, Rep. Tom Cole of Oklahoma, an ally
    // of GOP leadership, said …": the name that opens the clause, before the first comma of its apposition.
    // The frame itself begins at the cue: the words between subject and cue may be another frame's ("who said …").
    const distant = frame.source ? null : clauseSubject(ctx, j);
    if (distant) frame.source = distant;
    else if (!frame.source) frame.source = sourceStartingAt(tokens, cue.last + 1, ceiling, mentions) ?? looseSourceAfter(ctx, cue.last + 1, ceiling);
    else frame.first = frame.source.first;
    if (frame.source && frame.source.first > cue.last) frame.last = frame.source.last;
  } else if (at && closes(ctx, at)) {
    frame.source = sourceStartingAt(tokens, cue.last + 1, ceiling, mentions) ?? looseSourceAfter(ctx, cue.last + 1, ceiling);
    if (frame.source) frame.last = frame.source.last;
  } else if (at && j >= 0) {
    // The time words skipped before the cue belong to a document's modifier ("a poll released last week showed").
    let last = j;
    while (last + 1 < cue.first && ctx.inTime(tokens[last + 1]!.start)) last++;
    frame.source = documentBehindModifier(ctx, j, last) ?? sourceEndingAt(tokens, j, 0, mentions);
    if (frame.source) frame.first = frame.source.first;
  } else if (j < 0 && cue.first === 0) {
    frame.source = sourceStartingAt(tokens, cue.last + 1, ceiling, mentions);
    if (frame.source) frame.last = frame.source.last;
  }
  if (!frame.source) return null;
  return finishFrame(ctx, frame, ceiling);
}

/** The checks and the channel every verb frame with a source gets. */
function finishFrame(ctx: FrameContext, frame: Frame, ceiling: number): Frame | null {
  const { tokens, mentions } = ctx;
  const cue = frame.cue;
  if (!frame.source) return null;
  // A speech act needs a speaker: a name, a pronoun, a speaking noun ("a town called Pokrovsk" is no speech).
  if (cue.cls === 'stance' || cue.cls === 'intent') {
    const head = tokens[frame.source.last]!;
    if (!(mentions.at(head.start) || /^\p{Lu}/u.test(head.text) || ['he', 'she', 'they', 'we', 'i'].includes(head.lower) || SOURCE_NOUNS.has(head.lower))) return null;
  }
  // "told French media", "informed a group of diplomats": the addressee is frame, an outlet addressee the channel.
  if (ADDRESSEE_VERBS.has(cue.lemma)) {
    const outlet = outletRange(tokens, frame.last + 1, ceiling, mentions);
    if (outlet) {
      frame.channel = outlet;
      frame.last = outlet.last;
    }
  }
  const platform = platformAfter(tokens, frame.last + 1);
  if (platform) {
    frame.channel = platform;
    frame.last = platform.last;
  }
  return frame;
}

/** Words that open a clause: a perception's subject begins after them. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'and', 'but', 'while', 'because', 'if', 'when', 'although', 'though',
  'as', 'since', 'so', 'or', 'where', 'whether', 'even', 'yet']);

/**
 * "In the past few days, the politician with the outsized personality seemed to be shrinking …": the
 * words are the clause — its subject and what it seems — without a source. "It appears that …": the
 * clause after "that".
 */
function perceptionFrame(ctx: FrameContext, frame: Frame): Frame | null {
  const { tokens } = ctx;
  const cue = frame.cue;
  let end = cue.first - 1;
  while (end >= 0 && BETWEEN_SUBJECT_AND_CUE.has(tokens[end]!.lower)) end--;
  let start = end;
  // A possessive or a hyphen joins words of the subject: "Christie’s seeming thousand-yard stare seemed …".
  while (start >= 0 && (tokens[start]!.word || tokens[start]!.text === "'s" || tokens[start]!.text === '-') && !CLAUSE_OPENERS.has(tokens[start]!.lower)) start--;
  start++;
  let words = 0;
  for (let k = start; k <= end; k++) if (tokens[k]!.word) words++;
  const expletive = words === 1 && tokens[start]!.lower === 'it' && tokens[cue.last + 1]?.lower === 'that';
  const first = expletive || words === 0 ? cue.last + (tokens[cue.last + 1]?.lower === 'that' ? 2 : 1) : start;
  if (words > 0 && PRONOUN_OR_AUX.has(tokens[end]!.lower) && !expletive && tokens[end]!.lower !== 'it' && !['he', 'she', 'they', 'we', 'i', 'you'].includes(tokens[end]!.lower)) return null;
  const content = charSpan(ctx, first, tokens.length - 1);
  if (!content || wordsIn(tokens, cue.last + 1, tokens.length - 1) < 2) return null;
  frame.content = content;
  frame.side = 'after';
  return frame;
}

/** Nouns of polls and documents that speak through what they show or find. */
const REPORT_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'report', 'reports', 'analysis', 'data', 'review',
  'investigation', 'audit', 'count', 'tally', 'estimate', 'estimates', 'records', 'documents', 'emails', 'email', 'results', 'figures',
  'numbers', 'statistics', 'findings', 'memo', 'filings', 'letter', 'research']);
/** Participles and words that open a modifier after such a noun: "a poll released last week", "a poll out this week". */
const MODIFIER_OPENERS = new Set(['released', 'conducted', 'taken', 'published', 'commissioned', 'out', 'issued', 'compiled', 'obtained',
  'done', 'carried', 'made', 'sent', 'written', 'filed', 'of', 'by', 'for', 'from', 'in', 'on', 'among']);
/** Most tokens between a document noun and its cue: "poll released by Quinnipiac University on Tuesday" is 6. */
const MAX_MODIFIER_TOKENS = 8;

/** The last word of a token range before a joining preposition: "poll" in "a poll of likely voters". */
function headWord(tokens: readonly Token[], r: TokenRange): Token {
  for (let k = r.first + 1; k <= r.last; k++) if (['of', 'by', 'from', 'for', 'among', 'released', 'conducted', 'taken', 'out'].includes(tokens[k]!.lower)) return tokens[k - 1]!;
  return tokens[r.last]!;
}

/**
 * "A Marquette Law School poll released last week showed …", "A University of New Hampshire poll out
 * this week shows …": a poll or document whose modifier stands between it and the cue. The source is
 * the noun phrase with its modifier (token `end` its last word).
 */
function documentBehindModifier(ctx: FrameContext, end: number, last: number): TokenRange | null {
  const { tokens, mentions } = ctx;
  for (let k = end - 1; k >= 0 && end - k <= MAX_MODIFIER_TOKENS; k--) {
    const t = tokens[k]!;
    if (!t.word && t.text !== '/' && t.text !== "'s" && t.text !== '-') return null;
    if (PRONOUN_OR_AUX.has(t.lower) || (CUE_FORMS.has(t.lower) && !MODIFIER_OPENERS.has(t.lower))) return null;
    if (!REPORT_NOUNS.has(t.lower) || !MODIFIER_OPENERS.has(tokens[k + 1]!.lower)) continue;
    const noun = sourceEndingAt(tokens, k, 0, mentions);
    // The phrase opens its clause ("…, and a poll released Monday shows"), or it is not the cue's subject
    // ("Officials in the investigation of Clinton said").
    const opener = noun && tokens[noun.first - 1];
    if (!noun || (opener && opener.word && !['and', 'but', 'that', 'while', 'as', 'though', 'although', 'because'].includes(opener.lower))) return null;
    return { first: noun.first, last };
  }
  return null;
}

/** Verbs that lead into a cue's infinitive with the same subject: "proceeded to recite", "was quick to say". */
const LEAD_IN_VERBS = new Set(['proceeded', 'proceeds', 'began', 'begins', 'started', 'starts', 'rushed', 'hastened', 'took', 'takes', 'quick', 'went', 'decided', 'chose']);

/** Longest parenthesis skipped between a name and its cue: "(R-OH)", "(pictured above)". */
const MAX_PARENTHESIS_TOKENS = 8;
/** Longest speaker phrase read after an inverted cue: "said a prominent Republican National Committee member". */
const MAX_LOOSE_SOURCE_TOKENS = 8;

/**
 * The subject opening the clause of a cue that follows an apposition's comma (token `comma`): the
 * first phrase, at the start of the sentence or after an introductory phrase's comma, that is a
 * name or a speaking noun followed at once by a comma or a parenthesis.
 */
function clauseSubject(ctx: FrameContext, comma: number): TokenRange | null {
  const { tokens, mentions } = ctx;
  for (let start = 0; start < comma; start++) {
    // The clause opens the sentence, follows an introductory phrase's comma or a quotation ("“…,” Jeff Weaver, …).
    if (start > 0 && !isPunct(tokens[start - 1], ',') && !closes(ctx, tokens[start - 1])) continue;
    if (ctx.inQuotation(tokens[start]!.start)) continue;
    const subject = sourceStartingAt(tokens, start, comma - 1, mentions);
    if (!subject || subject.last >= comma - 1 || !isPunct(tokens[subject.last + 1], ',(')) continue;
    const head = tokens[subject.last]!;
    if (mentions.at(head.start) || isCapitalized(head) || SOURCE_NOUNS.has(head.lower)) return subject;
  }
  return null;
}

/**
 * The speaker after an inverted cue ("“…,” said the 46-year-old", "…, said a prominent Republican
 * National Committee member who …"), read more loosely than a source elsewhere: after a quotation
 * the phrase there can only be who said it. It runs to a clause word or punctuation.
 */
function looseSourceAfter(ctx: FrameContext, start: number, ceiling: number): TokenRange | null {
  const { tokens } = ctx;
  const first = tokens[start];
  if (!first || !DETERMINERS_BEFORE_SPEAKER.has(first.lower)) return null;
  let last = -1;
  for (let k = start + 1; k <= ceiling && k - start < MAX_LOOSE_SOURCE_TOKENS; k++) {
    const t = tokens[k]!;
    if (!t.word && t.text !== '-' && t.text !== "'s") break;
    if (t.word && (STOP_WORDS_AFTER_SPEAKER.has(t.lower) || CUE_FORMS.has(t.lower) || ctx.inTime(t.start))) break;
    if (t.word) last = k;
  }
  if (last < 0 || /ly$/.test(tokens[last]!.lower)) return null;
  return { first: start, last };
}
const DETERMINERS_BEFORE_SPEAKER = new Set(['a', 'an', 'the', 'one', 'another']);
const STOP_WORDS_AFTER_SPEAKER = new Set(['who', 'whose', 'which', 'that', 'and', 'but', 'as', 'when', 'while', 'after', 'before', 'in', 'on', 'at', 'to', 'during', 'with', 'of', 'for', 'from', 'about', 'because', 'if']);

/** Token index range → character span, trimmed of punctuation that belongs to neither side. */
function charSpan(ctx: FrameContext, first: number, last: number): Span | null {
  const { tokens, text } = ctx;
  if (first > last) return null;
  let start = tokens[first]!.start;
  let end = tokens[last]!.end;
  while (start < end && /[\s,;:—–\-]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–\-.]/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

function wordsIn(tokens: readonly Token[], first: number, last: number): number {
  let n = 0;
  for (let k = first; k <= last; k++) if (tokens[k]!.word) n++;
  return n;
}

/** "… but hasn't made significant gains": a new predicate of the same subject ends the content. */
function cutAtBut(tokens: readonly Token[], first: number, last: number): number {
  for (let k = first + 1; k < last; k++) {
    if (tokens[k]!.lower !== 'but') continue;
    const next = tokens[k + 1];
    if (next && next.word && !/^\p{Lu}/u.test(next.text) && !['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'there', 'its', 'his', 'their', 'our'].includes(next.lower)) {
      return isPunct(tokens[k - 1], ',') ? k - 2 : k - 1;
    }
  }
  return last;
}

function placeContent(ctx: FrameContext, frame: Frame, floor: number, ceiling: number, contentCeiling: number): void {
  const { tokens } = ctx;
  // After: skip the adjuncts a "that" follows ("said on Wednesday in an interview that").
  let afterFirst = frame.last + 1;
  if (frame.cue.shape === 'verb' && frame.cue.lemma !== 'according to') {
    for (let k = afterFirst; k <= ceiling && k < afterFirst + THAT_WINDOW; k++) {
      const t = tokens[k]!;
      // Only adjuncts may stand between the cue and its "that": "said he had come to the conclusion that" is not one.
      if (PRONOUN_OR_AUX.has(t.lower) || (k > afterFirst && CUE_FORMS.has(t.lower))) break;
      if (t.lower === 'that' && !isPunct(tokens[k - 1], ',')) {
        afterFirst = k + 1;
        frame.side = 'after';
        break;
      }
      // A title in marks inside the addressee ("told ABC’s “Good Morning America” that …") is passed over.
      const title = ctx.openingAt(t.start);
      if (title && k > afterFirst && wordsBetween(ctx.text, title.inner.start, title.inner.end) <= MAX_TITLE_WORDS) {
        while (k + 1 <= ceiling && tokens[k + 1]!.start < title.end) k++;
        continue;
      }
      if (OPENING_MARKS.has(t.text) || title || isPunct(t, '.;,')) break;
    }
  }
  if (frame.side !== 'after') {
    // "He stated, “…”", "said it was time to retreat from the city: “…”"; "telling Reuters, “…”" (the addressee is frame).
    let k = afterFirst;
    if (ADDRESSEE_VERBS.has(frame.cue.lemma) && !frame.channel) {
      const addressee = sourceStartingAt(tokens, k, ceiling, ctx.mentions);
      if (addressee && isPunct(tokens[addressee.last + 1], ',:')) k = addressee.last + 1;
    }
    let bare = !isPunct(tokens[k], ',:');
    if (!bare) k++;
    let q = tokens[k] && ctx.openingAt(tokens[k]!.start);
    // "said in a statement: “…”", "told Fox 35 in Orlando, “…”": an adjunct phrase, then the quotation.
    if (!q && bare) {
      const adjunct = quotationAfterAdjunct(ctx, k, ceiling);
      if (adjunct) {
        k = adjunct.at;
        q = adjunct.q;
        bare = false;
      }
    }
    // "“Supporters of some other candidates,” he added, “have focused …”": the quotation before the frame
    // is its words, the one after continues them (continueQuotes).
    const quoteBefore = closes(ctx, tokens[frame.first - 1]) || (isPunct(tokens[frame.first - 1], ',') && closes(ctx, tokens[frame.first - 2]));
    // "says “the wind is at our backs” despite his loss …": the quotation is part of reported words that go on.
    let after = k;
    while (q && after <= contentCeiling && tokens[after]!.start < q.end) after++;
    const goesOn = q !== undefined && bare && after <= contentCeiling && tokens[after]!.word && tokens[after]!.lower !== 'and' && wordsIn(tokens, after, contentCeiling) >= 2;
    if (q && (k > afterFirst || frame.cue.shape === 'verb') && !(quoteBefore && frame.first - 1 >= floor && !bare) && !goesOn) {
      frame.side = 'after';
      // "Evaluating the candidates by national polls, Stevens said, “is like looking at …”": the quotation
      // goes on with the words before the frame (it opens in lowercase), so both sides are the words.
      const around = !bare && /^\p{Ll}/u.test(ctx.text.slice(q.inner.start, q.inner.start + 1)) ? wordsAround(ctx, frame, floor, q.end) : null;
      frame.content = around ?? q.inner;
      return;
    }
  }
  const beforeLast = frame.first - 1;
  const preEndsWithBreak = beforeLast >= floor && (isPunct(tokens[beforeLast], ',') || closes(ctx, tokens[beforeLast]));
  let restFirst = afterFirst;
  if (ADDRESSEE_VERBS.has(frame.cue.lemma)) {
    // "told a crowd in Berea": a plain noun phrase is an addressee too.
    const addressee = sourceStartingAt(tokens, restFirst, ceiling, ctx.mentions) ?? looseSourceAfter(ctx, restFirst, ceiling);
    if (addressee) restFirst = addressee.last + 1;
  }
  // "said on Friday he met …": the date is frame, the clause after it the content.
  while (restFirst <= ceiling && (ctx.inTime(tokens[restFirst]!.start) ||
    (['on', 'in', 'at', 'last', 'this', 'early', 'late', 'earlier'].includes(tokens[restFirst]!.lower) && restFirst + 1 <= ceiling && ctx.inTime(tokens[restFirst + 1]!.start)))) restFirst++;
  const rest = tokens[restFirst];
  // "claimed to have gained control": an assertion's infinitive is its content, not an adjunct.
  const infinitive = rest?.lower === 'to' && frame.cue.cls !== 'speech';
  // A frame nested in the words ("Analysts say Moscow plans to …") does not leave them empty.
  const restEmpty = restFirst > contentCeiling || isPunct(rest, ',.;)') || wordsIn(tokens, restFirst, contentCeiling) === 0 || (ADJUNCT_PREPOSITIONS.has(rest!.lower) && !infinitive);
  const sourceAfterCue = frame.source !== null && frame.source.first > frame.cue.last;
  // "“…,” former State policy planning director Anne-Marie Slaughter wrote", "''He deserved it,'' the
  // assailant, John McGraw, told …": the rest of the speaker's phrase between the quotation and the frame.
  const lead = frame.side !== 'after' ? quotationBeforeSpeaker(ctx, frame, floor) : undefined;
  if (lead) {
    frame.side = 'before';
    frame.content = lead.inner;
    return;
  }
  // "The goal, he said, is to forge a durable cease-fire": a frame between commas inside its words. The
  // content is one span, so the frame's few words sit inside it (a reader sees the sentence whole).
  if (frame.side !== 'after' && isPunct(tokens[beforeLast], ',') && beforeLast >= floor && wordsIn(tokens, floor, beforeLast) >= 1 &&
      isPunct(rest, ',') && frame.cue.shape === 'verb' && frame.source !== null && frame.source.last < frame.cue.first) {
    const next = tokens[restFirst + 1];
    const last = frame.cue.cls === 'deny' ? cutAtBut(tokens, restFirst + 1, contentCeiling) : contentCeiling;
    if (next && next.word && !NOT_CONTINUING.has(next.lower) && wordsIn(tokens, restFirst + 1, last) >= 2) {
      const after = charSpan(ctx, restFirst + 1, last);
      const span = after && wordsAround(ctx, frame, floor, after.end);
      if (span) {
        frame.side = 'before';
        frame.content = span;
        return;
      }
    }
  }
  // The quotation closing right before the frame ("“…,” Trump said 30 minutes into the debate"): its words
  // are the frame's whatever follows the frame; it may have begun in an earlier sentence ("“… again. Mistake?” he asked").
  const closingQ = preEndsWithBreak && closes(ctx, tokens[beforeLast]) ? ctx.closingAt(tokens[beforeLast]!.end) : undefined;
  const quoteFromEarlier = closingQ !== undefined && closingQ.start < tokens[floor]!.start;
  // A one-word quotation is words too when it closes right before the frame ("“Quiet,” he demanded").
  if (frame.side !== 'after' && preEndsWithBreak && (wordsIn(tokens, floor, beforeLast) >= 2 || quoteFromEarlier || (closingQ !== undefined && closingQ.start >= tokens[floor]!.start)) &&
      (restEmpty || sourceAfterCue || frame.cue.shape !== 'verb' || closingQ !== undefined)) {
    frame.side = 'before';
    frame.content = quoteFromEarlier ? closingQ.inner : charSpan(ctx, floor, beforeLast);
    return;
  }
  // "Cruz said." as a sentence of its own after the quotation ("“… it’s offensive!” Cruz said."): the
  // sentence splitter ended the quotation's sentence at its "!”"; the words are that quotation.
  if (frame.side !== 'after' && frame.first === 0 && floor === 0 && frame.cue.shape === 'verb' && (restEmpty || sourceAfterCue)) {
    const q = quotationJustBefore(ctx, tokens[0]!.start);
    if (q) {
      frame.side = 'before';
      frame.content = q.inner;
      return;
    }
  }
  if (frame.cue.shape === 'according-to' && isPunct(tokens[afterFirst], ',')) afterFirst++;
  // "The April survey found Clinton leading by seven points": what a poll finds needs no "that".
  const pollFinds = frame.source !== null && frame.source.last < frame.cue.first && REPORT_NOUNS.has(headWord(tokens, frame.source).lower);
  if (frame.side !== 'after' && NEEDS_THAT.has(frame.cue.lemma) && !pollFinds) return;
  if (frame.side !== 'after' && frame.cue.shape === 'verb' && !restEmpty) afterFirst = restFirst;
  if (frame.side === 'after' || (wordsIn(tokens, afterFirst, contentCeiling) >= 2 && !restEmpty) || frame.cue.shape === 'according-to') {
    if (frame.cue.shape !== 'verb' && frame.cue.shape !== 'according-to') return;
    if (wordsIn(tokens, afterFirst, contentCeiling) < 2) return;
    frame.side = 'after';
    // Only a denial ends at "but": "denies its attack failed but hasn't made gains" denies the first part;
    // reported speech goes on ("said he was rooting for Manning but would now root for North Carolina").
    const last = frame.cue.cls === 'deny' ? cutAtBut(tokens, afterFirst, contentCeiling) : contentCeiling;
    frame.content = charSpan(ctx, afterFirst, last);
  }
}

/** Words after a parenthetical frame's comma that do not continue the words before it: a relative clause or an apposition of the speaker. */
const NOT_CONTINUING = new Set(['who', 'whom', 'whose', 'which', 'a', 'an', 'the', 'according', 'adding', 'saying', 'noting', 'as', 'citing', 'referring']);

/** One span from the frame's floor to `end`, the frame inside it: words on both sides of a parenthetical frame. */
function wordsAround(ctx: FrameContext, frame: Frame, floor: number, end: number): Span | null {
  const before = charSpan(ctx, floor, frame.first - 1);
  return before ? { start: before.start, end } : null;
}

/** Most words of a speaker's phrase left between a quotation and its frame: "former State policy planning". */
const MAX_SPEAKER_LEAD_WORDS = 6;

/**
 * The quotation that closes a few words of the speaker's phrase before the frame (words, at most one
 * apposition comma), when it opens the words before the frame: those words are the speaker's title.
 */
function quotationBeforeSpeaker(ctx: FrameContext, frame: Frame, floor: number): Quotation | undefined {
  const { tokens } = ctx;
  let words = 0;
  for (let k = frame.first - 1; k >= floor; k--) {
    const t = tokens[k]!;
    if (closes(ctx, t)) {
      if (k === frame.first - 1 || words === 0) return undefined;
      const q = ctx.closingAt(t.end);
      const next = tokens[k + 1]!;
      const lead = isPunct(next, ',') ? tokens[k + 2]! : next;
      if (!q || q.start > tokens[floor]!.start || !lead.word || PRONOUN_OR_AUX.has(lead.lower)) return undefined;
      return q;
    }
    if (t.word) {
      if (++words > MAX_SPEAKER_LEAD_WORDS || PRONOUN_OR_AUX.has(t.lower) || t.lower === 'that' || t.lower === 'and' || t.lower === 'who') return undefined;
    } else if (!isPunct(t, ',') && t.text !== "'s" && t.text !== '-') return undefined;
  }
  return undefined;
}

/** Most words of a programme's or a paper's title in marks inside an addressee: "“Good Morning America”". */
const MAX_TITLE_WORDS = 5;

/** Words (letter or digit runs) in text[start, end). */
function wordsBetween(text: string, start: number, end: number): number {
  return text.slice(start, end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Most tokens of an adjunct phrase between a cue and the quotation it introduces: "said in a statement released by his campaign:". */
const MAX_ADJUNCT_TOKENS = 10;

/**
 * The quotation after an adjunct phrase that follows a cue ("in a statement: “…”", "Tuesday on CNN, “…”",
 * "to reporters at the Capitol: “…”"): the phrase opens with a preposition or a date and runs, without
 * other punctuation or a verb of its own, to a colon or comma right before an opening mark.
 */
function quotationAfterAdjunct(ctx: FrameContext, from: number, ceiling: number): { at: number; q: Quotation } | null {
  const { tokens } = ctx;
  const first = tokens[from];
  if (!first || !first.word || !(ADJUNCT_PREPOSITIONS.has(first.lower) || ctx.inTime(first.start))) return null;
  for (let k = from + 1; k < ceiling && k <= from + MAX_ADJUNCT_TOKENS; k++) {
    const t = tokens[k]!;
    // "to his 20,000 Twitter followers, “…”": a comma between digits is part of a number.
    if (isPunct(t, ',') && /\d$/.test(tokens[k - 1]!.text) && /^\d/.test(tokens[k + 1]!.text) && tokens[k + 1]!.start === t.end) continue;
    if (isPunct(t, ',:')) {
      const q = ctx.openingAt(tokens[k + 1]!.start);
      return q ? { at: k + 1, q } : null;
    }
    if (!t.word && t.text !== "'s" && t.text !== '-' && t.text !== '.') return null;
    // A participle may describe the occasion ("in his memo to employees explaining the deal, ''…''"); a finite cue is a frame of its own.
    if ((CUE_FORMS.has(t.lower) && !t.lower.endsWith('ing')) || PRONOUN_OR_AUX.has(t.lower) || t.lower === 'that') return null;
  }
  return null;
}

/** The quotation closing right before `offset`, only spaces (no paragraph break) between. */
function quotationJustBefore(ctx: FrameContext, offset: number): Quotation | undefined {
  let end = offset;
  while (end > 0 && (ctx.text[end - 1] === ' ' || ctx.text[end - 1] === '\t')) end--;
  return end < offset ? ctx.closingAt(end) : undefined;
}

/**
 * A headline's or a transcript's speaker is at most this many tokens before its colon: "Pat Caddell:",
 * "Russian Defense Ministry:", "Former secretary of state Hillary Rodham Clinton:" (7).
 */
const MAX_COLON_SOURCE_TOKENS = 8;

/** Capitalised words before a colon that head a note, not words someone said: "Note: …", "Update: …", "Photo: …". */
const NOT_SPEAKERS = new Set(['note', 'notes', 'update', 'updated', 'photo', 'photos', 'video', 'watch', 'read', 'related', 'correction',
  'clarification', 'editor', 'disclosure', 'source', 'sources', 'credit', 'image', 'tags', 'topics', 'share', 'warning',
  'transcript', 'listen', 'more', 'see', 'also', 'exclusive', 'breaking', 'live', 'analysis', 'opinion', 'caption', 'subscribe',
  // The news agencies' running headings: "The Latest: Sanders wins Minnesota caucuses", "Remember: …".
  'latest', 'remember']);

/**
 * "Pat Caddell: Democrat Voters Worried About …": a named speaker, a colon,
 * then the words — the headline form of "X says …". Only a person or a body
 * can speak so ("Update:", "Photo:" and clock times cannot).
 */
function colonFrame(ctx: FrameContext): Frame | null {
  const headline = colonFrameAt(ctx, 0);
  if (headline) return headline;
  // "EXPECTATIONS IN OTHER STATES - Michael P. McDonald: “…”": a digest's item, its heading, a dash, then the speaker.
  const dash = ctx.tokens.findIndex((t, k) => k > 0 && (t.text === '–' || t.text === '—' || (t.text === '-' && ctx.text[t.start - 1] === ' ')));
  return dash > 0 ? colonFrameAt(ctx, dash + 1) : null;
}

/** colonFrame with the speaker's phrase starting at token `from`. */
function colonFrameAt(ctx: FrameContext, from: number): Frame | null {
  const { tokens, mentions } = ctx;
  for (let k = from + 1; k <= from + MAX_COLON_SOURCE_TOKENS && k < tokens.length; k++) {
    if (!isPunct(tokens[k], ':')) {
      // A middle initial's dot stays inside the name: "Michael P. McDonald:".
      const initial = tokens[k]!.text === '.' && /^\p{Lu}$/u.test(tokens[k - 1]!.text);
      if (!tokens[k]!.word && tokens[k]!.text !== "'s" && tokens[k]!.text !== '-' && !initial) return null;
      continue;
    }
    if (wordsIn(tokens, k + 1, tokens.length - 1) < 3) return null;
    const source = sourceEndingAt(tokens, k - 1, from, mentions);
    // The phrase walk stops at an initial's dot; the name runs on to the phrase's start.
    if (source && source.first > from && tokens.slice(from, source.first).every((t) => isCapitalized(t) || t.text === '.')) source.first = from;
    if (!source || source.first !== from) return null;
    if (NOT_SPEAKERS.has(tokens[from]!.lower) || NOT_SPEAKERS.has(tokens[k - 1]!.lower)) return null;
    // Any named entity can head a headline (countries speak through their governments: "Ukraine: …"),
    // or a speaking noun ("Poll:", "Clinton camp:").
    const speaks = /^\p{Lu}/u.test(tokens[from]!.text) &&
      (mentions.within(tokens[from]!.start, tokens[k - 1]!.end).length > 0 || SOURCE_NOUNS.has(tokens[k - 1]!.lower) || /^\p{Lu}/u.test(tokens[k - 1]!.text));
    if (!speaks) return null;
    const cue: Cue = { first: k, last: k, lemma: 'say', cls: 'speech', shape: 'verb' };
    const content = charSpan(ctx, k + 1, tokens.length - 1);
    const q = content && ctx.openingAt(tokens[k + 1]!.start);
    return { cue, source, channel: null, first: from, last: k, content: q ? q.inner : content, side: 'after', channelOnly: false };
  }
  return null;
}

/** Each frame's words, between the frames around it. */
function placeContents(ctx: FrameContext, frames: Frame[]): void {
  const floors: number[] = [];
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k]!;
    let floor = k > 0 ? frames[k - 1]!.last + 1 : 0;
    // "Organizers said they are worried … and want to deny him a chance, the report says": a frame whose
    // words run up to this trailing frame is nested in this one's words, which begin where its own began.
    // A frame that found no words ("De Blasio has found himself in a bind, according to …") bounds none either.
    const previous = frames[k - 1];
    if (previous && !previous.channelOnly && isPunct(ctx.tokens[f.first - 1], ',') &&
        (previous.content === null || (previous.side === 'after' && previous.content.end >= ctx.tokens[f.first - 2]!.start))) floor = floors[k - 1]!;
    floors.push(floor);
    if (f.channelOnly) continue;
    let ceiling = k + 1 < frames.length ? frames[k + 1]!.first - 1 : ctx.tokens.length - 1;
    // Content after a cue runs over frames nested in it ("According to the poll, most voters say …") and
    // stops at a frame that trails it (", per a translation from …", ", Die Welt reports").
    let contentCeiling = ctx.tokens.length - 1;
    for (let n = k + 1; n < frames.length; n++) {
      const before = ctx.tokens[frames[n]!.first - 1];
      // A period the sentence splitter did not end a sentence at ("… at 7 p.m. He says …") bounds the words too.
      if (frames[n]!.channelOnly || (before && !before.word && (isPunct(before, ',;—–(.') || closes(ctx, before)))) {
        contentCeiling = frames[n]!.first - 1;
        break;
      }
      // "…, but he said Trump could crack …", "…, while other voters said …": a clause of its own, its subject
      // and cue after a conjunction, ends the words before it.
      const conjunction = before && ['but', 'and', 'while', 'whereas'].includes(before.lower) ? before : undefined;
      const g = frames[n]!;
      if (conjunction && g.source !== null && g.source.first === g.first && g.source.last < g.cue.first && g.cue.shape === 'verb' &&
          isPunct(ctx.tokens[g.first - 2], ',')) {
        contentCeiling = g.first - 3;
        if (n === k + 1) ceiling = contentCeiling;
        break;
      }
      // "Clinton says she respects Sanders but argues …": a second predicate of the subject is a frame of its own.
      if (before && (before.lower === 'and' || before.lower === 'but') && frames[n]!.first === frames[n]!.cue.first && frames[n]!.source !== null &&
          frames[n]!.source!.last < frames[n]!.first - 1) {
        contentCeiling = frames[n]!.first - 2;
        if (n === k + 1) ceiling = contentCeiling;
        break;
      }
    }
    if (f.cue.shape !== 'perception') placeContent(ctx, f, floor, ceiling, Math.max(ceiling, contentCeiling));
  }
}

/** The frames of one sentence's tokens, their contents placed. */
export function sentenceFrames(ctx: FrameContext): Frame[] {
  const frames: Frame[] = [];
  for (const cue of findCues(ctx.tokens)) {
    if (ctx.inQuotation(ctx.tokens[cue.first]!.start)) continue;
    if (frames.length > 0 && cue.first <= frames[frames.length - 1]!.last) continue;
    const frame = buildFrame(ctx, cue, frames[frames.length - 1]);
    if (frame) frames.push(frame);
  }
  if (frames.length === 0) {
    const headline = colonFrame(ctx);
    if (headline) frames.push(headline);
  }
  const initial = frames.map((f) => ({ content: f.content, side: f.side }));
  placeContents(ctx, frames);
  // A frame that found no words of its own ("said Thursday his biggest worry about …" read "worry" as a
  // second cue) must not bound its neighbours' words: drop it and place the others again.
  // (An outlet's "UNIAN reported" has no words either: it becomes the channel below.)
  const empty = (f: Frame, k: number) => k > 0 && !f.channelOnly && f.content === null && ctx.tokens[f.last + 1]?.text !== ':' && !isOutletSource(ctx, f);
  if (frames.some(empty)) {
    const kept: Frame[] = [];
    frames.forEach((f, k) => {
      if (empty(f, k)) return;
      f.content = initial[k]!.content;
      f.side = initial[k]!.side;
      kept.push(f);
    });
    frames.length = 0;
    frames.push(...kept);
    placeContents(ctx, frames);
  }
  // An outlet "reporting" what another frame in the sentence already attributes is that frame's channel.
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k]!;
    if (!isOutletSource(ctx, f)) continue;
    const other = frames.find((g) => g !== f && !g.channelOnly && !isOutletSource(ctx, g) && g.content &&
      (f.content === null || (g.content.start < f.content.end && f.content.start < g.content.end) || f.side === 'before'));
    if (other) {
      f.channelOnly = true;
      f.channel = f.source;
    }
  }
  return frames;
}
