/**
 * Time analysis: temporal expressions resolved against the article's date,
 * the date each sentence talks about, and the article's date inferred from
 * its text when nothing else gives it.
 */
export { extractTimes, type ExtractOptions } from './extract.ts';
export { sentenceTimes } from './sentence-times.ts';
export { inferPublishedDate, type InferredPublishedDate } from './infer-published.ts';
