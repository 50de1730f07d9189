/**
 * Capable-to-promise: the date an order can be delivered. Finished stock now, or the
 * latest of: materials (on hand, a purchase order's date, today + lead time in working
 * days), existing production in the queue, and new production slotted into the capacity
 * left after the queue; then the ship date and the carrier's transit days. Never earlier
 * than the data allows; what cannot be dated is named, and then there is no date.
 */
import type { Slot } from './capacity';
import type { Demand } from './netting';
import type { Bookings, MadeSlot, Plan, Readiness, Unknown } from './plan';

export interface LinePromise {
  itemId: number;
  qtyMilli: number;
  /** the part served from finished stock (already allocated or free) */
  fromStockMilli: number;
  readyOn: string | null;
}

export interface DeliveryPromise {
  fromStock: boolean;
  materialsOn: string | null;
  /** the purchase order the materials date waits for, when it is one */
  materialsBy: string | null;
  production: { from: string; to: string } | null;
  /** production orders (existing) the order waits for */
  waitsFor: string[];
  /** new production it needs (not planned yet): item and batches */
  toMake: { itemId: number; batches: number; from: string; to: string }[];
  shipOn: string | null;
  deliveryOn: string | null;
  transitDays: number;
  unknown: Unknown[];
  lines: LinePromise[];
}

export interface PromiseOptions {
  transitDays: number;
  /** allocated quantities (already on the order) count as stock */
  allocatedMilli?: ReadonlyMap<number, number>;
}

/**
 * The promise for the demands of one order. New production is booked on `booked.board`, so
 * orders promised one after another (earliest due first) do not share the same capacity;
 * a batch already booked for an earlier order (whose surplus covers this one) is waited
 * for, not booked again.
 */
export function promiseOrder(plan: Plan, demands: Demand[], lines: { itemId: number; qtyMilli: number }[], booked: Bookings, opts: PromiseOptions): DeliveryPromise {
  const makeEnd = (d: Demand) => plan.makeEnd(d, booked.board, booked.made);
  // each demand's readiness once: the order's date is the latest of them, each line's the latest of its item's
  const each = new Map<Demand, Readiness>();
  for (const d of demands) each.set(d, plan.readiness(d, makeEnd));
  const r = plan.latestOf([...each.values()]);
  const waits = new Map<number, Slot>();
  for (const d of demands) {
    for (const id of plan.productionUnder(d)) {
      const job = plan.job(id);
      if (job) waits.set(job.production.id, job.slot);
    }
  }
  // the new production this order waits for, booked for it or for an order before it
  const mine = new Set<Demand>();
  for (const d of demands) plan.makesUnder(d, mine);
  const made: [Demand, MadeSlot & { slot: Slot }][] = [];
  for (const d of mine) {
    const m = booked.made.get(d);
    if (m?.slot) made.push([d, m as MadeSlot & { slot: Slot }]);
  }
  const toMake = made.map(([d, m]) => ({ itemId: d.itemId, batches: d.make!.batches, from: m.slot.from, to: m.slot.to }));
  const all = [...made.map(([, m]) => m.slot), ...waits.values()];
  let production: { from: string; to: string } | null = null;
  // the earliest start and the latest end (compared as strings, as sorting them did)
  for (const s of all) {
    if (!production) production = { from: s.from, to: s.to };
    else {
      if (s.from < production.from) production.from = s.from;
      if (s.to > production.to) production.to = s.to;
    }
  }
  const shipOn = r.on === null ? null : plan.startOn(r.on);
  const fromStock = demands.every((d) => d.takes.every((t) => t.kind === 'stock') && d.make === null && d.fromMakeOf === null && d.toBuyMilli === 0);
  const byItem = new Map<number, Demand[]>();
  for (const d of demands) {
    const list = byItem.get(d.itemId);
    if (list) list.push(d);
    else byItem.set(d.itemId, [d]);
  }
  return {
    fromStock,
    materialsOn: r.materialsOn,
    materialsBy: r.materialsBy,
    production,
    waitsFor: [...waits.keys()].map((id) => plan.job(id)!.production.number).sort(),
    toMake: toMake.sort(byStart),
    shipOn,
    deliveryOn: shipOn === null ? null : plan.cal.addCarrierDays(shipOn, opts.transitDays),
    transitDays: opts.transitDays,
    unknown: r.unknown,
    lines: lines.map((l) => {
      const ds = byItem.get(l.itemId) ?? [];
      let stock = opts.allocatedMilli?.get(l.itemId) ?? 0;
      for (const d of ds) for (const t of d.takes) if (t.kind === 'stock') stock += t.qtyMilli;
      const rr = ds.length ? plan.latestOf(ds.map((d) => each.get(d)!)) : null;
      return { itemId: l.itemId, qtyMilli: l.qtyMilli, fromStockMilli: Math.min(stock, l.qtyMilli), readyOn: rr ? rr.on : plan.snap.today };
    }),
  };
}

/** New production by start, then item, end and size: entries equal in all four are the same to a reader. */
function byStart(a: DeliveryPromise['toMake'][number], b: DeliveryPromise['toMake'][number]): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : a.itemId - b.itemId || (a.to < b.to ? -1 : a.to > b.to ? 1 : a.batches - b.batches);
}
