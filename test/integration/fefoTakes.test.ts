/**
 * A release reads FEFO's lots through fefoTakesOf (only the lots it takes, in SQL's order)
 * instead of every free lot through freeStockOf, then proposeFefo and availableOf in
 * JavaScript. The two must agree exactly — the same lots, in the same order, the same
 * quantities, the same shortage and availability — on shelves with everything that
 * changes FEFO's answer: lots in quarantine, blocked or recalled; expired, expiring on the
 * day, never expiring; equal expiry and origin dates (the id decides); lots fully held;
 * item-level holds; needs below, at and above what is free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import { fefoTakesOf, freeStockOf, availableOf } from '../../src-main/modules/inventory/lotQueries';
import { proposeFefo } from '../../src-shared/domain/fefo';
import { Rng } from '../../src-main/demo/rng';
import { aMaterial, removeTempDbs, testApp } from '../builders';

let app: BottegaApp;
let items: number[];

const STATUSES = ['released', 'released', 'released', 'quarantine', 'blocked', 'recalled'] as const;
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-10'];

beforeAll(() => {
  app = testApp();
  items = [1, 2, 3, 4].map((k) => aMaterial().sku(`MP-${k}`).create(app).id);
  const db = app.ctx.sqlite;
  const rng = new Rng(18);
  const lot = db.prepare(
    `INSERT INTO lots (item_id, code, origin, status, origin_date, expires_on, doc_type, doc_id, on_hand_milli, reserved_milli, created_at)
     VALUES (?, ?, 'receipt', ?, ?, ?, 'adjustment', 0, ?, ?, '2026-01-01T00:00:00.000Z')`,
  );
  const hold = db.prepare(
    `INSERT INTO reservations (item_id, lot_id, qty_milli, original_milli, doc_type, doc_id, created_at) VALUES (?, NULL, ?, ?, 'customer_order', 1, '2026-01-01T00:00:00.000Z')`,
  );
  let n = 0;
  // the last item has no lot at all
  for (const itemId of items.slice(0, 3)) {
    for (let k = 0; k < 40; k++) {
      const onHand = rng.int(0, 5) * 1000;
      const reserved = rng.chance(0.3) ? Math.min(onHand, rng.int(0, 5) * 1000) : 0;
      // few distinct dates, so expiry and origin ties are common
      const expiresOn = rng.chance(0.2) ? null : rng.pick(['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-05', '2026-04-01']);
      lot.run(itemId, `L-${++n}`, rng.pick(STATUSES), rng.pick(['2026-01-01', '2026-01-02']), expiresOn, onHand, reserved);
    }
    if (itemId !== items[0]) hold.run(itemId, 3000, 3000);
  }
});
afterAll(() => {
  app.close();
  removeTempDbs();
});

/** What the release read before: freeStockOf, then proposeFefo and availableOf per item. */
function before(needs: Map<number, number>, date: string) {
  const stock = freeStockOf(app.ctx, [...needs.keys()]);
  return new Map(
    [...needs].map(([itemId, needed]) => {
      const p = proposeFefo(stock.get(itemId)!.lots, needed, date);
      return [itemId, { picks: p.picks.map((x) => ({ lotId: x.lotId, qtyMilli: x.qtyMilli })), shortMilli: p.shortMilli, availableMilli: availableOf(stock.get(itemId)!, date) }];
    }),
  );
}

describe('fefoTakesOf', () => {
  it('proposes what proposeFefo proposes on every free lot, and the same availability', () => {
    let compared = 0;
    let picked = 0;
    for (const date of DAYS) {
      for (const needed of [0, 500, 1000, 2500, 7000, 20_000, 60_000, 1_000_000]) {
        const needs = new Map(items.map((id, k) => [id, needed + k * 700]));
        const now = fefoTakesOf(app.ctx, needs, date);
        expect(now, `needs of ${needed} on ${date}`).toEqual(before(needs, date));
        compared++;
        for (const o of now.values()) picked += o.picks.length;
      }
    }
    // the shelves made FEFO walk several lots, with shortages and without
    expect(compared).toBe(32);
    expect(picked).toBeGreaterThan(100);
  });
});
