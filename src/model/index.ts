export * from './article.ts';
export * from './errors.ts';
export * from './analysis.ts';
export * from './connections.ts';
export * from './alerts.ts';
