/**
 * The situation report as one self-contained HTML file: inline CSS, no
 * script, no external resource, and a Content-Security-Policy that would
 * refuse a script even if one got in. Every piece of article text goes
 * through `htmlText` (escaped, controls removed) inside `<bdi>`, so
 * right-to-left text cannot reorder the words around it; links are only
 * ever http(s) URLs, or the report's own anchors.
 */
import { periodText, spanText, timexText } from './dates.ts';
import { controlText, formatDelta, formatNumber, keyEventGroups, plainText, safeUrl, unitLabel } from './text.ts';
import type { Citation, ClaimSideOut, ReportEvent, SituationReport } from './types.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Untrusted text, escaped for element content and attribute values alike. */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Article text as isolated inline content. */
function t(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

function refs(citations: ReadonlyArray<Pick<Citation, 'ref'>>): string {
  const numbers = [...new Set(citations.map((c) => c.ref))].filter((r) => r > 0).sort((a, b) => a - b);
  return numbers.map((r) => `<a class="ref" href="#source-${r}">[${r}]</a>`).join('');
}

const BASIS = {
  requested: 'the period asked for',
  'latest-week': 'the latest week with dated articles',
  story: 'the whole story',
  all: 'all articles (none is dated)',
};

const CSS = `
:root { color-scheme: light; --ink: #1d232a; --muted: #5b6570; --rule: #d8dde3; --claim: #eef4fb; --counter: #fbf0ee; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font: 600 1.15rem/1.3 system-ui, sans-serif; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font: 600 1rem/1.3 system-ui, sans-serif; margin: 1.4rem 0 .4rem; }
.meta { color: var(--muted); font-size: .9rem; }
ul, ol { padding-left: 1.4rem; }
li { margin: .3rem 0; }
.date { font-weight: 600; white-space: nowrap; }
.note { color: var(--muted); font-style: italic; }
.ref { font: .8rem system-ui, sans-serif; text-decoration: none; color: var(--accent); vertical-align: super; }
.summary li { font-size: 1.05rem; }
.story-summary { color: var(--muted); margin: .2rem 0 .6rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid var(--rule); padding: .4rem .55rem; text-align: left; vertical-align: top; }
th { font: 600 .85rem system-ui, sans-serif; background: #f4f6f8; }
td.claim { background: var(--claim); width: 50%; }
td.counter { background: var(--counter); width: 50%; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.unverified { font: 600 .8rem system-ui, sans-serif; color: #9a3b00; }
.change { font-weight: 600; }
.sources li { word-break: break-word; }
@media print { body { max-width: none; } a { color: inherit; } }
@media (max-width: 40rem) { td.claim, td.counter { display: block; width: auto; } }
`.trim();

function eventItem(e: ReportEvent): string {
  const note = e.dated === 'article' && !e.approximate ? ' <span class="note">(dated by its article: the text gives no date)</span>' : '';
  return `<li><span class="date">${escapeHtml(e.dateText)}</span> — ${t(e.text)} ${refs(e.sources)}${note}</li>`;
}

function sideCell(s: ClaimSideOut): string {
  const who = s.party ? `<strong>${t(s.party)}</strong>` : '<em>unattributed</em>';
  const verb = s.kind === 'denial' ? 'denies' : 'claims';
  const flag = s.unverified ? ' <span class="unverified">not independently verified</span>' : '';
  return `<p>${who} (${escapeHtml(s.dateText)}) ${verb}: “${t(s.text)}” ${refs([s])}${flag}</p>`;
}

export function renderHtml(report: SituationReport): string {
  const out: string[] = [];
  const push = (...parts: string[]) => out.push(...parts);
  const period = periodText(report.period.since, report.period.until);
  const counts = report.generatedFrom;
  push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Defence in depth: even a tag that slipped through escaping could load or run nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>Situation report: ${escapeHtml(period)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>Situation report: ${escapeHtml(period)}</h1>`,
  );
  const story = report.story ? report.stories.find((s) => s.id === report.story) : undefined;
  if (story) push(`<p>Story: <strong>${t(story.title)}</strong> (${escapeHtml(story.id)})</p>`);
  push(
    `<p class="meta">Period: ${escapeHtml(period)} — ${BASIS[report.period.basis]}. ${counts.articles} of ${counts.corpus} stored articles` +
      `${report.generatedAt ? `; generated ${escapeHtml(report.generatedAt)}` : ''}. Numbers in brackets cite the sources listed at the end.</p>`,
    '</header>',
    '<main>',
    '<section><h2>Summary</h2>',
    `<ul class="summary">${report.headline.map((h) => `<li>${t(h)}</li>`).join('')}</ul></section>`,
  );

  if (report.stories.length) {
    push('<section><h2>Main stories</h2><ol>');
    for (const s of report.stories) {
      const dates = spanText(s.firstSeen, s.lastSeen);
      const more = s.totalArticles > s.articles.length ? ` (${s.totalArticles} in all)` : '';
      const places = s.places.length ? ` · places: ${s.places.map((p) => t(p.name)).join(', ')}` : '';
      const thread = s.thread ? ` · thread: ${t(s.thread.title)}` : '';
      push(
        `<li><strong>${t(s.title)}</strong> — ${s.articles.length} article${s.articles.length === 1 ? '' : 's'} in the period${more}, ` +
          `${s.independentSources} independent source${s.independentSources === 1 ? '' : 's'} · ${escapeHtml(dates)}${thread}${places} ${refs(s.refs.map((ref) => ({ ref })))}` +
          `${s.summary ? `<p class="story-summary">${t(s.summary)}</p>` : ''}</li>`,
      );
    }
    push('</ol></section>');
  }

  if (report.keyEvents.length) {
    push('<section><h2>Key developments</h2>');
    for (const { heading, events } of keyEventGroups(report.keyEvents)) push(`<h3>${heading}</h3><ul>${events.map(eventItem).join('')}</ul>`);
    push('</section>');
  }

  if (report.quotes.length) {
    push('<section><h2>Who said what</h2><ul>');
    for (const q of report.quotes) {
      const who = q.speaker ? `<strong>${t(q.speaker)}</strong>` : '<em>unattributed</em>';
      const [open, close] = q.kind === 'reported' ? ['', ''] : ['“', '”'];
      const carriers = q.sources
        .map((c) => {
          const outlet = c.outlet ? t(c.outlet) : `outlet unknown${c.creditedAs ? ` (${refs([{ ref: c.creditedAs.by }])} credits it as ${t(c.creditedAs.channel)})` : ''}`;
          return `${outlet} ${refs([c])}${c.channel ? ` via ${t(c.channel)}${c.creditedRef ? ` ${refs([{ ref: c.creditedRef }])}` : ''}` : ''}`;
        })
        .join('; ');
      push(
        `<li>${who}, ${escapeHtml(q.saidText)}${q.kind === 'reported' ? ' (reported speech)' : ''}: ${open}${t(q.text)}${close} — ` +
          `${q.shared ? `carried by ${q.sources.length} articles: ` : ''}${carriers}</li>`,
      );
    }
    push('</ul></section>');
  }

  if (report.disputes.length) {
    push('<section><h2>Disputed claims</h2>');
    report.disputes.forEach((d, i) => {
      const where = d.places.length ? d.places.map((p) => t(p.name)).join(', ') : d.about.map((a) => t(a.name)).join(', ');
      push(`<h3>${i + 1}. ${where || 'Claim and counter-claim'} (${escapeHtml(d.relations.join(', '))})</h3>`);
      push('<table><thead><tr><th scope="col">Claim</th><th scope="col">Counter-claim</th></tr></thead><tbody><tr>');
      push(`<td class="claim">${d.claims.map(sideCell).join('')}</td><td class="counter">${d.counters.map(sideCell).join('')}</td>`);
      push('</tr></tbody></table>');
    });
    push('</section>');
  }

  if (report.claims.length) {
    push('<section><h2>Other claims to watch</h2><ul>');
    for (const c of report.claims) {
      const who = c.party ? `<strong>${t(c.party)}</strong>` : '<em>unattributed</em>';
      const what = c.control ? controlText(c.kind, c.control) : c.kind === 'denial' ? 'denies' : 'claims';
      push(`<li>${who} ${t(what)} (${escapeHtml(c.dateText)}): “${t(c.text)}” ${refs([c])}${c.unverified ? ' <span class="unverified">not independently verified</span>' : ''}</li>`);
    }
    push('</ul></section>');
  }

  if (report.figures.length) {
    push('<section><h2>Figures</h2>');
    for (const f of report.figures) {
      push(`<h3>${t(f.counted)} (${escapeHtml(unitLabel(f.unit))})${f.place ? ` — ${t(f.place.name)}` : ''}</h3>`);
      push('<table><thead><tr><th scope="col">Date</th><th scope="col">Figure</th><th scope="col">Given by</th><th scope="col">Source</th></tr></thead><tbody>');
      for (const p of f.points) {
        push(`<tr><td>${escapeHtml(p.dateText)}</td><td class="num">${t(p.valueText)}</td><td>${p.party ? t(p.party) : ''}</td><td>${refs([p])}</td></tr>`);
      }
      push('</tbody></table>');
      if (f.change) {
        push(
          `<p class="change">Change: ${formatNumber(f.change.from)} → ${formatNumber(f.change.to)} ${escapeHtml(unitLabel(f.unit))} (${formatDelta(f.change.delta)}) ` +
            `between ${escapeHtml(timexText(f.change.fromDate))} and ${escapeHtml(timexText(f.change.toDate))}.</p>`,
        );
      } else if (f.points.length > 1) {
        push('<p class="note">No change computed: fewer than two points have a full date, so their order is not known.</p>');
      }
    }
    push('</section>');
  }

  if (report.places.length) {
    push('<section><h2>Places</h2><table><thead><tr><th scope="col">Place</th><th scope="col">Kind</th><th scope="col">Mentions</th><th scope="col">Articles</th><th scope="col">Lat, lon</th><th scope="col">Sources</th></tr></thead><tbody>');
    for (const p of report.places) {
      push(
        `<tr><td>${t(p.name)}</td><td>${escapeHtml(p.kind)}</td><td class="num">${p.mentions}</td><td class="num">${p.articles}</td>` +
          `<td>${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}</td><td>${refs(p.refs.map((ref) => ({ ref })))}</td></tr>`,
      );
    }
    push('</tbody></table></section>');
  }

  push('<section><h2>Sources</h2><ol class="sources">');
  for (const s of report.sources) {
    // Only an http(s) address is shown as the article's link; anything else in its URL field is left out.
    const url = safeUrl(s.url) ?? safeUrl(s.location);
    const where = url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(url)}</a>` : `<code>${escapeHtml(s.location)}</code>`;
    const outside = s.inPeriod ? '' : ' <span class="note">(outside the period: cited for what it answers)</span>';
    const copy = s.duplicateOf ? ` <span class="note">(a copy of ${escapeHtml(s.duplicateOf)})</span>` : '';
    push(`<li id="source-${s.ref}" value="${s.ref}">${s.outlet ? t(s.outlet) : 'Outlet unknown'} — “${t(s.title)}”, ${escapeHtml(s.dateText)}. ${where}${outside}${copy}</li>`);
  }
  push('</ol></section>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
}
