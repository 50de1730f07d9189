/**
 * The facts of the period's order lines: one pass of SQL over the confirmed orders placed
 * in the period, their lines, the lines' DDTs (shipped lots with their costs) and the
 * returns against them, summed per order line; JS sums the lines of one item per order
 * and makes every grouping from the same rows. JS never sees the shipment lines.
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

/** The shipment line was shipped: it has its DDT (and its lot). */
const SHIPPED = trusted('(d.shipment_id IS NOT NULL AND lot.id IS NOT NULL)');

/**
 * One row per order line with what its DDTs shipped, in one pass that SQLite can group
 * without sorting: the period's orders by the date index (ordered by date then id), each
 * order's lines from `order_lines_kpi` (by item then line), each line's shipment lines
 * from `shipment_lines_kpi`, their DDT and lot from covering indexes — no table row is
 * read but the orders', and no temporary b-tree is built (the previous query grouped
 * 260,000 shipment lines in one and joined the result back through an automatic index).
 * A shipment line counts only with its DDT (the DDT is the proof it left: a shipment has
 * it once confirmed, and a confirmed one is never cancelled) — hence the LEFT JOINs and
 * `SHIPPED` in every sum. The rows come back as one JSON array: better-sqlite3 making
 * 250,000 rows of values cost more than the query itself, JSON.parse a fraction of it.
 * Columns: orderId, itemId, net, service, qty, shipped, lastDdt (day number), costMicros, unknownQty, returned.
 */
export function kpiQuery(from: string, to: string): Sql {
  return sql`
    WITH r AS MATERIALIZED (SELECT shipment_line_id AS id, sum(qty_milli) AS qty FROM shipment_return_lines GROUP BY shipment_line_id),
    ln AS (
      SELECT co.id AS orderId, ol.item_id AS itemId, ${LINE_NET} AS net, i.kind = 'service' AS service, ol.qty_milli AS qty,
             sum(CASE WHEN ${SHIPPED} THEN sl.qty_milli ELSE 0 END) AS shipped,
             CAST(julianday(max(CASE WHEN ${SHIPPED} THEN d.date END)) AS INTEGER) AS lastDdt,
             sum(CASE WHEN ${SHIPPED} AND lot.unit_cost_micros IS NOT NULL THEN (sl.qty_milli * lot.unit_cost_micros + 500) / 1000 ELSE 0 END) AS costMicros,
             sum(CASE WHEN ${SHIPPED} AND lot.unit_cost_micros IS NULL THEN sl.qty_milli ELSE 0 END) AS unknownQty,
             sum(CASE WHEN ${SHIPPED} THEN coalesce(r.qty, 0) ELSE 0 END) AS returned
      FROM customer_orders co INDEXED BY customer_orders_date
      CROSS JOIN order_lines ol INDEXED BY order_lines_kpi ON ol.order_id = co.id
      CROSS JOIN items i ON i.id = ol.item_id
      LEFT JOIN shipment_lines sl INDEXED BY shipment_lines_kpi ON sl.order_line_id = ol.id
      -- "+d.kind": a LEFT JOIN on the whole index made SQLite build a Bloom filter by reading every DDT row (each with its snapshot)
      LEFT JOIN ddts d INDEXED BY ddts_shipment_kind_date ON d.shipment_id = sl.shipment_id AND +d.kind = 'shipment'
      LEFT JOIN lots lot INDEXED BY lots_cost ON lot.id = sl.lot_id
      LEFT JOIN r ON r.id = sl.id
      WHERE co.ordered_on >= ${from} AND co.ordered_on <= ${to} AND co.state = 'confirmed'
      GROUP BY co.ordered_on, co.id, ol.item_id, ol.id
    )
    SELECT json_group_array(json_array(orderId, itemId, net, service, qty, shipped, lastDdt, costMicros, unknownQty, returned)) FROM ln`;
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

/** A row of `kpiQuery`. */
type Line = [orderId: number, itemId: number, net: number, service: 0 | 1 | null, qty: number, shipped: number, lastDdt: number | null, costMicros: number, unknownQty: number, returned: number];
type ItemRow = [orderId: number, itemId: number, netCents: number, qtyMilli: number, shippedMilli: number, returnedMilli: number, lotCostMicros: number, estimatedMilli: number, complete: number, lastDay: number | null];

/**
 * The lines of one item in one order summed (a service line counts money only, and is
 * always complete), in order of order and item whatever order SQL gave them in (the query
 * gives them nearly so, which the sort finds in one pass).
 */
function linesOfItems(lines: Line[]): ItemRow[] {
  lines.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: ItemRow[] = [];
  let cur: ItemRow | undefined;
  for (const [orderId, itemId, net, service, qty, shipped, lastDdt, costMicros, unknownQty, returned] of lines) {
    if (!cur || cur[0] !== orderId || cur[1] !== itemId) out.push((cur = [orderId, itemId, 0, 0, 0, 0, 0, 0, 1, null]));
    cur[2] += net;
    cur[5] += returned;
    cur[6] += costMicros;
    if (service !== 1) {
      cur[3] += qty;
      cur[4] += shipped;
      cur[7] += qty - Math.min(shipped, qty) + unknownQty;
      if (shipped < qty) cur[8] = 0;
    }
    if (lastDdt !== null && (cur[9] === null || lastDdt > cur[9])) cur[9] = lastDdt;
  }
  return out;
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
  const rows = linesOfItems(JSON.parse(ctx.sqlite.prepare(q.text).pluck().get(...q.values) as string) as Line[]);
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
