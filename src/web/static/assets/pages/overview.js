// Overview: the situation report for a period (default: the latest week with
// articles) — main stories with source counts, key events, disputes side by
// side, figures that changed, places on a small map.
import { api } from '../api.js';
import { clean, entityHref, h, route, section, sentenceHref, storyHref } from '../dom.js';
import { formatNumber } from '../chart.js';
import { withMap } from '../lazy-map.js';
import { articleIdOf, countOf, dateText, entityKeyOf, nameOf, sourceLinks, spanOf } from '../shapes.js';

function periodForm(period) {
  const since = h('input', { type: 'date', id: 'since', name: 'since', value: period?.since ?? '' });
  const until = h('input', { type: 'date', id: 'until', name: 'until', value: period?.until ?? '' });
  const form = h(
    'form',
    { class: 'period', role: 'search', 'aria-label': 'Report period' },
    h('label', { for: 'since' }, 'From '),
    since,
    h('label', { for: 'until' }, ' to '),
    until,
    ' ',
    h('button', { type: 'submit' }, 'Show'),
    ' ',
    h('a', { href: '#/' }, 'Latest week'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = route('/', { since: since.value, until: until.value });
  });
  return form;
}

function storyCard(story) {
  const sources = story.independentSources ?? null;
  return h(
    'li',
    { class: 'card' },
    h('h3', null, h('a', { href: storyHref(story.id) }, story.title ?? story.id)),
    h(
      'p',
      { class: 'counts' },
      `${countOf(story.articles)} article${countOf(story.articles) === 1 ? '' : 's'}`,
      sources !== null ? ` · ${sources} independent source${sources === 1 ? '' : 's'}` : '',
      story.firstSeen || story.lastSeen ? ` · ${dateText(story.firstSeen)} – ${dateText(story.lastSeen)}` : '',
    ),
    story.summary ? h('p', { class: 'summary', dir: 'auto' }, story.summary) : null,
    Array.isArray(story.places) && story.places.length
      ? h('p', { class: 'places' }, 'Places: ', story.places.slice(0, 8).map((p, i) => [i ? ', ' : '', placeLink(p)]))
      : null,
  );
}

function placeLink(p) {
  const key = entityKeyOf(p) ?? (typeof p === 'string' ? p : null);
  const name = nameOf(p, key ?? '');
  return key ? h('a', { href: entityHref(key) }, name) : name;
}

function eventItem(ev) {
  const first = (ev.sources ?? [])[0];
  const id = articleIdOf(first);
  return h(
    'li',
    null,
    h('time', null, dateText(ev.date)),
    ' ',
    id ? h('a', { href: sentenceHref(id, spanOf(first)) }, ev.text) : h('span', null, ev.text),
    ev.sources?.length ? h('span', { class: 'sources' }, ' — ', sourceLinks(ev.sources)) : null,
  );
}

/** One side of a dispute: who, when, what, linked to its sentence. */
export function claimSide(side, label) {
  if (!side) return h('div', { class: 'side-claim' }, h('p', null, '—'));
  const id = articleIdOf(side);
  const text = side.text ?? side.content?.text ?? '';
  const span = spanOf(side.content ?? null) ?? spanOf(side.sentence ?? null);
  const partyKey = entityKeyOf(side);
  const party = nameOf(side.partyName ?? side.partyText ?? side.party, 'unattributed');
  return h(
    'div',
    { class: `side-claim ${side.kind === 'denial' ? 'denial' : 'claim'}` },
    h('p', { class: 'who' }, h('strong', null, label), ' ', partyKey ? h('a', { href: entityHref(partyKey) }, party) : party, side.date ? ` · ${dateText(side.date)}` : ''),
    h('blockquote', { dir: 'auto' }, id ? h('a', { href: sentenceHref(id, span) }, text) : text),
    side.kind ? h('span', { class: `badge ${side.kind}` }, side.kind) : null,
    side.unverified || side.flags?.unverified ? h('span', { class: 'badge unverified' }, 'unverified') : null,
  );
}

export function disputeRow(d) {
  return h(
    'li',
    { class: 'dispute' },
    h('p', { class: 'relation' }, d.relation ?? 'disputes'),
    h('div', { class: 'pair' }, claimSide(d.claim ?? d.a, 'Claim'), claimSide(d.counter ?? d.b, 'Counter-claim')),
  );
}

