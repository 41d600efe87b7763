/**
 * Time analysis: temporal expressions resolved against the article's date,
 * the date each sentence talks about, and the article's date inferred from
 * its text when nothing else gives it.
 */
export { extractTimes, type ExtractOptions } from './extract.ts';
export { sentenceTimes } from './sentence-times.ts';
export { inferPublishedDate, type InferredPublishedDate } from './infer-published.ts';
export { publicationBoundsFor, type InferOptions, type OutsideBound } from './infer-published.ts';
export { timexSpan } from './resolve.ts';
export { dayNumber, formatDate, fromDayNumber, isoWeekday, isValidDate, type CivilDate } from './calendar.ts';
export { WEEKDAYS } from './lexicon.ts';
