// Map: places mentioned, sized by attention and coloured by recency, as of
// the day on the time slider; clicking a place lists its events and articles.
// A second layer shows control claims as of that day, coloured by the party
// claiming them, dashed when unverified, ringed when contested — a map of
// claims made in the reporting, not of ground truth.
import { api, features, items } from '../api.js';
import { clean, clear, entityHref, h, publishedLabel, route, sentenceHref } from '../dom.js';
import { dayNumber, dayString, lastDayNumber } from '../chart.js';
import { dateText } from '../shapes.js';

// Names written on the map for the most mentioned places; more would overlap
// at the regional zoom the map opens at (the rest have tooltips).
const LABELLED_PLACES = 8;

// Slider moves fire many input events; wait this long after the last one
// before asking the server, so dragging stays smooth.
const SLIDER_DEBOUNCE_MS = 150;

function legendList(entries, shape = 'dot') {
  return h('ul', { class: 'legend-list' }, entries.map(([colour, label]) => h('li', null, h('span', { class: `swatch ${shape}`, 'data-colour': colour }), ` ${clean(label)}`)));
}

function paintSwatches(root) {
  // colours are set through the CSSOM (allowed by the CSP), not style attributes
  for (const el of root.querySelectorAll('.swatch[data-colour]')) el.style.background = el.dataset.colour;
}

async function placePanel(panel, props, until) {
  clear(panel);
  panel.append(h('h2', { id: 'panel-heading', tabindex: '-1' }, props.name ?? props.key), h('p', { class: 'status', role: 'status' }, 'Loading…'));
  panel.querySelector('h2')?.focus();
  const [timeline, articles] = await Promise.all([
    api('timeline', { place: props.key, until, limit: 50 }),
    api('articles', { entity: props.key, until, limit: 50 }),
  ]);
  clear(panel);
  panel.append(
    h('h2', { id: 'panel-heading', tabindex: '-1' }, h('a', { href: entityHref(props.key) }, props.name ?? props.key)),
    h('p', null, `${props.mentions ?? 0} mentions in ${props.articles ?? 0} articles · ${dateText(props.firstSeen)} – ${dateText(props.lastSeen)}`),
    h('h3', null, 'Events'),
    items(timeline).length
      ? h(
          'ul',
          null,
          items(timeline).map((ev) => {
            const s = (ev.sources ?? ev.sentences ?? []).find((x) => typeof x === 'object');
            const id = s?.article ?? s?.articleId;
            return h('li', null, h('time', null, dateText(ev.date)), ' ', id ? h('a', { href: sentenceHref(id, s.sentence ?? s) }, ev.text) : ev.text);
          }),
        )
      : h('p', { class: 'empty' }, 'No dated events here.'),
    h('h3', null, 'Articles'),
    items(articles).length
      ? h('ul', null, items(articles).map((a) => h('li', null, h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || '(untitled)'), ` — ${clean(a.outlet ?? 'unknown')}, ${publishedLabel(a.published)}`)))
      : h('p', { class: 'empty' }, 'No articles.'),
  );
  panel.querySelector('h2')?.focus();
}

