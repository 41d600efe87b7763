// A claim link (export shape `claim_link`: {relation, a, b, shared}) drawn as
// a claim and its counter side by side. Its sides name their claim by article
// and index; when the claim itself is inlined (/api/disputes) or supplied by
// the caller (a story's claims), the side links to the claim's own words.
import { h } from '../dom.js';
import { claimSide } from './overview.js';

/** A link side as the overview's ClaimSideOut, so both draw the same. */
export function sideOf(side, claim) {
  const c = claim ?? side.claim ?? null;
  const content = c?.content ?? side.content ?? null;
  return {
    article: side.articleId ?? c?.articleId ?? null,
    sentence: content && Number.isInteger(content.start) ? { start: content.start, end: content.end } : null,
    party: side.partyText ?? c?.party?.text ?? null,
    partyKey: side.party ?? c?.party?.entity ?? null,
    kind: side.kind ?? c?.kind ?? 'claim',
    text: side.text ?? content?.text ?? '',
    dateText: side.date ?? c?.date ?? null,
    unverified: Boolean(c?.flags?.unverified ?? side.flags?.unverified),
    outlet: c?.outlet ?? null,
    title: c?.articleTitle ?? null,
    ref: null,
  };
}

/** `claims` (optional): a Map from "articleId:index" to claim records. */
export function linkRow(link, claims) {
  const find = (s) => claims?.get(`${s.articleId}:${s.index}`) ?? null;
  // /api/disputes inlines the two claims as claimA and claimB
  let a = sideOf(link.a, find(link.a) ?? link.claimA ?? null);
  let b = sideOf(link.b, find(link.b) ?? link.claimB ?? null);
  // the claim on the left and what denies it on the right, whichever came first
  if (a.kind === 'denial' && b.kind !== 'denial') [a, b] = [b, a];
  return h(
    'li',
    { class: 'dispute' },
    h('p', { class: 'relation' }, link.relation ?? 'linked'),
    h('div', { class: 'pair' }, claimSide(a, a.kind === 'denial' ? 'Denial' : 'Claim'), claimSide(b, link.relation === 'confirms' ? 'Confirmed by' : b.kind === 'denial' ? 'Denial' : 'Counter-claim')),
  );
}
