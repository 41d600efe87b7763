/**
 * The situation report as Markdown: a document an analyst can paste or
 * send. Every piece of article text is escaped, so nothing in it becomes a
 * link, an image, emphasis or raw HTML when the Markdown is rendered.
 */
import { periodText, spanText, timexText } from './dates.ts';
import { controlText, formatDelta, formatNumber, keyEventGroups, plainText, safeUrl, unitLabel } from './text.ts';
import type { Citation, ClaimSideOut, ReportEvent, SituationReport } from './types.ts';

/** Escapes what Markdown (CommonMark + GitHub tables) would read as markup. */
export function mdText(text: string): string {
  return plainText(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#!]/g, (c) => `\\${c}`);
}

function refs(citations: ReadonlyArray<Pick<Citation, 'ref'>>): string {
  return [...new Set(citations.map((c) => c.ref))]
    .filter((r) => r > 0)
    .sort((a, b) => a - b)
    .map((r) => `[${r}]`)
    .join('');
}

const BASIS = {
  requested: 'the period asked for',
  'latest-week': 'the latest week with dated articles',
  story: 'the whole story',
  all: 'all articles (none is dated)',
};

function eventLine(e: ReportEvent): string {
  const undatedNote = e.dated === 'article' && !e.approximate ? ' _(dated by its article: the text gives no date)_' : '';
  return `- **${mdText(e.dateText)}** — ${mdText(e.text)} ${refs(e.sources)}${undatedNote}`;
}

function sideLine(s: ClaimSideOut): string {
  const who = s.party ? `**${mdText(s.party)}**` : '_unattributed_';
  const verb = s.kind === 'denial' ? 'denies' : 'claims';
  return `${who} (${mdText(s.dateText)}) ${verb}: “${mdText(s.text)}” ${refs([s])}${s.unverified ? ' _(not independently verified)_' : ''}`;
}

export function renderMarkdown(report: SituationReport): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const period = periodText(report.period.since, report.period.until);
  push(`# Situation report: ${mdText(period)}`, '');
  const story = report.story ? report.stories.find((s) => s.id === report.story) : undefined;
  if (story) push(`Story: **${mdText(story.title)}** (${mdText(story.id)})`, '');
  const counts = report.generatedFrom;
  push(
    `_Period: ${mdText(period)} — ${BASIS[report.period.basis]}. ` +
      `${counts.articles} of ${counts.corpus} stored articles${report.generatedAt ? `; generated ${mdText(report.generatedAt)}` : ''}. ` +
      'Numbers in brackets cite the sources listed at the end._',
    '',
  );

  push('## Summary', '', ...report.headline.map((h) => `- ${mdText(h)}`), '');

  if (report.stories.length) {
    push('## Main stories', '');
    report.stories.forEach((s, i) => {
      const dates = spanText(s.firstSeen, s.lastSeen);
      const places = s.places.length ? ` · places: ${s.places.map((p) => mdText(p.name)).join(', ')}` : '';
      const thread = s.thread ? ` · thread: ${mdText(s.thread.title)}` : '';
      push(
        `${i + 1}. **${mdText(s.title)}** — ${s.articles.length} article${s.articles.length === 1 ? '' : 's'} in the period` +
          `${s.totalArticles > s.articles.length ? ` (${s.totalArticles} in all)` : ''}, ${s.independentSources} independent source${s.independentSources === 1 ? '' : 's'} · ${mdText(dates)}${thread}${places} ${refs(s.refs.map((ref) => ({ ref })))}`,
      );
      if (s.summary) push(`   Summary: ${mdText(s.summary)}`);
    });
    push('');
  }

  if (report.keyEvents.length) {
    push('## Key developments', '');
    for (const { heading, events } of keyEventGroups(report.keyEvents)) push(`### ${heading}`, '', ...events.map(eventLine), '');
  }

  if (report.quotes.length) {
    push('## Who said what', '');
    for (const q of report.quotes) {
      const who = q.speaker ? `**${mdText(q.speaker)}**` : '_unattributed_';
      const marks = q.kind === 'reported' ? ['', ''] : ['“', '”'];
      const carriers = q.sources
        .map((c) => {
          const outlet = c.outlet ? mdText(c.outlet) : `outlet unknown${c.creditedAs ? ` (${refs([{ ref: c.creditedAs.by }])} credits it as ${mdText(c.creditedAs.channel)})` : ''}`;
          return `${outlet} ${refs([c])}${c.channel ? ` via ${mdText(c.channel)}${c.creditedRef ? ` ${refs([{ ref: c.creditedRef }])}` : ''}` : ''}`;
        })
        .join('; ');
      push(`- ${who}, ${mdText(q.saidText)}${q.kind === 'reported' ? ' (reported speech)' : ''}: ${marks[0]}${mdText(q.text)}${marks[1]} — ${q.shared ? `carried by ${q.sources.length} articles: ` : ''}${carriers}`);
    }
    push('');
  }

  if (report.disputes.length) {
    push('## Disputed claims', '');
    report.disputes.forEach((d, i) => {
      const where = d.places.length ? d.places.map((p) => mdText(p.name)).join(', ') : d.about.map((a) => mdText(a.name)).join(', ');
      push(`### ${i + 1}. ${where || 'Claim and counter-claim'} (${d.relations.join(', ')})`, '', '| Claim | Counter-claim |', '|---|---|');
      // One row per link found: a claim and what answers it; a side no link pairs gets a row of its own.
      const rows: Array<[ClaimSideOut | undefined, ClaimSideOut | undefined]> = d.pairs.map(([c, x]) => [d.claims[c], d.counters[x]]);
      d.claims.forEach((c, i) => d.pairs.some((p) => p[0] === i) || rows.push([c, undefined]));
      d.counters.forEach((x, i) => d.pairs.some((p) => p[1] === i) || rows.push([undefined, x]));
      for (const [claim, counter] of rows) push(`| ${claim ? sideLine(claim) : ''} | ${counter ? sideLine(counter) : ''} |`);
      push('');
    });
  }

  if (report.claims.length) {
    push('## Other claims to watch', '');
    for (const c of report.claims) {
      const who = c.party ? `**${mdText(c.party)}**` : '_unattributed_';
      const what = c.control ? controlText(c.kind, c.control) : c.kind === 'denial' ? 'denies' : 'claims';
      push(`- ${who} ${mdText(what)} (${mdText(c.dateText)}): “${mdText(c.text)}” ${refs([c])}${c.unverified ? ' — **not independently verified**' : ''}`);
    }
    push('');
  }

  if (report.figures.length) {
    push('## Figures', '');
    for (const f of report.figures) {
      push(`### ${mdText(f.counted)} (${mdText(unitLabel(f.unit))})${f.place ? ` — ${mdText(f.place.name)}` : ''}`, '');
      for (const p of f.points) push(`- ${mdText(p.dateText)}: **${mdText(p.valueText)}**${p.party ? ` — ${mdText(p.party)}` : ''} ${refs([p])}`);
      if (f.change) {
        push(
          '',
          `Change: ${formatNumber(f.change.from)} → ${formatNumber(f.change.to)} ${mdText(unitLabel(f.unit))} (${formatDelta(f.change.delta)}) between ${mdText(timexText(f.change.fromDate))} and ${mdText(timexText(f.change.toDate))}.`,
        );
      } else if (f.points.length > 1) {
        push('', '_No change computed: fewer than two points have a full date, so their order is not known._');
      }
      push('');
    }
  }

  if (report.places.length) {
    push('## Places', '', '| Place | Kind | Mentions | Articles | Lat, lon | Sources |', '|---|---|---:|---:|---|---|');
    for (const p of report.places) {
      push(`| ${mdText(p.name)} | ${mdText(p.kind)} | ${p.mentions} | ${p.articles} | ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)} | ${refs(p.refs.map((ref) => ({ ref })))} |`);
    }
    push('');
  }

  push('## Sources', '');
  for (const s of report.sources) {
    // Only an http(s) address is shown as the article's link; anything else in its URL field is left out.
    const url = safeUrl(s.url) ?? safeUrl(s.location);
    const where = url ? `<${url}>` : `\`${plainText(s.location).replace(/`/g, "'")}\``;
    const outside = s.inPeriod ? '' : ' _(outside the period: cited for what it answers)_';
    const copy = s.duplicateOf ? ` _(a copy of ${mdText(s.duplicateOf)})_` : '';
    push(`${s.ref}. ${s.outlet ? mdText(s.outlet) : 'Outlet unknown'} — “${mdText(s.title)}”, ${mdText(s.dateText)}. ${where}${outside}${copy}`);
  }
  push('');
  return out.join('\n');
}
