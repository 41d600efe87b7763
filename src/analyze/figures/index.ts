/**
 * Figures: each number that counts or measures something, with its unit,
 * what it counts, its qualifier, the date it holds for and whether it is
 * only supposed. Pure. `party` is left null here: `assignFigureParties`
 * gives it from the quotes and claims that contain each figure.
 */
import type { ArticleEntity, EntityMention, SentenceTime, Span, TimeExpression } from '../../model/index.ts';

export interface FigureContext {
  sentences: Span[];
  entities: EntityMention[];
  entityIndex: ArticleEntity[];
  times: TimeExpression[];
  sentenceTimes: SentenceTime[];
}

export { extractFigures } from './extract.ts';
export { assignFigureParties } from './party.ts';
