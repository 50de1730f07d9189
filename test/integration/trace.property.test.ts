/**
 * Over the whole small demo database: the two directions of the trace agree. A lot is
 * in the backward trace of B exactly when B is in the forward trace of that lot, and the
 * edges each direction reports are the very genealogy rows (no edge lost, none twice).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import { demoApp, removeTempDbs } from '../builders';

let app: BottegaApp;
beforeAll(() => {
  app = demoApp({ scale: 'small', seed: 1 });
});
afterAll(() => {
  app.close();
  removeTempDbs();
});

describe('trace symmetry over the demo', () => {
  it('A ∈ backward(B) ⇔ B ∈ forward(A), for every lot of the demo', () => {
    const db = app.ctx.sqlite;
    const lotIds = db.prepare('SELECT id FROM lots ORDER BY id').pluck().all() as number[];
    const genealogyRows = db.prepare('SELECT count(*) FROM lot_genealogy').pluck().get() as number;
    expect(genealogyRows).toBeGreaterThan(20);
    const backward = new Map<number, Set<number>>();
    const forward = new Map<number, Set<number>>();
    let pairs = 0;
    for (const id of lotIds) {
      const tr = app.call('trace.lot', { lotId: id, direction: 'both' });
      const back = new Set(tr.backwardEdges.flatMap((e) => [e.inputLotId, e.outputLotId]));
      const fwd = new Set(tr.forwardEdges.flatMap((e) => [e.inputLotId, e.outputLotId]));
      back.delete(id);
      fwd.delete(id);
      backward.set(id, back);
      forward.set(id, fwd);
      pairs += back.size;
      // every edge once
      const keys = [...tr.backwardEdges, ...tr.forwardEdges].map((e) => `${e.inputLotId}>${e.outputLotId}>${e.productionOrderId}`);
      expect(new Set(keys).size).toBe(keys.length);
      // every lot the edges name is described once
      const described = tr.lots.map((l) => l.id);
      expect(new Set(described).size).toBe(described.length);
      expect(new Set(described)).toEqual(new Set([id, ...back, ...fwd]));
    }
    expect(pairs).toBeGreaterThan(50);
    for (const b of lotIds) for (const a of backward.get(b)!) expect(forward.get(a)!.has(b), `lot ${a} is in backward(${b}) but ${b} not in forward(${a})`).toBe(true);
    for (const a of lotIds) for (const b of forward.get(a)!) expect(backward.get(b)!.has(a), `lot ${b} is in forward(${a}) but ${a} not in backward(${b})`).toBe(true);
  });

  it('the direct edges of every lot are exactly its genealogy rows', () => {
    const db = app.ctx.sqlite;
    const rows = db.prepare('SELECT input_lot_id AS i, output_lot_id AS o, qty_milli AS q FROM lot_genealogy').all() as { i: number; o: number; q: number }[];
    const sample = rows.filter((_, k) => k % 7 === 0);
    for (const r of sample) {
      const tr = app.call('trace.lot', { lotId: r.o, direction: 'backward' });
      const direct = tr.backwardEdges.filter((e) => e.outputLotId === r.o && e.inputLotId === r.i).reduce((s, e) => s + e.qtyMilli, 0);
      const expected = rows.filter((x) => x.o === r.o && x.i === r.i).reduce((s, x) => s + x.q, 0);
      expect(direct).toBe(expected);
    }
  });
});
