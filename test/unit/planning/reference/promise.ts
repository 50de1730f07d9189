/**
 * Capable-to-promise: the date an order can be delivered. Finished stock now, or the
 * latest of: materials (on hand, a purchase order's date, today + lead time in working
 * days), existing production in the queue, and new production slotted into the capacity
 * left after the queue; then the ship date and the carrier's transit days. Never earlier
 * than the data allows; what cannot be dated is named, and then there is no date.
 */
import type { CapacityBoard, Slot } from './capacity';
import type { Demand } from './netting';
import type { MadeSlot, Plan, Readiness, Unknown } from './plan';

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
 * The promise for the demands of one order. New production is booked on `board`, so
 * orders promised one after another (earliest due first) do not share the same capacity.
 * `memo` holds what is booked on that board: a batch booked for an earlier order (whose
 * surplus covers this one) is waited for, not booked again (fixed after issue 18).
 */
export function promiseOrder(plan: Plan, demands: Demand[], lines: { itemId: number; qtyMilli: number }[], board: CapacityBoard, memo: Map<Demand, MadeSlot>, opts: PromiseOptions): DeliveryPromise {
  const makeEnd = (d: Demand) => plan.makeEnd(d, board, memo);
  // each demand's readiness once: the order's date is the latest of them, each line's the latest of its item's
  const each = new Map<Demand, Readiness>();
  for (const d of demands) each.set(d, plan.readiness(d, makeEnd));
  const r = plan.latestOf([...each.values()]);
  const waits = new Map<number, Slot>();
  const seen = new Set<Demand>();
  const walk = (d: Demand) => {
    if (seen.has(d)) return;
    seen.add(d);
    for (const t of d.takes) {
      if (t.kind !== 'incoming' || t.ref.kind !== 'production') continue;
      const job = plan.job(t.ref.id);
      if (job) waits.set(job.production.id, job.slot);
    }
    d.children.forEach(walk);
    if (d.fromMakeOf) walk(d.fromMakeOf);
  };
  demands.forEach(walk);
  // the makes this order waits for: the one covering each demand, and down through their inputs
  const mine = new Set<Demand>();
  const collect = (d: Demand) => {
    for (const m of [d.fromMakeOf, d.make ? d : null]) {
      if (!m || mine.has(m)) continue;
      mine.add(m);
      m.children.forEach(collect);
    }
  };
  demands.forEach(collect);
  const made = [...memo].filter(([d, m]) => mine.has(d) && m.slot !== null) as [Demand, MadeSlot & { slot: Slot }][];
  const toMake = made.map(([d, m]) => ({ itemId: d.itemId, batches: d.make!.batches, from: m.slot.from, to: m.slot.to }));
  const all = [...made.map(([, m]) => m.slot), ...waits.values()];
  const production = all.length === 0 ? null : { from: all.map((s) => s.from).sort()[0]!, to: all.map((s) => s.to).sort().reverse()[0]! };
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
    toMake: toMake.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.itemId - b.itemId || (a.to < b.to ? -1 : a.to > b.to ? 1 : a.batches - b.batches))),
    shipOn,
    deliveryOn: shipOn === null ? null : plan.cal.addCarrierDays(shipOn, opts.transitDays),
    transitDays: opts.transitDays,
    unknown: r.unknown,
    lines: lines.map((l) => {
      const ds = byItem.get(l.itemId) ?? [];
      const stock = ds.reduce((s, d) => s + d.takes.filter((t) => t.kind === 'stock').reduce((a, t) => a + t.qtyMilli, 0), 0) + (opts.allocatedMilli?.get(l.itemId) ?? 0);
      const rr = ds.length ? plan.latestOf(ds.map((d) => each.get(d)!)) : null;
      return { itemId: l.itemId, qtyMilli: l.qtyMilli, fromStockMilli: Math.min(stock, l.qtyMilli), readyOn: rr ? rr.on : plan.snap.today };
    }),
  };
}
