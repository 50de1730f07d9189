/**
 * Promises for many orders at once, earliest requested first, each booking its new
 * production on the capacity the previous ones left; and the what-if of an order being
 * typed, served only from what all open orders leave over.
 */
import type { CapacityBoard } from './capacity';
import type { Plan } from './plan';
import { promiseOrder, type DeliveryPromise } from './promise';

export interface OrderToPromise {
  orderId: number;
  number: string;
  requestedOn: string | null;
  transitDays: number;
  lines: { itemId: number; qtyMilli: number }[];
  allocatedMilli: ReadonlyMap<number, number>;
}

export function promiseAll(plan: Plan, orders: OrderToPromise[]): { board: CapacityBoard; promises: Map<number, DeliveryPromise> } {
  const board = plan.board.clone();
  const promises = new Map<number, DeliveryPromise>();
  const sorted = [...orders].sort((a, b) => ((a.requestedOn ?? '9999') < (b.requestedOn ?? '9999') ? -1 : (a.requestedOn ?? '9999') > (b.requestedOn ?? '9999') ? 1 : a.orderId - b.orderId));
  for (const o of sorted) promises.set(o.orderId, promiseOrder(plan, plan.lineDemands.get(o.orderId) ?? [], o.lines, board, { transitDays: o.transitDays, allocatedMilli: o.allocatedMilli }));
  return { board, promises };
}

/** A new order (not saved yet): last in line for stock, supply and capacity. */
export function promiseNewOrder(plan: Plan, boardAfterOpenOrders: CapacityBoard, lines: { itemId: number; qtyMilli: number }[], requestedOn: string | null, transitDays: number): DeliveryPromise {
  const fork = plan.netting.fork();
  const demands = lines.filter((l) => l.qtyMilli > 0).map((l) => fork.newDemand(l.itemId, l.qtyMilli, requestedOn ?? plan.snap.today, [{ kind: 'order', id: 0, number: '' }], 1));
  fork.run();
  return promiseOrder(plan, demands, lines, boardAfterOpenOrders.clone(), { transitDays });
}
