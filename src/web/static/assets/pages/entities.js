// Entities: people, places, organisations, units and outlets, most mentioned
// first; the search field matches any spelling (variant keys).
import { api, items } from '../api.js';
import { clean, entityHref, h, route } from '../dom.js';

const TYPES = ['person', 'place', 'organization', 'unit', 'outlet'];

export async function render(main, { params }) {
  const type = params.get('type') ?? '';
  const q = params.get('q') ?? '';
  const list = await api('entities', { type, q, limit: 200 });
  const input = h('input', { type: 'search', id: 'entity-q', name: 'q', value: q, placeholder: 'any spelling' });
  const typeSelect = h('select', { id: 'entity-type', name: 'type' }, h('option', { value: '' }, 'all types'), TYPES.map((t) => h('option', { value: t, selected: t === type }, t)));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Entities' }, h('label', { for: 'entity-q' }, 'Name '), input, ' ', h('label', { for: 'entity-type' }, 'Type '), typeSelect, ' ', h('button', { type: 'submit' }, 'Find'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = route('/entities', { q: input.value.trim(), type: typeSelect.value });
  });
  const rows = items(list).map((e) =>
    h('tr', null, h('td', null, h('a', { href: entityHref(e.key) }, e.name ?? e.key)), h('td', null, e.type), h('td', { class: 'num' }, String(e.mentions ?? '')), h('td', { class: 'num' }, String(e.articles ?? '')), h('td', { dir: 'auto' }, (e.variants ?? []).filter((v) => v !== e.name).slice(0, 6).map(clean).join(', '))),
  );
  main.append(
    h('h1', null, 'Entities'),
    form,
    h('p', { class: 'status' }, `${list.total ?? rows.length} found`),
    h('div', { class: 'table-wrap' }, h('table', null, h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Mentions'), h('th', { scope: 'col' }, 'Articles'), h('th', { scope: 'col' }, 'Other spellings'))), h('tbody', null, rows))),
  );
}
