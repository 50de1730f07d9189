/**
 * The reference for the KPI rows: the query of issue 16's first version, kept verbatim
 * (orders → lines → shipment lines with their DDT and lot → returns, joined and grouped
 * at every call), and the comparison of `loadLineFacts` (which reads the KPI summary)
 * with it. Equal rows mean equal reports: every figure of `reports.kpis` is made from them.
 */
import { expect } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import { loadLineFacts } from '../../src-main/modules/reports/kpiRows';

export const PREVIOUS = `
    WITH o AS MATERIALIZED (SELECT id FROM customer_orders WHERE ordered_on >= ? AND ordered_on <= ? AND state = 'confirmed'),
    shipped AS MATERIALIZED (
      SELECT sl.order_line_id AS lineId, sum(sl.qty_milli) AS qty, CAST(julianday(max(d.date)) AS INTEGER) AS lastDdt,
             sum(CASE WHEN lot.unit_cost_micros IS NOT NULL THEN (sl.qty_milli * lot.unit_cost_micros + 500) / 1000 ELSE 0 END) AS costMicros,
             sum(CASE WHEN lot.unit_cost_micros IS NULL THEN sl.qty_milli ELSE 0 END) AS unknownQty,
             sum(coalesce((SELECT sum(r.qty_milli) FROM shipment_return_lines r WHERE r.shipment_line_id = sl.id), 0)) AS returned
      FROM o CROSS JOIN shipment_lines sl ON sl.order_id = o.id
      CROSS JOIN ddts d ON d.shipment_id = sl.shipment_id AND d.kind = 'shipment'
      CROSS JOIN lots lot ON lot.id = sl.lot_id
      GROUP BY sl.order_line_id
    ),
    ln AS (
      SELECT o.id AS orderId, ol.item_id AS itemId,
             (CASE WHEN ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) >= 0
               THEN (ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) + 5000000) / 10000000
               ELSE -((5000000 - ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp)) / 10000000) END) AS net,
             i.kind = 'service' AS service, ol.qty_milli AS qty,
             coalesce(s.qty, 0) AS shipped, coalesce(s.costMicros, 0) AS costMicros, coalesce(s.unknownQty, 0) AS unknownQty,
             coalesce(s.returned, 0) AS returned, s.lastDdt
      FROM o CROSS JOIN order_lines ol ON ol.order_id = o.id
      CROSS JOIN items i ON i.id = ol.item_id
      LEFT JOIN shipped s ON s.lineId = ol.id
    )
    SELECT orderId, itemId,
           sum(net) AS netCents,
           sum(CASE WHEN service THEN 0 ELSE qty END) AS qtyMilli,
           sum(CASE WHEN service THEN 0 ELSE shipped END) AS shippedMilli,
           sum(returned) AS returnedMilli,
           sum(costMicros) AS lotCostMicros,
           sum(CASE WHEN service THEN 0 ELSE qty - min(shipped, qty) + unknownQty END) AS estimatedMilli,
           min(CASE WHEN service OR shipped >= qty THEN 1 ELSE 0 END) AS complete,
           max(lastDdt) AS lastDay
    FROM ln GROUP BY orderId, itemId ORDER BY orderId, itemId`;

/** julianday() of an ISO date, truncated, as the previous query gave it. */
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 2440587;

/** The KPI rows of the period equal the reference query's, row by row and in the same order; returns how many. */
export function expectReferenceRows(app: BottegaApp, from: string, to: string): number {
  const previous = app.ctx.sqlite.prepare(PREVIOUS).all(from, to) as Record<string, number | null>[];
  const now = loadLineFacts(app.ctx, from, to).map((f) => ({
    orderId: f.orderId,
    itemId: f.itemId,
    netCents: f.netCents,
    qtyMilli: f.qtyMilli,
    shippedMilli: f.shippedMilli,
    returnedMilli: f.returnedMilli,
    lotCostMicros: f.lotCostMicros,
    estimatedMilli: f.estimatedMilli,
    complete: f.complete ? 1 : 0,
    lastDay: f.lastDdt === null ? null : dayOf(f.lastDdt),
  }));
  expect(now).toEqual(previous);
  return previous.length;
}
