/**
 * One HTTP GET with the limits a feed watcher needs: a deadline for the whole
 * exchange, a cap on the (decompressed) body, conditional request headers, and
 * redirects followed by hand so every hop is checked against the address
 * policy.
 *
 * Written on node:http/https rather than the global fetch: the address check
 * must run on the address actually connected to (a `lookup` hook on the
 * socket), not on a separate DNS answer a rebinding server can change between
 * the check and the connection — and Node 20's fetch does not expose that hook.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';

export type FetchFailureCode =
  | 'timeout' // no complete answer within the deadline
  | 'too-large' // body over the cap
  | 'http' // an HTTP error status
  | 'blocked' // the address policy refused the host (private, loopback, link-local…)
  | 'redirects' // too many redirects, or a redirect without a usable Location
  | 'network'; // DNS, connection refused/reset, TLS

export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchFailureCode,
    message: string,
    readonly url: string,
    /** The HTTP status, for `http`. */
    readonly status?: number,
    /** Seconds the server asked us to wait (Retry-After), when it did. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface FetchLimits {
  /** Deadline for connect + headers + body, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes, after decompression. */
  maxBytes: number;
  /** Whether hosts on private, loopback and link-local addresses may be fetched. */
  allowPrivate: boolean;
  /** Redirect hops followed before giving up. */
  maxRedirects?: number;
  /**
   * The URL itself was written by the user (a configured feed): fetch it
   * wherever it points, an intranet feed included; only redirects from it
   * are held to `allowPrivate`.
   */
  trustFirstHop?: boolean;
}

export interface FetchRequest extends FetchLimits {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  accept?: string;
}

export interface FetchAnswer {
  /** 200 with a body, or 304 (not modified) with an empty one. */
  status: 200 | 304;
  url: string;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/**
 * Five redirect hops: what browsers and feed readers tolerate in practice
 * (http → https → canonical host → CDN); more is a loop or a trap.
 */
const DEFAULT_MAX_REDIRECTS = 5;

export const DEFAULT_USER_AGENT = 'sitrep-watch/0.1 (+https://github.com/sitrep; self-hosted news monitor)';

/** Addresses no page from the open web should make us connect to. */
const PRIVATE_RANGES = (() => {
  const list = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ] as const) {
    list.addSubnet(net, prefix, 'ipv4');
  }
  for (const [net, prefix] of [
    ['::', 128], // unspecified
    ['::1', 128], // loopback
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
  ] as const) {
    list.addSubnet(net, prefix, 'ipv6');
  }
  return list;
})();

/** True for an address on a private, loopback, link-local or otherwise non-public network. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE_RANGES.check(address, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:127.0.0.1): judged by the IPv4 rules.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return PRIVATE_RANGES.check(mapped[1]!, 'ipv4');
    return PRIVATE_RANGES.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/** A DNS lookup that fails for private answers: runs at connect time, so what is checked is what is used. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const allowed = allowPrivate ? list : list.filter((a) => !isPrivateAddress(a.address));
      if (allowed.length === 0) {
        const refused = Object.assign(new Error(`${hostname} resolves only to private addresses (${list.map((a) => a.address).join(', ')})`), {
          code: 'EBLOCKED',
        });
        return callback(refused, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

function retryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The body decoder for a Content-Encoding, or null for identity. */
function decoder(encoding: string | null): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** One hop: resolves with the answer, or with a redirect target. */
function requestOnce(
  url: URL,
  request: FetchRequest,
  deadline: number,
): Promise<{ kind: 'answer'; answer: FetchAnswer } | { kind: 'redirect'; location: string }> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FetchError('timeout', `no answer within ${request.timeoutMs} ms`, url.href));
    // A literal address skips DNS, so it is checked here; names are checked at connect time.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !request.allowPrivate && isPrivateAddress(literal)) {
      return reject(new FetchError('blocked', `${literal} is a private or loopback address; refused`, url.href));
    }
    const headers: Record<string, string> = {
      'user-agent': request.userAgent ?? DEFAULT_USER_AGENT,
      accept: request.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: FetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    // No keep-alive (agent: false): polls are minutes apart, and a pooled socket
    // the server has since closed fails the next poll with ECONNRESET.
    const req = client.request(url, { method: 'GET', headers, agent: false, lookup: guardedLookup(request.allowPrivate) }, (res) => {
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        const location = header(res.headers.location);
        res.resume();
        settled = true;
        clearTimeout(timer);
        if (!location) return reject(new FetchError('redirects', `HTTP ${status} without a Location`, url.href, status));
        return resolve({ kind: 'redirect', location });
      }
      const base = {
        url: url.href,
        contentType: header(res.headers['content-type']),
        etag: header(res.headers.etag),
        lastModified: header(res.headers['last-modified']),
      };
      if (status === 304) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        return resolve({ kind: 'answer', answer: { status: 304, body: Buffer.alloc(0), ...base } });
      }
      if (status !== 200) {
        res.resume();
        return fail(new FetchError('http', `HTTP ${status}`, url.href, status, retryAfter(res.headers['retry-after'])));
      }
      const declared = Number(header(res.headers['content-length']) ?? NaN);
      const encoding = header(res.headers['content-encoding']);
      if (!encoding && declared > request.maxBytes) {
        return fail(new FetchError('too-large', `body of ${declared} bytes is over the ${request.maxBytes}-byte limit`, url.href));
      }
      const decode = decoder(encoding);
      const stream = decode ? res.pipe(decode) : res;
      if (decode) decode.on('error', (e) => fail(new FetchError('network', `bad ${encoding} body: ${e.message}`, url.href)));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBytes) {
          fail(new FetchError('too-large', `body is over the ${request.maxBytes}-byte limit`, url.href));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ kind: 'answer', answer: { status: 200, body: Buffer.concat(chunks), ...base } });
      });
      res.on('error', (e) => fail(new FetchError('network', e.message, url.href)));
    });
    const timer = setTimeout(() => fail(new FetchError('timeout', `no complete answer within ${request.timeoutMs} ms`, url.href)), remaining);
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EBLOCKED') fail(new FetchError('blocked', `${e.message}; refused`, url.href));
      else fail(new FetchError('network', e.message, url.href));
    });
    req.end();
  });
}

/**
 * GETs `request.url`, following redirects (each hop under the same address
 * policy and the same overall deadline).
 *
 * @throws FetchError with the reason when no usable answer came.
 */
export async function fetchLimited(request: FetchRequest): Promise<FetchAnswer> {
  const deadline = Date.now() + request.timeoutMs;
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new FetchError('network', 'not a URL', request.url);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError('blocked', `only http and https are fetched, not ${url.protocol}`, url.href);
    }
    const allowPrivate = request.allowPrivate || (hop === 0 && request.trustFirstHop === true);
    const outcome = await requestOnce(url, { ...request, allowPrivate }, deadline);
    if (outcome.kind === 'answer') return outcome.answer;
    if (hop >= maxRedirects) throw new FetchError('redirects', `more than ${maxRedirects} redirects`, request.url);
    url = new URL(outcome.location, url);
  }
}
