// Leaflet is loaded only by pages that draw a map, and a map that cannot load
// (a vendored file missing) leaves the rest of the page working.
import { h } from './dom.js';

/** Loads the map module and calls draw(module); on failure says so inside box. Returns draw's result or null. */
export async function withMap(box, draw) {
  let mod;
  try {
    mod = await import('./mapview.js');
  } catch (error) {
    box.append(h('p', { class: 'error' }, `The map could not load: ${error?.message ?? error}`));
    return null;
  }
  return draw(mod);
}
