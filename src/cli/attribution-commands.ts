/**
 * Commands over who said what: `quotes`, `claims`, `figures` — each listed
 * with the article it came from, newest first.
 */
import type { Command } from 'commander';
import { variantKey } from '../analyze/entities/index.ts';
import type { QuoteGroup, SourceSpan } from '../model/index.ts';
import type { RecordSource, Store, StoredClaim, StoredFigure, StoredQuote } from '../store/index.ts';
import type { CommandContext } from './analysis-commands.ts';
import { renderTable, type Column } from './table.ts';

/** The entity keys a name stands for, by any spelling; an unknown name is a usage error, not an empty list. */
export async function keysNamed(store: Store, name: string, ctx: CommandContext, option: string): Promise<string[]> {
  const found = await store.findEntities([variantKey(name)]);
  if (found.length === 0) throw ctx.usageError(`${option}: no entity called "${name}" (sitrep entities lists them)`);
  return found.map((e) => e.key);
}

/** Commander's parser for an option that must be a whole number of at least 1. */
export function positive(ctx: CommandContext, option: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw ctx.usageError(`${option} must be a positive whole number, got "${value}"`);
    return n;
  };
}

function sourceName(source: SourceSpan | null): string {
  if (!source) return '';
  return source.kind === 'unnamed' ? `(${source.description ?? source.text})` : source.text;
}

/**
 * The date to show: the record's own, unless it knows neither year nor
 * month ("XXXX-XX-XX" is "today" in an undated article), when the article's
 * date stands in. "XXXX-08" (August, year unknown) is kept: it says something.
 */
function shownDate(own: string | null, published: string | null): string {
  const value = own !== null && !/^X{4}(?:-[XW]X|$)/.test(own) ? own : published;
  return (value ?? 'undated').slice(0, 10);
}

const ARTICLE_COLUMN: Column<RecordSource> = { header: 'ARTICLE', value: (r) => `${r.articleId.slice(0, 10)} ${r.outlet ?? ''}`.trim() };

export const QUOTE_COLUMNS: Column<StoredQuote>[] = [
  { header: 'DATE', value: (q) => shownDate(q.saidOn, q.published) },
  { header: 'SPEAKER', value: (q) => sourceName(q.speaker) },
  { header: 'KIND', value: (q) => q.kind },
  { header: 'QUOTE', value: (q) => q.content.text, flexible: true },
  { header: 'VIA', value: (q) => q.channel?.text },
  ARTICLE_COLUMN,
];

function flagsOf(c: StoredClaim): string {
  const flags = [c.flags.unverified && 'unverified', c.flags.reported && 'reportedly', c.flags.noResponse && 'no response'];
  return flags.filter(Boolean).join(', ');
}

export const CLAIM_COLUMNS: Column<StoredClaim>[] = [
  { header: 'DATE', value: (c) => shownDate(c.date, c.published) },
  { header: 'PARTY', value: (c) => sourceName(c.party) },
  { header: 'KIND', value: (c) => (c.control ? `${c.kind === 'denial' ? 'denies ' : ''}${c.control.action} ${c.control.place.text}` : c.kind) },
  { header: 'CLAIM', value: (c) => c.content.text, flexible: true },
  { header: 'FLAGS', value: flagsOf },
  ARTICLE_COLUMN,
];

/** "over 1,300 km2", "about 53,000 people", "50–60 troops". */
export function describeFigure(f: Pick<StoredFigure, 'value' | 'valueMax' | 'unit' | 'qualifier'>): string {
  const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const value = f.valueMax === null ? number(f.value) : `${number(f.value)}–${number(f.valueMax)}`;
  return [f.qualifier, value, f.unit === 'count' ? '' : f.unit].filter(Boolean).join(' ');
}

export const FIGURE_COLUMNS: Column<StoredFigure>[] = [
  { header: 'DATE', value: (f) => shownDate(f.date, f.published) },
  { header: 'FIGURE', value: (f) => `${describeFigure(f)}${f.hypothetical ? ' (hypothetical)' : ''}` },
  { header: 'COUNTED', value: (f) => f.counted, flexible: true },
  { header: 'BY', value: (f) => sourceName(f.party) },
  ARTICLE_COLUMN,
];

