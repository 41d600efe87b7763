// Leaflet over country outlines from world-atlas (TopoJSON shipped in npm),
// no tile server: the map works offline. Popups and tooltips are given DOM
// nodes, never strings (Leaflet puts strings in with innerHTML).
import * as L from '/assets/vendor/leaflet/leaflet-src.esm.js';
// topojson-client's UMD build sets globalThis.topojson when imported as a module
import '/assets/vendor/topojson-client/topojson-client.js';
import { lastDayNumber } from './chart.js';

let outlines = null;

/** The world's country outlines as GeoJSON, fetched once per page load. */
function loadOutlines() {
  // 1:50m is detailed enough to tell oblast-sized areas apart at zoom 6–8 and
  // is 0.75 MB; 1:10m (3.6 MB) would slow the first render for little gain.
  outlines ??= fetch('/assets/vendor/world-atlas/countries-50m.json')
    .then((r) => {
      if (!r.ok) throw new Error(`country outlines: ${r.status}`);
      return r.json();
    })
    .then((topology) => globalThis.topojson.feature(topology, topology.objects.countries));
  return outlines;
}

// Eastern Europe around the front line: where the sample corpus' places are;
// replaced by the places' own bounds as soon as there are any.
const DEFAULT_CENTER = [49.5, 33];
const DEFAULT_ZOOM = 5;

export function createMap(container) {
  const map = L.map(container, {
    center: DEFAULT_CENTER,
    zoom: DEFAULT_ZOOM,
    minZoom: 2,
    maxZoom: 12,
    attributionControl: true,
    keyboard: true,
    worldCopyJump: false,
    // No zoom animation: Leaflet's animation ends on a timer that throws when
    // the page (and its map) has gone in between; jumps also suit readers
    // who ask for reduced motion.
    zoomAnimation: false,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Outlines: Natural Earth via world-atlas');
  const base = L.layerGroup().addTo(map);
  let removed = false;
  map.on('unload', () => {
    removed = true;
  });
  void loadOutlines()
    .then((world) => {
      // the reader may have left the page while the outlines loaded
      if (removed) return;
      L.geoJSON(world, { style: { color: '#8a8f98', weight: 0.8, fillColor: '#eef0f2', fillOpacity: 1 }, interactive: false }).addTo(base);
      base.eachLayer((layer) => layer.bringToBack?.());
    })
    .catch(() => {
      container.dataset.outlines = 'failed';
    });
  return map;
}

export { L };

/** Radius in pixels for a number of mentions: area grows with attention, capped so one place cannot cover the map. */
export function radiusFor(mentions) {
  return Math.min(28, 4 + 3 * Math.sqrt(Math.max(0, Number(mentions) || 0)));
}

/**
 * Colour by recency of the last mention relative to a reference day: red for
 * the last week, orange within a month, yellow within a quarter, grey older.
 */
export function recencyColour(lastSeen, referenceDay) {
  const last = lastDayNumber(lastSeen);
  if (last === null || referenceDay === null) return '#777';
  const age = referenceDay - last;
  if (age <= 7) return '#c0392b';
  if (age <= 30) return '#e67e22';
  if (age <= 90) return '#d4ac0d';
  return '#7f8c8d';
}

export const RECENCY_LEGEND = [
  ['#c0392b', 'last week'],
  ['#e67e22', 'last month'],
  ['#d4ac0d', 'last 3 months'],
  ['#7f8c8d', 'older'],
];

/** A stable colour per claiming party (entity key or words), from a small palette of distinct hues. */
const PARTY_PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];
export function partyColour(party) {
  const name = String(party ?? 'unknown');
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return PARTY_PALETTE[hash % PARTY_PALETTE.length];
}

// Kinds whose point is a centroid far from where the news happens (Russia's
// lies in Siberia): left out when fitting the view, still drawn.
const BROAD_KINDS = new Set(['country', 'continent', 'region', 'sea', 'ocean']);

/**
 * Fits the map to places [{lat, lon, kind}], keeping a regional zoom for a
 * single point and ignoring broad areas when narrower places exist.
 */
export function fitTo(map, places) {
  const points = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const narrow = points.filter((p) => !BROAD_KINDS.has(p.kind));
  const use = (narrow.length ? narrow : points).map((p) => [p.lat, p.lon]);
  if (!use.length) return;
  if (use.length === 1) map.setView(use[0], 7, { animate: false });
  else map.fitBounds(L.latLngBounds(use).pad(0.2), { maxZoom: 8, animate: false });
}
