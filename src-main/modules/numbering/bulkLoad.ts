/**
 * Bulk loaders for generated data, not commands: a generator that numbered its documents
 * itself (the demo's large history, purchasing and shipments) leaves each series where
 * the next command continues it. The numbers are valid by construction; `bottega check`
 * proves no series is behind its documents. They live here so that numbering stays the
 * one writer of `sequences`.
 */
import type { Ctx } from '../../api/context';
import { sql, type Sql } from '../../db/sql';

/** The statements are prepared once, when the loader is made: make one per run and reuse it. */
export function numberingBulkLoader(ctx: Ctx) {
  const raise = ctx.sqlite.prepare('INSERT INTO sequences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)');
  const set = ctx.sqlite.prepare('INSERT INTO sequences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    /** the series at `value` at least (a higher number already taken stays) */
    raise(key: string, value: number): void {
      raise.run(key, value);
    },
    /** the series at exactly `value` */
    set(key: string, value: number): void {
      set.run(key, value);
    },
  };
}

/**
 * Every series a query gives (its rows: key, last number) set to exactly that number, in
 * one statement. The query must end in a WHERE (even `WHERE true`) or GROUP BY: SQLite
 * needs one before the upsert's ON CONFLICT to parse it.
 */
export function setSequencesFrom(ctx: Ctx, rows: Sql): void {
  const q = sql`INSERT INTO sequences (key, value) ${rows}
     ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  ctx.sqlite.prepare(q.text).run(...q.values);
}
