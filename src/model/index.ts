export * from './article.ts';
export * from './errors.ts';
