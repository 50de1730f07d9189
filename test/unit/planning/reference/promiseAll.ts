/**
 * Promises for many orders at once, earliest requested first, each booking its new
 * production on the capacity the previous ones left; and the promise of an order being
 * typed, queued exactly as it will be once saved.
 */
import type { CapacityBoard } from './capacity';
import type { WorkCalendar } from '../../../../src-shared/domain/planning/calendar';
import { Plan } from './plan';
import { promiseOrder, type DeliveryPromise } from './promise';
import type { OpenLine, PlanningSnapshot } from '../../../../src-shared/domain/planning/types';

export interface OrderToPromise {
  orderId: number;
  number: string;
  requestedOn: string | null;
  transitDays: number;
  lines: { itemId: number; qtyMilli: number }[];
  allocatedMilli: ReadonlyMap<number, number>;
}

/** The queue's order: earliest requested first (no date: last), then the order saved first. */
export function queueOrder(a: { requestedOn: string | null; orderId: number }, b: { requestedOn: string | null; orderId: number }): number {
  const x = a.requestedOn ?? '9999';
  const y = b.requestedOn ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.orderId - b.orderId;
}

/** `until`: stop once that order is promised (the ones after it in the queue cannot change its promise). */
export function promiseAll(plan: Plan, orders: OrderToPromise[], until?: number): { board: CapacityBoard; promises: Map<number, DeliveryPromise> } {
  const board = plan.board.clone();
  const memo = new Map(plan.baseMakes); // one memory of bookings for the board, shared by every order
  const promises = new Map<number, DeliveryPromise>();
  const sorted = [...orders].sort(queueOrder);
  for (const o of sorted) {
    promises.set(o.orderId, promiseOrder(plan, plan.lineDemands.get(o.orderId) ?? [], o.lines, board, memo, { transitDays: o.transitDays, allocatedMilli: o.allocatedMilli }));
    if (o.orderId === until) break;
  }
  return { board, promises };
}

/** The id a new order is planned under: higher than any saved one, as it will be once saved. */
export const NEW_ORDER_ID = Number.MAX_SAFE_INTEGER;
const NOTHING_HELD: ReadonlyMap<number, number> = new Map();

/**
 * A new order (not saved yet), promised as the saved order will be: its lines join the
 * open demand at their requested date (after the orders already there on that date) and
 * the plan is made again with them, so what is typed and what is saved get the same date
 * and the same shortages. (Served "last in line" instead, a typed order was promised later
 * than the same order once saved, which the queue puts ahead of later requested orders.)
 */
export function promiseNewOrder(
  snap: PlanningSnapshot,
  cal: WorkCalendar,
  openOrders: OrderToPromise[],
  order: { lines: { itemId: number; qtyMilli: number }[]; requestedOn: string | null; transitDays: number },
): { plan: Plan; promise: DeliveryPromise } {
  const lines = order.lines.filter((l) => l.qtyMilli > 0);
  const added: OpenLine[] = lines.map((l, i) => ({ orderId: NEW_ORDER_ID, orderNumber: '', lineId: -1 - i, itemId: l.itemId, openMilli: l.qtyMilli, requestedOn: order.requestedOn }));
  const plan = new Plan({ ...snap, lines: [...snap.lines, ...added] }, cal);
  const self: OrderToPromise = { orderId: NEW_ORDER_ID, number: '', requestedOn: order.requestedOn, transitDays: order.transitDays, lines: order.lines, allocatedMilli: NOTHING_HELD };
  const { promises } = promiseAll(plan, [...openOrders, self], NEW_ORDER_ID);
  return { plan, promise: promises.get(NEW_ORDER_ID)! };
}
