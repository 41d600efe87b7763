/**
 * Temporal expressions in an article: found by the grammar, resolved against
 * the article's date — or, in reported speech that dates its statement
 * ("said on July 17 that yesterday…"), against the statement's date.
 */
import type { Span, TimeExpression } from '../../model/index.ts';
import { splitSentences } from '../sentences.ts';
import { parseIsoDate, type CivilDate } from './calendar.ts';
import { TimeGrammar } from './grammar.ts';
import type { GrammarMatch, Meaning } from './meaning.ts';
import { resolveMatch, type Anchor, type Reference, type Resolved } from './resolve.ts';
import { tenseAround } from './tense.ts';
import { tokensOf, type Token } from './tokens.ts';

export interface ExtractOptions {
  /** The article's date (ISO 8601 date or timestamp), or null when unknown. */
  published: string | null;
  /** Sentence spans, when the caller has them already; else the text is split here. */
  sentences?: Span[];
}

/** Verbs that date a statement when a date stands next to them ("said on July 17", "On July 17, Peskov told"). */
const REPORTING_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'stated', 'announced', 'added', 'claimed', 'wrote', 'posted', 'reported',
  'declared', 'insisted', 'warned', 'noted', 'explained', 'confirmed', 'denied', 'remarked', 'stressed', 'argued',
  'asserted', 'acknowledged', 'admitted', 'replied', 'tweeted', 'emphasized', 'emphasised', 'urged',
]);

/**
 * How many tokens may separate a reporting verb from the date of its
 * statement: "told French media on July 30" has four between "told" and
 * "July". Further apart, the date usually belongs to something else.
 */
const STATEMENT_DATE_DISTANCE_TOKENS = 4;

/**
 * How many earlier dates "that day", "a year earlier" may refer back to. Only
 * the most recent few matter; keeping few bounds the work per expression.
 */
const MAX_REFERENCES = 8;

/** Year used to compute with a statement date whose year is unknown (a common year; the year itself is never shown). */
const PLACEHOLDER_YEAR = 2001;
const PLACEHOLDER_LEAP_YEAR = 2000;

/**
 * A year-less statement date this close to the end of February could put a
 * "last week" or "yesterday" on either side of a leap day: a week either way.
 */
const FEBRUARY_UNSURE_FROM = 22;
const MARCH_UNSURE_UNTIL = 7;

/** Meanings whose value depends on the anchor, and so change when a statement gives its own date. */
function isDeictic(m: Meaning): boolean {
  switch (m.kind) {
    case 'calendar':
      return m.year === null;
    case 'weekday':
    case 'day-offset':
    case 'unit-offset':
    case 'nearest':
    case 'holiday':
      return true;
    case 'shift':
      return m.from === 'anchor';
    case 'season':
    case 'quarter':
    case 'half':
      return m.year === null;
    default:
      return false;
  }
}

/**
 * "a year ago", "a year earlier", "the year-ago quarter": a period named to
 * compare with, not the one the text goes on about — "the quarter" after
 * "up from a year ago" is still this year's.
 */
function isComparison(m: Meaning): boolean {
  return m.kind === 'shift' && (m.unit === 'year' || m.unit === 'decade' || m.unit === 'century' || m.unit === 'quarter');
}

interface SentenceTokens {
  /** First token index of the sentence. */
  first: number;
  /** Token index after the sentence. */
  end: number;
}

/** Token ranges of the sentences, in order; tokens outside every sentence get a range of their own paragraph. */
function sentenceTokenRanges(tokens: readonly Token[], sentences: readonly Span[]): SentenceTokens[] {
  const ranges: SentenceTokens[] = [];
  let k = 0;
  for (const s of sentences) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    const first = k;
    while (k < tokens.length && tokens[k]!.start < s.end) k++;
    ranges.push({ first, end: k });
  }
  return ranges;
}

