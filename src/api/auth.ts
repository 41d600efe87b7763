/**
 * Who may ask what. Bound to a loopback address with no token, the server
 * answers its own machine only; bound anywhere else it needs a token, and a
 * request without the right one is refused. Tokens are compared in constant
 * time (as SHA-256 digests, so lengths do not leak either).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { ApiError } from './errors.ts';

export interface AuthOptions {
  /** Read access (SITREP_TOKEN). */
  token?: string;
  /** Read and write access (SITREP_WRITE_TOKEN): POST /api/articles. */
  writeToken?: string;
}

export type Scope = 'read' | 'write';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  // IPv4-mapped IPv6 loopback (::ffff:127.0.0.1).
  return /^::ffff:127\./.test(h);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The scope a request's Authorization header grants, or an ApiError (401) when tokens are configured and it has none of them. */
export function scopeOf(header: string | undefined, auth: AuthOptions): Scope {
  if (!auth.token && !auth.writeToken) return 'write';
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m) throw new ApiError('unauthorized', 'this server needs a token: send Authorization: Bearer TOKEN');
  const given = m[1]!;
  // Both comparisons always run: which token matched is not told by the time taken.
  const write = auth.writeToken ? sameSecret(given, auth.writeToken) : false;
  const read = auth.token ? sameSecret(given, auth.token) : false;
  if (write) return 'write';
  if (read) return 'read';
  throw new ApiError('unauthorized', 'wrong token');
}

/** Why the server may not start with these options, or null. */
export function refuseToStart(host: string, auth: AuthOptions): string | null {
  if (isLoopback(host)) return null;
  if (!auth.token && !auth.writeToken) {
    return `refusing to listen on ${host} without a token: set SITREP_TOKEN (and SITREP_WRITE_TOKEN for ingest over HTTP), or bind 127.0.0.1`;
  }
  return null;
}
