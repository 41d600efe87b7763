/**
 * Attribution: quotes (direct, partial, reported), claims and denials, and
 * control claims, each with its source. Pure: one article's text and what
 * the earlier stages found in it.
 */
import type { ArticleEntity, Claim, EntityMention, Quote, SentenceTime, Span, TimeExpression } from '../../model/index.ts';

export interface AttributionContext {
  sentences: Span[];
  entities: EntityMention[];
  entityIndex: ArticleEntity[];
  times: TimeExpression[];
  sentenceTimes: SentenceTime[];
}

export function extractAttributions(_text: string, _context: AttributionContext): { quotes: Quote[]; claims: Claim[] } {
  return { quotes: [], claims: [] };
}
