import { StoreError } from '../model/index.ts';
import type { SqlExecutor } from './driver.ts';

/** Wraps a driver error with the statement that failed, keeping the original as `cause`. */
export async function run<Row>(db: SqlExecutor, sql: string, params?: unknown[]): Promise<Row[]> {
  try {
    return await db.query<Row>(sql, params);
  } catch (error) {
    const statement = sql.replace(/\s+/g, ' ').trim().slice(0, 120);
    throw new StoreError('EQUERY', `${(error as Error).message} (in: ${statement})`, { cause: error });
  }
}
