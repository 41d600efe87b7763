// Overview: the situation report (src/report/types.ts, served verbatim by
// /api/overview) for a period — default the latest week with articles: the
// headline, main stories with their source counts, key events, disputed
// claims side by side, figures that changed, who said what, claims nothing
// answers yet, places on a small map, and the numbered sources. Every line
// cites its sources as [n] links to the sentence it came from.
import { api } from '../api.js';
import { clean, entityHref, externalLink, h, route, section, sentenceHref, storyHref } from '../dom.js';
import { formatNumber } from '../chart.js';
import { withMap } from '../lazy-map.js';

const BASIS = {
  'latest-week': 'the latest week with articles',
  requested: 'the requested period',
  story: 'the whole story',
  all: 'all articles (none is dated)',
};

/** [n] links, each to the sentence of one citation. */
export function cites(citations) {
  const out = [];
  for (const c of citations ?? []) {
    if (!c || !c.article) continue;
    const label = c.ref ? `[${c.ref}]` : '[source]';
    const title = [c.outlet, c.title].filter(Boolean).map(clean).join(': ');
    out.push(' ', h('a', { href: sentenceHref(c.article, c.sentence ?? null), class: 'cite', title: title || null, 'aria-label': `source ${c.ref}${title ? `: ${title}` : ''}` }, label));
  }
  return out.length ? h('span', { class: 'cites' }, out) : null;
}

function named(n) {
  return n?.key ? h('a', { href: entityHref(n.key) }, n.name ?? n.key) : clean(n?.name ?? '');
}

function joined(list, render) {
  const out = [];
  (list ?? []).forEach((x, i) => {
    if (i) out.push(', ');
    out.push(render(x));
  });
  return out;
}

function periodForm(period) {
  const since = h('input', { type: 'date', id: 'since', name: 'since', value: period?.since ?? '' });
  const until = h('input', { type: 'date', id: 'until', name: 'until', value: period?.until ?? '' });
  const form = h(
    'form',
    { class: 'period', 'aria-label': 'Report period' },
    h('label', { for: 'since' }, 'From'),
    since,
    h('label', { for: 'until' }, 'to'),
    until,
    h('button', { type: 'submit' }, 'Show'),
    h('a', { href: '#/' }, 'Latest week'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = route('/', { since: since.value, until: until.value });
  });
  return form;
}

function storyCard(story) {
  const inScope = Array.isArray(story.articles) ? story.articles.length : Number(story.articles) || 0;
  const total = story.totalArticles ?? inScope;
  const sources = story.independentSources ?? null;
  return h(
    'li',
    { class: 'card' },
    h('h3', null, h('a', { href: storyHref(story.id), dir: 'auto' }, story.title ?? story.id)),
    h(
      'p',
      { class: 'counts' },
      `${total} article${total === 1 ? '' : 's'}${total !== inScope ? ` (${inScope} in this period)` : ''}`,
      sources !== null ? ` · ${sources} independent source${sources === 1 ? '' : 's'}` : '',
      story.firstSeen || story.lastSeen ? ` · ${clean(story.firstSeen ?? '?')} – ${clean(story.lastSeen ?? '?')}` : '',
      story.thread ? ` · thread: ${clean(story.thread.title)}` : '',
    ),
    story.summary ? h('p', { class: 'summary', dir: 'auto' }, story.summary) : null,
    story.places?.length ? h('p', { class: 'places' }, 'Places: ', joined(story.places, named)) : null,
  );
}

function eventItem(ev) {
  const first = ev.sources?.[0];
  return h(
    'li',
    { class: `timing-${ev.timing ?? 'within'}` },
    h('time', { datetime: /^\d{4}(-\d{2}){0,2}$/.test(ev.date ?? '') ? ev.date : null }, ev.dateText ?? ev.date ?? 'undated'),
    ev.approximate ? h('span', { class: 'badge', title: 'the sources give only a coarser date' }, 'approx.') : null,
    ev.dated === 'article' ? h('span', { class: 'badge', title: 'the text gives no date; the article’s date is used' }, 'article date') : null,
    ' ',
    first ? h('a', { href: sentenceHref(first.article, first.sentence), dir: 'auto' }, ev.text) : h('span', { dir: 'auto' }, ev.text),
    cites(ev.sources),
  );
}

