/**
 * How the planner reads: the same dozen queries every time the plan is made, each compiled
 * once per connection by the one statement cache (db/statementCache.ts), which resets a
 * statement's mode when it hands it out again, so each reader sets the mode it reads in.
 */
import type { ReadSqlite } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';

/** Rows as objects named by the columns. */
export function rows<T>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  return preparedOnce(db, sql).all(...params) as T[];
}

/** Rows as arrays (no object per row with its column names): for the large reads. */
export function rawRows<T extends unknown[]>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  return preparedOnce(db, sql).raw(true).all(...params) as T[];
}

/**
 * A JSON text the query builds in one row (group_concat of the values), parsed in one go:
 * for tens of thousands of rows this is a third of the cost of row arrays, which
 * better-sqlite3 makes cell by cell. No row: an empty list.
 */
export function jsonList<T>(db: ReadSqlite, sql: string, ...params: unknown[]): T[] {
  const text = preparedOnce(db, sql).pluck(true).get(...params) as string | null | undefined;
  return text ? (JSON.parse(text) as T[]) : [];
}

/**
 * One row whose every column is a JSON array (json_group_array of one column each), parsed
 * column by column: SQLite builds no string per row, and the caller gets typed columns.
 */
export function jsonColumns<T extends unknown[][]>(db: ReadSqlite, sql: string, ...params: unknown[]): T {
  const row = preparedOnce(db, sql).raw(true).get(...params) as string[];
  return row.map((text) => JSON.parse(text) as unknown[]) as T;
}
