/**
 * The HTTP server: plain node:http (the API is a few dozen GET routes and one
 * POST; a framework would add a dependency and hide the security headers and
 * limits this module sets in one place). Every answer carries the security
 * headers; every error has the one shape; unknown errors are logged and
 * answered 500 without their details.
 */
import { alertsAtom } from '../export/atom.ts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/index.ts';
import { isLoopback, refuseToStart, scopeOf, type AuthOptions } from './auth.ts';
import { ApiError, errorBody } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { queryOf, type Route } from './route.ts';
import { ROUTES } from './routes/index.ts';
import { staticFile, STATIC_DIR } from './static.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4173;
/**
 * 32 MB: a batch of the contract's 1000 articles at ~30 KB of text or HTML
 * each; a bigger body is refused (413) before it is read into memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The contract's policy, plus no framing and no <base>: article text is
 * untrusted, and nothing from it may run or be framed.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

export class ServeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeError';
  }
}

export interface ServeOptions extends AuthOptions {
  store: Store;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  staticDir?: string;
  maxBodyBytes?: number;
  /** Where unexpected errors are logged (their details never reach the client). */
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, (ch) => (ch === '{' || ch === '}' ? ch : `\\${ch}`)).replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiError): void {
  if (error.code === 'unauthorized') res.setHeader('WWW-Authenticate', 'Bearer');
  sendJson(res, error.status, errorBody(error.code, error.message));
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    throw new ApiError('payload_too_large', `request body of ${declared} bytes is over the ${max}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new ApiError('payload_too_large', `request body is over the ${max}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Host names a loopback server answers to: anything else is a DNS-rebinding page speaking to it. */
function hostAllowed(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.replace(/:\d+$/, '');
  return isLoopback(name);
}

export function createRequestHandler(options: ServeOptions & { boundHost: string }) {
  const compiled = ROUTES.map(compile);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const staticDir = options.staticDir ?? STATIC_DIR;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const auth: AuthOptions = { token: options.token, writeToken: options.writeToken };
  const loopbackOnly = isLoopback(options.boundHost);
  const document = openApiDocument(ROUTES);
  // Ingests run one at a time: each one ends with a corpus pass over the whole store.
  let ingestQueue: Promise<unknown> = Promise.resolve();

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const scope = scopeOf(req.headers.authorization, auth);
    const method = req.method ?? 'GET';
    if (url.pathname === '/api/openapi.json' && (method === 'GET' || method === 'HEAD')) {
      sendJson(res, 200, document);
      return;
    }
    if (url.pathname === '/api/alerts.atom' && (method === 'GET' || method === 'HEAD')) {
      // Alerts for feed readers: Atom, not JSON. Every text in it is escaped (export/atom).
      const base = `http://${(req.headers.host ?? '127.0.0.1').slice(0, 200)}`;
      const feed = alertsAtom(await options.store.listAlerts({ limit: ATOM_ALERTS }), {
        title: 'sitrep alerts',
        id: `${base}/api/alerts.atom`,
        selfUrl: `${base}/api/alerts.atom`,
        articleUrl: (id) => `${base}/#/article/${encodeURIComponent(id)}`,
        updated: new Date().toISOString(),
      });
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      res.end(method === 'HEAD' ? undefined : feed);
      return;
    }
    const matching = compiled
      .map((c) => ({ c, m: url.pathname.match(c.pattern) }))
      .filter((x): x is { c: CompiledRoute; m: RegExpMatchArray } => x.m !== null);
    if (matching.length === 0) throw new ApiError('not_found', `no such endpoint: ${url.pathname.slice(0, 200)} (see /api/openapi.json)`);
    const hit = matching.find((x) => x.c.route.method === method || (method === 'HEAD' && x.c.route.method === 'GET'));
    if (!hit) {
      res.setHeader('Allow', [...new Set(matching.map((x) => x.c.route.method))].join(', '));
      throw new ApiError('method_not_allowed', `${method} is not allowed on ${url.pathname.slice(0, 200)}`);
    }
    const { route } = hit.c;
    const path: Record<string, string> = {};
    for (const [i, name] of hit.c.names.entries()) {
      try {
        path[name] = decodeURIComponent(hit.m[i + 1]!);
      } catch {
        throw new ApiError('bad_request', `${name}: not a valid URL-encoded value`);
      }
    }
    const query = queryOf(route, url.searchParams);
    let body: unknown;
    let rawBody = '';
    if (route.method === 'POST') {
      if (route.write && scope !== 'write') {
        throw new ApiError('forbidden', 'this token is read-only: ingest needs the write token (SITREP_WRITE_TOKEN)');
      }
      // A cross-site page may not post here: browsers send Origin, and a JSON content type forces a CORS preflight we never grant.
      const origin = req.headers.origin;
      if (origin && originHost(origin) !== req.headers.host) {
        throw new ApiError('forbidden', `requests from ${origin.slice(0, 100)} are not accepted`);
      }
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        throw new ApiError('bad_request', 'send the body as JSON with Content-Type: application/json');
      }
      rawBody = await readBody(req, maxBody);
      try {
        body = JSON.parse(rawBody);
      } catch (error) {
        throw new ApiError('bad_request', `body is not valid JSON: ${(error as Error).message}`);
      }
    }
    const run = () => route.handle({ store: options.store, query, path, body, rawBody });
    let answer: unknown;
    if (route.write) {
      const queued = ingestQueue.then(run, run);
      ingestQueue = queued.catch(() => undefined);
      answer = await queued;
    } else answer = await run();
    sendJson(res, 200, answer);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      throw new ApiError('method_not_allowed', `${req.method} is not allowed here`);
    }
    const found = await staticFile(url.pathname, staticDir);
    if (!found) throw new ApiError('not_found', `no such file: ${url.pathname.slice(0, 200)}`);
    res.statusCode = 200;
    res.setHeader('Content-Type', found.file.contentType);
    res.setHeader('Content-Length', found.file.body.length);
    // The app page is always fetched fresh; other files may be revalidated.
    res.setHeader('Cache-Control', found.file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : found.file.body);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    try {
      if (loopbackOnly && !hostAllowed(req.headers.host)) {
        throw new ApiError('forbidden', 'this server answers to localhost only');
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await handleApi(req, res, url);
      else await handleStatic(req, res, url);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof ApiError) sendError(res, error);
      else {
        log(`sitrep serve: ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
        sendError(res, new ApiError('internal', 'internal error (logged on the server)'));
      }
      // A body not read (refused early) is drained, or the client may hang writing it.
      if (!req.complete) req.resume();
    }
  };
}

/** Starts listening; refuses (ServeError) to listen off loopback without a token. */
/** Entries in the alerts feed: feed readers keep what they have seen; the latest hundred is plenty. */
const ATOM_ALERTS = 100;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const refusal = refuseToStart(host, options);
  if (refusal) throw new ServeError(refusal);
  const handler = createRequestHandler({ ...options, boundHost: host });
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new ServeError(`port ${options.port ?? DEFAULT_PORT} on ${host} is in use: pick another with --port`) : error),
    );
    server.listen(options.port ?? DEFAULT_PORT, host, () => done());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    host: address.address,
    port: address.port,
    url: `http://${shown}:${address.port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
