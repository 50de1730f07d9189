/**
 * A read's statements compiled once per connection: compiling a seven-join SELECT costs
 * about as much as running it on a small answer (0.1–0.2 ms), so a read that prepares on
 * every call pays it again each time. Object rows only (no pluck or raw mode, which stick
 * to a statement); nothing may iterate a statement from here while running its text again.
 */
import type { ReadSqlite, ReadStatement } from '../api/context';

const byConnection = new WeakMap<ReadSqlite, Map<string, ReadStatement>>();

export function preparedOnce(db: ReadSqlite, sql: string): ReadStatement {
  let cache = byConnection.get(db);
  if (!cache) {
    cache = new Map();
    byConnection.set(db, cache);
  }
  let st = cache.get(sql);
  if (!st) {
    st = db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}
