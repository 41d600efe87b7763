// Claims board: claims set against counter-claims side by side (denials,
// retractions, contrary control claims, confirmations), then every claim with
// its status: denial, unverified, reportedly, control, disputed.
import { api, items } from '../api.js';
import { h, route, section } from '../dom.js';
import { linkRow } from './links.js';
import { claimItem } from './story.js';

export async function render(main, { params }) {
  const control = params.get('control') === '1';
  const [disputes, claims] = await Promise.all([api('disputes', { limit: 500 }), api('claims', { limit: 500, control: control ? 'true' : '' })]);
  const list = items(claims);
  main.append(
    h('h1', null, 'Claims'),
    h('p', null, control ? h('a', { href: '#/claims' }, 'All claims') : h('a', { href: route('/claims', { control: '1' }) }, 'Only control claims (captured, liberated, surrounded…)')),
    section('Claims and counter-claims', h('ul', { class: 'disputes' }, items(disputes).map((l) => linkRow(l))), { empty: 'No claim is set against another yet.' }),
    section(`All claims (${claims.total ?? list.length})`, h('ul', { class: 'claims' }, list.map(claimItem)), { empty: 'No claims.', id: 'all-claims' }),
  );
}
