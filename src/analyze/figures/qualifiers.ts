/**
 * Qualifiers of a figure, normalised to a few values so that a series can
 * compare them: "about", "around", "roughly", "an estimated" → approximately;
 * "over", "more than" → over; "nearly", "almost" → almost; "up to", "as many
 * as" → up to; "at least"; "less than", "under" → less than.
 */
import type { Token } from './tokens.ts';

export type Qualifier = 'approximately' | 'over' | 'at least' | 'almost' | 'up to' | 'less than';

/** Phrases written before the number, as lowercase token sequences; longest first so "just over" beats "over". */
const BEFORE: Array<[string[], Qualifier]> = (
  [
    ['no fewer than', 'at least'], ['no less than', 'at least'], ['no more than', 'up to'], ['a maximum of', 'up to'],
    ['in excess of', 'over'], ['upwards of', 'over'], ['as many as', 'up to'], ['as much as', 'up to'],
    ['just over', 'over'], ['just under', 'almost'], ['just shy of', 'almost'], ['close to', 'almost'],
    ['more than', 'over'], ['over', 'over'], ['above', 'over'], ['exceeding', 'over'], ['at least', 'at least'],
    ['a minimum of', 'at least'], ['up to', 'up to'], ['at most', 'up to'], ['nearly', 'almost'], ['almost', 'almost'],
    ['less than', 'less than'], ['fewer than', 'less than'], ['under', 'less than'], ['below', 'less than'],
    ['an estimated', 'approximately'], ['estimated', 'approximately'], ['approximately', 'approximately'],
    ['about', 'approximately'], ['around', 'approximately'], ['roughly', 'approximately'], ['some', 'approximately'],
    ['circa', 'approximately'], ['approx', 'approximately'], ['~', 'approximately'], ['nearly', 'almost'],
  ] as Array<[string, Qualifier]>
)
  .map(([phrase, q]) => [phrase.split(' '), q] as [string[], Qualifier])
  .sort((a, b) => b[0].length - a[0].length);

/**
 * The qualifier written right before token `first` ("over 1,300", "an
 * estimated 30,000", "about half"), with the index of its first token.
 */
export function qualifierBefore(tokens: readonly Token[], first: number): { qualifier: Qualifier; first: number } | null {
  for (const [words, qualifier] of BEFORE) {
    const start = first - words.length;
    if (start < 0) continue;
    let match = true;
    for (let k = 0; k < words.length && match; k++) match = tokens[start + k]!.lower === words[k];
    if (match) return { qualifier, first: start };
  }
  return null;
}

/** A qualifier written after the number or its unit: "100 or more", "30,000 or so", "30,000-plus". */
export function qualifierAfter(tokens: readonly Token[], next: number): Qualifier | null {
  const a = tokens[next]?.lower;
  const b = tokens[next + 1]?.lower;
  if (a === 'or' && b === 'more') return 'at least';
  if (a === 'or' && b === 'so') return 'approximately';
  if (a === 'plus' || (a === '-' && b === 'plus')) return 'over';
  return null;
}
