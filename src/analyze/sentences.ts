/**
 * Sentence boundaries in clean article text, as spans into it.
 *
 * Rules rather than a library: the clean text is already one paragraph per
 * block, so the work is splitting paragraphs at sentence-final punctuation
 * without splitting at "U.S.", "Mr.", "Gen.", "3.5" or inside a quotation,
 * which a short rule set does in linear time. (wink-nlp's splitter needs its
 * whole model loaded and re-tokenises the text; compromise is ~20x slower.)
 */
import type { Span } from '../model/index.ts';

/** Abbreviations after which a full stop does not end a sentence (lowercased, without the dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'gov', 'sen',
  'rep', 'pres', 'st', 'jr', 'sr', 'rev', 'hon', 'amb', 'no', 'vol', 'fig', 'approx', 'est', 'dept', 'univ',
  'inc', 'ltd', 'corp', 'co', 'vs', 'etc', 'e.g', 'i.e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'km',
  'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'ft', 'mt', 'ave', 'blvd', 'approx', 'min', 'max',
]);

/** Closing quotes and brackets that belong to the sentence they end. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);

function isUpperStart(text: string, index: number): boolean {
  // Skip opening quotes/brackets: '"Today, we…' starts a sentence at the quote.
  let i = index;
  while (i < text.length && /["'“‘«(\[]/.test(text[i]!)) i++;
  const ch = text[i];
  return ch !== undefined && (/\p{Lu}/u.test(ch) || /\p{N}/u.test(ch) || /[\p{Script=Han}\p{Script=Arabic}]/u.test(ch));
}

/** The word before position `dot` (letters and inner dots), lowercased. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot).toLowerCase();
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

const CODE_NEWLINE = 0x0a;
const CODE_DOT = 0x2e;
const CODE_BANG = 0x21;
const CODE_QUESTION = 0x3f;
const CODE_ELLIPSIS = 0x2026;

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const span = trimSpan(text, start, end);
    if (span) spans.push(span);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    // Most characters end nothing: their code is compared, no one-character string is made.
    const code = text.charCodeAt(i);
    if (code === CODE_NEWLINE) {
      // A line break always ends a sentence: clean text has one paragraph per line.
      push(i);
      continue;
    }
    if (code !== CODE_DOT && code !== CODE_BANG && code !== CODE_QUESTION && code !== CODE_ELLIPSIS) continue;
    const ch = text[i]!;
    // Runs of terminal punctuation ("?!", "...") and the closers after them stay with the sentence.
    let end = i + 1;
    while (end < text.length && /[.!?…]/.test(text[end]!)) end++;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue; // "3.5", "U.S.-led", "example.com"
    let next = end;
    while (next < text.length && text[next] === ' ') next++;
    if (next >= text.length) break;
    if (text[next] === '\n') {
      i = end - 1;
      continue; // the newline ends it
    }
    if (!isUpperStart(text, next)) continue;
    if (ch === '.') {
      const word = wordBefore(text, i);
      if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) continue;
      // An initial: "Vladimir V. Putin", "J. Stoltenberg".
      if (/^\p{Lu}$/u.test(text.slice(i - 1, i)) && (i < 2 || /[\s.]/.test(text[i - 2]!))) continue;
    }
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}
