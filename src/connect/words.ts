/**
 * Word-level likeness of short texts, shared by the connect passes (quotes,
 * claims, figures, timeline events): words folded for comparison, and the
 * Dice overlap of two sets of them.
 */

/** Lowercase words without accents or apostrophes: "Zelenskyy’s" → "zelenskyys". */
export function foldedWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Dice overlap of two sets: twice what they share over their sizes; 0 when either is empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
