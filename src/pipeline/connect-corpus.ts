/**
 * Stored articles as the connect step reads them: entity keys made canonical
 * (aliases followed), and — for the whole recompute (connect/corpus
 * connectCorpus), which the incremental connect is tested and measured
 * against — every analysed article at once.
 */
import type { ConnectArticle } from '../connect/corpus.ts';
import type { Analysis, Article, SourceSpan } from '../model/index.ts';
import type { Store } from '../store/index.ts';

/**
 * Entity keys as the registry merged them: a typo's or another spelling's
 * key is read as the entity it belongs to, so "Mocow" the party and "Moscow"
 * the party are one party when claims are compared.
 */
export function canonicalAnalysis(analysis: Omit<Analysis, 'text' | 'published'>, canon: (key: string) => string): Omit<Analysis, 'text' | 'published'> {
  const source = <T extends SourceSpan | null>(s: T): T => (s && s.entity ? { ...s, entity: canon(s.entity) } : s);
  return {
    ...analysis,
    entities: analysis.entities.map((m) => ({ ...m, entity: canon(m.entity) })),
    entityIndex: analysis.entityIndex.map((e) => ({ ...e, key: canon(e.key) })),
    quotes: analysis.quotes.map((q) => ({
      ...q,
      speaker: source(q.speaker),
      channel: q.channel && q.channel.entity ? { ...q.channel, entity: canon(q.channel.entity) } : q.channel,
    })),
    claims: analysis.claims.map((c) => ({
      ...c,
      party: source(c.party),
      control: c.control && c.control.place.entity ? { ...c.control, place: { ...c.control.place, entity: canon(c.control.place.entity) } } : c.control,
    })),
    figures: analysis.figures.map((f) => ({ ...f, party: source(f.party) })),
  };
}

/** A stored article and its analysis as the connect step reads them, entity keys made canonical by `canon`. */
export function toConnectArticle(article: Article, analysis: Omit<Analysis, 'text' | 'published'>, canon: (key: string) => string): ConnectArticle {
  return {
    id: article.id,
    published: article.published.value,
    publishedRange: (article.meta['publishedRange'] as ConnectArticle['publishedRange'] | undefined) ?? null,
    outlet: article.outlet,
    title: article.title,
    language: article.language,
    text: article.text,
    duplicateOf: article.duplicateOf,
    analysis: canonicalAnalysis(analysis, canon),
  };
}

export async function loadConnectArticles(store: Store): Promise<ConnectArticle[]> {
  const aliasOf = new Map((await store.allEntities()).filter((e) => e.aliasOf !== null).map((e) => [e.key, e.aliasOf!]));
  const canon = (key: string) => aliasOf.get(key) ?? key;
  const articles: ConnectArticle[] = [];
  for await (const article of store.iterateArticles()) {
    const analysis = await store.getAnalysis(article.id);
    if (analysis) articles.push(toConnectArticle(article, analysis, canon));
  }
  return articles;
}