function figureRow(f) {
  const c = f.change ?? null;
  const points = f.points ?? [];
  const first = points[0];
  return h(
    'li',
    null,
    h('a', { href: `#/figures/${encodeURIComponent(f.series ?? f.id ?? '')}` }, clean(f.subject ?? f.counted ?? f.series ?? 'series')),
    ` (${f.unit ?? ''})`,
    c ? [': ', h('strong', null, `${formatNumber(c.from)} → ${formatNumber(c.to)}`), typeof c.delta === 'number' ? ` (${c.delta > 0 ? '+' : ''}${formatNumber(c.delta)})` : ''] : '',
    first ? h('span', { class: 'sources' }, ' — ', sourceLinks(points)) : null,
  );
}

function quoteRow(q) {
  const key = entityKeyOf(q.speaker);
  const who = nameOf(q.speaker, 'unattributed');
  return h(
    'li',
    null,
    h('blockquote', { dir: 'auto' }, `“${clean(q.text)}”`),
    h('p', { class: 'who' }, '— ', key ? h('a', { href: entityHref(key) }, who) : who, q.said ? `, ${dateText(q.said)}` : '', q.sources?.length ? [' · ', sourceLinks(q.sources)] : ''),
  );
}

function smallMap(places) {
  const box = h('div', { class: 'map small', id: 'overview-map', role: 'region', 'aria-label': 'Places in the news' });
  const withCoords = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const setup = () => withMap(box, ({ createMap, fitTo, L, radiusFor }) => {
    const map = createMap(box);
    const latlngs = [];
    for (const p of withCoords) {
      const marker = L.circleMarker([p.lat, p.lon], { radius: radiusFor(p.mentions), color: '#c0392b', weight: 1, fillOpacity: 0.55 }).addTo(map);
      marker.bindTooltip(h('span', null, `${clean(p.name)}: ${p.mentions ?? 0} mentions`));
      if (p.key) marker.on('click', () => (location.hash = entityHref(p.key)));
      latlngs.push(p);
    }
    fitTo(map, latlngs);
    return map;
  });
  return { box, setup };
}

export async function render(main, { params }) {
  const report = await api('overview', { since: params.get('since'), until: params.get('until') });
  const period = report.period ?? {};
  const basis = period.basis === 'latest-week' ? 'the latest week with articles' : 'the requested period';
  const stories = report.stories ?? [];
  const events = report.keyEvents ?? [];
  const disputes = report.disputes ?? [];
  const figures = report.figures ?? [];
  const quotes = report.quotes ?? [];
  const places = report.places ?? [];
  const { box, setup } = smallMap(places);

  main.append(
    h('h1', null, 'Situation report'),
    h('p', { class: 'lede' }, `${dateText(period.since)} – ${dateText(period.until)}, ${basis}`, report.generatedFrom ? ` · from ${report.generatedFrom.articles ?? 0} articles in ${report.generatedFrom.stories ?? 0} stories` : ''),
    periodForm(period),
    h(
      'div',
      { class: 'overview' },
      h(
        'div',
        { class: 'col-main' },
        section('Main stories', h('ol', { class: 'cards' }, stories.map(storyCard)), { empty: 'No stories in this period.' }),
        section('Key events', h('ol', { class: 'events' }, events.map(eventItem)), { empty: 'No dated events in this period.' }),
        section('Disputed claims', h('ul', { class: 'disputes' }, disputes.map(disputeRow)), { empty: 'No claim is disputed in this period.' }),
      ),
      h(
        'div',
        { class: 'col-side' },
        section('Places in the news', [box, h('p', null, h('a', { href: route('/map', { until: period.until }) }, 'Open the map'))], { empty: 'No places.' }),
        section('Figures that changed', h('ul', { class: 'figures' }, figures.map(figureRow)), { empty: 'No figure series in this period.' }),
        section('Who said what', h('ul', { class: 'quotes' }, quotes.map(quoteRow)), { empty: 'No quotes in this period.' }),
      ),
    ),
  );
  const map = await setup();
  return () => map?.remove();
}
