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

/**
 * jsonColumns for a row whose column `textAt` is a list of texts joined by the unit separator
 * (`group_concat(x, char(31))`), not a JSON array: split, not parsed. JSON.parse makes each
 * text of up to 10 characters an internalized string, hashed into V8's string table: 37,000
 * order numbers of a full bench run cost 4 ms to parse, their split a fraction of it. The
 * row's last column counts the texts that cannot be joined so (`sum(x IS NULL OR instr(x,
 * char(31)) > 0)`: group_concat leaves a NULL out, a separator splits a text in two, and
 * the two could even out); null when there is one: the caller reads the column as JSON then.
 */
export function jsonColumnsWithTexts<T extends unknown[][]>(db: ReadSqlite, sql: string, textAt: number, ...params: unknown[]): T | null {
  const row = preparedOnce(db, sql).raw(true).get(...params) as (string | number | null)[];
  const unjoinable = row.pop();
  if (typeof unjoinable === 'number' && unjoinable > 0) return null;
  const out = row.map((text, i) => (i === textAt ? null : (JSON.parse(text as string) as unknown[])));
  const text = row[textAt] as string | null;
  // no row: group_concat answers NULL; one row of an empty text: '', which splits into one piece
  const texts = text === null ? [] : text.split('\u001f');
  if (texts.length !== out[0]!.length) return null;
  out[textAt] = texts;
  return out as T;
}
