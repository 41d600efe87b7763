/**
 * Stories and threads: articles about the same event grouped incrementally
 * into stories, stories about the same ongoing subject into threads.
 *
 *   const state = createStoryState();
 *   for (const a of articles) assignStory(state, storyArticleFromAnalysis(a, analysisOf(a)));
 *   listStories(state); listThreads(state);
 *
 * The state is plain JSON data: persist it, load it, keep assigning.
 */
export { assignStory, comparedMembers, createStoryState, storyIdOf, JOIN_THRESHOLD, type Assignment } from './assign.ts';
export { describeStory, listStories, storyOfArticle, independentSourceCount } from './describe.ts';
export { listThreads, THREAD_THRESHOLD } from './threads.ts';
export { storyArticleFromAnalysis, type ArticleFields, type AnalysisForStories } from './from-analysis.ts';
export { articleFeatures, creditedNames } from './features.ts';
export { explainSimilarity, type SimilarityParts } from './similarity.ts';
export { stemEnglish, contentTerms } from './terms.ts';
export type { ArticleFeatures, DateSpan, Story, StoryArticle, StoryDate, StoryEntity, StoryFigure, StoryQuote, StoryRecord, StoryState, StoryTime, Thread } from './types.ts';
