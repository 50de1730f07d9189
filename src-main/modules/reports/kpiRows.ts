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
 * `SHIPPED` in every sum. The rows come back as one flat JSON array of numbers, WIDTH a
 * row: better-sqlite3 making 250,000 rows of values cost more than the query itself, and
 * JSON.parse of plain numbers allocates next to nothing (an array per row kept the
 * garbage collector busy).
 * Columns: orderId, itemId, net, qty, shipped, lastDdt (day number or null), costMicros, unknownQty, returned.
 * Which items are services JS knows from the items it reads anyway (no lookup per line).
 */
export function kpiQuery(from: string, to: string): Sql {
  return sql`
    WITH r AS MATERIALIZED (SELECT shipment_line_id AS id, sum(qty_milli) AS qty FROM shipment_return_lines GROUP BY shipment_line_id),
    ln AS (
      SELECT co.id AS orderId, ol.item_id AS itemId, ${LINE_NET} AS net, ol.qty_milli AS qty,
             sum(CASE WHEN ${SHIPPED} THEN sl.qty_milli ELSE 0 END) AS shipped,
             CAST(julianday(max(CASE WHEN ${SHIPPED} THEN d.date END)) AS INTEGER) AS lastDdt,
             sum(CASE WHEN ${SHIPPED} AND lot.unit_cost_micros IS NOT NULL THEN (sl.qty_milli * lot.unit_cost_micros + 500) / 1000 ELSE 0 END) AS costMicros,
             sum(CASE WHEN ${SHIPPED} AND lot.unit_cost_micros IS NULL THEN sl.qty_milli ELSE 0 END) AS unknownQty,
             sum(CASE WHEN ${SHIPPED} THEN coalesce(r.qty, 0) ELSE 0 END) AS returned
      FROM customer_orders co INDEXED BY customer_orders_date
      CROSS JOIN order_lines ol INDEXED BY order_lines_kpi ON ol.order_id = co.id
      LEFT JOIN shipment_lines sl INDEXED BY shipment_lines_kpi ON sl.order_line_id = ol.id
      -- "+d.kind": a LEFT JOIN on the whole index made SQLite build a Bloom filter by reading every DDT row (each with its snapshot)
      LEFT JOIN ddts d INDEXED BY ddts_shipment_kind_date ON d.shipment_id = sl.shipment_id AND +d.kind = 'shipment'
      LEFT JOIN lots lot INDEXED BY lots_cost ON lot.id = sl.lot_id
      LEFT JOIN r ON r.id = sl.id
      WHERE co.ordered_on >= ${from} AND co.ordered_on <= ${to} AND co.state = 'confirmed'
      GROUP BY co.ordered_on, co.id, ol.item_id, ol.id
    )
    SELECT '[' || coalesce(group_concat(orderId || ',' || itemId || ',' || net || ',' || qty || ',' || shipped || ','
             || coalesce(lastDdt, 'null') || ',' || costMicros || ',' || unknownQty || ',' || returned), '') || ']' FROM ln`;
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

/** Numbers per row of `kpiQuery`. */
const WIDTH = 9;

/**
 * Row numbers of `kpiQuery`'s answer in order of order and item (the lines of one item in
 * one order next to each other), whatever order SQL gave them in; the query gives them by
 * order date, which is that order whenever order numbers follow their dates.
 */
function byOrderAndItem(v: readonly (number | null)[]): Int32Array {
  const n = v.length / WIDTH;
  const idx = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    idx[i] = i;
    if (i > 0 && (v[i * WIDTH]! < v[(i - 1) * WIDTH]! || (v[i * WIDTH] === v[(i - 1) * WIDTH] && v[i * WIDTH + 1]! < v[(i - 1) * WIDTH + 1]!))) sorted = false;
  }
  return sorted ? idx : idx.sort((a, b) => v[a * WIDTH]! - v[b * WIDTH]! || v[a * WIDTH + 1]! - v[b * WIDTH + 1]! || a - b);
}

/**
 * The period's order lines, those of one item in one order summed (a service line counts
 * money only, and is always complete), in order of order and item.
 */
export function loadLineFacts(ctx: ReadCtx, from: string, to: string): LineFacts[] {
  const oq = orderQuery(from, to);
  type Order = { id: number; channel: string; customerId: number; month: string; confirmedDay: number; due: string | null; dueDay: number | null };
  const orders = new Map<number, Order>();
  for (const o of ctx.sqlite.prepare(oq.text).all(...oq.values) as Order[]) orders.set(o.id, o);
  const categories = new Map<number, string>();
  const services = new Set<number>();
  for (const [id, category, service] of ctx.sqlite.prepare("SELECT id, coalesce(category, ''), kind = 'service' FROM items").raw().all() as [number, string, number][]) {
    categories.set(id, category);
    if (service === 1) services.add(id);
  }
  const q = kpiQuery(from, to);
  const v = JSON.parse(ctx.sqlite.prepare(q.text).pluck().get(...q.values) as string) as (number | null)[];
  const out: LineFacts[] = [];
  let cur: LineFacts | undefined;
  let lastDay: number | null = null;
  let confirmedDay = 0;
  const close = () => {
    if (cur && lastDay !== null) {
      cur.lastDdt = isoOfDay(lastDay);
      cur.shipDays = lastDay - confirmedDay;
    }
  };
  for (const i of byOrderAndItem(v)) {
    const at = i * WIDTH;
    const orderId = v[at]!;
    const itemId = v[at + 1]!;
    if (!cur || cur.orderId !== orderId || cur.itemId !== itemId) {
      close();
      const o = orders.get(orderId)!;
      confirmedDay = o.confirmedDay;
      lastDay = null;
      out.push(
        (cur = {
          orderId,
          itemId,
          channel: o.channel,
          customerId: o.customerId,
          category: categories.get(itemId) ?? '',
          month: o.month,
          due: o.due,
          netCents: 0,
          qtyMilli: 0,
          shippedMilli: 0,
          returnedMilli: 0,
          lotCostMicros: 0,
          estimatedMilli: 0,
          complete: true,
          lastDdt: null,
          shipDays: null,
        }),
      );
    }
    const qty = v[at + 3]!;
    const shipped = v[at + 4]!;
    const day = v[at + 5] ?? null;
    cur.netCents += v[at + 2]!;
    cur.returnedMilli += v[at + 8]!;
    cur.lotCostMicros += v[at + 6]!;
    if (!services.has(itemId)) {
      cur.qtyMilli += qty;
      cur.shippedMilli += shipped;
      cur.estimatedMilli += qty - Math.min(shipped, qty) + v[at + 7]!;
      if (shipped < qty) cur.complete = false;
    }
    if (day !== null && (lastDay === null || day > lastDay)) lastDay = day;
  }
  close();
  return out;
}
