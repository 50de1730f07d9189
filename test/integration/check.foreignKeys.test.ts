/**
 * `bottega check`'s foreign keys, proved per key (a loose index scan where a key column has
 * many rows per value, one pass probing each distinct value where it has a few) instead of
 * SQLite's foreign_key_check per table: on a demo workshop with statistics (so the by-value
 * paths are taken for the order lines' items and orders; the movements still go to the
 * pragma there) and rows pointing at missing parents through keys of each kind, it names
 * exactly the rows the pragma names.
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

  it('takes the by-value paths for an order line’s item and its order and names the same rows as foreign_key_check, on every path', () => {
    db.exec('ANALYZE');
    const queries = foreignKeyQueries(db).map((q) => q.sql);
    expect(queries.some((s) => s.startsWith('WITH RECURSIVE') && s.includes('"order_lines"') && s.includes('"item_id"')), 'a loose index scan over the order lines’ items').toBe(true);
    expect(queries.some((s) => s.includes('SELECT DISTINCT "order_id"') && s.includes('"order_lines"')), 'one pass over the order lines’ orders, a probe per order').toBe(true);
    expect(perKey()).toEqual([]);

    const [a, b, c] = db.prepare('SELECT id FROM stock_movements ORDER BY id LIMIT 3').pluck().all() as number[];
    const shipLine = db.prepare('SELECT id FROM shipment_lines ORDER BY id LIMIT 1').pluck().get() as number;
    const [d, e, f] = db.prepare('SELECT id FROM order_lines ORDER BY id DESC LIMIT 3').pluck().all() as number[];
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE order_lines SET item_id = 777777 WHERE id = ?').run(d); // by value
    // by value, once per order: both rows of the missing order are named
    db.prepare('UPDATE order_lines SET order_id = 999999 WHERE id IN (?, ?)').run(e, f);
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
        `order_lines row ${f} points at a missing customer_orders`,
      ].sort(),
    );
  });
});
