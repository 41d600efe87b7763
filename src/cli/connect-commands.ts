/**
 * Commands over what the corpus pass connects: `connect [--rebuild]`, `stories`, `story`, `timeline` (dated events
 * across articles), `disputes` (claims against counter-claims), `series`
 * (figures over time) and `quotes --shared` lives with the quotes.
 */
import type { Command } from 'commander';
import { selectTimeline } from '../connect/timeline.ts';
import { connectPending, rebuildConnections } from '../pipeline/connect-incremental.ts';
import type { ClaimLink, FigureSeries, StoryRecordOut, TimelineEntry } from '../model/index.ts';
import type { CommandContext } from './analysis-commands.ts';
import { describeFigure, keysNamed, positive } from './attribution-commands.ts';
import { renderTable, type Column } from './table.ts';

/** The timeline's JSON: one entry per date and sentence, `sources` the article ids (docs/export.md). */
export function timelineJson(entries: readonly TimelineEntry[]) {
  return entries.map((e) => ({
    date: e.date,
    precision: e.precision,
    text: e.text,
    sources: [...new Set(e.sources.map((s) => s.articleId))],
    dated: e.dated,
    sentences: e.sources,
    entities: e.entities,
  }));
}

const TIMELINE_COLUMNS: Column<TimelineEntry>[] = [
  { header: 'DATE', value: (e) => e.date },
  { header: 'PRECISION', value: (e) => `${e.precision}${e.dated === 'article' ? '*' : ''}` },
  { header: 'SOURCES', value: (e) => new Set(e.sources.map((s) => s.articleId)).size, align: 'right' },
  { header: 'EVENT', value: (e) => e.text, flexible: true },
];

const DISPUTE_COLUMNS: Column<ClaimLink>[] = [
  { header: 'RELATION', value: (l) => l.relation },
  { header: 'CLAIM', value: (l) => `${l.a.partyText ?? '?'} (${(l.a.date ?? 'undated').slice(0, 10)}): ${l.a.text}`, flexible: true },
  { header: 'COUNTER', value: (l) => `${l.b.partyText ?? '?'} (${(l.b.date ?? 'undated').slice(0, 10)}): ${l.b.text}` },
];

const SERIES_COLUMNS: Column<FigureSeries>[] = [
  { header: 'UNIT', value: (s) => s.unit },
  { header: 'SUBJECT', value: (s) => s.subject },
  { header: 'POINTS', value: (s) => s.points.length, align: 'right' },
  {
    header: 'OVER TIME',
    value: (s) => s.points.map((p) => `${(p.date ?? '?').slice(0, 10)} ${describeFigure({ ...p, unit: s.unit })}`).join(' → '),
    flexible: true,
  },
];

const STORY_COLUMNS: Column<StoryRecordOut>[] = [
  { header: 'ID', value: (s) => s.id },
  { header: 'DATES', value: (s) => (s.dates ? (s.dates.start === s.dates.end ? s.dates.start : `${s.dates.start}…${s.dates.end}`) : 'undated') },
  { header: 'ARTICLES', value: (s) => s.articles.length, align: 'right' },
  { header: 'SOURCES', value: (s) => s.independentSources, align: 'right' },
  { header: 'THREAD', value: (s) => s.thread },
  { header: 'TITLE', value: (s) => s.title, flexible: true },
];

