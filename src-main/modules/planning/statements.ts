/**
 * Prepared statements kept per connection: the planner reads the same dozen queries every
 * time the plan is made, and preparing them again each time is work thrown away.
 */
import type { ReadSqlite, ReadStatement } from '../../api/context';

const byConnection = new WeakMap<ReadSqlite, Map<string, ReadStatement>>();

function cached(db: ReadSqlite, sql: string, raw: boolean): ReadStatement {
  let cache = byConnection.get(db);
  if (!cache) {
    cache = new Map();
    byConnection.set(db, cache);
  }
  // a raw statement is kept apart: raw mode is a setting of the statement itself
  const key = raw ? `raw:${sql}` : sql;
  let st = cache.get(key);
  if (!st) {
    st = db.prepare(sql);
    if (raw) st = st.raw(true);
    cache.set(key, st);
  }
  return st;
}

/** Rows as objects named by the columns. */
export function rows<T>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  return cached(db, sql, false).all(...params) as T[];
}

/** Rows as arrays (no object per row with its column names): for the large reads. */
export function rawRows<T extends unknown[]>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  return cached(db, sql, true).all(...params) as T[];
}
