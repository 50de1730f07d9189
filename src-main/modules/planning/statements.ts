/**
 * Prepared statements kept per connection: the planner reads the same dozen queries every
 * time the plan is made, and preparing them again each time is work thrown away.
 */
import type { ReadSqlite, ReadStatement } from '../../api/context';

const byConnection = new WeakMap<ReadSqlite, Map<string, ReadStatement>>();

type Mode = 'objects' | 'raw' | 'pluck';

function cached(db: ReadSqlite, sql: string, mode: Mode): ReadStatement {
  let cache = byConnection.get(db);
  if (!cache) {
    cache = new Map();
    byConnection.set(db, cache);
  }
  // a raw or plucked statement is kept apart: the mode is a setting of the statement itself
  const key = mode === 'objects' ? sql : `${mode}:${sql}`;
  let st = cache.get(key);
  if (!st) {
    st = db.prepare(sql);
    if (mode === 'raw') st = st.raw(true);
    if (mode === 'pluck') st = st.pluck(true);
    cache.set(key, st);
  }
  return st;
}

/** Rows as objects named by the columns. */
export function rows<T>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  return cached(db, sql, 'objects').all(...params) as T[];
}

/** Rows as arrays (no object per row with its column names): for the large reads. */
export function rawRows<T extends unknown[]>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  return cached(db, sql, 'raw').all(...params) as T[];
}

/**
 * A JSON text the query builds in one row (group_concat of the values), parsed in one go:
 * for tens of thousands of rows this is a third of the cost of row arrays, which
 * better-sqlite3 makes cell by cell. No row: an empty list.
 */
export function jsonList<T>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  const text = cached(db, sql, 'pluck').get(...params) as string | null | undefined;
  return text ? (JSON.parse(text) as T[]) : [];
}
