/**
 * `sitrep report`: the situation report for a period, as Markdown (default)
 * or one self-contained HTML file, on standard output or into a file.
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { loadSituation, renderHtml, renderMarkdown, ReportError } from '../report/index.ts';
import type { CommandContext } from './analysis-commands.ts';

interface ReportOptions {
  since?: string;
  until?: string;
  story?: string;
  format: 'md' | 'html';
  out?: string;
  undated: boolean;
  stamp: boolean;
  json?: boolean;
}

export function registerReportCommands(program: Command, ctx: CommandContext): void {
  program
    .command('report')
    .description('the situation report for a period (default: the latest week with dated articles), in Markdown or HTML, every line citing its sources')
    .option('--since <date>', 'first day, YYYY-MM-DD')
    .option('--until <date>', 'last day, YYYY-MM-DD')
    .option('--story <id>', 'one story only (its id, or the full id of one of its articles)')
    .addOption(new Option('--format <format>', 'md or html').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write the report to this file (default: standard output)')
    .option('--no-undated', 'leave out articles whose date is unknown (by default they are kept, marked "date unknown")')
    .option('--no-stamp', 'leave out the time the report was made (the same data then gives the same bytes)')
    .option('--json', 'print the report object (what /api/overview serves) instead')
    .action(async (opts: ReportOptions) => {
      await ctx.withStore(ctx.db(), async (store) => {
        let report;
        try {
          report = await loadSituation(store, {
            ...(opts.since ? { since: opts.since } : {}),
            ...(opts.until ? { until: opts.until } : {}),
            ...(opts.story ? { story: opts.story } : {}),
            undated: opts.undated ? 'include' : 'exclude',
            // A document that is sent on says when it was made; the composer itself never reads the clock.
            ...(opts.stamp ? { generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') } : {}),
          });
        } catch (error) {
          if (error instanceof ReportError) throw ctx.usageError(error.message);
          throw error;
        }
        const text = opts.json ? `${JSON.stringify(report, null, 2)}\n` : opts.format === 'html' ? renderHtml(report) : renderMarkdown(report);
        if (opts.out) {
          await writeFile(opts.out, text);
          ctx.err(`report for ${report.period.since ?? '…'} to ${report.period.until ?? '…'} (${report.generatedFrom.articles} articles, ${report.sources.length} sources) written to ${opts.out}`);
        } else ctx.out(text.replace(/\n$/, ''));
      });
    });
}