export function registerConnectCommands(program: Command, ctx: CommandContext): void {
  program
    .command('connect')
    .description('connect the stored articles not connected yet (ingest does this itself); --rebuild makes every connection again from scratch')
    .option('--rebuild', 'empty the connections and their index, then connect every article again')
    .action(async (opts: { rebuild?: boolean }) => {
      await ctx.withStore(ctx.db(), async (store) => {
        const started = performance.now();
        const summary = opts.rebuild ? await rebuildConnections(store) : await connectPending(store);
        const seconds = (performance.now() - started) / 1000;
        ctx.out(
          `${opts.rebuild ? 'rebuilt' : 'connected'}: ${summary.connected} articles${summary.redone ? `, ${summary.redone} redone` : ''} in ${seconds.toFixed(1)} s`,
        );
      });
    });

  program
    .command('stories')
    .description('articles grouped by the event they report, newest first, with independent source counts and threads')
    .option('--thread <id>', 'only the stories of one thread')
    .option('-n, --limit <n>', 'how many', positive(ctx, '--limit'), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { thread?: string; limit: number; json?: boolean }) => {
      await ctx.withStore(ctx.db(), async (store) => {
        const rows = await store.listStories({ limit: opts.limit, ...(opts.thread ? { thread: opts.thread } : {}) });
        if (opts.json) {
          ctx.out(JSON.stringify(rows, null, 2));
          return;
        }
        const threads = await store.listThreads();
        const lines = [rows.length ? renderTable(rows, STORY_COLUMNS, ctx.columns) : 'No stories yet. Try: sitrep ingest PATH'];
        if (threads.length) lines.push('', 'Threads:', ...threads.map((t) => `  ${t.id}  ${t.title} — ${t.stories.length} stories, ${t.articles.length} articles`));
        ctx.out(lines.join('\n'));
      });
    });

  program
    .command('story')
    .description('one story (by id, or by the full id of one of its articles): summary, articles, timeline')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await ctx.withStore(ctx.db(), async (store) => {
        const story = await store.getStory(id);
        if (!story) throw ctx.usageError(`no story "${id}" (sitrep stories lists them)`);
        const events = selectTimeline(await store.listEvents({ articles: story.articles }), { perDate: 1 });
        if (opts.json) {
          ctx.out(JSON.stringify({ ...story, timeline: timelineJson(events) }, null, 2));
          return;
        }
        const articles = await Promise.all(story.articles.map((a) => store.getArticle(a)));
        ctx.out(
          [
            story.title,
            '',
            `id         ${story.id}${story.thread ? `  (thread ${story.thread})` : ''}`,
            `dates      ${story.dates ? `${story.dates.start} … ${story.dates.end}` : 'undated'}`,
            `sources    ${story.independentSources} independent, ${story.articles.length} articles`,
            '',
            story.summary,
            '',
            'articles:',
            ...articles.map((a) =>
              a ? `  ${a.id.slice(0, 10)}  ${(a.published.value ?? 'undated').slice(0, 10).padEnd(10)}  ${(a.outlet ?? '-').padEnd(18)}  ${a.title}` : '',
            ),
            '',
            'timeline:',
            ...events.map((e) => `  ${e.date.padEnd(10)}  ${e.text}`),
          ].join('\n'),
        );
      });
    });

  program
    .command('timeline')
    .description('dated events across the articles, in the order they happened (* = dated by its article, not its text)')
    .option('--story <id>', 'only the events of one story (sitrep stories lists them)')
    .option('--place <name>', 'only events at this place (any spelling)')
    .option('--entity <name>', 'only events naming this person, organisation, unit or place (any spelling)')
    .option('--top <n>', 'only the N most important dates', positive(ctx, '--top'))
    .option('--per-date <k>', 'at most K events a date, most important first', positive(ctx, '--per-date'))
    .option('--json', 'print JSON: [{date, precision, text, sources: [article ids]}]')
    .action(async (opts: { story?: string; place?: string; entity?: string; top?: number; perDate?: number; json?: boolean }) => {
      await ctx.withStore(ctx.db(), async (store) => {
        const story = opts.story === undefined ? null : await store.getStory(opts.story);
        if (opts.story !== undefined && !story) throw ctx.usageError(`--story: no story "${opts.story}" (sitrep stories lists them)`);
        const keys = [
          ...(opts.place ? await keysNamed(store, opts.place, ctx, '--place') : []),
          ...(opts.entity ? await keysNamed(store, opts.entity, ctx, '--entity') : []),
        ];
        const all = await store.listEvents({ ...(keys.length ? { entities: keys } : {}), ...(story ? { articles: story.articles } : {}) });
        const entries = selectTimeline(all, { ...(opts.top ? { top: opts.top } : {}), ...(opts.perDate ? { perDate: opts.perDate } : {}) });
        if (opts.json) ctx.out(JSON.stringify(timelineJson(entries), null, 2));
        else ctx.out(entries.length ? renderTable(entries, TIMELINE_COLUMNS, ctx.columns) : 'No dated events found.');
      });
    });

  program
    .command('disputes')
    .description('claims set against counter-claims across the articles: denials, contrary control claims, confirmations')
    .option('--about <name>', 'only disputes about this place or entity (any spelling)')
    .option('--relation <relation>', 'only one relation: denies, retracts, contradicts, confirms')
    .option('-n, --limit <n>', 'how many', positive(ctx, '--limit'), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { about?: string; relation?: string; limit: number; json?: boolean }) => {
      const relations = ['denies', 'retracts', 'contradicts', 'confirms'];
      if (opts.relation !== undefined && !relations.includes(opts.relation)) {
        throw ctx.usageError(`--relation must be one of ${relations.join(', ')}, got "${opts.relation}"`);
      }
      await ctx.withStore(ctx.db(), async (store) => {
        const entities = opts.about ? await keysNamed(store, opts.about, ctx, '--about') : undefined;
        const rows = await store.listClaimLinks({
          limit: opts.limit,
          ...(entities ? { entities } : {}),
          ...(opts.relation ? { relation: opts.relation as ClaimLink['relation'] } : {}),
        });
        if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
        else ctx.out(rows.length ? renderTable(rows, DISPUTE_COLUMNS, ctx.columns) : 'No disputed claims found.');
      });
    });

  program
    .command('series')
    .description('figures about the same quantity across articles, over time (territory held, people remaining, troops)')
    .option('--unit <unit>', 'only this unit: km2, km, people, troops, settlements, …')
    .option('--place <name>', 'only series about this place (any spelling)')
    .option('--all', 'include single figures, not only series of two or more')
    .option('-n, --limit <n>', 'how many', positive(ctx, '--limit'), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { unit?: string; place?: string; all?: boolean; limit: number; json?: boolean }) => {
      await ctx.withStore(ctx.db(), async (store) => {
        const places = opts.place ? await keysNamed(store, opts.place, ctx, '--place') : undefined;
        const rows = await store.listFigureSeries({
          limit: opts.limit,
          minPoints: opts.all ? 1 : 2,
          ...(opts.unit ? { unit: opts.unit } : {}),
          ...(places ? { places } : {}),
        });
        if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
        else ctx.out(rows.length ? renderTable(rows, SERIES_COLUMNS, ctx.columns) : 'No figure series found.');
      });
    });
}
