// Story: its articles (outlet, date with provenance, copies folded under
// their original), summary, timeline, quotes with speakers, claims with
// counter-claims, figures, a map of its places, the independent source count.
import { api, features } from '../api.js';
import { clean, entityHref, h, publishedLabel, route, section, sentenceHref } from '../dom.js';
import { formatNumber } from '../chart.js';
import { withMap } from '../lazy-map.js';
import { articleIdOf, countOf, dateText, nameOf, spanOf } from '../shapes.js';
import { linkRow } from './links.js';
import { entry as eventEntry } from './timeline.js';

function articleRow(a) {
  const copies = Array.isArray(a.copies) ? a.copies : [];
  return h(
    'li',
    null,
    h('a', { href: `#/article/${encodeURIComponent(a.id)}`, dir: 'auto' }, a.title || '(untitled)'),
    h('span', { class: 'meta-line' }, ` — ${clean(a.outlet ?? 'unknown outlet')}, ${publishedLabel(a.published)}`),
    copies.length
      ? h(
          'details',
          { class: 'copies' },
          h('summary', null, `${copies.length} cop${copies.length === 1 ? 'y' : 'ies'}`),
          h('ul', null, copies.map((c) => h('li', null, h('a', { href: `#/article/${encodeURIComponent(c.id ?? c)}` }, c.title ?? c.id ?? c), c.outlet ? ` — ${clean(c.outlet)}` : ''))),
        )
      : null,
  );
}

export function quoteItem(q) {
  const speakerKey = q.speaker?.entity ?? null;
  const who = q.speakerName ?? nameOf(q.speaker, 'unattributed');
  const id = articleIdOf(q);
  return h(
    'li',
    null,
    h('blockquote', { dir: 'auto' }, id ? h('a', { href: sentenceHref(id, spanOf(q.content) ?? null) }, `“${clean(q.content?.text ?? q.text)}”`) : `“${clean(q.content?.text ?? q.text)}”`),
    h('p', { class: 'who' }, '— ', speakerKey ? h('a', { href: entityHref(speakerKey) }, who) : who, q.saidOn ? `, ${dateText(q.saidOn)}` : '', q.channel ? ` (via ${clean(q.channel.text)})` : '', q.outlet ? ` · in ${clean(q.outlet)}` : ''),
  );
}

export function claimItem(c) {
  const id = articleIdOf(c);
  const partyKey = c.party?.entity ?? null;
  const who = nameOf(c.party, 'unattributed');
  return h(
    'li',
    null,
    h('span', { class: `badge ${c.kind}` }, c.kind ?? 'claim'),
    c.flags?.unverified ? h('span', { class: 'badge unverified' }, 'unverified') : null,
    c.flags?.reported ? h('span', { class: 'badge reported' }, 'reportedly') : null,
    c.control ? h('span', { class: 'badge control' }, c.control.action) : null,
    ' ',
    id ? h('a', { href: sentenceHref(id, spanOf(c.content)) }, clean(c.content?.text)) : clean(c.content?.text),
    h('span', { class: 'who' }, ' — ', partyKey ? h('a', { href: entityHref(partyKey) }, who) : who, c.date ? `, ${dateText(c.date)}` : ''),
  );
}

export function figureItem(f) {
  const id = articleIdOf(f);
  return h(
    'li',
    null,
    id ? h('a', { href: sentenceHref(id, spanOf(f)) }, clean(f.text)) : clean(f.text),
    ` = ${formatNumber(f.value)}${f.valueMax ? `–${formatNumber(f.valueMax)}` : ''} ${f.unit}`,
    f.counted ? ` (${clean(f.counted)})` : '',
    f.party ? ` — ${clean(nameOf(f.party))}` : '',
    f.date ? `, ${dateText(f.date)}` : '',
  );
}

function placesMap(collection) {
  const box = h('div', { class: 'map small', role: 'region', 'aria-label': 'Places of this story' });
  const setup = () => withMap(box, ({ createMap, fitTo, L, radiusFor }) => {
    const map = createMap(box);
    const latlngs = [];
    for (const f of features(collection)) {
      const [lon, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const p = f.properties ?? {};
      const m = L.circleMarker([lat, lon], { radius: radiusFor(p.mentions), color: '#c0392b', weight: 1, fillOpacity: 0.55 }).addTo(map);
      m.bindTooltip(h('span', null, `${clean(p.name)}${p.mentions ? `: ${p.mentions} mentions` : ''}`));
      if (p.key) m.on('click', () => (location.hash = entityHref(p.key)));
      latlngs.push({ lat, lon, kind: p.kind });
    }
    fitTo(map, latlngs);
    return map;
  });
  return { box, setup };
}

export async function render(main, { args }) {
  const id = args[0];
  const story = await api(`stories/${encodeURIComponent(id)}`);
  const articles = story.articles ?? [];
  const { box, setup } = placesMap(story.places);
  const places = features(story.places);
  // claim links name their sides by article and claim index; the story's
  // claims give each side its words' span, so it links to its sentence
  const claimsById = new Map((story.claims ?? []).map((c) => [`${c.articleId}:${c.index}`, c]));

  main.append(
    h('h1', { dir: 'auto' }, story.title ?? story.id),
    h(
      'p',
      { class: 'lede' },
      `${countOf(articles)} article${countOf(articles) === 1 ? '' : 's'} · ${story.independentSources ?? '?'} independent source${story.independentSources === 1 ? '' : 's'}`,
      story.dates ? ` · ${dateText(story.dates.start)} – ${dateText(story.dates.end)}` : '',
      ' · ',
      h('a', { href: route('/timeline', { story: story.id }) }, 'timeline of this story'),
    ),
    story.summary ? h('p', { class: 'summary', dir: 'auto' }, story.summary) : null,
    h(
      'div',
      { class: 'overview' },
      h(
        'div',
        { class: 'col-main' },
        section('Articles', h('ul', { class: 'articles' }, articles.map(articleRow)), { empty: 'No articles.' }),
        section('Timeline', h('ol', { class: 'events' }, (story.events ?? []).map(eventEntry)), { empty: 'No dated events.' }),
        section('Quotes', h('ul', { class: 'quotes' }, (story.quotes ?? []).map(quoteItem)), { empty: 'No quotes.' }),
        section('Claims and counter-claims', [h('ul', { class: 'disputes' }, (story.claimLinks ?? []).map((l) => linkRow(l, claimsById))), h('ul', { class: 'claims' }, (story.claims ?? []).map(claimItem))], { empty: 'No claims.' }),
      ),
      h(
        'div',
        { class: 'col-side' },
        section('Places', [box, h('ul', { class: 'columns' }, places.map((f) => h('li', null, f.properties?.key ? h('a', { href: entityHref(f.properties.key) }, f.properties.name) : f.properties?.name)))]),
        section('Figures', h('ul', { class: 'figures' }, (story.figures ?? []).map(figureItem)), { empty: 'No figures.' }),
      ),
    ),
  );
  // the map draws after the page is shown: Leaflet's loading does not delay the first render
  const map = setup();
  return () => void map.then((m) => m?.remove());
}
