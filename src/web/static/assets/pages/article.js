// Article reader: the clean text with entities, dates, quotes, claims and
// figures highlighted from the analysis' offsets, entity mentions linked to
// their pages; `?mark=START-END` marks a span (the sentence a fact came from),
// scrolls to it and focuses it. The text is sliced by offsets and put in as
// text nodes, so nothing in it can become markup.
import { api } from '../api.js';
import { clean, entityHref, externalLink, h, publishedLabel, route, section, sentenceHref, storyHref } from '../dom.js';
import { formatNumber } from '../chart.js';

/** Parses "12-80" into {start: 12, end: 80}, or null. */
export function parseMark(value) {
  const m = /^(\d+)-(\d+)$/.exec(value ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}

function speakerName(source, names) {
  if (!source) return 'unattributed';
  if (source.entity && names.has(source.entity)) return names.get(source.entity);
  return source.description ?? source.text ?? 'unnamed source';
}

/** Every highlight the reader draws, as [start, end) with a kind and a label. */
function annotations(analysis, names) {
  const out = [];
  for (const m of analysis.entities ?? []) {
    out.push({ start: m.start, end: m.end, kind: 'entity', type: m.type, key: m.entity, label: `${names.get(m.entity) ?? m.text} (${m.type})` });
  }
  for (const t of analysis.times ?? []) {
    out.push({ start: t.start, end: t.end, kind: 'time', value: t.value, label: `date: ${t.value}${t.mod ? ` (${t.mod})` : ''}` });
  }
  for (const f of analysis.figures ?? []) {
    const label = `figure: ${formatNumber(f.value)}${f.valueMax ? `–${formatNumber(f.valueMax)}` : ''} ${f.unit}${f.counted ? ` of ${f.counted}` : ''}${f.hypothetical ? ' (hypothetical)' : ''}`;
    out.push({ start: f.start, end: f.end, kind: 'figure', label });
  }
  for (const q of analysis.quotes ?? []) {
    if (!q.content) continue;
    out.push({ start: q.content.start, end: q.content.end, kind: 'quote', label: `${q.kind} quote — ${speakerName(q.speaker, names)}` });
  }
  for (const c of analysis.claims ?? []) {
    if (!c.content) continue;
    out.push({ start: c.content.start, end: c.content.end, kind: c.kind === 'denial' ? 'denial' : 'claim', label: `${c.kind} — ${speakerName(c.party, names)}` });
  }
  return out.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start);
}

/** Paragraph ranges of the text: blocks separated by blank lines. */
function paragraphs(text) {
  const out = [];
  const re = /\n\s*\n/g;
  let at = 0;
  let m;
  while ((m = re.exec(text))) {
    if (m.index > at) out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ start: at, end: text.length });
  return out;
}

