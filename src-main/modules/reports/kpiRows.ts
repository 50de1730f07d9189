/**
 * The facts of the period's order lines, summed by SQL per order and item: one pass over
 * the confirmed orders placed in the period, their lines, the lines' DDTs (shipped lots
 * with their costs) and the returns against them. JS gets one row per order line, never
 * the shipment lines themselves, and makes every grouping from the same rows.
 */
import type { ReadCtx } from '../../api/context';
import { sql, trusted, type Sql } from '../../db/sql';
import type { LineFacts } from './kpiAggregate';

/**
 * A line's amount before VAT, in cents: qty × price × (1 − discount), rounded half away
 * from zero once (orderStatus.ts lineNetCents, the same formula in SQL).
 */
const LINE_NET = trusted(
  `(CASE WHEN ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) >= 0
     THEN (ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) + 5000000) / 10000000
     ELSE -((5000000 - ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp)) / 10000000) END)`,
);

export function kpiQuery(from: string, to: string): Sql {
  return sql`
    WITH o AS MATERIALIZED (
      SELECT id, customer_id, channel, substr(ordered_on, 1, 7) AS month, substr(confirmed_at, 1, 10) AS confirmedOn,
             coalesce(promised_on, requested_on) AS due
      FROM customer_orders WHERE ordered_on >= ${from} AND ordered_on <= ${to} AND state = 'confirmed'
    ),
    shipped AS MATERIALIZED (
      SELECT sl.order_line_id AS lineId, sum(sl.qty_milli) AS qty, max(d.date) AS lastDdt,
             sum(CASE WHEN lot.unit_cost_micros IS NOT NULL THEN (sl.qty_milli * lot.unit_cost_micros + 500) / 1000 ELSE 0 END) AS costMicros,
             sum(CASE WHEN lot.unit_cost_micros IS NULL THEN sl.qty_milli ELSE 0 END) AS unknownQty,
             sum(coalesce((SELECT sum(r.qty_milli) FROM shipment_return_lines r WHERE r.shipment_line_id = sl.id), 0)) AS returned
      -- CROSS JOIN keeps this order: from the period's orders to their lines, not from every shipment
      FROM o CROSS JOIN shipment_lines sl ON sl.order_id = o.id
      -- a shipment has its DDT once confirmed (a confirmed one is never cancelled): the DDT is the proof it left
      CROSS JOIN ddts d INDEXED BY ddts_shipment_kind_date ON d.shipment_id = sl.shipment_id AND d.kind = 'shipment'
      CROSS JOIN lots lot INDEXED BY lots_cost ON lot.id = sl.lot_id
      GROUP BY sl.order_line_id
    ),
    ln AS (
      SELECT o.id AS orderId, ol.item_id AS itemId, o.channel, o.customer_id AS customerId, coalesce(i.category, '') AS category,
             o.month, o.confirmedOn, o.due, ${LINE_NET} AS net, i.kind = 'service' AS service, ol.qty_milli AS qty,
             coalesce(s.qty, 0) AS shipped, coalesce(s.costMicros, 0) AS costMicros, coalesce(s.unknownQty, 0) AS unknownQty,
             coalesce(s.returned, 0) AS returned, s.lastDdt
      FROM o CROSS JOIN order_lines ol ON ol.order_id = o.id
      CROSS JOIN items i ON i.id = ol.item_id
      LEFT JOIN shipped s ON s.lineId = ol.id
    )
    SELECT orderId, itemId, channel, customerId, category, month, due,
           sum(net) AS netCents,
           sum(CASE WHEN service THEN 0 ELSE qty END) AS qtyMilli,
           sum(CASE WHEN service THEN 0 ELSE shipped END) AS shippedMilli,
           sum(returned) AS returnedMilli,
           sum(costMicros) AS lotCostMicros,
           sum(CASE WHEN service THEN 0 ELSE qty - min(shipped, qty) + unknownQty END) AS estimatedMilli,
           min(CASE WHEN service OR shipped >= qty THEN 1 ELSE 0 END) AS complete,
           max(lastDdt) AS lastDdt,
           CAST(julianday(max(lastDdt)) - julianday(confirmedOn) AS INTEGER) AS shipDays
    FROM ln GROUP BY orderId, itemId`;
}

/** The period's order lines (of one item per order summed), in order id order. */
export function loadLineFacts(ctx: ReadCtx, from: string, to: string): LineFacts[] {
  const q = kpiQuery(from, to);
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as (Omit<LineFacts, 'complete'> & { complete: number })[];
  for (const r of rows) (r as unknown as LineFacts).complete = r.complete === 1;
  return rows as unknown as LineFacts[];
}
