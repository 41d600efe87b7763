/** `/api/places` (GeoJSON of the places in the news) and `/api/control` (claims of control, as of a day). */
import { dateStart } from '../../model/timex-order.ts';
import type { EntitySummary, StoredClaim } from '../../store/index.ts';
import { placesGeoJson } from '../lookup.ts';
import { checkPeriod, SINCE, UNTIL } from '../params.ts';
import { defineRoute, ref } from '../route.ts';

/** Every control claim is drawn: a map shows them all (they are few next to articles). */
const MAX_CONTROL_CLAIMS = 10_000;

export const places = defineRoute({
  method: 'GET',
  path: '/api/places',
  summary: 'Places mentioned in the period, as a GeoJSON FeatureCollection of points, most mentioned first',
  params: [SINCE, UNTIL],
  response: ref('Places'),
  async handle({ store, query }) {
    checkPeriod(query);
    return placesGeoJson(await store.placeAttention({ since: query.since, until: query.until }));
  },
});

/** The day a claim holds for: its own date (first day of a coarser one), else its article's. */
function claimDay(c: StoredClaim): { date: string | null; from: 'claim' | 'article' | 'none' } {
  const own = c.date ? dateStart(c.date) : null;
  if (own && /^\d{4}-\d{2}-\d{2}$/.test(own.key)) return { date: own.key, from: 'claim' };
  if (c.published) return { date: c.published.slice(0, 10), from: 'article' };
  return { date: null, from: 'none' };
}

export const control = defineRoute({
  method: 'GET',
  path: '/api/control',
  summary: 'Claims of control (captured, liberated, retaken, surrounded, attacked, advanced) as GeoJSON points',
  description:
    'Each mark is one claim, by the party that makes it; `unverified` when the article says it is not verified, ' +
    '`contested` when a counter-claim (a denial or contradiction) is linked to it. Undated claims are left out ' +
    'when `asOf` or `since` is given.',
  params: [
    { name: 'asOf', type: 'date', description: 'Claims made up to this day (YYYY-MM-DD), included.' },
    SINCE,
  ],
  response: ref('Control'),
  async handle({ store, query }) {
    checkPeriod({ since: query.since, until: query.asOf });
    const claims = (await store.pageClaims({ control: true, limit: MAX_CONTROL_CLAIMS })).items;
    const articleIds = [...new Set(claims.map((c) => c.articleId))];
    const links = (await store.pageClaimLinks({ articles: articleIds, limit: MAX_CONTROL_CLAIMS })).items;
    const countered = new Set(
      links
        .filter((l) => l.relation !== 'confirms')
        .flatMap((l) => [`${l.a.articleId}:${l.a.index}`, `${l.b.articleId}:${l.b.index}`]),
    );
    const placeKeys = [...new Set(claims.map((c) => c.control?.place.entity).filter((k): k is string => Boolean(k)))];
    const located = new Map<string, { key: string; name: string; lat: number; lon: number }>();
    const locate = (key: string, entity: EntitySummary | undefined) => {
      if (entity?.place) located.set(key, { key: entity.key, name: entity.name, lat: entity.place.lat, lon: entity.place.lon });
    };
    const canonical = new Map((await store.entitiesByKey(placeKeys)).map((e) => [e.key, e]));
    for (const key of placeKeys) locate(key, canonical.get(key));
    // A key the registry merged into another (a typo, a spelling) is looked up on its own: there are few.
    for (const key of placeKeys.filter((k) => !canonical.has(k))) locate(key, (await store.entitiesByKey([key]))[0]);
    const sentences = await store.articleSentences(articleIds);
    const features = [];
    for (const c of claims) {
      const place = c.control?.place.entity ? located.get(c.control.place.entity) : undefined;
      if (!c.control || !place) continue;
      const { date, from } = claimDay(c);
      if ((query.asOf || query.since) && date === null) continue;
      if (query.asOf && date! > query.asOf) continue;
      if (query.since && date! < query.since) continue;
      const claimId = `${c.articleId}:${c.index}`;
      // The claim's own words when its sentence is not stored (an analysis of another version).
      const sentence = sentences[c.articleId]?.[c.sentence] ?? c.content;
      features.push({
        type: 'Feature' as const,
        id: claimId,
        geometry: { type: 'Point' as const, coordinates: [place.lon, place.lat] },
        properties: {
          key: place.key,
          name: place.name,
          relation: c.control.action,
          party: c.party?.text ?? null,
          partyKey: c.party?.entity ?? null,
          date,
          dateFrom: from,
          unverified: c.flags.unverified,
          contested: countered.has(claimId),
          claimId,
          articleId: c.articleId,
          sentence: { index: c.sentence, start: sentence.start, end: sentence.end },
          text: c.content.text,
        },
      });
    }
    return { type: 'FeatureCollection' as const, features };
  },
});
