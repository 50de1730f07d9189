/** What every tile of the home screen shares: how many lines it shows, and a row from SQL. */
import type { TodayRow } from '../../../src-shared/contract/today';

/** a tile shows a number and its first few lines */
export const TILE_ROWS = 5;

export interface RowSql {
  id: number;
  title: string;
  detail: string | null;
  date: string | null;
}

/** a row whose date before today is past (late, overdue, expired) */
export function rowOf(r: RowSql, today: string): TodayRow {
  return { id: r.id, title: r.title, detail: r.detail ?? '', date: r.date, past: r.date !== null && r.date < today };
}

/** A query handler of another module called from here answers at once (only document queries await). */
export function answered<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('a home-screen tile read an asynchronous query');
  return value;
}
