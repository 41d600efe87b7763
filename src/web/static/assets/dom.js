// Safe DOM building. Everything shown here may come from an article, which is
// untrusted: text goes in through textContent only, links only to http(s) or
// to the app's own hash routes, and bidi override characters are taken out so
// a title cannot reorder the text around it. No innerHTML anywhere.

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text for display: bidi controls removed, null/undefined shown as nothing. */
export function clean(value) {
  if (value === null || value === undefined) return '';
  return String(value).replace(BIDI_CONTROLS, '');
}

/** The URL when it is http(s), else null: javascript:, data:, relative junk never become links. */
export function safeUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * h('a', {href: '#/x', class: 'c'}, 'text', child) → element. Attribute names
 * starting with "on" are refused (handlers go through addEventListener, the CSP
 * forbids inline ones anyway); `href` must be a hash route or pass safeUrl.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (/^on/i.test(name)) throw new Error(`h(): refusing inline handler attribute ${name}`);
      if (name === 'href') {
        const href = String(value);
        if (href.startsWith('#')) el.setAttribute('href', href);
        else {
          const safe = safeUrl(href);
          if (!safe) continue;
          el.setAttribute('href', safe);
          el.setAttribute('rel', 'noopener noreferrer');
          el.setAttribute('target', '_blank');
        }
      } else if (name === 'class') el.className = String(value);
      else if (value === true) el.setAttribute(name, '');
      else el.setAttribute(name, clean(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and nested arrays; skips null/false. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(clean(child)));
  }
  return parent;
}

/** A link to an outside page (opens in a new tab), or plain text when the URL is not http(s). */
export function externalLink(url, label) {
  const safe = safeUrl(url);
  if (!safe) return h('span', null, label ?? '');
  return h('a', { href: safe, class: 'external' }, label ?? safe);
}

/** Empties an element. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Text with [start, end) ranges marked: used for search snippets (highlights are offsets, never HTML). */
export function highlighted(text, ranges, tag = 'mark') {
  const source = String(text ?? '');
  const parts = [];
  let at = 0;
  const sorted = [...(ranges ?? [])]
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    const end = Math.min(r.end, source.length);
    if (end <= start) continue;
    if (start > at) parts.push(source.slice(at, start));
    parts.push(h(tag, null, source.slice(start, end)));
    at = end;
  }
  if (at < source.length) parts.push(source.slice(at));
  return parts;
}

/** Hash route to an article, scrolled to and marking [start, end). */
export function sentenceHref(articleId, span) {
  const base = `#/article/${encodeURIComponent(articleId)}`;
  if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return base;
  return `${base}?mark=${span.start}-${span.end}`;
}

/** A route with query parameters (skips empty ones). */
export function route(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const qs = q.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function entityHref(key) {
  return `#/entity/${encodeURIComponent(key)}`;
}

export function storyHref(id) {
  return `#/story/${encodeURIComponent(id)}`;
}

/** A date shown with how it was known: "2024-07-31 (inferred)". */
export function publishedLabel(published) {
  if (!published) return 'date unknown';
  const value = published.value ? String(published.value).slice(0, 10) : null;
  const range = published.range ?? null;
  const provenance = published.provenance ?? 'unknown';
  if (!value) {
    if (range && (range.earliest || range.latest)) {
      if (range.earliest && range.latest) return `between ${range.earliest} and ${range.latest} (inferred)`;
      if (range.earliest) return `not before ${range.earliest} (inferred)`;
      return `not after ${range.latest} (inferred)`;
    }
    return 'date unknown';
  }
  return provenance === 'metadata' ? value : `${value} (${provenance})`;
}

/** An error box for a page that failed to load. */
export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, `Could not load: ${error?.message ?? String(error)}`);
}

/** A section with a heading, skipped when there is nothing to show unless `empty` says what. */
export function section(title, body, { empty, level = 'h2', id } = {}) {
  const items = Array.isArray(body) ? body.filter(Boolean) : body ? [body] : [];
  const headingId = id ?? `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const content = items.length ? items : empty ? [h('p', { class: 'empty' }, empty)] : [];
  return h('section', { 'aria-labelledby': headingId }, h(level, { id: headingId }, title), ...content);
}
