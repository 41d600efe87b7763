// Figures: each series (one quantity over time and sources) as a chart, each
// point linked to the sentence it came from; #/figures/ID opens one series.
import { api, items } from '../api.js';
import { clean, h, section, sentenceHref } from '../dom.js';
import { formatNumber, lineChart } from '../chart.js';
import { dateText, nameOf } from '../shapes.js';

function pointHref(p) {
  const id = p.article ?? p.articleId;
  return id ? sentenceHref(id, p.span ?? (Number.isInteger(p.start) ? p : null)) : null;
}

function seriesBlock(series, open) {
  const points = series.points ?? [];
  const title = clean(series.subject ?? series.counted ?? series.id);
  const chart = lineChart(
    points.map((p) => ({ date: p.date, value: p.value, label: nameOf(p.partyText ?? p.party, ''), href: pointHref(p) })),
    `${title} (${series.unit})`,
    series.unit,
  );
  const rows = points.map((p) =>
    h(
      'tr',
      null,
      h('td', null, dateText(p.date)),
      h('td', { class: 'num' }, `${p.qualifier ? `${clean(p.qualifier)} ` : ''}${formatNumber(p.value)}${p.valueMax ? `–${formatNumber(p.valueMax)}` : ''}`),
      h('td', null, clean(nameOf(p.partyText ?? p.party, '—'))),
      h('td', null, pointHref(p) ? h('a', { href: pointHref(p) }, clean(p.text ?? 'source')) : clean(p.text)),
    ),
  );
  const id = `series-${String(series.id).replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return h(
    'section',
    { class: `series${open ? ' open' : ''}`, id, 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, h('a', { href: `#/figures/${encodeURIComponent(series.id)}` }, title), ` (${clean(series.unit)})`),
    chart,
    h('div', { class: 'table-wrap' }, h('table', null, h('caption', null, `${points.length} point${points.length === 1 ? '' : 's'}`), h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Given by'), h('th', { scope: 'col' }, 'Source'))), h('tbody', null, rows))),
  );
}

export async function render(main, { args }) {
  const id = args[0];
  if (id) {
    const series = await api(`series/${encodeURIComponent(id)}`);
    main.append(h('h1', null, 'Figure series'), h('p', null, h('a', { href: '#/figures' }, 'All series')), seriesBlock(series, true));
    return;
  }
  const list = await api('series', { limit: 500 });
  const all = items(list);
  main.append(h('h1', null, 'Figures'), h('p', { class: 'lede' }, `${list.total ?? all.length} series: one quantity over time, from every article that gives it.`), ...(all.length ? all.map((s) => seriesBlock(s, false)) : [ section('Series', null, { empty: 'No figure series yet.' })]));
}
