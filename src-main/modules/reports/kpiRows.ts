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

/** The period's confirmed orders: the condition both statements share. */
const ORDERS = (from: string, to: string) => sql`customer_orders WHERE ordered_on >= ${from} AND ordered_on <= ${to} AND state = 'confirmed'`;

/**
 * One row per order line (lines of one item per order summed), numbers only — the text of
 * an order (channel, dates) comes once per order from `orderQuery`, not once per line:
 * turning 250,000 rows of text into JS strings cost more than the SQL that found them.
 * Dates travel as day numbers (julianday), which also makes days-to-ship a subtraction.
 */
export function kpiQuery(from: string, to: string): Sql {
  return sql`
    WITH o AS MATERIALIZED (SELECT id FROM ${ORDERS(from, to)}),
    shipped AS MATERIALIZED (
      SELECT sl.order_line_id AS lineId, sum(sl.qty_milli) AS qty, CAST(julianday(max(d.date)) AS INTEGER) AS lastDdt,
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
      SELECT o.id AS orderId, ol.item_id AS itemId, ${LINE_NET} AS net, i.kind = 'service' AS service, ol.qty_milli AS qty,
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
           max(lastDdt) AS lastDdt
    FROM ln GROUP BY orderId, itemId`;
}

/** Once per order: what the lines share. */
export function orderQuery(from: string, to: string): Sql {
  return sql`
    SELECT id, channel, customer_id AS customerId, substr(ordered_on, 1, 7) AS month,
           CAST(julianday(substr(confirmed_at, 1, 10)) AS INTEGER) AS confirmedDay,
           coalesce(promised_on, requested_on) AS due, CAST(julianday(coalesce(promised_on, requested_on)) AS INTEGER) AS dueDay
    FROM ${ORDERS(from, to)}`;
}

const ISO_OF_DAY = new Map<number, string>();
/** A julian day number (julianday() of a date, which is at .5, truncated) back to its date, remembered (a year has 365 of them). */
function isoOfDay(day: number): string {
  let iso = ISO_OF_DAY.get(day);
  if (iso === undefined) ISO_OF_DAY.set(day, (iso = new Date((day - 2440587) * 86_400_000).toISOString().slice(0, 10)));
  return iso;
}

/** The period's order lines (of one item per order summed). */
export function loadLineFacts(ctx: ReadCtx, from: string, to: string): LineFacts[] {
  const oq = orderQuery(from, to);
  type Order = { id: number; channel: string; customerId: number; month: string; confirmedDay: number; due: string | null; dueDay: number | null };
  const orders = new Map<number, Order>();
  for (const o of ctx.sqlite.prepare(oq.text).all(...oq.values) as Order[]) orders.set(o.id, o);
  const categories = new Map<number, string>();
  for (const r of ctx.sqlite.prepare("SELECT id, coalesce(category, '') AS c FROM items").raw().all() as [number, string][]) categories.set(r[0], r[1]);
  const q = kpiQuery(from, to);
  const rows = ctx.sqlite.prepare(q.text).raw().all(...q.values) as [number, number, number, number, number, number, number, number, number, number | null][];
  const out: LineFacts[] = new Array<LineFacts>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [orderId, itemId, netCents, qtyMilli, shippedMilli, returnedMilli, lotCostMicros, estimatedMilli, complete, lastDay] = rows[i]!;
    const o = orders.get(orderId)!;
    out[i] = {
      orderId,
      itemId,
      channel: o.channel,
      customerId: o.customerId,
      category: categories.get(itemId) ?? '',
      month: o.month,
      due: o.due,
      netCents,
      qtyMilli,
      shippedMilli,
      returnedMilli,
      lotCostMicros,
      estimatedMilli,
      complete: complete === 1,
      lastDdt: lastDay === null ? null : isoOfDay(lastDay),
      shipDays: lastDay === null ? null : lastDay - o.confirmedDay,
    };
  }
  return out;
}
