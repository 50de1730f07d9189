/**
 * `inventory.documents_exist` (a row's document looked up with NOT IN its kind's table)
 * names exactly the rows a plain NOT EXISTS names: on a demo workshop whose movements of
 * every kind, reservations and lots (the one table read without an index on its documents)
 * were pointed at documents that do not exist.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src-main/db/check';
import { documentKinds } from '../../src-main/modules/inventory/documents';
import { inventoryInvariants } from '../../src-main/modules/inventory/invariants';
import { demoApp, removeTempDbs } from '../builders';

afterAll(removeTempDbs);

describe('documents that do not exist', () => {
  const app = demoApp({ seed: 4 });
  afterAll(() => app.close());
  const db = app.ctx.sqlite;
  const check = () => runCheck(app.ctx, inventoryInvariants.filter((i) => i.name === 'inventory.documents_exist')).checks[0]!.problems.sort();
  /** The reference: each table's rows of each known kind, probed one by one. */
  const reference = () =>
    (
      [
        ['movement', 'stock_movements'],
        ['reservation', 'reservations'],
        ['lot', 'lots'],
      ] as const
    )
      .flatMap(([source, table]) =>
        Object.entries(documentKinds).flatMap(([t, k]) =>
          (db.prepare(`SELECT x.id, x.doc_id AS docId FROM ${table} x WHERE x.doc_type = ? AND NOT EXISTS (SELECT 1 FROM ${k.table} d WHERE d.id = x.doc_id)`).all(t) as { id: number; docId: number }[]).map(
            (r) => `${source} ${r.id} points at missing ${t} ${r.docId}`,
          ),
        ),
      )
      .sort();

  it('untampered, nothing; then every row pointed elsewhere is named, the same as NOT EXISTS names', () => {
    expect(check()).toEqual([]);
    expect(reference()).toEqual([]);
    const kinds = db.prepare('SELECT DISTINCT doc_type FROM stock_movements ORDER BY 1').pluck().all() as string[];
    expect(kinds.length, 'movements of several kinds').toBeGreaterThan(2);
    const tampered: string[] = [];
    db.exec('BEGIN');
    try {
      for (const [i, t] of kinds.entries()) {
        const id = db.prepare('SELECT max(id) FROM stock_movements WHERE doc_type = ?').pluck().get(t) as number;
        db.prepare('UPDATE stock_movements SET doc_id = ? WHERE id = ?').run(900_000 + i, id);
        tampered.push(`movement ${id} points at missing ${t} ${900_000 + i}`);
      }
      for (const table of ['lots', 'reservations'] as const) {
        const row = db.prepare(`SELECT id, doc_type AS t FROM ${table} ORDER BY id LIMIT 1`).get() as { id: number; t: string };
        db.prepare(`UPDATE ${table} SET doc_id = 777777 WHERE id = ?`).run(row.id);
        tampered.push(`${table === 'lots' ? 'lot' : 'reservation'} ${row.id} points at missing ${row.t} 777777`);
      }
      expect(check()).toEqual(tampered.sort());
      expect(check()).toEqual(reference());
    } finally {
      db.exec('ROLLBACK');
    }
  });
});