export async function render(main, { params }) {
  // Leaflet loads only here and on pages with a small map
  const [{ createMap, fitTo, L, partyColour, radiusFor, recencyColour, RECENCY_LEGEND }, all] = await Promise.all([import('../mapview.js'), api('places')]);
  const allPlaces = features(all);
  const firstDays = allPlaces.map((f) => dayNumber(f.properties?.firstSeen)).filter((d) => d !== null);
  // a place last seen in "2024" is in the news until the end of 2024
  const lastDays = allPlaces.map((f) => lastDayNumber(f.properties?.lastSeen)).filter((d) => d !== null);
  const minDay = firstDays.length ? Math.min(...firstDays) : null;
  const maxDay = lastDays.length ? Math.max(...lastDays) : null;
  const requested = dayNumber(params.get('until'));
  let current = requested !== null && minDay !== null ? Math.min(Math.max(requested, minDay), maxDay) : maxDay;

  const slider = h('input', {
    type: 'range',
    id: 'slider',
    min: minDay ?? 0,
    max: maxDay ?? 0,
    step: 1,
    value: current ?? 0,
    disabled: minDay === null,
    'aria-valuetext': current !== null ? dayString(current) : 'no dates',
  });
  const labelFor = (day) => (day === null ? 'no dated places' : day >= maxDay ? `${dayString(day)} (latest: all, undated too)` : dayString(day));
  const sliderLabel = h('output', { for: 'slider', id: 'slider-date' }, labelFor(current));
  const controlToggle = h('input', { type: 'checkbox', id: 'control-toggle', checked: params.get('control') !== '0' });
  const count = h('p', { class: 'status', role: 'status', id: 'map-count' });
  const box = h('div', { class: 'map large', id: 'map', role: 'region', 'aria-label': 'Map of places and control claims' });
  const panel = h('aside', { class: 'panel', 'aria-labelledby': 'panel-heading' }, h('h2', { id: 'panel-heading' }, 'Place'), h('p', null, 'Choose a place on the map or in the list below.'));
  const placeList = h('ul', { class: 'columns', id: 'place-list' });
  // the control claims as a list too: readable without the map, by keyboard and screen reader
  const claimList = h('ul', { class: 'claims', id: 'claim-list' });
  const partyLegend = h('div', { class: 'party-legend' });

  main.append(
    h('h1', null, 'Map'),
    h(
      'form',
      { class: 'filters', 'aria-label': 'Map time' },
      h('label', { for: 'slider' }, 'As of '),
      slider,
      ' ',
      sliderLabel,
      ' ',
      h('label', { for: 'control-toggle' }, controlToggle, ' control claims'),
    ),
    count,
    h('div', { class: 'map-layout' }, box, panel),
    h('div', { class: 'legends' }, h('div', null, h('h2', null, 'Last mentioned'), legendList(RECENCY_LEGEND)), h('div', null, h('h2', null, 'Control claims by party'), partyLegend, h('p', { class: 'note' }, 'Dashed: not verified by an independent source. Black ring: contested by a counter-claim. These are claims made in the articles, not ground truth.'))),
    h('section', { 'aria-labelledby': 'places-heading' }, h('h2', { id: 'places-heading' }, 'Places as of the slider date'), placeList),
    h('section', { 'aria-labelledby': 'claims-heading' }, h('h2', { id: 'claims-heading' }, 'Control claims as of the slider date'), claimList),
  );
  paintSwatches(main);

  const map = createMap(box);
  const placesLayer = L.layerGroup().addTo(map);
  const controlLayer = L.layerGroup();
  if (controlToggle.checked) controlLayer.addTo(map);
  let fitted = false;
  let request = 0;
  let gone = false;

  const draw = async () => {
    const mine = ++request;
    // at the slider's right end nothing is left out, undated places and claims included
    const until = current !== null && current < maxDay ? dayString(current) : undefined;
    const [places, control] = await Promise.all([api('places', { until }), api('control', { asOf: until }).catch(() => ({ features: [] }))]);
    // a newer slider position, or the reader has left the page
    if (mine !== request || gone) return;
    placesLayer.clearLayers();
    controlLayer.clearLayers();
    clear(placeList);
    clear(claimList);
    const latlngs = [];
    const shown = features(places);
    for (const f of shown) {
      const [lon, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const p = f.properties ?? {};
      const colour = recencyColour(p.lastSeen, current);
      const marker = L.circleMarker([lat, lon], { radius: radiusFor(p.mentions), color: colour, fillColor: colour, weight: 1, fillOpacity: 0.6 }).addTo(placesLayer);
      const labelled = shown.indexOf(f) < LABELLED_PLACES;
      marker.bindTooltip(h('span', null, labelled ? clean(p.name) : `${clean(p.name)} — ${p.mentions ?? 0} mentions, last ${dateText(p.lastSeen)}`), labelled ? { permanent: true, direction: 'right', className: 'place-label', offset: [radiusFor(p.mentions), 0] } : {});
      marker.on('click', () => void placePanel(panel, p, until));
      latlngs.push({ lat, lon, kind: p.kind });
      const button = h('button', { type: 'button', class: 'link' }, clean(p.name));
      button.addEventListener('click', () => {
        map.setView([lat, lon], Math.max(map.getZoom(), 7));
        void placePanel(panel, p, until);
      });
      placeList.append(h('li', { 'data-key': p.key }, button, ` (${p.mentions ?? 0})`));
    }
    const parties = new Map();
    const claims = features(control);
    for (const f of claims) {
      const [lon, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const p = f.properties ?? {};
      const partyLabel = p.partyName ?? p.partyText ?? p.party ?? 'unattributed';
      const colour = partyColour(p.partyKey ?? p.party ?? partyLabel);
      parties.set(colour, partyLabel);
      const marker = L.circleMarker([lat, lon], {
        radius: 9,
        color: p.contested ? '#000' : colour,
        weight: p.contested ? 3 : 2,
        dashArray: p.unverified ? '4 3' : null,
        fillColor: colour,
        fillOpacity: 0.25,
        className: 'control-claim',
      }).addTo(controlLayer);
      const popup = h(
        'div',
        { class: 'popup' },
        h('strong', null, `${clean(p.name ?? p.place ?? p.key)}: ${clean(p.relation)}`),
        h('p', null, `claimed by ${clean(partyLabel)}${p.date ? `, ${dateText(p.date)}` : ''}`),
        p.unverified ? h('p', { class: 'badge unverified' }, 'unverified') : null,
        p.contested ? h('p', { class: 'badge contested' }, 'contested') : null,
        p.articleId ? h('p', null, h('a', { href: sentenceHref(p.articleId, p.sentence) }, 'the sentence it came from')) : null,
      );
      marker.bindPopup(popup);
      claimList.append(
        h(
          'li',
          null,
          h('span', { class: 'swatch dot', 'data-colour': colour }),
          ' ',
          h('strong', null, clean(p.name ?? p.key)),
          `: ${clean(p.relation)}, claimed by ${clean(partyLabel)}${p.date ? ` (${dateText(p.date)})` : ''} `,
          p.unverified ? h('span', { class: 'badge unverified' }, 'unverified') : null,
          p.contested ? h('span', { class: 'badge contested' }, 'contested') : null,
          p.articleId ? [' ', h('a', { href: sentenceHref(p.articleId, p.sentence) }, 'source sentence')] : null,
        ),
      );
      marker.bindTooltip(h('span', null, `${clean(p.name ?? p.key)}: ${clean(p.relation)} (${clean(partyLabel)})${p.unverified ? ', unverified' : ''}${p.contested ? ', contested' : ''}`));
    }
    clear(partyLegend).append(parties.size ? legendList([...parties.entries()]) : h('p', { class: 'empty' }, 'No control claims as of this date.'));
    paintSwatches(partyLegend);
    paintSwatches(claimList);
    if (!claims.length) claimList.append(h('li', { class: 'empty' }, 'None as of this date.'));
    count.textContent = `${shown.length} place${shown.length === 1 ? '' : 's'} and ${claims.length} control claim${claims.length === 1 ? '' : 's'} ${until ? `as of ${until}` : 'in all'}`;
    box.dataset.places = String(shown.length);
    box.dataset.claims = String(claims.length);
    if (!fitted) {
      fitTo(map, latlngs);
      fitted = true;
    }
  };

  let timer = null;
  slider.addEventListener('input', () => {
    current = Number(slider.value);
    sliderLabel.textContent = labelFor(current);
    slider.setAttribute('aria-valuetext', dayString(current));
    history.replaceState(null, '', route('/map', { until: dayString(current), control: controlToggle.checked ? null : '0' }));
    clearTimeout(timer);
    timer = setTimeout(() => void draw(), SLIDER_DEBOUNCE_MS);
  });
  controlToggle.addEventListener('change', () => {
    if (controlToggle.checked) controlLayer.addTo(map);
    else controlLayer.remove();
  });
  await draw();
  return () => {
    gone = true;
    clearTimeout(timer);
    map.remove();
  };
}
