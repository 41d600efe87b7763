/**
 * The date a figure holds for: the nearest date stated in its own sentence
 * ("On Monday, officials said 53,000 remain"), else the date the sentence
 * talks about (the sentence times, which fall back on the article's date).
 * A date opening or closing a period ("since …", "until …") is passed over.
 */
import type { TimeExpression } from '../../model/index.ts';

/** "now", "recently": they place a statement, not a figure, and the sentence time already says "now". */
const VAGUE_REFERENCE = /_REF$/;

/**
 * "since the incursion two weeks ago", "until May": a start or an end of the
 * period the figure grew over, not the date it holds for.
 */
const BOUNDARY_BEFORE = /\b(?:since|until|till|from)\b[^,.;:!?]*$/i;
/** How far back "since" may stand: "since the unexpected incursion two weeks ago". */
const BOUNDARY_REACH = 40;

export function figureDate(text: string, position: number, timesInSentence: readonly TimeExpression[], sentenceTime: string | null): string | null {
  let best: TimeExpression | null = null;
  let bestDistance = Infinity;
  for (const t of timesInSentence) {
    if (t.type !== 'DATE' || VAGUE_REFERENCE.test(t.value)) continue;
    if (BOUNDARY_BEFORE.test(text.slice(Math.max(0, t.start - BOUNDARY_REACH), t.start))) continue;
    const distance = t.end <= position ? position - t.end : t.start - position;
    if (distance < bestDistance) {
      best = t;
      bestDistance = distance;
    }
  }
  return best !== null ? best.value : sentenceTime;
}
