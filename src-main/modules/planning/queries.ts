import { SHORTAGE_CAUSES_SHOWN, type DeliveryPromiseOut } from '../../../src-shared/contract/planning';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { shortageRows } from '../../../src-shared/domain/planning/shortages';
import type { DeliveryPromise } from '../../../src-shared/domain/planning/promise';
import type { Handler } from '../../api/handlers';
import { notFound } from '../../api/domainError';
import { currentPlan, type CurrentPlan } from './planCache';
import { promiseChange } from './promiseChange';

type ItemRefOut = DeliveryPromiseOut['lines'][number]['item'];
/** one reference object per item and plan: 30,000 promises name the same few hundred items on 90,000 lines */
const refsOf = new WeakMap<CurrentPlan, Map<number, ItemRefOut>>();

function ref(cp: CurrentPlan, itemId: number): ItemRefOut {
  let refs = refsOf.get(cp);
  if (!refs) refsOf.set(cp, (refs = new Map()));
  let r = refs.get(itemId);
  if (!r) {
    const i = cp.snap.itemRows.get(itemId)!;
    refs.set(itemId, (r = { id: i.id, sku: i.sku, name: i.name, kind: i.kind, unit: i.unit }));
  }
  return r;
}

/** After the requested date; an unknown date is late too: nobody can say it will be on time. */
function isLate(requestedOn: string | null, deliveryOn: string | null): boolean {
  return requestedOn !== null && (deliveryOn === null || deliveryOn > requestedOn);
}

export function promiseOut(cp: CurrentPlan, p: DeliveryPromise, order: { id: number | null; number: string | null; requestedOn: string | null; carrier: string | null }): DeliveryPromiseOut {
  return {
    orderId: order.id,
    orderNumber: order.number,
    today: cp.snap.today,
    requestedOn: order.requestedOn,
    fromStock: p.fromStock,
    materialsOn: p.materialsOn,
    materialsBy: p.materialsBy,
    production: p.production,
    waitsFor: p.waitsFor,
    toMake: p.toMake.map((m) => ({ item: ref(cp, m.itemId), batches: m.batches, from: m.from, to: m.to })),
    shipOn: p.shipOn,
    deliveryOn: p.deliveryOn,
    transitDays: p.transitDays,
    carrier: order.carrier,
    unknown: p.unknown.map((u) => ({ reason: u.reason, item: ref(cp, u.itemId), purchaseOrderNumber: u.reason === 'purchase_without_date' ? u.purchaseOrderNumber : null })),
    late: isLate(order.requestedOn, p.deliveryOn),
    lines: p.lines.map((l) => ({ item: ref(cp, l.itemId), qtyMilli: l.qtyMilli, fromStockMilli: l.fromStockMilli, readyOn: l.readyOn })),
    change: null,
  };
}

type ShortagesAnswer = ReturnType<Handler<'planning.shortages'>>;

/**
 * The whole list (no order, production order or item asked), made once per plan: the home
 * screen's tile and the Planning tab ask it again and again while nothing changed, and
 * netting's rows were worked out from scratch each time (~3 ms of a warm home screen on the
 * large dataset). A changed state makes a new plan, and so a new list. Callers only read it
 * (the registry's output check hands out a copy).
 */
const wholeLists = new WeakMap<CurrentPlan, ShortagesAnswer>();

export const shortages: Handler<'planning.shortages'> = (ctx, input) => {
  const cp = currentPlan(ctx);
  const { orderId, productionOrderId, itemId } = input;
  const whole = orderId === undefined && productionOrderId === undefined && itemId === undefined;
  const kept = whole ? wholeLists.get(cp) : undefined;
  if (kept) return kept;
  const keep =
    orderId !== undefined || productionOrderId !== undefined
      ? (d: { sources: { kind: string; id: number }[] }) =>
          d.sources.some((s) => (orderId !== undefined && s.kind === 'order' && s.id === orderId) || (productionOrderId !== undefined && s.kind === 'production' && s.id === productionOrderId))
      : undefined;
  // the whole list names the first causes of each row; one order, production order or item gets them all
  const causesShown = keep || itemId !== undefined ? undefined : SHORTAGE_CAUSES_SHOWN;
  const rows = shortageRows(cp.plan, keep, { causesShown, itemId }).map((r) => ({ ...r, item: ref(cp, r.itemId) }));
  const answer = { today: cp.snap.today, rows: rows.map(({ itemId: _drop, ...r }) => r) };
  if (whole) wholeLists.set(cp, answer);
  return answer;
};

