/**
 * The date each sentence talks about, for the timeline: the date of its main
 * event when the sentence states one, otherwise the article's date.
 */
import type { Span, SentenceTime, TimeExpression } from '../../model/index.ts';

/** Granularities precise enough to place an event on a timeline: a day or finer, or a month. */
const EVENT_GRANULARITIES = new Set(['day', 'month', 'part-of-day', 'hour', 'minute', 'second']);

/** Prepositions that attach a date to the sentence's verb ("attacked on Monday", "launched in May"). */
const ATTACHING = /\b(?:on|in|at)\s+$/i;

/** How far back to look for an attaching preposition: "in early" and "on" fit easily in 12 characters. */
const PREPOSITION_LOOKBACK_CHARS = 12;

function isEventDate(t: TimeExpression): boolean {
  return (t.type === 'DATE' || t.type === 'TIME') && EVENT_GRANULARITIES.has(t.granularity) && /^(?:\d{4}|XXXX)-/.test(t.value);
}

/**
 * For each sentence, the first DATE/TIME expression of day or month
 * granularity in it — preferring one attached by "on", "in" or "at" — or else
 * the article's date (`from: null`; null when the article's date is unknown).
 * Durations, recurrences and vague references ("now") never date a sentence.
 */
export function sentenceTimes(text: string, sentences: readonly Span[], times: readonly TimeExpression[], published: string | null): SentenceTime[] {
  const articleDate = published === null ? null : (/^\d{4}-\d{2}-\d{2}/.exec(published)?.[0] ?? null);
  const result: SentenceTime[] = [];
  let k = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    while (k < times.length && times[k]!.start < sentence.start) k++;
    let first: number | null = null;
    let attached: number | null = null;
    for (let j = k; j < times.length && times[j]!.start < sentence.end; j++) {
      const t = times[j]!;
      if (t.end > sentence.end || !isEventDate(t)) continue;
      first ??= j;
      if (ATTACHING.test(text.slice(Math.max(sentence.start, t.start - PREPOSITION_LOOKBACK_CHARS), t.start))) {
        attached = j;
        break;
      }
    }
    const chosen = attached ?? first;
    result.push(chosen === null ? { sentence: s, value: articleDate, from: null } : { sentence: s, value: times[chosen]!.value, from: chosen });
  }
  return result;
}
