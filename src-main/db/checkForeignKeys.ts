/**
 * The foreign keys `bottega check` proves. SQLite's `PRAGMA foreign_key_check` reads every
 * row of a table and probes each parent: on the large dataset 3.7 s of CPU, much of it
 * stock_movements (3 keys × 3.3 million rows), shipment_lines (5 keys × 1.9 million) and
 * the order lines. Each key is proved instead by one query,
 * `child NOT IN (SELECT key FROM parent)`: SQLite answers it from the narrowest index
 * holding the column (the planner's choice) with one seek per row into the parent's own
 * b-tree, with none of a correlated subquery's per-row cost — in index order those seeks
 * mostly land on the page of the last one. On the large dataset a quarter to a third of
 * `NOT EXISTS (SELECT 1 FROM parent WHERE key = child)` (the order lines' orders 92 ms
 * against 378) and less than the pragma even where the column leads no index and the
 * table itself is read once per key (shipment_lines' five keys 0.66 s against 0.94 s).
 * Same rows, named the same way. A table the per-key queries cannot serve (a key of
 * several columns, a parent without a single-column key, a table without rowid) gets
 * the pragma.
 */
import type Database from 'better-sqlite3';
import type { CheckQuery } from './checkTypes';
import { ident, sql } from './sql';

interface ForeignKey {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string | null;
}

const q = (name: string) => ident(name).text;

type Violation = { table: string; rowid: number; parent: string };
const problem = (r: Violation) => `${r.table} row ${r.rowid} points at a missing ${r.parent}`;

/** The parent's key column: the one the key names, else the parent's single-column primary key. */
function parentColumn(db: Database.Database, fk: ForeignKey): string | null {
  if (fk.to) return fk.to;
  const pk = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0').pluck().all(fk.table) as string[];
  return pk.length === 1 ? pk[0]! : null;
}

/**
 * Whether the parent's key column may hold NULL: not when declared NOT NULL, nor when it
 * is the table's INTEGER PRIMARY KEY (the rowid itself, which SQLite then searches for the
 * IN directly; any filter on it would make SQLite copy the whole parent into a list first).
 */
function nullableKey(db: Database.Database, parent: string, column: string): boolean {
  const cols = db.prepare('SELECT name, type, "notnull" AS "notNull", pk FROM pragma_table_info(?)').all(parent) as { name: string; type: string; notNull: number; pk: number }[];
  const col = cols.find((c) => c.name === column);
  if (!col || col.notNull === 1) return false;
  return !(col.pk === 1 && cols.filter((c) => c.pk > 0).length === 1 && col.type.toUpperCase() === 'INTEGER');
}

/**
 * The query proving one key. A child without a value points at nothing (`IS NOT NULL`:
 * NOT IN an empty list is true even for NULL), nor can a parent without one be pointed at
 * (a NULL in the list would make NOT IN unknown for every row); the comparison takes the
 * same affinities as `child = key`, as foreign_key_check's probe does.
 */
function keyQuery(table: string, fk: ForeignKey, parentKey: string, nullable: boolean, cost: number): CheckQuery {
  const c = q(fk.from);
  const k = q(parentKey);
  return {
    sql: `SELECT '${table.replace(/'/g, "''")}' AS "table", '${fk.table.replace(/'/g, "''")}' AS parent, x.rowid AS rowid FROM ${q(table)} x
          WHERE x.${c} IS NOT NULL AND x.${c} NOT IN (SELECT p.${k} FROM ${q(fk.table)} p${nullable ? ` WHERE p.${k} IS NOT NULL` : ''})`,
    problem: problem as (row: never) => string | null,
    cost,
  };
}

/**
 * The queries worked out last time for a connection, with the schema they were worked out
 * from. Working them out reads a few pragmas per key (about 4 ms on a small file), which a
 * test that checks after every command would pay each time; the size estimate behind
 * `cost` only orders the queries, so a stale one is harmless.
 */
const planned = new WeakMap<Database.Database, { basis: number; queries: CheckQuery[] }>();

/** The queries proving every foreign key of the database, the slowest (by table size) first in the order given. */
export function foreignKeyQueries(db: Database.Database): CheckQuery[] {
  const basis = db.pragma('schema_version', { simple: true }) as number;
  const known = planned.get(db);
  if (known?.basis === basis) return known.queries;
  const queries = planForeignKeyQueries(db);
  planned.set(db, { basis, queries });
  return queries;
}

function planForeignKeyQueries(db: Database.Database): CheckQuery[] {
  const tables = db
    .prepare(
      `SELECT m.name, m.sql LIKE '%WITHOUT ROWID%' AS withoutRowid FROM sqlite_master m
       WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name)) ORDER BY m.name`,
    )
    .all() as { name: string; withoutRowid: number }[];
  return tables.flatMap((t) => {
    // the highest rowid: a cheap size estimate (one seek) for the order the queries start in
    const rows = t.withoutRowid ? 0 : (db.prepare(sql`SELECT coalesce(max(rowid), 0) AS n FROM ${ident(t.name)}`.text).get() as { n: number }).n;
    const fks = db.prepare('SELECT id, seq, "table", "from", "to" FROM pragma_foreign_key_list(?)').all(t.name) as ForeignKey[];
    const simple = !t.withoutRowid && fks.every((fk) => fk.seq === 0 && fks.filter((o) => o.id === fk.id).length === 1);
    const keys = simple ? fks.map((fk) => ({ fk, parentKey: parentColumn(db, fk) })) : [];
    if (!simple || keys.some((k) => k.parentKey === null)) {
      return [{ sql: `PRAGMA foreign_key_check(${q(t.name)})`, problem: problem as (row: never) => string | null, cost: (rows * fks.length) / 8_000 }];
    }
    return keys.map(({ fk, parentKey }) => keyQuery(t.name, fk, parentKey!, nullableKey(db, fk.table, parentKey!), rows / 8_000));
  });
}
