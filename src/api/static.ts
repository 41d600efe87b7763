/**
 * The web app's files: src/web/static as it is (plain ES modules, CSS), and
 * a few libraries served straight from node_modules (no build step, no
 * network). Paths are resolved and checked to stay inside their folder.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STATIC_DIR = join(ROOT, 'src/web/static');

/**
 * `/assets/vendor/NAME/…` → a folder of an installed package. The web app
 * names what it needs here; a package that is not installed answers 404.
 */
export const VENDOR_DIRS: Record<string, string> = {
  leaflet: 'node_modules/leaflet/dist',
  'world-atlas': 'node_modules/world-atlas',
  'topojson-client': 'node_modules/topojson-client/dist',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** A file under `base` named by the URL path `rel`, or null (also for anything that escapes `base`). */
async function fileUnder(base: string, rel: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(base, `.${sep}${decoded}`);
  if (full !== base && !full.startsWith(base + sep)) return null;
  try {
    const info = await stat(full);
    if (!info.isFile()) return null;
    return { body: await readFile(full), contentType: CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/**
 * The file for a non-API path: a vendored library file, a file of the web
 * app, or index.html for anything else that is not a file (client-side
 * routes). Null only when index.html itself is missing.
 */
export async function staticFile(pathname: string, dir = STATIC_DIR): Promise<{ file: StaticFile; fallback: boolean } | null> {
  const vendor = pathname.match(/^\/assets\/vendor\/([^/]+)\/(.+)$/);
  if (vendor) {
    const folder = VENDOR_DIRS[vendor[1]!];
    const file = folder ? await fileUnder(join(ROOT, folder), vendor[2]!) : null;
    return file ? { file, fallback: false } : null;
  }
  if (pathname !== '/' && !pathname.endsWith('/')) {
    const file = await fileUnder(dir, pathname.slice(1));
    if (file) return { file, fallback: false };
    // A missing asset is a 404, not the app page: a script tag must not get HTML.
    if (pathname.startsWith('/assets/') || /\.[a-z0-9]{1,5}$/i.test(pathname)) return null;
  }
  const index = await fileUnder(dir, 'index.html');
  return index ? { file: index, fallback: pathname !== '/' } : null;
}