type OpenOrderOf = CurrentPlan['snap']['openOrders'][number];
/** The open orders of a plan by id, made when first asked (a page of the order list asks 200 of 37,000). */
const openById = new WeakMap<CurrentPlan, Map<number, OpenOrderOf>>();

/** An open order of the plan (undefined: a draft, shipped or cancelled order, or none). */
function openOrderOf(cp: CurrentPlan, id: number): OpenOrderOf | undefined {
  let byId = openById.get(cp);
  if (!byId) openById.set(cp, (byId = new Map(cp.snap.openOrders.map((o) => [o.id, o]))));
  return byId.get(id);
}

export const promise: Handler<'planning.promise'> = (ctx, input) => {
  const cp = currentPlan(ctx);
  if (input.orderId !== undefined) {
    const o = openOrderOf(cp, input.orderId);
    const p = cp.all().promises.get(input.orderId);
    if (!o || !p) {
      const exists = ctx.sqlite.prepare('SELECT id FROM customer_orders WHERE id = ?').get(input.orderId);
      if (!exists) throw notFound('order', input.orderId);
      // a draft, shipped or cancelled order has nothing left to promise: promise what its lines ask as if new
      return promiseOfLines(cp, input);
    }
    const out = promiseOut(cp, p, { id: o.id, number: o.number, requestedOn: o.requestedOn, carrier: cp.transitOf(o.customerId).carrier });
    return { ...out, change: promiseChange(ctx, cp, o, out.deliveryOn) };
  }
  return promiseOfLines(cp, input);
};

function promiseOfLines(cp: CurrentPlan, input: Parameters<Handler<'planning.promise'>>[1]): DeliveryPromiseOut {
  const lines: { itemId: number; qtyMilli: number }[] = [];
  for (const l of input.lines ?? []) {
    const item = cp.snap.itemRows.get(l.itemId);
    // a service line (shipping, a surcharge) waits for nothing: an order's stored lines are read the same way (snapshot)
    if (!item || item.kind === 'service') continue;
    try {
      const q = parseQuantity(l.quantity, item.unit);
      // a line still being typed ("2," or empty) is left out of the estimate, not an error
      if (q > 0) lines.push({ itemId: l.itemId, qtyMilli: q });
    } catch {
      continue;
    }
  }
  const transit = cp.transitOf(input.customerId);
  const p = cp.quote(lines, input.requestedOn ?? null, transit.days).promise;
  return promiseOut(cp, p, { id: null, number: null, requestedOn: input.requestedOn ?? null, carrier: transit.carrier });
}


/**
 * The order list's *Estimated delivery* column: the date and the late flag of the orders on
 * screen, from the same promises as promiseAll. That column used to ask promiseAll itself:
 * every open order's whole promise (lines, items, what to make), 40 MB of JSON on the large
 * dataset, for the 200 dates of a page.
 */
export const deliveryEstimates: Handler<'planning.estimates'> = (ctx, input) => {
  const cp = currentPlan(ctx);
  const estimates: { orderId: number; deliveryOn: string | null; late: boolean }[] = [];
  // nothing to promise without an open order: the promises are worked out only when one is asked
  const asked = new Map<number, OpenOrderOf>();
  for (const id of input.orderIds) {
    const o = openOrderOf(cp, id);
    if (o) asked.set(id, o);
  }
  if (asked.size === 0) return { today: cp.snap.today, estimates };
  const { promises } = cp.all();
  for (const [id, o] of asked) {
    const p = promises.get(id)!;
    estimates.push({ orderId: id, deliveryOn: p.deliveryOn, late: isLate(o.requestedOn, p.deliveryOn) });
  }
  return { today: cp.snap.today, estimates };
};

export const promiseAllOrders: Handler<'planning.promiseAll'> = (ctx) => {
  const cp = currentPlan(ctx);
  const { promises } = cp.all();
  return {
    today: cp.snap.today,
    promises: cp.snap.openOrders.map((o) => {
      // the name added to the promise made (last, as a spread put it), not a copy of 30,000 promises with it
      const out = promiseOut(cp, promises.get(o.id)!, { id: o.id, number: o.number, requestedOn: o.requestedOn, carrier: cp.transitOf(o.customerId).carrier }) as DeliveryPromiseOut & { customerName: string };
      out.customerName = cp.customerName(o.customerId);
      return out;
    }),
  };
};
