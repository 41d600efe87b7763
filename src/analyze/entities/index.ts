/**
 * Entity analysis of one article: people, places, organisations, military
 * units and news outlets, one identity across spellings.
 */
export { extractEntities, type ExtractOptions, type ExtractedEntities } from './extract.ts';
export { variantKey, normalizeName, romanize } from './variant-key.ts';
export { placeCandidates, distanceKm, type GazetteerEntry } from './gazetteer.ts';
