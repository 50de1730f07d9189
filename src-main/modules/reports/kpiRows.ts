/**
 * The facts of the period's order lines, read from the KPI summary `kpi_order_lines`
 * (migration 0018_kpi_summary: one row per line of a confirmed order, kept exact by
 * triggers): one range of one table by order date, no join. JS sums the lines of one
 * item per order and makes every grouping from the same rows.
 */
import type { ReadCtx } from '../../api/context';
import { sql, type Sql } from '../../db/sql';
import { KpiFacts, rowsOfFacts, type LineFacts } from './kpiFacts';

/**
 * The period's orders with their lines, as one flat JSON array: better-sqlite3 making
 * 250,000 rows of values cost more than reading them, and JSON.parse of plain numbers
 * allocates next to nothing. Per order (in order of date, then id) ORDER_WIDTH values —
 * orderId, channel, customerId, confirmedDay, due, month, number of lines — then
 * LINE_WIDTH numbers per line (in order of item, then line): itemId, net, qty, shipped,
 * lastDdt (day number or null), costMicros, unknownQty, returned. The order's own values
 * come once per order, not once per line (three strings a line was a third of the parse).
 * The summary's key (ordered_on, order_id, item_id, line_id) gives that order without
 * sorting and groups each order's lines without a temporary b-tree; the values come as
 * text made when the row was written (its generated columns json_order, json_line).
 */
export function kpiQuery(from: string, to: string): Sql {
  return sql`
    WITH o AS (
      SELECT json_order, count(*) AS n, group_concat(json_line) AS lines
      FROM kpi_order_lines WHERE ordered_on >= ${from} AND ordered_on <= ${to}
      GROUP BY ordered_on, order_id
    )
    SELECT '[' || coalesce(group_concat(json_order || ',' || n || ',' || lines), '') || ']' FROM o`;
}

const ORDER_WIDTH = 7;
const LINE_WIDTH = 8;

type Value = number | string | null;

/** Where each order starts in `kpiQuery`'s answer, in order of order id (the query gives them by date: the same order whenever order numbers follow their dates). */
function orderStarts(v: readonly Value[]): number[] {
  const starts: number[] = [];
  let sorted = true;
  for (let at = 0; at < v.length; at += ORDER_WIDTH + LINE_WIDTH * (v[at + 6] as number)) {
    if (starts.length > 0 && (v[at] as number) < (v[starts[starts.length - 1]!] as number)) sorted = false;
    starts.push(at);
  }
  return sorted ? starts : starts.sort((a, b) => (v[a] as number) - (v[b] as number));
}

/**
 * The lines of one order by item then line, whatever order group_concat gave them in:
 * null when they already are (the summary's key order, in practice), else where each starts.
 */
function unsortedLineStarts(v: readonly Value[], first: number, n: number): number[] | null {
  let sorted = true;
  for (let i = 1, at = first + LINE_WIDTH; i < n && sorted; i++, at += LINE_WIDTH) sorted = (v[at] as number) >= (v[at - LINE_WIDTH] as number);
  if (sorted) return null;
  const starts = Array.from({ length: n }, (_, i) => first + i * LINE_WIDTH);
  return starts.sort((a, b) => (v[a] as number) - (v[b] as number) || a - b);
}

/**
 * The period's order lines, those of one item in one order summed (a service line counts
 * money only, and is always complete), in order of order and item, as columns.
 */
export function loadKpiFacts(ctx: ReadCtx, from: string, to: string): KpiFacts {
  const categories = new Map<number, string>();
  const services = new Set<number>();
  for (const [id, category, service] of ctx.sqlite.prepare("SELECT id, coalesce(category, ''), kind = 'service' FROM items").raw().all() as [number, string, number][]) {
    categories.set(id, category);
    if (service === 1) services.add(id);
  }
  const q = kpiQuery(from, to);
  const v = JSON.parse(ctx.sqlite.prepare(q.text).pluck().get(...q.values) as string) as Value[];
  const facts = new KpiFacts(Math.floor(v.length / LINE_WIDTH), (itemId) => categories.get(itemId) ?? '');
  for (const o of orderStarts(v)) {
    const confirmedDay = v[o + 3] as number | null;
    facts.addOrder({ orderId: v[o] as number, channel: v[o + 1] as string, customerId: v[o + 2] as number, due: v[o + 4] as string | null, month: v[o + 5] as string });
    const n = v[o + 6] as number;
    const starts = unsortedLineStarts(v, o + ORDER_WIDTH, n);
    for (let s = 0; s < n; ) {
      // the lines of one item, summed into one
      const itemId = v[starts === null ? o + ORDER_WIDTH + s * LINE_WIDTH : starts[s]!] as number;
      const service = services.has(itemId);
      let net = 0, qty = 0, shipped = 0, returned = 0, cost = 0, estimated = 0, complete = 1;
      let lastDay: number | null = null;
      for (; s < n; s++) {
        // (no closure for this: one per order costs more than the arithmetic)
        const at = starts === null ? o + ORDER_WIDTH + s * LINE_WIDTH : starts[s]!;
        if (v[at] !== itemId) break;
        const lineQty = v[at + 2] as number;
        const lineShipped = v[at + 3] as number;
        const day = v[at + 4] as number | null;
        net += v[at + 1] as number;
        returned += v[at + 7] as number;
        cost += v[at + 5] as number;
        if (!service) {
          qty += lineQty;
          shipped += lineShipped;
          estimated += lineQty - Math.min(lineShipped, lineQty) + (v[at + 6] as number);
          if (lineShipped < lineQty) complete = 0;
        }
        if (day !== null && (lastDay === null || day > lastDay)) lastDay = day;
      }
      const i = facts.addLine(itemId);
      facts.netCents[i] = net;
      facts.qtyMilli[i] = qty;
      facts.shippedMilli[i] = shipped;
      facts.returnedMilli[i] = returned;
      facts.lotCostMicros[i] = cost;
      facts.estimatedMilli[i] = estimated;
      facts.complete[i] = complete;
      if (lastDay !== null) {
        facts.lastDay[i] = lastDay;
        // as before: a confirmed order without a confirmation date counts from day 0
        facts.shipDays[i] = lastDay - (confirmedDay ?? 0);
      }
    }
  }
  return facts;
}

/** The same lines one object each (the reference test compares them with the previous query). */
export function loadLineFacts(ctx: ReadCtx, from: string, to: string): LineFacts[] {
  return rowsOfFacts(loadKpiFacts(ctx, from, to));
}
