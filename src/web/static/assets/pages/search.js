// Search: full text (web-search syntax, any spelling of a name) with facets
// (date, outlet, story, entity, place); snippets highlighted from the offsets
// the server gives, never from HTML.
import { api, items } from '../api.js';
import { clean, h, highlighted, publishedLabel, route, section } from '../dom.js';

const FACETS = [
  ['outlet', 'Outlet'],
  ['date', 'Date'],
  ['story', 'Story'],
  ['entity', 'Entity'],
  ['place', 'Place'],
];
// the date facet filters by day: since = until = that day
const FACET_PARAMS = ['outlet', 'story', 'entity', 'place', 'since', 'until'];
// results per page: a screenful or two of snippets
const PAGE = 20;

export async function render(main, { params }) {
  const q = params.get('q') ?? '';
  const filters = Object.fromEntries(FACET_PARAMS.map((k) => [k, params.get(k) ?? '']));
  const input = h('input', { type: 'search', id: 'q', name: 'q', value: q, placeholder: 'Mirnograd, "exact phrase", -not', 'aria-label': 'Search articles' });
  const form = h('form', { class: 'search', role: 'search' }, input, ' ', h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = route('/search', { q: input.value.trim() });
  });
  main.append(h('h1', null, 'Search'), form);
  if (!q) {
    main.append(h('p', { class: 'empty' }, 'Type words to find articles: names match every spelling (Mirnograd finds Myrnohrad).'));
    input.focus();
    return;
  }
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const result = await api('search', { q, ...filters, limit: PAGE, offset });
  const active = FACET_PARAMS.filter((k) => filters[k]);
  const facets = result.facets ?? {};
  const facetBlocks = FACETS.map(([name, label]) => {
    const values = facets[name] ?? [];
    if (!values.length) return null;
    return h(
      'section',
      { class: 'facet', 'aria-labelledby': `facet-${name}` },
      h('h3', { id: `facet-${name}` }, label),
      h(
        'ul',
        null,
        values.map((v) => {
          const value = v.value ?? v.key ?? '';
          const next = name === 'date' ? { since: value, until: value } : { [name]: value };
          const on = name === 'date' ? filters.since === value && filters.until === value : filters[name] === value;
          return h('li', null, h('a', { href: route('/search', { q, ...filters, ...next }), 'aria-current': on ? 'true' : null }, clean(v.label ?? v.name ?? value)), ` (${v.count})`);
        }),
      ),
    );
  });
  const results = items(result).map((r) => {
    const a = r.article ?? r;
    const snippet = r.snippet ?? null;
    const snippetText = typeof snippet === 'string' ? snippet : snippet?.text ?? '';
    const ranges = (typeof snippet === 'object' && snippet?.highlights) || r.highlights || [];
    return h(
      'li',
      { class: 'result' },
      h('h3', null, h('a', { href: `#/article/${encodeURIComponent(a.id)}`, dir: 'auto' }, a.title || '(untitled)')),
      h('p', { class: 'meta-line' }, `${clean(a.outlet ?? 'unknown outlet')} · ${publishedLabel(a.published)}`),
      snippetText ? h('p', { class: 'snippet', dir: 'auto' }, highlighted(snippetText, ranges)) : null,
    );
  });
  main.append(
    h(
      'div',
      { class: 'search-layout' },
      h('aside', { class: 'facets', 'aria-label': 'Filter results' }, h('h2', null, 'Filter'), active.length ? h('p', null, h('a', { href: route('/search', { q }) }, 'Clear filters')) : null, facetBlocks),
      h(
        'div',
        null,
        section(`${result.total ?? results.length} result${(result.total ?? results.length) === 1 ? '' : 's'} for “${clean(q)}”`, h('ol', { class: 'results', start: offset + 1 }, results), { empty: 'Nothing found.', id: 'results-heading' }),
        pager(q, filters, offset, result.total ?? results.length),
      ),
    ),
  );
}

function pager(q, filters, offset, total) {
  if (total <= PAGE) return null;
  const at = (o) => route('/search', { q, ...filters, offset: o || null });
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Result pages' },
    offset > 0 ? h('a', { href: at(Math.max(0, offset - PAGE)) }, '← Previous') : null,
    ` ${offset + 1}–${Math.min(total, offset + PAGE)} of ${total} `,
    offset + PAGE < total ? h('a', { href: at(offset + PAGE) }, 'Next →') : null,
  );
}
