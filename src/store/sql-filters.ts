/**
 * WHERE clauses built from the filters a listing was asked for, shared by
 * the attribution lists and the connection lists.
 */

/** A SQL condition; `$?` stands for its one parameter, `value`, when it has one. */
export interface Filter {
  sql: string;
  value?: unknown;
}

/**
 * The entity keys in `$?` with the keys the registry merged into them and
 * those they were merged into (entities.alias_of): asking for Zelensky finds
 * what is stored under any of his keys (a typo, another spelling).
 */
const WITH_ALIASES = `($?::text[] || ARRAY(SELECT key FROM entities WHERE alias_of = ANY($?::text[]))
  || ARRAY(SELECT alias_of FROM entities WHERE key = ANY($?::text[]) AND alias_of IS NOT NULL))`;

/** `column` is one of these entity keys, aliases followed. */
export function entityIs(column: string, keys: string[]): Filter {
  return { sql: `${column} = ANY(${WITH_ALIASES})`, value: keys };
}

/** The text[] `column` holds one of these entity keys, aliases followed. */
export function entitiesInclude(column: string, keys: string[]): Filter {
  return { sql: `${column} && ${WITH_ALIASES}`, value: keys };
}

/**
 * WHERE from the filters that apply (null: not asked for), and LIMIT/OFFSET
 * when paging is given (default 100 from 0).
 */
export function whereClause(filters: Array<Filter | null>, paging?: { limit?: number; offset?: number }) {
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const filter of filters) {
    if (!filter) continue;
    if (filter.value === undefined) {
      conditions.push(filter.sql);
      continue;
    }
    params.push(filter.value);
    conditions.push(filter.sql.replaceAll('$?', `$${params.length}`));
  }
  let limit = '';
  if (paging) {
    params.push(paging.limit ?? 100, paging.offset ?? 0);
    limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', paging: limit, params };
}
