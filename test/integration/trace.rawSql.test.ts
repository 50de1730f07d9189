/**
 * The app's trace and the bench's raw recursive statement (test/bench/figures/traceSql.ts,
 * the floor trace.lot is timed against) answer the same on the demo: same lots at the same
 * depth with the same facts, same edges, reservations, shipments and recalls. If they drift
 * apart, the bench's app/SQL ratio compares different work.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { traceSql } from '../bench/figures/traceSql';
import { demoApp, removeTempDbs, tempDbPath } from '../builders';

afterAll(removeTempDbs);

type Raw = {
  lots: { id: number; depth: number; code: string; status: string; onHandMilli: number; item: { id: number }; production: { id: number } | null; receipt: { documentId: number } | null }[];
  edges: { inputLotId: number; outputLotId: number; productionOrderId: number; qtyMilli: number }[];
  reservations: { reservationId: number; qtyMilli: number }[];
  shipments: { shipmentLineId: number; shippedMilli: number; returnedMilli: number }[];
  recalls: { id: number }[];
};

describe('trace: app and raw recursive SQL agree', () => {
  const app = demoApp({ path: tempDbPath() });
  const db = app.ctx.sqlite;
  const lotIds = db.prepare('SELECT id FROM lots ORDER BY id').pluck().all() as number[];

  for (const direction of ['backward', 'forward'] as const) {
    it(`${direction}: every demo lot gives the same lots (depth, item, status, stock, origin), edges, reservations, shipments and recalls`, () => {
      const stmt = db.prepare(traceSql(direction)).pluck();
      let edgesSeen = 0;
      let deep = 0;
      for (const lotId of lotIds) {
        const raw = JSON.parse(stmt.get({ lotId }) as string) as Raw;
        const tr = app.call('trace.lot', { lotId, direction });
        const lotKey = (l: Raw['lots'][number]) => `${l.id}@${l.depth} ${l.code} ${l.item.id} ${l.status} ${l.onHandMilli} p${l.production?.id ?? '-'} r${l.receipt?.documentId ?? '-'}`;
        expect(tr.lots.map(lotKey).sort(), `lot ${lotId} lots`).toEqual(raw.lots.map(lotKey).sort());
        const edgeKey = (e: Raw['edges'][number]) => `${e.inputLotId}>${e.outputLotId} po${e.productionOrderId} ${e.qtyMilli}`;
        const appEdges = direction === 'backward' ? tr.backwardEdges : tr.forwardEdges;
        expect(appEdges.map(edgeKey).sort(), `lot ${lotId} edges`).toEqual(raw.edges.map(edgeKey).sort());
        expect(tr.reservations.map((r) => `${r.reservationId} ${r.qtyMilli}`).sort(), `lot ${lotId} reservations`).toEqual(raw.reservations.map((r) => `${r.reservationId} ${r.qtyMilli}`).sort());
        expect(tr.shipments.map((s) => `${s.shipmentLineId} ${s.shippedMilli} ${s.returnedMilli}`).sort(), `lot ${lotId} shipments`).toEqual(
          raw.shipments.map((s) => `${s.shipmentLineId} ${s.shippedMilli} ${s.returnedMilli}`).sort(),
        );
        expect(tr.recalls.map((r) => r.id).sort(), `lot ${lotId} recalls`).toEqual(raw.recalls.map((r) => r.id).sort());
        edgesSeen += appEdges.length;
        if (tr.lots.some((l) => l.depth >= 2)) deep++;
      }
      // the demo has real genealogy: the comparison covered multi-level traces, not only lone lots
      expect(edgesSeen).toBeGreaterThan(50);
      expect(deep).toBeGreaterThan(5);
    });
  }
});
