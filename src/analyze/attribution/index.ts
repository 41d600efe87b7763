/**
 * Attribution: quotes (direct, partial, reported), claims and denials, and
 * control claims, each with its source. Pure: one article's text and what
 * the earlier stages found in it.
 *
 * Sentence by sentence, in reading order (so "he added" finds the speaker
 * before it): cues and their frames (frames.ts), sources and their entities
 * (sources.ts), channels (channels.ts), quotation marks (quote-marks.ts),
 * claims, denials and flags (claims.ts), control of places (control.ts).
 */
import type {
  ArticleEntity, ChannelSpan, Claim, ClaimFlags, EntityMention, PlaceInfo, Quote, SentenceTime, SourceSpan, Span, TextSpan,
  TimeExpression,
} from '../../model/index.ts';
import { channelOf } from './channels.ts';
import { commentFlags, FlagScanner, nominalClaims, orFlags } from './claims.ts';
import { controlIn } from './control.ts';
import { type Frame, type FrameContext, sentenceFrames } from './frames.ts';
import { findQuotations, type Quotation } from './quote-marks.ts';
import { describeSource, MentionIndex, SpeakerHistory, sourceEndingAt } from './sources.ts';
import { foldText, type Token, tokenize } from './tokens.ts';

export { findQuotations } from './quote-marks.ts';

export interface AttributionContext {
  sentences: Span[];
  entities: EntityMention[];
  entityIndex: ArticleEntity[];
  times: TimeExpression[];
  sentenceTimes: SentenceTime[];
}

/** Cues whose words are a request or a question, not a proposition: a quote, never a claim. */
const NOT_PROPOSITIONS = new Set(['ask', 'urge', 'describe', 'joke', 'quip', 'promise', 'vow', 'pledge']);

/**
 * A sentence longer than this is not prose (a table, a dump, a run-on
 * without punctuation): it is skipped so one such block cannot cost more
 * than the rest of the article. News sentences rarely pass 80 words.
 */
const MAX_SENTENCE_CHARS = 5_000;

/** Most tokens between a frame and the colon ending its sentence that introduces the words: "told his Democratic audience, to rowdy applause:" is 7. */
const COLON_LEAD_TOKENS = 8;

/** Words before a subject at most: "On Monday," "Meanwhile," "Ukrainian President". */
const SUBJECT_POSITION_WORDS = 3;

/** Sorted spans → "which span covers this offset" by binary search. */
function coverage<T extends Span>(spans: readonly T[]): (offset: number) => T | undefined {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (offset) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let best: T | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= offset) {
        best = sorted[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best && offset < best.end ? best : undefined;
  };
}