/** The body: one <p> per paragraph, each cut at every annotation boundary. */
export function renderText(text, notes, mark) {
  const body = h('div', { class: 'article-text' });
  let markEl = null;
  for (const para of paragraphs(text)) {
    const inPara = notes.filter((a) => a.start < para.end && a.end > para.start);
    const cuts = new Set([para.start, para.end]);
    for (const a of inPara) {
      cuts.add(Math.max(a.start, para.start));
      cuts.add(Math.min(a.end, para.end));
    }
    if (mark && mark.start < para.end && mark.end > para.start) {
      cuts.add(Math.max(mark.start, para.start));
      cuts.add(Math.min(mark.end, para.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const p = h('p');
    let currentMark = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const covering = inPara.filter((n) => n.start <= a && n.end >= b);
      const piece = segment(text.slice(a, b), covering);
      const marked = mark && mark.start <= a && mark.end >= b;
      if (marked) {
        if (!currentMark) {
          currentMark = h('mark', { class: 'target', tabindex: '-1' });
          if (!markEl) {
            markEl = currentMark;
            currentMark.id = 'target';
          }
          p.append(currentMark);
        }
        currentMark.append(piece);
      } else {
        currentMark = null;
        p.append(piece);
      }
    }
    body.append(p);
  }
  return { body, markEl };
}

// When highlights overlap, the entity link wins the element (links cannot
// nest); the other kinds still show as classes and in the tooltip.
function segment(slice, covering) {
  if (!covering.length) return document.createTextNode(clean(slice));
  const kinds = [...new Set(covering.map((c) => c.kind))];
  const entity = covering.find((c) => c.kind === 'entity');
  const title = covering.map((c) => c.label).join('; ');
  const cls = kinds.map((k) => `hl-${k}`).concat(entity ? [`ent-${entity.type}`] : []).join(' ');
  if (entity) return h('a', { href: entityHref(entity.key), class: cls, title }, slice);
  // a date with a year, month or day opens the timeline around it
  const time = covering.find((c) => c.kind === 'time' && /^\d{4}(-\d{2}){0,2}$/.test(c.value ?? ''));
  if (time) {
    const [since, until] = timeRange(time.value);
    return h('a', { href: route('/timeline', { since, until }), class: cls, title }, slice);
  }
  return h('span', { class: cls, title }, slice);
}

/** First and last day of a TIMEX3 year, month or day value. */
function timeRange(value) {
  const [y, m, d] = value.split('-').map(Number);
  if (d) return [value, value];
  if (m) return [`${value}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
  return [`${y}-01-01`, `${y}-12-31`];
}

function legend() {
  return h(
    'p',
    { class: 'legend', 'aria-label': 'Highlight legend' },
    h('span', { class: 'hl-entity' }, 'entity'),
    ' ',
    h('span', { class: 'hl-time' }, 'date'),
    ' ',
    h('span', { class: 'hl-quote' }, 'quote'),
    ' ',
    h('span', { class: 'hl-claim' }, 'claim'),
    ' ',
    h('span', { class: 'hl-denial' }, 'denial'),
    ' ',
    h('span', { class: 'hl-figure' }, 'figure'),
  );
}

function sourceLine(src) {
  if (typeof src === 'string') return h('li', null, src);
  const label = src.source ?? src.path ?? src.url ?? JSON.stringify(src);
  return h('li', null, src.url ? externalLink(src.url, clean(label)) : label, src.format ? ` (${src.format})` : '');
}

export async function render(main, { args, params }) {
  const id = args[0];
  if (!id) throw new Error('no article id in the address');
  const data = await api(`articles/${encodeURIComponent(id)}`);
  const { article, story } = data;
  const analysis = data.analysis ?? {};
  const copies = Array.isArray(data.copies) ? data.copies : [];
  const names = new Map((analysis.entityIndex ?? []).map((e) => [e.key, e.name]));
  const mark = parseMark(params.get('mark'));
  const notes = annotations(analysis, names);
  const { body, markEl } = renderText(article.text ?? '', notes, mark);
  const here = (span) => sentenceHref(article.id, span);

  const meta = h(
    'dl',
    { class: 'meta' },
    h('dt', null, 'Outlet'),
    h('dd', null, article.outlet ?? 'unknown'),
    article.author ? [h('dt', null, 'Author'), h('dd', null, article.author)] : null,
    h('dt', null, 'Published'),
    h('dd', null, publishedLabel(article.published), article.published?.evidence ? h('details', { class: 'evidence' }, h('summary', null, 'how it was dated'), ` from “${clean(article.published.evidence)}”`) : null),
    article.language ? [h('dt', null, 'Language'), h('dd', null, article.language)] : null,
    h('dt', null, 'Original'),
    h('dd', null, article.url ? externalLink(article.url, article.url) : 'no link known'),
    story ? [h('dt', null, 'Story'), h('dd', null, h('a', { href: storyHref(story.id) }, story.title ?? story.id))] : null,
    article.duplicateOf ? [h('dt', null, 'Copy of'), h('dd', null, h('a', { href: `#/article/${encodeURIComponent(article.duplicateOf)}` }, article.duplicateOf))] : null,
  );

  const quotes = (analysis.quotes ?? []).map((q) =>
    h('li', null, h('a', { href: here(q.content) }, `“${clean(q.content?.text)}”`), ' — ', speakerName(q.speaker, names), q.saidOn ? `, ${q.saidOn}` : '', q.channel ? ` (via ${clean(q.channel.text)})` : ''),
  );
  const claims = (analysis.claims ?? []).map((c) =>
    h(
      'li',
      null,
      h('span', { class: `badge ${c.kind}` }, c.kind),
      ' ',
      h('a', { href: here(c.content) }, clean(c.content?.text)),
      ' — ',
      speakerName(c.party, names),
      c.flags?.unverified ? h('span', { class: 'badge unverified' }, 'unverified') : null,
      c.flags?.reported ? h('span', { class: 'badge reported' }, 'reportedly') : null,
    ),
  );
  const figures = (analysis.figures ?? []).map((f) =>
    h('li', null, h('a', { href: here(f) }, clean(f.text)), ` = ${formatNumber(f.value)} ${f.unit}`, f.counted ? ` (${clean(f.counted)})` : '', f.hypothetical ? h('span', { class: 'badge' }, 'hypothetical') : null),
  );
  const people = (analysis.entityIndex ?? []).map((e) => h('li', null, h('a', { href: entityHref(e.key) }, e.name), ` (${e.type})`));

  main.append(
    h(
      'div',
      { class: 'reader' },
      h('article', { class: 'reading', 'aria-labelledby': 'article-title' }, h('h1', { id: 'article-title', dir: 'auto' }, article.title || '(untitled)'), meta, legend(), body),
      h(
        'aside',
        { class: 'side', 'aria-label': 'What the analysis found' },
        section('Quotes', h('ul', null, quotes), { empty: 'No quotes found.' }),
        section('Claims', h('ul', null, claims), { empty: 'No claims found.' }),
        section('Figures', h('ul', null, figures), { empty: 'No figures found.' }),
        section('Entities', h('ul', { class: 'columns' }, people), { empty: 'No entities found.' }),
        copies.length ? section('Copies of this article', h('ul', null, copies.map((c) => h('li', null, h('a', { href: `#/article/${encodeURIComponent(c.id)}` }, c.title || c.id), c.outlet ? ` — ${clean(c.outlet)}` : '')))) : null,
        Array.isArray(article.sources) && article.sources.length ? section('Read from', h('ul', null, article.sources.map(sourceLine))) : null,
      ),
    ),
  );
  if (markEl) {
    markEl.scrollIntoView({ block: 'center' });
    markEl.focus({ preventScroll: true });
  }
}
