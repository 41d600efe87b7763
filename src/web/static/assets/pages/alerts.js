// Alerts: what followed entities, places, keywords and stories raised, the
// stories breaking now, and the follows themselves (with a form to add one).
// Every string from the store goes in through h()/textContent.
import { api, ApiError, items } from '../api.js';
import { h, section } from '../dom.js';

const KINDS = ['place', 'entity', 'keyword', 'story'];

async function postFollow(kind, value) {
  const response = await fetch('/api/follows', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ kind, value }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'internal', body?.error?.message ?? response.statusText);
  return body;
}

function alertItem(a) {
  const link = a.articleId ? h('a', { href: `#/article/${encodeURIComponent(a.articleId)}` }, a.title) : a.title;
  return h(
    'li',
    { class: `alert alert-${a.kind}` },
    h('span', { class: 'badge' }, a.kind),
    ' ',
    link,
    h('div', { class: 'meta' }, `Following ${a.follow.kind} “${a.follow.label}” · ${a.createdAt.slice(0, 16).replace('T', ' ')} UTC`),
  );
}

export async function render(main) {
  const [alerts, follows, breaking] = await Promise.all([api('alerts', { limit: 100 }), api('follows'), api('breaking')]);
  const status = h('p', { class: 'status', role: 'status' });
  const kind = h('select', { id: 'follow-kind', name: 'kind' }, KINDS.map((k) => h('option', { value: k }, k)));
  const value = h('input', { id: 'follow-value', name: 'value', type: 'text', required: 'required', maxlength: '200', placeholder: 'Pokrovsk, Syrskyi, "drone", a story id' });
  const form = h(
    'form',
    { class: 'follow-form', 'aria-label': 'Follow' },
    h('label', { for: 'follow-kind' }, 'Follow '),
    kind,
    ' ',
    h('label', { for: 'follow-value', class: 'visually-hidden' }, 'What to follow'),
    value,
    ' ',
    h('button', { type: 'submit' }, 'Follow'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const follow = await postFollow(kind.value, value.value);
      status.textContent = `Following ${follow.kind} “${follow.label}”. New matches will appear here after the next ingest.`;
      value.value = '';
    } catch (error) {
      status.textContent = `Could not follow: ${error.message}`;
    }
  });
  main.append(
    h('h1', null, 'Alerts'),
    h('p', null, 'Also as a feed for any feed reader: ', h('a', { href: '/api/alerts.atom' }, 'alerts.atom'), '.'),
    form,
    status,
    section(
      'Breaking now',
      h('ul', { class: 'breaking' }, items(breaking).map((s) => h('li', null, h('a', { href: `#/story/${encodeURIComponent(s.id)}` }, s.title), ` — ${s.recentArticles} articles from ${s.recentSources} outlets in the last hours, ${s.growth.toFixed(1)}× the usual pace`))),
      { empty: 'No story is growing fast right now.' },
    ),
    section('Alerts', h('ul', { class: 'alerts' }, items(alerts).map(alertItem)), { empty: 'No alerts yet: follow something, then ingest.' }),
    section('Following', h('ul', { class: 'follows' }, items(follows).map((f) => h('li', null, h('span', { class: 'badge' }, f.kind), ' ', f.label))), { empty: 'Nothing is followed.' }),
  );
}
