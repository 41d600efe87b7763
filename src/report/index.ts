/** The written situation report: compose it from the store, render it as Markdown or HTML. */
export { composeSituation, loadSituation, ReportError, selectScope, type ArticleEntities, type SituationRecords } from './situation.ts';
export type * from './types.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderHtml } from './render-html.ts';
