/**
 * Why an order's promise is no longer the date promised to the customer: the causes the
 * data can show since the promise was made (the time of its "Promise this date" in the
 * activity log) — an order confirmed since then that the queue puts ahead of this one and
 * that needs the same items, a reservation made since then on those items — or, when none
 * of these is found, the plain "stock, supply or production changed". Nothing is guessed.
 */
import type { Demand } from '../../../src-shared/domain/planning/netting';
import { queueOrder } from '../../../src-shared/domain/planning/promiseAll';
import type { ReadCtx } from '../../api/context';
import type { CurrentPlan } from './planCache';
import { rows } from './statements';

export interface PromiseChange {
  promisedOn: string;
  causes: { kind: 'order_ahead' | 'reservation' | 'other'; refs: string[] }[];
}

/** Items an order's demand reaches: its lines and, through what must be made, their materials. */
function itemsOf(demands: Demand[]): Set<number> {
  const items = new Set<number>();
  const walk = (d: Demand, depth: number) => {
    items.add(d.itemId);
    if (depth < 50) for (const c of d.children) walk(c, depth + 1);
  };
  for (const d of demands) walk(d, 0);
  return items;
}

export function promiseChange(ctx: ReadCtx, cp: CurrentPlan, order: { id: number; requestedOn: string | null }, deliveryOn: string | null): PromiseChange | null {
  const head = rows<{ promisedOn: string | null }>(ctx.sqlite, 'SELECT promised_on AS promisedOn FROM customer_orders WHERE id = ?', order.id)[0];
  if (!head?.promisedOn || head.promisedOn === deliveryOn) return null;
  // when the date was promised (its entry in the activity log); a date set some other way (an import) counts from the start
  const promised = rows<{ id: number; at: string }>(
    ctx.sqlite,
    `SELECT l.id, l.at FROM audit_docs d JOIN audit_log l ON l.id = d.audit_id WHERE d.doc = ? AND l.operation = 'orders.setPromisedDate' ORDER BY l.id DESC LIMIT 1`,
    `orders/${order.id}`,
  )[0] ?? { id: 0, at: '' };
  const since = promised.at;
  const mine = itemsOf(cp.plan.lineDemands.get(order.id) ?? []);
  const me = { orderId: order.id, requestedOn: order.requestedOn };
  // orders confirmed since: by the log's order of entries (two commands can share a clock reading)
  const touched = new Set(
    rows<{ doc: string }>(ctx.sqlite, `SELECT DISTINCT d.doc FROM audit_log l JOIN audit_docs d ON d.audit_id = l.id WHERE l.id > ? AND d.doc LIKE 'orders/%'`, promised.id).map((r) => Number(r.doc.slice(7))),
  );
  const newer = rows<{ id: number; number: string }>(ctx.sqlite, `SELECT id, number FROM customer_orders WHERE state = 'confirmed' AND confirmed_at >= ? AND id <> ? ORDER BY number`, since, order.id).filter((o) => touched.has(o.id));
  const open = new Map(cp.snap.openOrders.map((o) => [o.id, o]));
  const ahead = newer.filter((o) => {
    const other = open.get(o.id);
    if (!other || queueOrder({ orderId: o.id, requestedOn: other.requestedOn }, me) >= 0) return false;
    for (const i of itemsOf(cp.plan.lineDemands.get(o.id) ?? [])) if (mine.has(i)) return true;
    return false;
  });
  const reserved = rows<{ itemId: number; sku: string }>(
    ctx.sqlite,
    `SELECT DISTINCT r.item_id AS itemId, i.sku FROM reservations r JOIN items i ON i.id = r.item_id
     WHERE r.created_at > ? AND r.qty_milli > 0 AND NOT (r.doc_type = 'customer_order' AND r.doc_id = ?) ORDER BY i.sku`,
    since,
    order.id,
  ).filter((r) => mine.has(r.itemId));
  const causes: PromiseChange['causes'] = [];
  if (ahead.length > 0) causes.push({ kind: 'order_ahead', refs: ahead.map((o) => o.number) });
  if (reserved.length > 0) causes.push({ kind: 'reservation', refs: reserved.map((r) => r.sku) });
  if (causes.length === 0) causes.push({ kind: 'other', refs: [] });
  return { promisedOn: head.promisedOn, causes };
}
