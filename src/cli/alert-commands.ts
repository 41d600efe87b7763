/**
 * Following and alerts: `follow`, `follows`, `unfollow`, `alerts` (a table,
 * JSON, an Atom feed, or one webhook delivery pass).
 */
import type { Command } from 'commander';
import { alertsAtom } from '../export/atom.ts';
import type { Follow, FollowKind } from '../model/index.ts';
import { deliverPendingAlerts } from '../pipeline/deliver-alerts.ts';
import { FOLLOW_KINDS, resolveFollow } from '../pipeline/follows.ts';
import { loadBreakingStories } from '../pipeline/breaking.ts';
import { BREAKING_WINDOW_HOURS, type BreakingStory } from '../connect/breaking.ts';
import type { StoredAlert } from '../store/index.ts';
import type { CommandContext } from './analysis-commands.ts';
import { positive } from './attribution-commands.ts';
import { renderTable, type Column } from './table.ts';

const FOLLOW_COLUMNS: Column<Follow>[] = [
  { header: 'ID', value: (f) => f.id, align: 'right' },
  { header: 'KIND', value: (f) => f.kind },
  { header: 'FOLLOWING', value: (f) => f.label, flexible: true },
  { header: 'AS TYPED', value: (f) => f.value },
];

const ALERT_COLUMNS: Column<StoredAlert>[] = [
  { header: 'ID', value: (a) => a.id, align: 'right' },
  { header: 'RAISED', value: (a) => a.createdAt.slice(0, 16).replace('T', ' ') },
  { header: 'KIND', value: (a) => a.kind },
  { header: 'FOLLOWING', value: (a) => a.follow.label },
  { header: 'ALERT', value: (a) => a.title, flexible: true },
  { header: 'ARTICLE', value: (a) => a.articleId?.slice(0, 10) ?? '-' },
  { header: 'WEBHOOK', value: (a) => (a.delivery.deliveredAt ? 'sent' : a.delivery.givenUpAt ? 'given up' : a.delivery.attempts > 0 ? `retrying (${a.delivery.attempts})` : 'pending') },
];

const BREAKING_COLUMNS: Column<BreakingStory>[] = [
  { header: 'STORY', value: (s) => s.id.replace(/^story-/, '').slice(0, 10) },
  { header: 'RECENT', value: (s) => s.recentArticles, align: 'right' },
  { header: 'SOURCES', value: (s) => s.recentSources, align: 'right' },
  { header: 'GROWTH', value: (s) => `${s.growth.toFixed(1)}×`, align: 'right' },
  { header: 'TITLE', value: (s) => s.title, flexible: true },
];

export function registerAlertCommands(program: Command, ctx: CommandContext, env: { webhookUrl: string | null }): void {
  program
    .command('follow')
    .description('follow an entity, a place, a keyword or a story: ingest then records an alert for each new match')
    .argument('<kind>', FOLLOW_KINDS.join('|'))
    .argument('<what...>', 'a name in any spelling, a keyword or phrase, or a story id')
    .action(async (kind: string, what: string[]) => {
      if (!(FOLLOW_KINDS as readonly string[]).includes(kind)) throw ctx.usageError(`follow: kind must be one of ${FOLLOW_KINDS.join(', ')}, got "${kind}"`);
      await ctx.withStore(ctx.db(), async (store) => {
        const resolved = await resolveFollow(store, kind as FollowKind, what.join(' '));
        if ('refused' in resolved) throw ctx.usageError(`follow ${kind}: ${resolved.refused}`);
        const follow = await store.addFollow(resolved, new Date().toISOString());
        ctx.out(`following ${follow.kind} “${follow.label}” (id ${follow.id})`);
      });
    });

  program
    .command('follows')
    .description('list what is followed')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await ctx.withStore(ctx.db(), async (store) => {
        const follows = await store.listFollows();
        if (opts.json) ctx.out(JSON.stringify(follows, null, 2));
        else ctx.out(follows.length ? renderTable(follows, FOLLOW_COLUMNS, ctx.columns) : 'Nothing is followed (sitrep follow place Pokrovsk).');
      });
    });

  program
    .command('unfollow')
    .description('stop following (its alerts go too)')
    .argument('<id>', 'the follow id (sitrep follows lists them)')
    .action(async (id: string) => {
      const n = positive(ctx, 'unfollow')(id);
      await ctx.withStore(ctx.db(), async (store) => {
        if (!(await store.removeFollow(n))) throw ctx.usageError(`unfollow: no follow with id ${n}`);
        ctx.out(`unfollowed ${n}`);
      });
    });

  program
    .command('breaking')
    .description('stories growing fastest against their own history (articles and independent outlets per hour)')
    .option('--at <time>', 'judge at this moment (ISO date/time; default now)')
    .option('--window <hours>', 'the recent window in hours', positive(ctx, '--window'), BREAKING_WINDOW_HOURS)
    .option('--json', 'print JSON')
    .action(async (opts: { at?: string; window: number; json?: boolean }) => {
      const at = opts.at ? new Date(opts.at) : new Date();
      if (Number.isNaN(at.getTime())) throw ctx.usageError(`--at: not a date or time: "${opts.at}"`);
      await ctx.withStore(ctx.db(), async (store) => {
        const breaking = await loadBreakingStories(store, at, opts.window);
        if (opts.json) ctx.out(JSON.stringify(breaking, null, 2));
        else ctx.out(breaking.length ? renderTable(breaking, BREAKING_COLUMNS, ctx.columns) : `No story is breaking at ${at.toISOString()}.`);
      });
    });

  program
    .command('alerts')
    .description('alerts raised for what is followed, newest first; as Atom for a feed reader; or deliver them to a webhook')
    .option('-n, --limit <n>', 'how many', positive(ctx, '--limit'), 50)
    .option('--json', 'print JSON')
    .option('--atom', 'print an Atom feed')
    .option('--deliver [url]', 'POST pending alerts as JSON to the webhook (default $SITREP_WEBHOOK_URL), once')
    .action(async (opts: { limit: number; json?: boolean; atom?: boolean; deliver?: string | boolean }) => {
      await ctx.withStore(ctx.db(), async (store) => {
        if (opts.deliver !== undefined) {
          const url = typeof opts.deliver === 'string' ? opts.deliver : env.webhookUrl;
          if (!url) throw ctx.usageError('alerts --deliver: give a URL or set SITREP_WEBHOOK_URL');
          const r = await deliverPendingAlerts(store, url);
          ctx.out(`delivered ${r.delivered}, to retry ${r.failed}, given up ${r.givenUp}`);
          return;
        }
        const alerts = await store.listAlerts({ limit: opts.limit });
        if (opts.atom) ctx.out(alertsAtom(alerts, { title: 'sitrep alerts', id: 'tag:sitrep,2024:alerts', updated: new Date(0).toISOString() }).trimEnd());
        else if (opts.json) ctx.out(JSON.stringify(alerts, null, 2));
        else ctx.out(alerts.length ? renderTable(alerts, ALERT_COLUMNS, ctx.columns) : 'No alerts.');
      });
    });
}
