/**
 * Commands over what analysis finds: `analyze` (one document, nothing
 * stored), `entities` and `entity` (the corpus registry).
 */
import type { Command } from 'commander';
import { analyze } from '../analyze/index.ts';
import { variantKey } from '../analyze/entities/index.ts';
import { parseDateString } from '../ingest/dates.ts';
import { cleanDocument } from '../ingest/clean.ts';
import { loadLanguageDetector } from '../ingest/language.ts';
import type { EntityType, PublishedDate } from '../model/index.ts';
import { IngestError } from '../model/index.ts';
import { captionsOf } from '../pipeline/ingest.ts';
import { expandPaths, readInputFile } from '../pipeline/inputs.ts';
import type { EntitySummary, Store } from '../store/index.ts';
import { renderTable, type Column } from './table.ts';

export interface CommandContext {
  out: (text: string) => void;
  err: (text: string) => void;
  columns: number;
  db: () => string;
  withStore: <T>(location: string, work: (store: Store) => Promise<T>) => Promise<T>;
  usageError: (message: string) => Error;
}

const ENTITY_TYPES: EntityType[] = ['person', 'place', 'organization', 'unit', 'outlet'];

export const ENTITY_COLUMNS: Column<EntitySummary>[] = [
  { header: 'TYPE', value: (e) => e.type },
  { header: 'NAME', value: (e) => e.name },
  { header: 'MENTIONS', value: (e) => e.mentions, align: 'right' },
  { header: 'ARTICLES', value: (e) => e.articles, align: 'right' },
  { header: 'WHERE', value: (e) => (e.place ? `${e.place.lat.toFixed(3)}, ${e.place.lon.toFixed(3)} ${e.place.country ?? ''}` : '') },
  { header: 'VARIANTS', value: (e) => e.variants.filter((v) => v !== e.name).join(', '), flexible: true },
];

/** The one document named (a file or -), cleaned as ingest would clean it. */
async function readOneDocument(path: string, publishedOverride: PublishedDate | null) {
  const { files, failures } = await expandPaths([path]);
  const failure = failures[0];
  if (failure) throw new IngestError(failure.code, `${failure.source}: ${failure.message}`);
  // Any text can be analysed, however short: the article threshold is ingest's.
  const context = { now: new Date(), languageDetector: await loadLanguageDetector(), minLetters: 0 };
  for (const file of files) {
    for await (const result of readInputFile(file)) {
      if (!result.ok) throw new IngestError(result.failure.code, `${result.failure.source}: ${result.failure.message}`);
      const article = cleanDocument(result.doc, context);
      return publishedOverride ? { ...article, published: publishedOverride } : article;
    }
  }
  throw new IngestError('ENOARTICLE', `${path}: no article in it`);
}

export function registerAnalysisCommands(program: Command, ctx: CommandContext): void {
  program
    .command('analyze')
    .description('analyse one document without storing it: sentences, entities, times, quotes, claims, figures (offsets index the printed text)')
    .argument('<file>', 'a file, or - for standard input')
    .option('--published <date>', 'the publication date to resolve relative dates against (e.g. 2024-07-31)')
    .option('--json', 'print JSON (the default; schema in docs/analyze.md)')
    .action(async (file: string, opts: { published?: string }) => {
      let published: PublishedDate | null = null;
      if (opts.published !== undefined) {
        const value = parseDateString(opts.published);
        if (!value) throw ctx.usageError(`--published must be a date such as 2024-07-31, got "${opts.published}"`);
        published = { value, provenance: 'metadata', evidence: '--published' };
      }
      const article = await readOneDocument(file, published);
      // The captions ingest takes off the page are date evidence there: the same here.
      const analysis = analyze({ text: article.text, published: article.published, captions: captionsOf(article) });
      ctx.out(
        JSON.stringify(
          {
            title: article.title,
            published: analysis.published,
            text: analysis.text,
            sentences: analysis.sentences,
            entities: analysis.entities,
            entityIndex: analysis.entityIndex,
            times: analysis.times,
            sentenceTimes: analysis.sentenceTimes,
            quotes: analysis.quotes,
            claims: analysis.claims,
            figures: analysis.figures,
          },
          null,
          2,
        ),
      );
    });

  program
    .command('entities')
    .description('list the people, places, organisations, units and outlets in the store, most mentioned first')
    .option('--type <type>', `only one type: ${ENTITY_TYPES.join(', ')}`)
    .option('-n, --limit <n>', 'how many', (v) => Number(v), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { type?: string; limit: number; json?: boolean }) => {
      if (opts.type !== undefined && !ENTITY_TYPES.includes(opts.type as EntityType)) {
        throw ctx.usageError(`--type must be one of ${ENTITY_TYPES.join(', ')}, got "${opts.type}"`);
      }
      if (!Number.isInteger(opts.limit) || opts.limit < 1) throw ctx.usageError('--limit must be a positive whole number');
      await ctx.withStore(ctx.db(), async (store) => {
        const rows = await store.listEntities({ ...(opts.type ? { type: opts.type as EntityType } : {}), limit: opts.limit });
        if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
        else ctx.out(rows.length ? renderTable(rows, ENTITY_COLUMNS, ctx.columns) : 'No entities yet. Try: sitrep ingest PATH');
      });
    });

  program
    .command('entity')
    .description('one entity by any of its spellings: variants, articles, mentions over time')
    .argument('<name...>')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { json?: boolean }) => {
      const name = words.join(' ');
      await ctx.withStore(ctx.db(), async (store) => {
        const found = await store.findEntities([variantKey(name)]);
        const first = found[0];
        if (!first) throw ctx.usageError(`no entity called "${name}" (sitrep entities lists them)`);
        const detail = await store.getEntity(first.key);
        if (!detail) throw ctx.usageError(`no entity called "${name}"`);
        if (opts.json) {
          ctx.out(JSON.stringify({ ...detail, otherMatches: found.slice(1).map((e) => e.key) }, null, 2));
          return;
        }
        const lines = [
          `${detail.name} (${detail.type})`,
          `key        ${detail.key}`,
          `variants   ${detail.variants.join(', ')}`,
          ...(detail.place
            ? [`where      ${detail.place.lat}, ${detail.place.lon} · ${[detail.place.region, detail.place.country].filter(Boolean).join(', ')} (${detail.place.kind})`]
            : []),
          `mentions   ${detail.mentions} in ${detail.articles} article${detail.articles === 1 ? '' : 's'} (${detail.firstSeen ?? '?'} … ${detail.lastSeen ?? '?'})`,
          '',
          'mentions over time:',
          ...detail.timeline.map((t) => `  ${(t.date ?? 'undated').padEnd(10)}  ${'■'.repeat(Math.min(t.mentions, 60))} ${t.mentions}`),
          '',
          'articles:',
          ...detail.articleList.map((a) => `  ${a.id.slice(0, 10)}  ${(a.published ?? 'undated').slice(0, 10).padEnd(10)}  ${a.mentions}×  ${a.title}`),
        ];
        if (found.length > 1) lines.push('', `also matching: ${found.slice(1).map((e) => `${e.name} (${e.type})`).join(', ')}`);
        ctx.out(lines.join('\n'));
      });
    });
}
