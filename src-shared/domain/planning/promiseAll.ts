/**
 * Promises for many orders at once, earliest requested first, each booking its new
 * production on the capacity the previous ones left; and the promise of an order being
 * typed, queued exactly as it will be once saved.
 */
import type { CapacityBoard } from './capacity';
import type { WorkCalendar } from './calendar';
import type { Demand } from './netting';
import { Plan, type Bookings, type MadeSlot } from './plan';
import { promiseOrder, type DeliveryPromise } from './promise';
import { typedDemands } from './quote';
import type { DemandSource, OpenLine, PlanningSnapshot } from './types';

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

export interface AllPromises {
  board: CapacityBoard;
  promises: Map<number, DeliveryPromise>;
  /** the new production booked, in the order it was first asked for (the plan's own queue first) */
  made: Map<Demand, MadeSlot>;
  /** the orders in queue order, and how many bookings `made` held after each of them */
  queue: OrderToPromise[];
  madeAfter: number[];
  /** how many bookings the plan's own queue made (the first entries of `made`) */
  madeBefore: number;
}

/** `until`: stop once that order is promised (the ones after it in the queue cannot change its promise). */
export function promiseAll(plan: Plan, orders: OrderToPromise[], until?: number): AllPromises {
  // one memory of bookings for all the orders: a batch whose surplus covers several orders is booked once
  const booked = plan.bookings();
  const madeBefore = booked.made.size;
  const madeAfter: number[] = [];
  const promises = new Map<number, DeliveryPromise>();
  const sorted = [...orders].sort(queueOrder);
  for (const o of sorted) {
    promises.set(o.orderId, promiseOrder(plan, plan.lineDemands.get(o.orderId) ?? [], o.lines, booked, { transitDays: o.transitDays, allocatedMilli: o.allocatedMilli }));
    madeAfter.push(booked.made.size);
    if (o.orderId === until) break;
  }
  return { board: booked.board, promises, made: booked.made, queue: sorted, madeAfter, madeBefore };
}

/**
 * The board and bookings as they stood in `all` once the first `k` orders of its queue were
 * promised: the plan's board with their new production booked again (the same slots: booking
 * takes the same minutes off the same days in any order).
 */
function bookedAfter(plan: Plan, all: AllPromises, k: number): Bookings {
  if (k === all.queue.length) return { board: all.board.clone(), made: new Map(all.made) };
  const booked = plan.bookings();
  const upto = k === 0 ? all.madeBefore : all.madeAfter[k - 1]!;
  let i = -1;
  for (const [d, m] of all.made) {
    if (++i < all.madeBefore) continue;
    if (i >= upto) break;
    booked.made.set(d, m);
    if (m.slot) booked.board.occupy(m.slot);
  }
  return booked;
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
export function promiseNewOrder(snap: PlanningSnapshot, cal: WorkCalendar, openOrders: OrderToPromise[], order: TypedOrder): { plan: Plan; promise: DeliveryPromise } {
  const lines = order.lines.filter((l) => l.qtyMilli > 0);
  const added: OpenLine[] = lines.map((l, i) => ({ orderId: NEW_ORDER_ID, orderNumber: '', lineId: -1 - i, itemId: l.itemId, openMilli: l.qtyMilli, requestedOn: order.requestedOn }));
  const plan = new Plan({ ...snap, lines: [...snap.lines, ...added] }, cal);
  const { promises } = promiseAll(plan, [...openOrders, typedSelf(order)], NEW_ORDER_ID);
  return { plan, promise: promises.get(NEW_ORDER_ID)! };
}

export interface TypedOrder {
  lines: { itemId: number; qtyMilli: number }[];
  requestedOn: string | null;
  transitDays: number;
}

function typedSelf(order: TypedOrder): OrderToPromise {
  return { orderId: NEW_ORDER_ID, number: '', requestedOn: order.requestedOn, transitDays: order.transitDays, lines: order.lines, allocatedMilli: NOTHING_HELD };
}

/** The causes a typed order's demands name (the lines of one order share one list, as in the plan). */
const TYPED_SOURCES: DemandSource[] = [{ kind: 'order', id: NEW_ORDER_ID, number: '' }];

/**
 * The same promise as promiseNewOrder, from the plan of the open orders and their promises
 * (`allOf`: promiseAll of `openOrders`, made once per plan) instead of a plan made again: the typed lines are netted on
 * top of the plan (quote.ts) and promised on the board as the queue left it just before the
 * typed order's place. When the typed lines change what another demand gets, the plan is
 * made again with them (promiseNewOrder): `replanned` says which.
 */
export function quoteNewOrder(plan: Plan, allOf: () => AllPromises, openOrders: OrderToPromise[], order: TypedOrder): { promise: DeliveryPromise; replanned: boolean } {
  const lines = order.lines.filter((l) => l.qtyMilli > 0);
  // netted first: when the plan must be made again anyway, the open orders' promises are not made for nothing
  const demands = typedDemands(plan, lines, order.requestedOn, TYPED_SOURCES);
  const all = demands ? allOf() : null;
  // (a queue promised only up to some order does not say how it stood after the others)
  if (!demands || !all || all.madeAfter.length !== all.queue.length) return { promise: promiseNewOrder(plan.snap, plan.cal, openOrders, order).promise, replanned: true };
  const self = typedSelf(order);
  // its place in the queue: after every order that queues before it (it has the highest id)
  let lo = 0;
  let hi = all.queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (queueOrder(all.queue[mid]!, self) < 0) lo = mid + 1;
    else hi = mid;
  }
  const promise = promiseOrder(plan, demands, order.lines, bookedAfter(plan, all, lo), { transitDays: order.transitDays, allocatedMilli: NOTHING_HELD });
  return { promise, replanned: false };
}
