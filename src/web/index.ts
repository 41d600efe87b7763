/**
 * The web app's files, for the HTTP server to serve: the app itself from
 * src/web/static/ and a few vendored libraries read straight from
 * node_modules (no build step, no copies in the repository).
 *
 * URL layout (the app's index.html and modules use these paths):
 *   /                                  → static/index.html
 *   /assets/FILE                        → static/FILE (app.js, app.css, pages/*.js, …)
 *   /assets/vendor/leaflet/FILE         → node_modules/leaflet/dist/FILE (ES module build, CSS)
 *   /assets/vendor/topojson-client/FILE → node_modules/topojson-client/src/FILE (ES modules)
 *   /assets/vendor/world-atlas/FILE     → node_modules/world-atlas/FILE (country outlines, TopoJSON)
 */
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webRoot = join(dirname(fileURLToPath(import.meta.url)), 'static');

const require = createRequire(import.meta.url);

function packageDir(name: string, sub: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), sub);
}

/** Vendored library folders by the name used under /assets/vendor/. */
export const vendorDirs: Readonly<Record<string, string>> = {
  leaflet: packageDir('leaflet', 'dist'),
  'topojson-client': packageDir('topojson-client', 'src'),
  'world-atlas': packageDir('world-atlas', ''),
};

/** `rel` inside `dir`, or null when it would escape it (`..`, absolute paths, NUL). */
function inside(dir: string, rel: string): string | null {
  if (rel.includes('\0')) return null;
  const full = normalize(join(dir, rel));
  return full === dir || full.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? full : null;
}

/**
 * The file to answer a GET path with, or null when the path is not the web
 * app's (the caller answers 404 for /assets/… and index.html for other
 * client-side routes). The path is URL-decoded here; the query is ignored.
 */
export function resolveWebFile(urlPath: string): string | null {
  let path = urlPath.split('?', 1)[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (path === '/' || path === '/index.html') return join(webRoot, 'index.html');
  const vendor = /^\/assets\/vendor\/([^/]+)\/(.+)$/.exec(path);
  if (vendor) {
    const dir = vendorDirs[vendor[1] ?? ''];
    return dir ? inside(dir, vendor[2] ?? '') : null;
  }
  if (path.startsWith('/assets/')) return inside(webRoot, path.slice('/assets/'.length));
  return null;
}

/** The web app's entry page, answered for unknown non-/api paths. */
export const indexFile = join(webRoot, 'index.html');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content-Type for a file served from the web app, by extension. */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
