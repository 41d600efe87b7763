/**
 * Query parameters, declared once per route: the declaration validates the
 * request at the boundary (unknown names, repeated names, bad values → 400)
 * and documents the parameter in the OpenAPI document.
 */
import { badRequest } from './errors.ts';

interface ParamBase {
  name: string;
  description: string;
  required?: boolean;
}

export type Param =
  | (ParamBase & { type: 'string'; maxLength?: number })
  | (ParamBase & { type: 'date' })
  | (ParamBase & { type: 'integer'; minimum: number; maximum: number; default?: number })
  | (ParamBase & { type: 'boolean' })
  | (ParamBase & { type: 'enum'; values: readonly string[] });

type ValueOf<P extends Param> = P extends { type: 'integer' }
  ? number
  : P extends { type: 'boolean' }
    ? boolean
    : P extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

export type ParsedQuery<Ps extends readonly Param[]> = { [P in Ps[number] as P['name']]?: ValueOf<P> };

/** Longest free-text value accepted (a name, a query): far above any real one, short of abuse. */
const MAX_STRING = 500;
/** The contract's page ceiling: a page is for reading; exports are for everything. */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function parseOne(p: Param, raw: string): string | number | boolean {
  switch (p.type) {
    case 'string': {
      const max = p.maxLength ?? MAX_STRING;
      if (raw.trim() === '') throw badRequest(`${p.name}: empty value`);
      if (raw.length > max) throw badRequest(`${p.name}: longer than ${max} characters`);
      return raw.trim();
    }
    case 'date':
      if (!isRealDay(raw)) throw badRequest(`${p.name}: expected a date YYYY-MM-DD, got "${raw.slice(0, 40)}"`);
      return raw;
    case 'integer': {
      if (!/^-?\d{1,12}$/.test(raw)) throw badRequest(`${p.name}: expected a whole number, got "${raw.slice(0, 40)}"`);
      const n = Number(raw);
      if (n < p.minimum || n > p.maximum) throw badRequest(`${p.name}: must be between ${p.minimum} and ${p.maximum}, got ${n}`);
      return n;
    }
    case 'boolean':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw badRequest(`${p.name}: expected true or false, got "${raw.slice(0, 40)}"`);
    case 'enum':
      if (!p.values.includes(raw)) throw badRequest(`${p.name}: expected one of ${p.values.join(', ')}, got "${raw.slice(0, 40)}"`);
      return raw;
  }
}

export function parseQuery<const Ps extends readonly Param[]>(params: Ps, search: URLSearchParams): ParsedQuery<Ps> {
  const known = new Map(params.map((p) => [p.name, p]));
  const out: Record<string, string | number | boolean> = {};
  for (const name of new Set(search.keys())) {
    const p = known.get(name);
    if (!p) {
      const names = [...known.keys()];
      throw badRequest(`unknown parameter "${name.slice(0, 40)}"${names.length ? ` (this endpoint takes: ${names.join(', ')})` : ''}`);
    }
    const values = search.getAll(name);
    if (values.length > 1) throw badRequest(`${name}: given ${values.length} times, expected once`);
    out[name] = parseOne(p, values[0]!);
  }
  for (const p of params) {
    if (out[p.name] !== undefined) continue;
    if (p.type === 'integer' && p.default !== undefined) out[p.name] = p.default;
    else if (p.required) throw badRequest(`${p.name}: required`);
  }
  return out as ParsedQuery<Ps>;
}

/** The paging every list takes. */
export const PAGING = [
  { name: 'limit', type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: `Items per page (at most ${MAX_LIMIT}).` },
  { name: 'offset', type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0, description: 'Items to skip.' },
] as const satisfies readonly Param[];

export const SINCE = { name: 'since', type: 'date', description: 'From this day (YYYY-MM-DD), included.' } as const satisfies Param;
export const UNTIL = { name: 'until', type: 'date', description: 'Up to this day (YYYY-MM-DD), included.' } as const satisfies Param;

/** Since after until is a mistake, not an empty period. */
export function checkPeriod(q: { since?: string; until?: string }): void {
  if (q.since && q.until && q.since > q.until) throw badRequest(`since (${q.since}) is after until (${q.until})`);
}
