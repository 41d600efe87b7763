// Hash router: #/PAGE/ARG?query. Each page module exports
// `render(main, {args, params})` that fills <main> and may return a cleanup
// function (the map pages remove their Leaflet maps).
import { clear, errorBox, h } from './dom.js';
import * as overview from './pages/overview.js';
import * as story from './pages/story.js';
import * as timeline from './pages/timeline.js';
import * as map from './pages/map.js';
import * as entity from './pages/entity.js';
import * as entities from './pages/entities.js';
import * as figures from './pages/figures.js';
import * as claims from './pages/claims.js';
import * as search from './pages/search.js';
import * as article from './pages/article.js';

const pages = {
  '': overview,
  story,
  timeline,
  map,
  entity,
  entities,
  figures,
  claims,
  search,
  article,
};

let cleanup = null;
let generation = 0;

/** Parses location.hash into {page, args, params}. */
export function parseHash(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { page: parts[0] ?? '', args: parts.slice(1), params: new URLSearchParams(query) };
}

async function show() {
  const main = document.getElementById('main');
  if (!main) return;
  const { page, args, params } = parseHash(location.hash);
  const mod = pages[page];
  const mine = ++generation;
  if (cleanup) {
    try {
      cleanup();
    } catch {
      // a page that failed to clean up must not stop the next one
    }
    cleanup = null;
  }
  clear(main);
  delete main.dataset.rendered;
  markCurrentNav(page);
  if (!mod) {
    main.append(h('h1', null, 'Not found'), h('p', null, 'No such page. ', h('a', { href: '#/' }, 'Back to the overview')));
    return;
  }
  const startedAt = performance.now();
  try {
    const result = await mod.render(main, { args, params, isCurrent: () => mine === generation });
    if (mine !== generation) {
      if (typeof result === 'function') result();
      return;
    }
    if (typeof result === 'function') cleanup = result;
    main.dataset.rendered = page || 'overview';
    main.dataset.renderMs = String(Math.round(performance.now() - startedAt));
    // a mark on the performance timeline: how long the first page took to show (measured by the browser tests)
    performance.mark('sitrep:rendered');
    document.dispatchEvent(new CustomEvent('sitrep:rendered', { detail: { page: page || 'overview' } }));
  } catch (error) {
    if (mine !== generation) return;
    main.append(errorBox(error));
    main.dataset.rendered = 'error';
  }
  if (!params.has('mark')) {
    const heading = main.querySelector('h1');
    document.title = heading ? `${heading.textContent} — sitrep` : 'sitrep';
  }
}

function markCurrentNav(page) {
  for (const link of document.querySelectorAll('header nav a')) {
    const target = parseHash(link.getAttribute('href') ?? '').page;
    if (target === page || (page === 'story' && target === '') || (page === 'entity' && target === 'entities')) {
      link.setAttribute('aria-current', 'page');
    } else link.removeAttribute('aria-current');
  }
}

// The skip link must not change the hash (hashes are routes here): it moves focus instead.
document.querySelector('a.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});

window.addEventListener('hashchange', () => {
  void show().then(() => {
    // move focus to the new page for keyboard and screen-reader users, unless
    // the page itself focused something (the article reader focuses its mark)
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  });
});
void show();
