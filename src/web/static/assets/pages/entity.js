// Entity: its spellings, mentions over time (a bar chart), quotes by and
// about it, claims, related entities; places get a map pin.
import { api } from '../api.js';
import { clean, entityHref, h, route, section } from '../dom.js';
import { barChart } from '../chart.js';
import { withMap } from '../lazy-map.js';
import { claimItem, quoteItem } from './story.js';

export async function render(main, { args }) {
  const key = args[0];
  const e = await api(`entities/${encodeURIComponent(key)}`);
  const place = e.place ?? null;
  const box = place ? h('div', { class: 'map small', role: 'region', 'aria-label': `Where ${clean(e.name)} is` }) : null;
  main.append(
    h('h1', { dir: 'auto' }, e.name ?? key),
    h(
      'p',
      { class: 'lede' },
      `${e.type ?? 'entity'} · ${e.mentions ?? 0} mentions in ${e.articles ?? 0} articles`,
      e.firstSeen ? ` · ${String(e.firstSeen).slice(0, 10)} – ${String(e.lastSeen ?? '').slice(0, 10)}` : '',
      place ? ` · ${[place.region, place.country].filter(Boolean).map(clean).join(', ')} (${clean(place.kind)})` : '',
    ),
    h(
      'p',
      null,
      h('a', { href: route('/timeline', e.type === 'place' ? { place: e.key } : { entity: e.key }) }, 'Timeline'),
      ' · ',
      h('a', { href: route('/search', { q: e.name }) }, 'Search articles'),
      e.type === 'place' ? [' · ', h('a', { href: route('/map', {}) }, 'Map')] : null,
    ),
    h(
      'div',
      { class: 'overview' },
      h(
        'div',
        { class: 'col-main' },
        section('Spellings', h('ul', { class: 'variants' }, (e.variants ?? []).map((v) => h('li', { dir: 'auto' }, v))), { empty: 'Only one spelling seen.' }),
        section('Mentions over time', [
          barChart(e.mentionsByDay ?? [], `Mentions of ${clean(e.name)} by the date of their articles`),
          e.undatedMentions ? h('p', { class: 'note' }, `and ${e.undatedMentions} mention${e.undatedMentions === 1 ? '' : 's'} in articles with no known date`) : null,
        ]),
        section('Quotes by', h('ul', { class: 'quotes' }, (e.quotesBy ?? []).map(quoteItem)), { empty: 'No quotes by this entity.' }),
        section('Quotes about', h('ul', { class: 'quotes' }, (e.quotesAbout ?? []).map(quoteItem)), { empty: 'No quotes about this entity.' }),
        section('Claims', h('ul', { class: 'claims' }, (e.claims ?? []).map(claimItem)), { empty: 'No claims.' }),
      ),
      h(
        'div',
        { class: 'col-side' },
        box ? section('Location', box) : null,
        section('Related', h('ul', null, (e.related ?? []).map((r) => h('li', null, h('a', { href: entityHref(r.key) }, r.name ?? r.key), ` (${clean(r.type)}, ${r.count} together)`))), { empty: 'None.' }),
      ),
    ),
  );
  if (!box) return undefined;
  const map = withMap(box, ({ createMap, L }) => {
    const m = createMap(box);
    m.setView([place.lat, place.lon], 7);
    L.circleMarker([place.lat, place.lon], { radius: 8, color: '#c0392b', fillOpacity: 0.6 }).addTo(m);
    return m;
  });
  return () => void map.then((m) => m?.remove());
}
