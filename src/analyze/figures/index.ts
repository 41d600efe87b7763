/**
 * Figures: each number that counts or measures something, with its unit,
 * what it counts, its qualifier and the date it holds for. Pure.
 */
import type { ArticleEntity, EntityMention, Figure, SentenceTime, Span, TimeExpression } from '../../model/index.ts';

export interface FigureContext {
  sentences: Span[];
  entities: EntityMention[];
  entityIndex: ArticleEntity[];
  times: TimeExpression[];
  sentenceTimes: SentenceTime[];
}

export function extractFigures(_text: string, _context: FigureContext): Figure[] {
  return [];
}
