/**
 * `bottega check`'s foreign keys, proved per key (a loose index scan where a key column has
 * many rows per value) instead of SQLite's foreign_key_check per table: on a demo workshop
 * with statistics (so the by-value path is taken for the order lines' items; the movements
 * still go to the pragma there) and rows pointing at missing parents through keys of each
 * kind, it names exactly the rows the pragma names.
 */
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

  it('takes the by-value path for an order line’s item and names the same rows as foreign_key_check, on both paths', () => {
    db.exec('ANALYZE');
    const queries = foreignKeyQueries(db).map((q) => q.sql);
    expect(queries.some((s) => s.startsWith('WITH RECURSIVE') && s.includes('"order_lines"') && s.includes('"item_id"')), 'a loose index scan over the order lines’ items').toBe(true);
    expect(perKey()).toEqual([]);

    const [a, b, c] = db.prepare('SELECT id FROM stock_movements ORDER BY id LIMIT 3').pluck().all() as number[];
    const shipLine = db.prepare('SELECT id FROM shipment_lines ORDER BY id LIMIT 1').pluck().get() as number;
    const [d, e] = db.prepare('SELECT id FROM order_lines ORDER BY id DESC LIMIT 2').pluck().all() as number[];
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE order_lines SET item_id = 777777 WHERE id = ?').run(d); // by value
    db.prepare('UPDATE order_lines SET order_id = 999999 WHERE id = ?').run(e); // row by row
    db.prepare('UPDATE stock_movements SET item_id = 777777 WHERE id = ?').run(a); // the movements: SQLite's pragma
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