/** A quotation and where it appeared, oldest first, with who each article credits and whom that points to. */
function describeQuoteGroup(group: QuoteGroup): string {
  const lines = [`“${group.text}”${group.speaker ? ` — ${group.speaker.replace(/^[a-z]+:/, '')}` : ''}`];
  for (const a of group.appearances) {
    const credit = a.channel ? ` via ${a.channel}${a.creditedArticle ? ` (article ${a.creditedArticle.slice(0, 10)})` : ''}` : '';
    const first = group.earliest && group.earliest.articleId === a.articleId && group.earliest.index === a.index ? '  earliest' : '';
    lines.push(`  ${(a.published ?? 'undated').slice(0, 10).padEnd(10)}  ${a.articleId.slice(0, 10)}  ${a.outlet ?? '-'}  ${a.kind}${credit}${first}`);
  }
  return lines.join('\n');
}

export function registerAttributionCommands(program: Command, ctx: CommandContext): void {
  program
    .command('quotes')
    .description('quotations and reported speech, with speaker, date and channel, newest article first')
    .option('--by <name>', 'only what this person or body said (any spelling)')
    .option('--article <id>', 'only this article')
    .option('--shared', 'only quotations found in several articles, with every appearance and the channel each credits')
    .option('-n, --limit <n>', 'how many', positive(ctx, '--limit'), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { by?: string; article?: string; shared?: boolean; limit: number; json?: boolean }) => {
      const { limit } = opts;
      await ctx.withStore(ctx.db(), async (store) => {
        const speakers = opts.by === undefined ? undefined : await keysNamed(store, opts.by, ctx, '--by');
        if (opts.shared) {
          const groups = await store.listQuoteGroups({ limit, minArticles: 2, ...(speakers ? { speakers } : {}) });
          if (opts.json) ctx.out(JSON.stringify(groups, null, 2));
          else ctx.out(groups.length ? groups.map(describeQuoteGroup).join('\n\n') : 'No quotation is found in more than one article.');
          return;
        }
        const rows = await store.listQuotes({ limit, ...(speakers ? { speakers } : {}), ...(opts.article ? { articleId: opts.article } : {}) });
        if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
        else ctx.out(rows.length ? renderTable(rows, QUOTE_COLUMNS, ctx.columns) : 'No quotes found.');
      });
    });

  program
    .command('claims')
    .description('claims and denials with their party and flags; --control for claims of places captured, surrounded, attacked…')
    .option('--by <name>', 'only claims made by this party (any spelling)')
    .option('--place <name>', 'only control claims about this place (any spelling)')
    .option('--control', 'only control claims (captured, liberated, retaken, surrounded, attacked, advanced)')
    .option('--denials', 'only denials')
    .option('--article <id>', 'only this article')
    .option('-n, --limit <n>', 'how many', positive(ctx, '--limit'), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { by?: string; place?: string; control?: boolean; denials?: boolean; article?: string; limit: number; json?: boolean }) => {
      const { limit } = opts;
      await ctx.withStore(ctx.db(), async (store) => {
        const parties = opts.by === undefined ? undefined : await keysNamed(store, opts.by, ctx, '--by');
        const places = opts.place === undefined ? undefined : await keysNamed(store, opts.place, ctx, '--place');
        const rows = await store.listClaims({
          limit,
          ...(parties ? { parties } : {}),
          ...(places ? { places, control: true } : {}),
          ...(opts.control ? { control: true } : {}),
          ...(opts.denials ? { kind: 'denial' as const } : {}),
          ...(opts.article ? { articleId: opts.article } : {}),
        });
        if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
        else ctx.out(rows.length ? renderTable(rows, CLAIM_COLUMNS, ctx.columns) : 'No claims found.');
      });
    });

  program
    .command('figures')
    .description('numbers that count or measure something (km2, people, troops, settlements…), with what they count and who gives them')
    .option('--unit <unit>', 'only this unit: km, km2, people, troops, settlements, brigades, percent, …')
    .option('--hypothetical', 'include hypothetical and rhetorical numbers')
    .option('--article <id>', 'only this article')
    .option('-n, --limit <n>', 'how many', positive(ctx, '--limit'), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { unit?: string; hypothetical?: boolean; article?: string; limit: number; json?: boolean }) => {
      const { limit } = opts;
      await ctx.withStore(ctx.db(), async (store) => {
        const rows = await store.listFigures({
          limit,
          ...(opts.unit ? { unit: opts.unit } : {}),
          ...(opts.hypothetical ? { includeHypothetical: true } : {}),
          ...(opts.article ? { articleId: opts.article } : {}),
        });
        if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
        else ctx.out(rows.length ? renderTable(rows, FIGURE_COLUMNS, ctx.columns) : 'No figures found.');
      });
    });
}
