/**
 * The foreign keys `bottega check` proves. SQLite's `PRAGMA foreign_key_check` reads every
 * row of a table and probes each parent: on the large dataset 3.3 s, a third of it
 * stock_movements (3 keys × 3.3 million rows) and much of the rest ddts (each row carries
 * its snapshot, so the table is big for its one key). A key column that leads an index with
 * many rows per value (sqlite_stat1 says so: a movement's lot or item, a shipment line's
 * lot) is cheaper proved by value: each distinct value one seek in that index (a loose
 * index scan) and one probe of the parent, and only a value without parent read back to
 * its rows (stock_movements' lots: 0.5 s a row at a time, 0.2 s by value).
 *
 * Per table, then: one query per key when at most one key still needs a pass probing row
 * by row (that pass takes the narrowest index holding the column, the planner's choice);
 * otherwise the pragma, which probes all of a row's keys in one pass at about half the
 * cost of a probing query per key. Same rows, named the same way either way. A table the
 * per-key queries cannot serve (a key of several columns, a parent without a
 * single-column key, a table without rowid) gets the pragma.
 */
import type Database from 'better-sqlite3';
import type { CheckQuery } from './checkTypes';
import { ident, sql } from './sql';

/** Rows per distinct value from which seeking each value beats one pass over the index. */
const SKIP_SCAN_FROM = 8;

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

/** sqlite_stat1's rows per value by `table.index` (empty without statistics), read once per plan. */
function rowsPerValueStats(db: Database.Database): Map<string, number> {
  const hasStats = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get() !== undefined;
  if (!hasStats) return new Map();
  const rows = db.prepare('SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IS NOT NULL').all() as { tbl: string; idx: string; stat: string }[];
  return new Map(rows.map((r) => [`${r.tbl}.${r.idx}`, Number(r.stat.split(' ')[1] ?? 0)]));
}

/** The index `column` leads with the most rows per value (by sqlite_stat1; 0 without statistics), or null: it leads none. */
function rowsPerValue(db: Database.Database, stats: Map<string, number>, table: string, column: string): { index: string; rows: number } | null {
  const leading = db
    .prepare('SELECT il.name FROM pragma_index_list(?) il WHERE il.partial = 0 AND (SELECT name FROM pragma_index_info(il.name) WHERE seqno = 0) = ?')
    .pluck()
    .all(table, column) as string[];
  let best: { index: string; rows: number } | null = null;
  for (const index of leading) {
    const rows = stats.get(`${table}.${index}`) ?? 0;
    if (!best || rows > best.rows) best = { index, rows };
  }
  return best;
}

/** The query proving one key: by value where the column leads an index with many rows per value, else row by row. */
function keyQuery(table: string, fk: ForeignKey, parentKey: string, lead: { index: string; rows: number } | null, cost: number): CheckQuery {
  const t = q(table);
  const c = q(fk.from);
  const missing = (v: string) => `NOT EXISTS (SELECT 1 FROM ${q(fk.table)} p WHERE p.${q(parentKey)} = ${v})`;
  const named = `'${table.replace(/'/g, "''")}' AS "table", '${fk.table.replace(/'/g, "''")}' AS parent`;
  if (lead && lead.rows >= SKIP_SCAN_FROM) {
    const i = q(lead.index);
    return {
      sql: `WITH RECURSIVE v(x) AS (SELECT (SELECT min(${c}) FROM ${t} INDEXED BY ${i})
              UNION ALL SELECT (SELECT min(${c}) FROM ${t} INDEXED BY ${i} WHERE ${c} > v.x) FROM v WHERE v.x IS NOT NULL)
            SELECT ${named}, x.rowid AS rowid FROM v JOIN ${t} x INDEXED BY ${i} ON x.${c} = v.x WHERE v.x IS NOT NULL AND ${missing('v.x')}`,
      problem: problem as (row: never) => string | null,
      cost: cost / lead.rows,
    };
  }
  return {
    sql: `SELECT ${named}, x.rowid AS rowid FROM ${t} x WHERE x.${c} IS NOT NULL AND ${missing(`x.${c}`)}`,
    problem: problem as (row: never) => string | null,
    cost,
  };
}

/**
 * The queries worked out last time for a connection, with what they were worked out from:
 * the schema and the statistics. Working them out reads a few pragmas per key (about 4 ms
 * on a small file), which a test that checks after every command would pay each time; the
 * size estimate behind `cost` only orders the queries, so a stale one is harmless.
 */
const planned = new WeakMap<Database.Database, { basis: string; queries: CheckQuery[] }>();

function planBasis(db: Database.Database): string {
  const schema = db.pragma('schema_version', { simple: true }) as number;
  const hasStats = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get() !== undefined;
  const stats = hasStats ? (db.prepare("SELECT group_concat(tbl || '.' || coalesce(idx, '') || '=' || stat, ';') FROM sqlite_stat1").pluck().get() as string | null) : null;
  return `${schema}|${stats ?? ''}`;
}

/** The queries proving every foreign key of the database, the slowest (by table size) first in the order given. */
export function foreignKeyQueries(db: Database.Database): CheckQuery[] {
  const basis = planBasis(db);
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
  const stats = rowsPerValueStats(db);
  return tables.flatMap((t) => {
    // the highest rowid: a cheap size estimate (one seek) for the order the queries start in
    const rows = t.withoutRowid ? 0 : (db.prepare(sql`SELECT coalesce(max(rowid), 0) AS n FROM ${ident(t.name)}`.text).get() as { n: number }).n;
    const fks = db.prepare('SELECT id, seq, "table", "from", "to" FROM pragma_foreign_key_list(?)').all(t.name) as ForeignKey[];
    const simple = !t.withoutRowid && fks.every((fk) => fk.seq === 0 && fks.filter((o) => o.id === fk.id).length === 1);
    const keys = simple ? fks.map((fk) => ({ fk, parentKey: parentColumn(db, fk), lead: rowsPerValue(db, stats, t.name, fk.from) })) : [];
    const rowByRow = keys.filter((k) => !k.lead || k.lead.rows < SKIP_SCAN_FROM).length;
    // Two keys row by row beside one by value stay per key: the pragma would probe the by-value key's parent for every
    // row too. The movements since 0023_wal (no index leads with their item): lots by value, items and locations row by
    // row through the covering stock_movements_lot_location, 1.0 s of CPU on the large dataset against 1.5 s for the pragma.
    const perKey = rowByRow <= 1 || (rowByRow === 2 && keys.length > rowByRow);
    if (!simple || keys.some((k) => k.parentKey === null) || !perKey) {
      return [{ sql: `PRAGMA foreign_key_check(${q(t.name)})`, problem: problem as (row: never) => string | null, cost: (rows * fks.length) / 8_000 }];
    }
    return keys.map(({ fk, parentKey, lead }) => keyQuery(t.name, fk, parentKey!, lead, rows / 8_000));
  });
}