function textSpan(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The quotation a content span is, when only marks and punctuation lie outside it. */
function quotationOf(text: string, content: Span, quotationAt: (o: number) => Quotation | undefined): Quotation | undefined {
  let s = content.start;
  while (s < content.end && /[\s“"«„‘']/u.test(text[s]!)) s++;
  const q = quotationAt(s);
  if (!q) return undefined;
  if (!/^[\s“"«„‘']*$/u.test(text.slice(content.start, Math.max(content.start, q.inner.start)))) return undefined;
  return /^[\s”"»’'.,;:!?…]*$/u.test(text.slice(q.inner.end, content.end)) && q.inner.end <= content.end + 1 ? q : undefined;
}

/**
 * Most words between a direct quote and the quotation that continues it:
 * `,” he said. “` up to `,” said Mary Smith, 64, a retiree from Des Moines. “`.
 * The gap must also hold the first quote's cue, so it is one frame at most.
 */
const CONTINUATION_GAP_WORDS = 14;
/** In the same paragraph the frame may carry a clause: `,” Ramos said, referring to the ever-growing Hispanic community, … “`. */
const SAME_PARAGRAPH_GAP_WORDS = 40;
/** Fewer words inside marks than this is a term or a scare quote ("red lines"), not a statement that continues a quote. */
const MIN_CONTINUATION_WORDS = 3;

/**
 * A quotation with no frame of its own that follows a speaker's direct quote
 * ("“…,” he said. “…”", or the next paragraph opening with a quotation)
 * continues that speaker's words: it gets the same speaker, cue and channel.
 */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/u;

/**
 * Words (runs of letters and digits) in text[start, end), counted up to `max` + 1 at most: a gap
 * between two quotations can be the rest of the article, and only whether it passes a small limit matters.
 */
function wordsUpTo(text: string, start: number, end: number, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let letter: boolean;
    if (c < 128) letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      letter = WORD_CHAR.test(text.slice(i, i + 2)); // one code point in two units
      i++;
    } else letter = WORD_CHAR.test(text[i]!);
    if (letter && !inWord && ++n > max) return n;
    inWord = letter;
  }
  return n;
}

/** Paragraph breaks in text[start, end): runs of white space holding a line break, counted up to two. */
function breaksUpTo2(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i)) {
    if (++n > 1) return n;
    i++;
    while (i < end && SPACE_CHAR.test(text[i]!)) i++;
  }
  return n;
}

function continueQuotes(text: string, quotations: readonly Quotation[], quotes: Quote[], sentenceAt: (o: number) => { index: number } | undefined): void {
  const covered = coverage(quotes.map((q) => q.content));
  const direct = quotes.filter((q) => q.kind === 'direct' || q.kind === 'partial');
  let k = 0;
  let last: Quote | undefined;
  for (const q of quotations) {
    while (k < direct.length && direct[k]!.content.start < q.start) last = direct[k++];
    if (!last || covered(q.inner.start) || covered(q.inner.end - 1)) continue;
    if (wordsUpTo(text, q.inner.start, q.inner.end, MIN_CONTINUATION_WORDS) < MIN_CONTINUATION_WORDS) continue;
    const gapStart = last.content.end;
    const cueInGap = last.cue !== null && last.cue.start >= last.content.end && last.cue.end <= q.start;
    const breaks = breaksUpTo2(text, gapStart, q.start);
    if (breaks > 1) continue; // more than one paragraph break: a new passage
    // Within the paragraph the frame may run on ("…,” Ramos said, referring to …. “…”); across a break the
    // new paragraph must open with the quotation.
    const limit = breaks === 0 ? SAME_PARAGRAPH_GAP_WORDS : CONTINUATION_GAP_WORDS;
    const gapWords = wordsUpTo(text, gapStart, q.start, limit);
    if (!(gapWords === 0 || (cueInGap && gapWords <= limit))) continue;
    if (breaks === 1 && !/\n\s*$/.test(text.slice(gapStart, q.start))) continue;
    const content = trimSpanOf(text, q.inner);
    const next: Quote = { ...last, kind: 'direct', content: { start: content.start, end: content.end, text: text.slice(content.start, content.end) }, sentence: sentenceAt(content.start)?.index ?? last.sentence };
    quotes.push(next);
    last = next;
  }
}

function trimSpanOf(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

export function extractAttributions(text: string, context: AttributionContext): { quotes: Quote[]; claims: Claim[] } {
  const quotes: Quote[] = [];
  const claims: Claim[] = [];
  const mentions = new MentionIndex(context.entities);
  const entityType = new Map<string, string>();
  const places = new Map<string, PlaceInfo>();
  for (const e of context.entityIndex) {
    entityType.set(e.key, e.type);
    if (e.place) places.set(e.key, e.place);
  }
  const typeOf = (key: string) => entityType.get(key);
  const quotations = findQuotations(text);
  const quotationsWithin = (start: number, end: number): Quotation[] => {
    let lo = 0;
    let hi = quotations.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (quotations[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Quotation[] = [];
    for (let k = lo; k < quotations.length && quotations[k]!.start < end; k++) if (quotations[k]!.end <= end) out.push(quotations[k]!);
    return out;
  };
  const opening = new Map(quotations.map((q) => [q.start, q]));
  const closing = new Map(quotations.map((q) => [q.end, q]));
  const innerAt = coverage(quotations.map((q) => ({ ...q.inner, q })));
  const quotationAt = (offset: number) => innerAt(offset)?.q;
  const timeAt = coverage(context.times);
  const sortedTimes = [...context.times].sort((a, b) => a.start - b.start);
  const timesWithin = (start: number, end: number): TimeExpression[] => {
    let lo = 0;
    let hi = sortedTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedTimes[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: TimeExpression[] = [];
    for (let k = lo; k < sortedTimes.length && sortedTimes[k]!.start < end; k++) if (sortedTimes[k]!.end <= end) out.push(sortedTimes[k]!);
    return out;
  };
  const sentenceAt = coverage(context.sentences.map((s, index) => ({ ...s, index })));
  const timeOfSentence = new Map(context.sentenceTimes.map((t) => [t.sentence, t.value]));
  const history = new SpeakerHistory(mentions, typeOf, (m) => {
    // Does the mention open its sentence, after at most an introductory word or phrase ("Meanwhile, Zelenskyy …")?
    // Then it is most likely the sentence's subject, the one a later "he" refers to.
    const s = sentenceAt(m.start);
    if (!s) return false;
    let words = 0;
    for (let i = s.start, inWord = false; i < m.start; i++) {
      const letter = /[\p{L}\p{N}]/u.test(text[i]!);
      if (letter && !inWord && ++words > SUBJECT_POSITION_WORDS) return false;
      inWord = letter;
    }
    return true;
  });

  /** Claims per sentence, so a following comment sentence can flag them. */
  const claimsBySentence = new Map<number, Claim[]>();
  const attributedSentences = new Set<number>();

  // The sentence being read. The helpers below are made once per article, not once per sentence: a
  // closure per sentence was a fifth of the pass's time (tsx names every function it creates).
  let si = 0;
  let sentence: Span = { start: 0, end: 0 };
  let tokens: Token[] = [];
  let sentenceFlags: ClaimFlags = { unverified: false, reported: false, noResponse: false };
  let sentenceClaims: Claim[] = [];
  let carriers: Frame[] = [];
  const ctx: FrameContext = {
    text,
    tokens,
    mentions,
    openingAt: (o) => opening.get(o),
    closingAt: (e) => closing.get(e),
    inQuotation: (o) => quotationAt(o) !== undefined,
    inTime: (o) => timeAt(o) !== undefined,
    typeOf,
  };
  const placeOf = (k: string) => places.get(k);
  const controlContext = { text, tokens, mentions, placeOf };
  const spanOf = (first: number, last: number): Span => ({ start: tokens[first]!.start, end: tokens[last]!.end });

  /**
   * "as the Heritage Foundation website notes:" ending its sentence: the words
   * are the next paragraph — the quotation opening it (however many paragraphs
   * it runs), else the paragraph itself.
   */
  const contentAfterColon = (f: Frame): Span | null => {
    // The colon ends the sentence, at most a few words of adjunct or object after the frame: "He told his
    // Democratic audience, to rowdy applause:", "President Clinton released the following statement:".
    const colon = tokens[tokens.length - 1];
    if (!colon || colon.text !== ':' || tokens.length - 1 - (f.last + 1) > COLON_LEAD_TOKENS) return null;
    for (let k = f.last + 1; k < tokens.length - 1; k++) if (opening.has(tokens[k]!.start) || quotationAt(tokens[k]!.start)) return null;
    let start = colon.end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length) return null;
    const q = opening.get(start);
    if (q) return q.inner;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    return end - start > MAX_SENTENCE_CHARS ? null : { start, end };
  };

  /** Whether the words are a that-clause ("vowed that …"): then even a speech act states a proposition. */
  const thatClause = (f: Frame): boolean => f.content !== null && /\bthat\s*$/u.test(text.slice(Math.max(sentence.start, f.content.start - 8), f.content.start));

  const channelFor = (f: Frame): ChannelSpan | null => {
    if (f.channel) return channelOf(text, tokens, f.channel, mentions);
    // The nearest carrier in the sentence: "…, per a translation from the Kyiv Independent".
    let best: Frame | undefined;
    for (const c of carriers) if (!best || Math.abs(c.first - f.last) < Math.abs(best.first - f.last)) best = c;
    return best ? channelOf(text, tokens, best.channel!, mentions) : null;
  };

  /** When it was said: a date in the sentence outside the words attributed. */
  const saidOnFor = (content: Span, cueAt: number): string | null => {
    let best: TimeExpression | undefined;
    for (const t of timesWithin(sentence.start, sentence.end)) {
      if (t.start >= content.start && t.end <= content.end) continue;
      if (quotationAt(t.start)) continue;
      if (t.type !== 'DATE' || !/^\d{4}/.test(t.value)) continue;
      if (!best || Math.abs(t.start - cueAt) < Math.abs(best.start - cueAt)) best = t;
    }
    return best ? best.value : null;
  };

  const addClaim = (kind: Claim['kind'], content: Span, cue: TextSpan | null, party: SourceSpan | null, date: string | null, reported: boolean) => {
    const control = controlIn(controlContext, content);
    const flags: ClaimFlags = { ...sentenceFlags, reported: sentenceFlags.reported || reported };
    const claim: Claim = { kind, content: textSpan(text, content), cue, party, date: date ?? timeOfSentence.get(si) ?? null, flags, control, sentence: si };
    claims.push(claim);
    sentenceClaims.push(claim);
    return claim;
  };
  const partyEndingAt = (end: number) => sourceEndingAt(tokens, end, 0, mentions);
  const flagScanner = new FlagScanner(text);
  const folded = foldText(text);

  for (si = 0; si < context.sentences.length; si++) {
    sentence = context.sentences[si]!;
    if (sentence.end - sentence.start > MAX_SENTENCE_CHARS) continue;
    tokens = tokenize(text, sentence.start, sentence.end, folded);
    if (tokens.length === 0) continue;
    ctx.tokens = tokens;
    controlContext.tokens = tokens;
    const frames = sentenceFrames(ctx);
    sentenceFlags = flagScanner.flagsIn(sentence.start, sentence.end);
    sentenceClaims = [];
    carriers = frames.filter((f) => f.channelOnly && f.channel);

    const lastFrame = frames.filter((f) => !f.channelOnly).pop();
    for (const f of frames) {
      if (!f.channelOnly && f.source && f === lastFrame && f.side !== 'before') f.content = contentAfterColon(f) ?? f.content;
      // "X seemed to …", "X is expected to …": a claim of no one named (PolNeAR's attributions without a source).
      if (f.cue.shape === 'perception' && f.content && !f.channelOnly) {
        const content = trimSpan(text, f.content);
        if (content.end > content.start) {
          attributedSentences.add(si);
          const cueSpan = textSpan(text, spanOf(f.cue.first, f.cue.last));
          addClaim('claim', content, cueSpan, null, saidOnFor(content, cueSpan.start), false);
        }
        continue;
      }
      if (f.channelOnly || !f.content || !f.source) continue;
      let content = trimSpan(text, f.content);
      // A quotation that runs past the sentence ("…: “The losses are not worth it. They are simply pointless.”").
      const runsOn = quotationAt(content.end - 1);
      if (runsOn && runsOn.end > content.end && runsOn.start >= content.start - 1) content = { start: content.start, end: runsOn.end };
      if (content.end <= content.start) continue;
      const described = describeSource(text, tokens, f.source, mentions);
      const speaker = history.resolve(described);
      history.remember(speaker);
      attributedSentences.add(si);
      const cueSpan = textSpan(text, spanOf(f.cue.first, f.cue.last));
      const channel = channelFor(f);
      const saidOn = saidOnFor(content, cueSpan.start);
      const q = quotationOf(text, content, quotationAt);
      const sentenceIndex = sentenceAt(content.start)?.index ?? si;
      if (f.cue.cls === 'deny') {
        addClaim('denial', content, cueSpan, speaker, saidOn, false);
        continue;
      }
      const isSpeech = f.cue.cls === 'speech' || f.cue.cls === 'assert' || f.cue.cls === 'stance';
      if (q) {
        const inner = trimSpan(text, q.inner);
        if (isSpeech) quotes.push({ kind: 'direct', content: textSpan(text, inner), cue: cueSpan, speaker, saidOn, channel, sentence: sentenceIndex });
        const claim = f.cue.cls === 'assert' || f.cue.cls === 'belief';
        if (claim || controlIn(controlContext, inner)) {
          addClaim('claim', inner, cueSpan, speaker, saidOn, f.cue.lemma === 'allege');
        }
        continue;
      }
      // Reported speech; "…: “…”" after it is a direct quote of its own.
      let reported = content;
      const inside: Quotation[] = [];
      for (const x of quotationsWithin(content.start, content.end + 1)) inside.push(x);
      const colonQuote = inside.find((x) => /:\s*$/u.test(text.slice(Math.max(content.start, x.start - 3), x.start)));
      if (colonQuote && f.side === 'after') {
        reported = trimSpan(text, { start: content.start, end: colonQuote.start });
        if (isSpeech) quotes.push({ kind: 'direct', content: textSpan(text, trimSpan(text, colonQuote.inner)), cue: cueSpan, speaker, saidOn, channel, sentence: sentenceAt(colonQuote.inner.start)?.index ?? si });
      }
      if (reported.end <= reported.start) continue;
      if (isSpeech) {
        quotes.push({ kind: 'reported', content: textSpan(text, reported), cue: cueSpan, speaker, saidOn, channel, sentence: sentenceIndex });
        for (const x of inside) {
          if (x === colonQuote) continue;
          quotes.push({ kind: 'partial', content: textSpan(text, trimSpan(text, x.inner)), cue: cueSpan, speaker, saidOn, channel, sentence: sentenceAt(x.inner.start)?.index ?? si });
        }
      }
      // A question ("Q: Your mother was deported twice?") asks; it claims nothing.
      const question = text[reported.end - 1] === '?';
      if (!NOT_PROPOSITIONS.has(f.cue.lemma) && !question && (f.cue.cls !== 'stance' || thatClause(f))) addClaim('claim', reported, cueSpan, speaker, saidOn, f.cue.lemma === 'allege');
    }

    // "Moscow's claim that its forces in the city are surrounded."
    for (const n of nominalClaims(tokens, partyEndingAt)) {
      const party = history.resolve(describeSource(text, tokens, n.party, mentions));
      const cue = textSpan(text, spanOf(n.cue.first, n.cue.last));
      addClaim('claim', n.content, cue, party, saidOnFor(n.content, cue.start), false);
    }
    if (sentenceClaims.length > 0) claimsBySentence.set(si, sentenceClaims);
    // A comment sentence after claims ("There has been no official response … regarding this assertion").
    const previous = claimsBySentence.get(si - 1);
    if (previous && sentenceClaims.length === 0 && !attributedSentences.has(si)) {
      const comment = commentFlags(text.slice(sentence.start, sentence.end));
      for (const c of previous) c.flags = orFlags(c.flags, comment);
    }
  }
  quotes.sort((a, b) => a.content.start - b.content.start);
  continueQuotes(text, quotations, quotes, sentenceAt);
  quotes.sort((a, b) => a.content.start - b.content.start);
  claims.sort((a, b) => a.content.start - b.content.start);
  return { quotes, claims };
}

export type { Token };
