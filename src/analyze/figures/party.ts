/**
 * Who gives a figure: the speaker or party of the innermost quote or claim
 * whose content holds it ("Zelensky said … 90 settlements" → Zelensky). Pure,
 * and separate from extraction so that figures can be read before the
 * attributions are, and given their parties once both are known.
 */
import type { Claim, Figure, Quote, SourceSpan, Span } from '../../model/index.ts';

interface Container {
  content: Span;
  source: SourceSpan | null;
  /** Quotes before claims when two hold exactly the same words: a quote's speaker is the words' own source. */
  rank: number;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function length(span: Span): number {
  return span.end - span.start;
}

/**
 * Each figure with `party` set from the innermost quote or claim whose
 * content span contains the figure's span; figures outside every
 * attribution keep the party they had. When the innermost one has no known
 * source, the figure's party is null: an outer speaker only relays it.
 */
export function assignFigureParties(figures: readonly Figure[], quotes: readonly Quote[], claims: readonly Claim[]): Figure[] {
  const containers: Container[] = [
    ...quotes.map((q) => ({ content: q.content, source: q.speaker, rank: 0 })),
    ...claims.map((c) => ({ content: c.content, source: c.party, rank: 1 })),
  ];
  return figures.map((figure) => {
    let innermost: Container | null = null;
    for (const c of containers) {
      if (!contains(c.content, figure)) continue;
      if (
        innermost === null ||
        length(c.content) < length(innermost.content) ||
        (length(c.content) === length(innermost.content) && (innermost.source === null) && c.source !== null) ||
        (length(c.content) === length(innermost.content) && (innermost.source === null) === (c.source === null) && c.rank < innermost.rank)
      ) {
        innermost = c;
      }
    }
    return innermost === null ? { ...figure } : { ...figure, party: innermost.source };
  });
}
