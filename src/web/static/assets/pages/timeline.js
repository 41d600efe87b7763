// Timeline: dated events across articles, zoomable by date (a strip of the
// chosen range with zoom in/out, or date fields) and filterable by story,
// place and entity; each entry opens its sources, each source links to its
// sentence.
import { api, features, items } from '../api.js';
import { clean, h, route, section, sentenceHref } from '../dom.js';
import { dayNumber, dayString } from '../chart.js';
import { articleIdOf, dateText, spanOf } from '../shapes.js';

const SVG = 'http://www.w3.org/2000/svg';

function select(id, label, options, value) {
  const el = h('select', { id, name: id }, h('option', { value: '' }, 'all'));
  for (const o of options) el.append(h('option', { value: o.value, selected: o.value === value }, o.label));
  return [h('label', { for: id }, label), el];
}

function strip(events, first, last, onPick) {
  const width = 640;
  const height = 48;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'strip');
  svg.setAttribute('role', 'img');
  const title = document.createElementNS(SVG, 'title');
  title.textContent = `Events from ${dayString(first)} to ${dayString(last)}`;
  svg.append(title);
  const span = Math.max(1, last - first);
  const axis = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: 8, x2: width - 8, y1: 36, y2: 36, class: 'axis' })) axis.setAttribute(k, String(v));
  svg.append(axis);
  for (const ev of events) {
    const day = dayNumber(ev.date);
    if (day === null || day < first || day > last) continue;
    const x = 8 + ((day - first) / span) * (width - 16);
    const tick = document.createElementNS(SVG, 'rect');
    for (const [k, v] of Object.entries({ x: (x - 1.5).toFixed(1), y: 10, width: 3, height: 26, class: 'tick-mark' })) tick.setAttribute(k, String(v));
    const t = document.createElementNS(SVG, 'title');
    t.textContent = `${dateText(ev.date)}: ${clean(ev.text)}`;
    tick.append(t);
    tick.addEventListener('click', () => onPick(ev));
    svg.append(tick);
  }
  for (const [x, anchor, label] of [[8, 'start', dayString(first)], [width - 8, 'end', dayString(last)]]) {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String(x));
    text.setAttribute('y', '47');
    text.setAttribute('text-anchor', anchor);
    text.setAttribute('class', 'tick');
    text.textContent = label;
    svg.append(text);
  }
  return svg;
}

function sourcesOf(ev) {
  // events carry `sources: [{article, sentence, text}]` from the API; export records carry `sentences`
  const list = Array.isArray(ev.sources) && ev.sources.some((s) => typeof s === 'object') ? ev.sources : ev.sentences ?? [];
  return list.filter((s) => articleIdOf(s));
}

/** One timeline entry: date, badges, text, and its sources folded open on demand. */
export function entry(ev) {
  const sources = sourcesOf(ev);
  const id = `ev-${(ev.id ?? '').replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return h(
    'li',
    { id },
    h('time', null, dateText(ev.date)),
    ev.precision && ev.precision !== 'day' ? h('span', { class: 'badge' }, ev.precision) : null,
    ev.dated === 'article' ? h('span', { class: 'badge', title: 'dated by its article, not stated in the sentence' }, 'article date') : null,
    ' ',
    h('span', { dir: 'auto' }, ev.text),
    h(
      'details',
      { class: 'sources' },
      h('summary', null, `${sources.length} source${sources.length === 1 ? '' : 's'}`),
      h(
        'ul',
        null,
        sources.map((s) =>
          h('li', null, h('a', { href: sentenceHref(articleIdOf(s), spanOf(s)) }, clean(s.title ?? s.outlet ?? articleIdOf(s))), s.text ? h('q', { dir: 'auto' }, s.text) : null),
        ),
      ),
    ),
  );
}

export async function render(main, { params }) {
  const filters = {
    story: params.get('story') ?? '',
    place: params.get('place') ?? '',
    entity: params.get('entity') ?? '',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
  };
  const [timeline, stories, places, people] = await Promise.all([
    api('timeline', { ...filters, limit: 500 }),
    api('stories', { limit: 500 }),
    api('places'),
    // the entity filter offers the most mentioned names (places have their own)
    api('entities', { limit: 200 }),
  ]);
  const events = items(timeline);
  const days = events.map((e) => dayNumber(e.date)).filter((d) => d !== null);
  const first = filters.since ? dayNumber(filters.since) : days.length ? Math.min(...days) : null;
  const last = filters.until ? dayNumber(filters.until) : days.length ? Math.max(...days) : null;

  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Timeline filters' },
    select('story', 'Story ', items(stories).map((s) => ({ value: s.id, label: clean(s.title ?? s.id) })), filters.story),
    select('place', ' Place ', features(places).map((f) => ({ value: f.properties.key, label: clean(f.properties.name) })), filters.place),
    select(
      'entity',
      ' Entity ',
      items(people)
        .filter((e) => e.type !== 'place')
        .map((e) => ({ value: e.key, label: `${clean(e.name)} (${e.type})` })),
      filters.entity,
    ),
    h('label', { for: 'since' }, ' From '),
    h('input', { type: 'date', id: 'since', name: 'since', value: filters.since }),
    h('label', { for: 'until' }, ' to '),
    h('input', { type: 'date', id: 'until', name: 'until', value: filters.until }),
    ' ',
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    location.hash = route('/timeline', Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
  });

  const zoom = (factor) => {
    if (first === null || last === null) return;
    const centre = (first + last) / 2;
    const half = Math.max(1, ((last - first) / 2) * factor);
    location.hash = route('/timeline', { ...filters, since: dayString(Math.floor(centre - half)), until: dayString(Math.ceil(centre + half)) });
  };
  const zoomIn = h('button', { type: 'button', 'aria-label': 'Zoom in (half the range)' }, 'Zoom in');
  const zoomOut = h('button', { type: 'button', 'aria-label': 'Zoom out (twice the range)' }, 'Zoom out');
  zoomIn.addEventListener('click', () => zoom(0.5));
  zoomOut.addEventListener('click', () => zoom(2));
  const all = h('a', { href: route('/timeline', { ...filters, since: '', until: '' }) }, 'Whole range');

  const list = h('ol', { class: 'events timeline' }, events.map(entry));
  const pick = (ev) => {
    const el = document.getElementById(`ev-${(ev.id ?? '').replace(/[^A-Za-z0-9_-]/g, '_')}`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.querySelector('details')?.setAttribute('open', '');
    el.querySelector('summary')?.focus();
  };

  main.append(
    h('h1', null, 'Timeline'),
    form,
    first !== null && last !== null ? h('div', { class: 'zoom' }, strip(events, first, last, pick), h('p', null, zoomIn, ' ', zoomOut, ' ', all)) : null,
    section(`${timeline.total ?? events.length} events`, list, { empty: 'No events match.', id: 'events-heading' }),
  );
}
