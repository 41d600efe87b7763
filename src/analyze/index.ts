/**
 * analyze(): one article's text in, its Analysis out — sentences, entities,
 * time expressions, the date each sentence talks about, the article's date
 * (its own, or inferred from the text), quotes, claims and figures. Pure
 * and deterministic: the same text and date always give the same analysis.
 */
import type { Analysis, PublishedDate } from '../model/index.ts';
import { extractAttributions, type AttributionContext } from './attribution/index.ts';
import { extractEntities } from './entities/index.ts';
import { assignFigureParties, extractFigures } from './figures/index.ts';
import { splitSentences } from './sentences.ts';
import { extractTimes, inferPublishedDate, sentenceTimes } from './time/index.ts';

/**
 * Bumped whenever a change to analysis changes its output, so stored
 * analyses made by an older version can be found and redone.
 */
export const ANALYZER_VERSION = 4;

export interface AnalyzeInput {
  text: string;
  published: PublishedDate;
  /** Photo captions the cleaner removed (their dates bound an undated article's from below). */
  captions?: readonly string[];
}

/** Only a full calendar day can anchor "yesterday" or "on Wednesday". */
function dayOf(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/**
 * Quotes, claims and figures from a text and what the earlier stages found
 * in it. Also run again on its own when the corpus pass gives an article's
 * dates their years, so that when each was said and the date each figure
 * holds for follow.
 */
export function attribute(text: string, context: AttributionContext): Pick<Analysis, 'quotes' | 'claims' | 'figures'> {
  const { quotes, claims } = extractAttributions(text, context);
  // Who gives a figure is who says the words it sits in.
  const figures = assignFigureParties(extractFigures(text, context), quotes, claims);
  return { quotes, claims, figures };
}

export function analyze(input: AnalyzeInput): Analysis {
  const { text } = input;
  const sentences = splitSentences(text);
  const { mentions, entities } = extractEntities(text, { sentences });
  let times = extractTimes(text, { published: dayOf(input.published.value), sentences });
  const published = inferPublishedDate(text, times, input.published, { captions: input.captions ?? [] });
  // An article dated only by inference: resolve its relative expressions
  // against that date when the evidence gives a day, so they get values too.
  if (input.published.value === null && dayOf(published.value) !== null) {
    times = extractTimes(text, { published: dayOf(published.value), sentences });
  }
  const timesOfSentences = sentenceTimes(text, sentences, times, dayOf(published.value));
  const context = { sentences, entities: mentions, entityIndex: entities, times, sentenceTimes: timesOfSentences };
  const { quotes, claims, figures } = attribute(text, context);
  return {
    text,
    sentences,
    entities: mentions,
    entityIndex: entities,
    times,
    sentenceTimes: timesOfSentences,
    published,
    quotes,
    claims,
    figures,
  };
}
