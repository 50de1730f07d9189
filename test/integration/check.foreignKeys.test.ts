/**
 * `bottega check`'s foreign keys, proved per key (`child NOT IN (SELECT key FROM parent)`)
 * instead of SQLite's foreign_key_check per table: on a demo workshop with rows pointing at
 * missing parents through keys of each kind, and on small schemas with the cases where
 * NOT IN and a foreign key could part (NULLs on either side, an empty parent, a text key,
 * a value of another type), it names exactly the rows the pragma names.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { foreignKeyQueries } from '../../src-main/db/checkForeignKeys';
import { demoApp, removeTempDbs } from '../builders';

afterAll(removeTempDbs);

describe('foreign keys proved per key', () => {
  const app = demoApp({ seed: 3 });
  afterAll(() => app.close());
  const db = app.ctx.sqlite;

  const perKey = () =>
    foreignKeyQueries(db)
      .flatMap((q) => (db.prepare(q.sql).all() as never[]).map((r) => q.problem(r)))
      .sort();
  const pragma = () =>
    (db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[]).map((r) => `${r.table} row ${r.rowid} points at a missing ${r.parent}`).sort();

  it('proves each key of the big tables by its own query and names the same rows as foreign_key_check', () => {
    db.exec('ANALYZE');
    const queries = foreignKeyQueries(db).map((q) => q.sql);
    for (const table of ['stock_movements', 'shipment_lines', 'order_lines']) {
      const keys = db.prepare('SELECT count(*) FROM pragma_foreign_key_list(?)').pluck().get(table) as number;
      expect(queries.filter((s) => s.includes(`FROM "${table}" x`) && s.includes('NOT IN')), `${table}: one NOT IN per key`).toHaveLength(keys);
      expect(queries.some((s) => s.startsWith('PRAGMA') && s.includes(`"${table}"`)), `${table}: no pragma`).toBe(false);
    }
    expect(perKey()).toEqual([]);

    const [a, b, c] = db.prepare('SELECT id FROM stock_movements ORDER BY id LIMIT 3').pluck().all() as number[];
    const shipLine = db.prepare('SELECT id FROM shipment_lines ORDER BY id LIMIT 1').pluck().get() as number;
    const [d, e] = db.prepare('SELECT id FROM order_lines ORDER BY id DESC LIMIT 2').pluck().all() as number[];
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE order_lines SET item_id = 777777 WHERE id = ?').run(d);
    db.prepare('UPDATE order_lines SET order_id = 999999 WHERE id = ?').run(e);
    db.prepare('UPDATE stock_movements SET item_id = 777777 WHERE id = ?').run(a);
    db.prepare('UPDATE stock_movements SET lot_id = 888888 WHERE id = ?').run(b);
    db.prepare('UPDATE stock_movements SET location_id = 4242 WHERE id = ?').run(c);
    db.prepare('UPDATE shipment_lines SET item_id = 777777 WHERE id = ?').run(shipLine);
    db.pragma('foreign_keys = ON');

    const found = perKey();
    expect(found).toEqual(pragma());
    expect(found).toEqual(
      [
        `stock_movements row ${a} points at a missing items`,
        `stock_movements row ${b} points at a missing lots`,
        `stock_movements row ${c} points at a missing locations`,
        `shipment_lines row ${shipLine} points at a missing items`,
        `order_lines row ${d} points at a missing items`,
        `order_lines row ${e} points at a missing customer_orders`,
      ].sort(),
    );
  });
});

describe('a key proved by NOT IN names what foreign_key_check names', () => {
  const named = (db: Database.Database) =>
    foreignKeyQueries(db)
      .flatMap((q) => (db.prepare(q.sql).all() as never[]).map((r) => q.problem(r)))
      .sort();
  const pragma = (db: Database.Database) =>
    (db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[]).map((r) => `${r.table} row ${r.rowid} points at a missing ${r.parent}`).sort();

  it('with NULL children, an empty parent, a nullable text key holding NULL, and values of another type', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF'); // the rows below break their keys on purpose
    db.exec(`
      CREATE TABLE empty_parent (id INTEGER PRIMARY KEY);
      CREATE TABLE coded (id INTEGER PRIMARY KEY, code TEXT UNIQUE);
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (id INTEGER PRIMARY KEY,
        none_id INTEGER REFERENCES empty_parent(id),
        code TEXT REFERENCES coded(code),
        parent_id INTEGER REFERENCES parent);
      INSERT INTO coded (id, code) VALUES (1, 'a'), (2, NULL), (3, '7');
      INSERT INTO parent (id) VALUES (1), (2), (3);
      INSERT INTO child (id, none_id, code, parent_id) VALUES
        (1, NULL, NULL, NULL),  -- points at nothing: no violation
        (2, NULL, 'a', 1),      -- all found
        (3, 5, 'b', 9),         -- three missing parents
        (4, NULL, 7, '2'),      -- found through affinity: 7 stored as '7', '2' as 2
        (5, NULL, 'zz', 'x'),   -- a text where an integer key is
        (6, NULL, NULL, 2.5);   -- a real no integer key equals
    `);
    expect(named(db)).toEqual(pragma(db));
    expect(named(db)).toEqual(
      [
        'child row 3 points at a missing empty_parent',
        'child row 3 points at a missing coded',
        'child row 3 points at a missing parent',
        'child row 5 points at a missing coded',
        'child row 5 points at a missing parent',
        'child row 6 points at a missing parent',
      ].sort(),
    );
    expect(foreignKeyQueries(db).every((q) => q.sql.includes('NOT IN')), 'every key by NOT IN here').toBe(true);
    db.close();
  });
});