/** Index of the sentence containing token `i` (sentences sorted), or -1. */
function sentenceOf(ranges: readonly SentenceTokens[], i: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (i < r.first) hi = mid - 1;
    else if (i >= r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

interface Located {
  match: GrammarMatch;
  sentence: number;
  range: SentenceTokens;
}

/**
 * The statement date of a sentence, if it has one: an explicit date or a
 * weekday right next to a reporting verb. Returns the anchor to resolve the
 * reported content with and the token where that content starts.
 */
function findStatement(
  tokens: readonly Token[],
  items: readonly Located[],
  resolved: readonly Resolved[],
): { anchor: Anchor; index: number; contentStart: number } | null {
  for (let k = 0; k < items.length; k++) {
    const { match, range } = items[k]!;
    const m = match.meaning;
    const explicit = (m.kind === 'calendar' && m.day !== null) || m.kind === 'weekday';
    if (!explicit) continue;
    let verbAt = -1;
    for (let d = 1; d <= STATEMENT_DATE_DISTANCE_TOKENS + 1 && verbAt < 0; d++) {
      const before = match.first - d;
      const after = match.end - 1 + d;
      if (before >= range.first && REPORTING_VERBS.has(tokens[before]!.norm)) verbAt = before;
      else if (after < range.end && REPORTING_VERBS.has(tokens[after]!.norm)) verbAt = after;
    }
    if (verbAt < 0) continue;
    const anchor = statementAnchor(m, resolved[k]!);
    if (anchor === null) continue;
    return { anchor, index: k, contentStart: Math.max(verbAt + 1, match.end) };
  }
  return null;
}

function statementAnchor(m: Meaning, r: Resolved): Anchor | null {
  const p = r.point;
  if (p !== null && p.g === 'day') return { date: { year: p.year, month: p.month, day: p.day }, yearKnown: p.yearKnown, kind: 'statement' };
  if (m.kind === 'calendar' && m.month !== null && m.day !== null) {
    // Without a year, days cannot be counted across the end of February (28 or 29 days?).
    if ((m.month === 2 && m.day >= FEBRUARY_UNSURE_FROM) || (m.month === 3 && m.day <= MARCH_UNSURE_UNTIL)) return null;
    const year = m.month === 2 && m.day === 29 ? PLACEHOLDER_LEAP_YEAR : PLACEHOLDER_YEAR;
    return { date: { year, month: m.month, day: m.day }, yearKnown: false, kind: 'statement' };
  }
  return null;
}

/**
 * The grammar's matches of the tokens last asked for: they depend on the text
 * alone, not on the date they are resolved against, and an undated article is
 * read twice (see analyze()). Nothing downstream changes a match.
 */
let lastTokens: readonly Token[] | undefined;
let lastMatches: GrammarMatch[] = [];

function matchesOf(tokens: readonly Token[], text: string): GrammarMatch[] {
  if (tokens !== lastTokens) {
    lastMatches = new TimeGrammar(tokens, text).parseAll();
    lastTokens = tokens;
  }
  return lastMatches;
}

/**
 * Temporal expressions in `text`, in order, with TIMEX3 type, value,
 * granularity and modifier. Relative expressions are resolved against
 * `published`; with no published date they keep X placeholders. Never throws
 * on any input; the cost is linear in the length of the text.
 */
export function extractTimes(text: string, options: ExtractOptions): TimeExpression[] {
  if (text.length === 0) return [];
  const tokens = tokensOf(text);
  const matches = matchesOf(tokens, text);
  if (matches.length === 0) return [];
  const sentences = options.sentences ?? splitSentences(text);
  const ranges = sentenceTokenRanges(tokens, sentences);
  const published: CivilDate | null = parseIsoDate(options.published);
  const documentAnchor: Anchor | null = published === null ? null : { date: published, yearKnown: true, kind: 'document' };

  const located: Located[] = matches.map((match) => {
    const sentence = sentenceOf(ranges, match.first);
    return { match, sentence, range: sentence >= 0 ? ranges[sentence]! : { first: match.first, end: match.end } };
  });

  const out: TimeExpression[] = [];
  let references: Reference[] = [];
  const resolveAll = (items: readonly Located[], refs: Reference[], anchorFor: (k: number) => Anchor | null): { results: Resolved[]; refs: Reference[] } => {
    const results: Resolved[] = [];
    for (let k = 0; k < items.length; k++) {
      const { match, sentence, range } = items[k]!;
      const tense = tenseAround(tokens, match.first, match.end, range.first, range.end);
      const resolved = resolveMatch(match, { anchor: anchorFor(k), tense, references: refs, sentence });
      results.push(resolved);
      if (resolved.point !== null && (resolved.type === 'DATE' || resolved.type === 'TIME') && !isComparison(match.meaning)) {
        refs = [{ point: resolved.point, anchor: resolved.anchor, sentence }, ...refs.slice(0, MAX_REFERENCES - 1)];
      }
    }
    return { results, refs };
  };

  for (let start = 0; start < located.length; ) {
    let end = start + 1;
    while (end < located.length && located[end]!.sentence === located[start]!.sentence && located[start]!.sentence >= 0) end++;
    const items = located.slice(start, end);
    let pass = resolveAll(items, references, () => documentAnchor);
    const statement = findStatement(tokens, items, pass.results);
    if (statement !== null) {
      pass = resolveAll(items, references, (k) =>
        k !== statement.index && items[k]!.match.first >= statement.contentStart && isDeictic(items[k]!.match.meaning) ? statement.anchor : documentAnchor,
      );
    }
    references = pass.refs;
    for (let k = 0; k < items.length; k++) out.push(toExpression(text, tokens, items[k]!.match, pass.results[k]!));
    start = end;
  }
  return quartersByTheirEnd(text, out);
}

/** "the quarter ended Sept. 30", "the quarter ending on March 31": between the quarter and its last day. */
const QUARTER_ENDED = /^\s*,?\s*(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?:on\s+)?$/i;

/** A quarter named by its number, calendar or fiscal ("the fourth quarter", "Q2", "fiscal-first quarter"). */
const NAMED_QUARTER = /(?:first|second|third|fourth|1st|2nd|3rd|4th|\bQ[1-4])/i;

/**
 * A quarter named only by the day it ended on is the quarter holding that
 * day, whatever the article's date makes of "the quarter" alone (read in April,
 * "the quarter ended Sept. 30" is last year's third, not this year's first).
 */
function quartersByTheirEnd(text: string, times: TimeExpression[]): TimeExpression[] {
  for (let k = 0; k + 1 < times.length; k++) {
    const quarter = times[k]!;
    const day = times[k + 1]!;
    if (quarter.granularity !== 'quarter' || day.granularity !== 'day' || !QUARTER_ENDED.test(text.slice(quarter.end, day.start))) continue;
    // "its fourth quarter ended Sept. 30" names a fiscal quarter by its number: that number stays.
    if (NAMED_QUARTER.test(quarter.text)) continue;
    const m = /^(\d{4}|XXXX)-(\d{2})-\d{2}$/.exec(day.value);
    if (m === null) continue;
    times[k] = { ...quarter, value: `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`, anchor: day.anchor };
  }
  return times;
}

function toExpression(text: string, tokens: readonly Token[], match: GrammarMatch, r: Resolved): TimeExpression {
  const start = tokens[match.first]!.start;
  const end = tokens[match.end - 1]!.end;
  let mod = match.mod;
  // "within a week", "within weeks": at most that long — a length, not a calendar date.
  if (mod === null && r.type === 'DURATION' && match.first > 0 && tokens[match.first - 1]!.norm === 'within') mod = 'EQUAL_OR_LESS';
  return { start, end, text: text.slice(start, end), type: r.type, value: r.value, mod, granularity: r.granularity, anchor: r.anchor };
}