/** One side of a dispute (ClaimSideOut): who, when, what, linked to its sentence. */
export function claimSide(side, label) {
  const who = side.partyKey ? h('a', { href: entityHref(side.partyKey) }, side.party ?? side.partyKey) : clean(side.party ?? 'unattributed');
  return h(
    'div',
    { class: `side-claim ${side.kind === 'denial' ? 'denial' : 'claim'}` },
    h('p', { class: 'who' }, h('strong', null, label), ' ', who, side.dateText || side.date ? ` · ${clean(side.dateText ?? side.date)}` : ''),
    h('blockquote', { dir: 'auto' }, side.article ? h('a', { href: sentenceHref(side.article, side.sentence) }, side.text) : side.text),
    h('span', { class: `badge ${side.kind}` }, side.kind ?? 'claim'),
    side.unverified ? h('span', { class: 'badge unverified' }, 'unverified') : null,
    side.ref ? cites([side]) : null,
  );
}

function disputeItem(d) {
  return h(
    'li',
    { class: 'dispute' },
    h('p', { class: 'relation' }, (d.relations ?? []).join(', ') || 'disputed', d.places?.length ? [' · ', joined(d.places, named)] : ''),
    h(
      'div',
      { class: 'pair' },
      h('div', { class: 'pair-col' }, (d.claims ?? []).map((c) => claimSide(c, 'Claim'))),
      h('div', { class: 'pair-col' }, (d.counters ?? []).map((c) => claimSide(c, c.kind === 'denial' ? 'Denial' : 'Counter-claim'))),
    ),
  );
}

function figureItem(f) {
  const c = f.change;
  const last = f.points?.at(-1);
  return h(
    'li',
    null,
    h('a', { href: `#/figures/${encodeURIComponent(f.series)}` }, clean(f.counted || f.series)),
    f.place ? [' — ', named(f.place)] : '',
    ': ',
    c
      ? [h('strong', null, `${formatNumber(c.from)} → ${formatNumber(c.to)} ${clean(f.unit)}`), ` (${c.delta > 0 ? '+' : ''}${formatNumber(c.delta)}; ${clean(c.fromDate)} → ${clean(c.toDate)})`]
      : last
        ? h('strong', null, clean(last.valueText ?? `${formatNumber(last.value)} ${f.unit}`))
        : '',
    cites(f.points),
  );
}

function quoteItem(q, sourcesByRef) {
  const who = q.speakerKey ? h('a', { href: entityHref(q.speakerKey) }, q.speaker ?? q.speakerKey) : clean(q.speaker ?? 'unattributed');
  const first = q.sources?.[0];
  return h(
    'li',
    null,
    h('blockquote', { dir: 'auto' }, first ? h('a', { href: sentenceHref(first.article, first.sentence) }, `“${clean(q.text)}”`) : `“${clean(q.text)}”`),
    h(
      'p',
      { class: 'who' },
      '— ',
      who,
      q.saidText ? `, ${clean(q.saidText)}` : '',
      q.shared ? h('span', { class: 'badge' }, `in ${q.sources.length} articles`) : null,
      cites(q.sources),
    ),
    carriers(q, sourcesByRef),
  );
}

/** Who passed a shared quote on, and whom they credit: "Business Insider [2] via the Kyiv Independent [1]". */
function carriers(q, sourcesByRef) {
  const credited = (q.sources ?? []).filter((c) => c.channel);
  if (!credited.length) return null;
  return h(
    'p',
    { class: 'carriers' },
    joined(credited, (c) => [
      clean(c.outlet ?? c.title ?? c.article),
      ' ',
      h('a', { href: sentenceHref(c.article, c.sentence), class: 'cite' }, `[${c.ref}]`),
      ` via ${clean(c.channel)}`,
      // hash links are routes here, so the credited source links to its article, not to an anchor
      c.creditedRef && sourcesByRef?.get(c.creditedRef) ? [' ', h('a', { href: `#/article/${encodeURIComponent(sourcesByRef.get(c.creditedRef).article)}`, class: 'cite' }, `[${c.creditedRef}]`)] : '',
    ]),
  );
}

function claimItem(c) {
  return h(
    'li',
    null,
    c.control ? h('span', { class: 'badge control' }, c.control.action) : h('span', { class: `badge ${c.kind}` }, c.kind),
    c.unverified ? h('span', { class: 'badge unverified' }, 'unverified') : null,
    ' ',
    h('a', { href: sentenceHref(c.article, c.sentence), dir: 'auto' }, c.text),
    h('span', { class: 'who' }, ' — ', c.partyKey ? h('a', { href: entityHref(c.partyKey) }, c.party ?? c.partyKey) : clean(c.party ?? 'unattributed'), c.dateText ? `, ${clean(c.dateText)}` : ''),
    cites([c]),
  );
}

