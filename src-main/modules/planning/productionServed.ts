/**
 * The orders each open production order serves, from the links read (production id, order
 * id, one per linked line): each order once, those that exist, by number, and the earliest
 * date they ask. The snapshot reads production rows and links both by production id, so it
 * walks them side by side; a map of each production order's orders is the fallback.
 */
import type { OpenProduction } from '../../../src-shared/domain/planning/types';

export type Served = { orders: OpenProduction['orders']; dueOn: string | null };
export type OrderRef = { number: string; dueOn: string | null };

/** The links come by production id, as the production rows (SQLite reads both in the order of the sorted IN list): true when they do. */
export function linksInOrder(ids: number[], linkProduction: number[]): boolean {
  for (let j = 1; j < linkProduction.length; j++) if (linkProduction[j]! < linkProduction[j - 1]!) return false;
  for (let k = 1; k < ids.length; k++) if (ids[k]! <= ids[k - 1]!) return false;
  return true;
}

/** The orders one production order serves (each once, those that exist, by number) and the earliest date they ask; null: none. */
function servedOf(orderIds: readonly number[], order: Map<number, OrderRef>): Served | null {
  const s: Served = { orders: [], dueOn: null };
  for (const id of orderIds) {
    const o = order.get(id);
    if (!o) continue; // no such order (the join this replaces dropped it too)
    s.orders.push({ id, number: o.number });
    if (o.dueOn !== null && (s.dueOn === null || o.dueOn < s.dueOn)) s.dueOn = o.dueOn;
  }
  if (s.orders.length === 0) return null;
  s.orders.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return s;
}

/**
 * Production rows and links both by production id: each production order's links are the
 * next ones, walked alongside (no list and map entry per production order: 25,000 of them
 * with the open orders quadrupled).
 */
export function servedWalking(ids: number[], linkProduction: number[], linkOrder: number[], order: Map<number, OrderRef>): (id: number) => Served | null {
  let j = 0;
  const mine: number[] = [];
  return (id) => {
    while (j < linkProduction.length && linkProduction[j]! < id) j++;
    if (j === linkProduction.length || linkProduction[j] !== id) return null;
    mine.length = 0;
    for (; j < linkProduction.length && linkProduction[j] === id; j++) if (!mine.includes(linkOrder[j]!)) mine.push(linkOrder[j]!);
    return servedOf(mine, order);
  };
}

/** The same from a map of each production order's orders, should the links come in another order. */
export function servedByMap(linkProduction: number[], linkOrder: number[], order: Map<number, OrderRef>): (id: number) => Served | null {
  const orderIdsOf = new Map<number, number[]>();
  for (let k = 0; k < linkProduction.length; k++) {
    const list = orderIdsOf.get(linkProduction[k]!);
    if (!list) orderIdsOf.set(linkProduction[k]!, [linkOrder[k]!]);
    else if (!list.includes(linkOrder[k]!)) list.push(linkOrder[k]!);
  }
  return (id) => {
    const orderIds = orderIdsOf.get(id);
    return orderIds ? servedOf(orderIds, order) : null;
  };
}
