/**
 * For the figure tests: the figures of a text as the whole analysis finds
 * them (entities and time expressions included, since they decide what is
 * not a figure), with the article's date given.
 */
import type { Figure } from '../../model/index.ts';
import { analyze } from '../index.ts';

export function figuresOf(text: string, published: string | null = '2024-08-19'): Figure[] {
  return analyze({ text, published: { value: published, provenance: published === null ? 'unknown' : 'metadata', evidence: null } }).figures;
}

/** The figure whose span holds the first appearance of `phrase`, or undefined. */
export function figureAt(figures: readonly Figure[], text: string, phrase: string): Figure | undefined {
  const offset = text.indexOf(phrase);
  if (offset < 0) throw new Error(`"${phrase}" not in the text`);
  return figures.find((f) => f.start < offset + phrase.length && offset < f.end);
}

/** The fields a reader looks at first. */
export function brief(f: Figure | undefined): { value: number; valueMax: number | null; unit: string; qualifier: string | null; counted: string | null } | undefined {
  return f === undefined ? undefined : { value: f.value, valueMax: f.valueMax, unit: f.unit, qualifier: f.qualifier, counted: f.counted };
}