function sourceItem(s) {
  return h(
    'li',
    { id: `source-${s.ref}`, value: s.ref },
    h('a', { href: `#/article/${encodeURIComponent(s.article)}`, dir: 'auto' }, s.title || s.article),
    ` — ${clean(s.outlet ?? 'unknown outlet')}, ${clean(s.dateText ?? '')}`,
    s.inPeriod === false ? h('span', { class: 'badge', title: 'outside the period, cited because something in it answers it' }, 'earlier') : null,
    s.url ? [' · ', externalLink(s.url, 'original')] : '',
  );
}

function smallMap(places) {
  const box = h('div', { class: 'map small', id: 'overview-map', role: 'region', 'aria-label': 'Places in the news' });
  const setup = () =>
    withMap(box, ({ createMap, fitTo, L, radiusFor }) => {
      const map = createMap(box);
      for (const p of places) {
        if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
        const marker = L.circleMarker([p.lat, p.lon], { radius: radiusFor(p.mentions), color: '#c0392b', weight: 1, fillOpacity: 0.55 }).addTo(map);
        marker.bindTooltip(h('span', null, `${clean(p.name)}: ${p.mentions ?? 0} mentions`));
        if (p.key) marker.on('click', () => (location.hash = entityHref(p.key)));
      }
      fitTo(map, places);
      return map;
    });
  return { box, setup };
}

export async function render(main, { params }) {
  const report = await api('overview', { since: params.get('since'), until: params.get('until') });
  const period = report.period ?? {};
  const from = report.generatedFrom ?? {};
  const places = report.places ?? [];
  const sourcesByRef = new Map((report.sources ?? []).map((s) => [s.ref, s]));
  const { box, setup } = smallMap(places);
  const dates =
    from.articles !== undefined
      ? ` · ${from.articles} article${from.articles === 1 ? '' : 's'} from ${from.outlets ?? '?'} outlet${from.outlets === 1 ? '' : 's'} in ${from.stories ?? '?'} stor${from.stories === 1 ? 'y' : 'ies'}` +
        (from.inferredDates || from.unknownDates ? ` (${from.exactDates ?? 0} dated, ${from.inferredDates ?? 0} inferred, ${from.unknownDates ?? 0} unknown)` : '')
      : '';

  main.append(
    h('h1', null, 'Situation report'),
    h('p', { class: 'lede' }, `${clean(period.since ?? '…')} – ${clean(period.until ?? '…')}, ${BASIS[period.basis] ?? clean(period.basis)}${dates}`),
    periodForm(period),
    report.headline?.length ? h('div', { class: 'headline' }, report.headline.map((line) => h('p', { dir: 'auto' }, line))) : null,
    h(
      'div',
      { class: 'overview' },
      h(
        'div',
        { class: 'col-main' },
        section('Main stories', h('ol', { class: 'cards' }, (report.stories ?? []).map(storyCard)), { empty: 'No stories in this period.' }),
        section('Key events', h('ol', { class: 'events' }, (report.keyEvents ?? []).map(eventItem)), { empty: 'No dated events in this period.' }),
        section('Disputed claims', h('ul', { class: 'disputes' }, (report.disputes ?? []).map(disputeItem)), { empty: 'No claim is disputed in this period.' }),
        section('Claims to watch', h('ul', { class: 'claims' }, (report.claims ?? []).map(claimItem)), { empty: 'None.' }),
      ),
      h(
        'div',
        { class: 'col-side' },
        section('Places in the news', [box, h('p', null, h('a', { href: route('/map', { until: period.until }) }, 'Open the map'))]),
        section('Figures', h('ul', { class: 'figures' }, (report.figures ?? []).map(figureItem)), { empty: 'No figures in this period.' }),
        section('Who said what', h('ul', { class: 'quotes' }, (report.quotes ?? []).map((q) => quoteItem(q, sourcesByRef))), { empty: 'No quotes in this period.' }),
      ),
    ),
    section('Sources', h('ol', { class: 'sources-list' }, (report.sources ?? []).map(sourceItem)), { empty: 'No sources.' }),
  );
  // the map draws after the page is shown: Leaflet's loading does not delay the first render
  const map = setup();
  return () => void map.then((m) => m?.remove());
}
