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
 *
 * Made 30,000 times for a promise list (a full bench run's open orders), each with a few
 * demands: lists by the demands' places, not a map and a set per order (what this allocated
 * per order was a fifth of promising them all, and most of it was garbage at once).
 */
export function promiseOrder(plan: Plan, demands: Demand[], lines: { itemId: number; qtyMilli: number }[], booked: Bookings, opts: PromiseOptions): DeliveryPromise {
  const makeEnd = makeEndOn(plan, booked);
  // each demand's readiness once, by its place: the order's date is the latest of them, each line's the latest of its item's
  const ready: Readiness[] = new Array<Readiness>(demands.length);
  for (let i = 0; i < demands.length; i++) ready[i] = plan.readiness(demands[i]!, makeEnd);
  const r = plan.latestOf(ready);
  // the existing production it waits for, each once (the dates are the earliest start and latest end: any order gives them)
  const waitIds: number[] = [];
  const waitSlots: Slot[] = [];
  for (let i = 0; i < demands.length; i++) {
    const under = plan.productionUnder(demands[i]!);
    for (let k = 0; k < under.length; k++) {
      const job = plan.job(under[k]!);
      if (job && !waitIds.includes(job.production.id)) {
        waitIds.push(job.production.id);
        waitSlots.push(job.slot);
      }
    }
  }
  // the new production this order waits for, booked for it or for an order before it (most orders need none: no set made)
  const made: [Demand, MadeSlot & { slot: Slot }][] = [];
  if (demands.some(makesAny)) {
    const mine = new Set<Demand>();
    for (const d of demands) plan.makesUnder(d, mine);
    for (const d of mine) {
      const m = booked.made.get(d);
      if (m?.slot) made.push([d, m as MadeSlot & { slot: Slot }]);
    }
  }
  const toMake = made.map(([d, m]) => ({ itemId: d.itemId, batches: d.make!.batches, from: m.slot.from, to: m.slot.to }));
  // the earliest start and the latest end (compared as strings, as sorting them did)
  let production: { from: string; to: string } | null = null;
  for (let i = 0; i < made.length; i++) production = span(production, made[i]![1].slot);
  for (let i = 0; i < waitSlots.length; i++) production = span(production, waitSlots[i]!);
  const shipOn = r.on === null ? null : plan.startOn(r.on);
  let fromStock = true;
  for (let i = 0; i < demands.length; i++) if (!allFromStock(demands[i]!)) fromStock = false;
  const waitsFor: string[] = new Array<string>(waitIds.length);
  for (let i = 0; i < waitIds.length; i++) waitsFor[i] = plan.job(waitIds[i]!)!.production.number;
  return {
    fromStock,
    materialsOn: r.materialsOn,
    materialsBy: r.materialsBy,
    production,
    // (a list of none or one is not sorted: sort makes a work copy even then)
    waitsFor: waitsFor.length > 1 ? waitsFor.sort() : waitsFor,
    toMake: toMake.length > 1 ? toMake.sort(byStart) : toMake,
    shipOn,
    deliveryOn: shipOn === null ? null : plan.cal.addCarrierDays(shipOn, opts.transitDays),
    transitDays: opts.transitDays,
    unknown: r.unknown,
    lines: linePromises(plan, demands, ready, lines, opts.allocatedMilli),
  };
}

/**
 * Books new production on a board (Plan.makeEnd), one function per bookings: made once for
 * a promise list, not a closure per order (under tsx, as the benchmark runs, each closure made
 * also names itself with a defineProperty: 36,000 orders, four closures each).
 */
const makeEnds = new WeakMap<Bookings, (d: Demand) => MadeSlot>();

function makeEndOn(plan: Plan, booked: Bookings): (d: Demand) => MadeSlot {
  let f = makeEnds.get(booked);
  if (!f) makeEnds.set(booked, (f = (d: Demand) => plan.makeEnd(d, booked.board, booked.made)));
  return f;
}

/** A span widened to a slot (a new one when there is none yet). */
function span(production: { from: string; to: string } | null, s: Slot): { from: string; to: string } {
  if (!production) return { from: s.from, to: s.to };
  if (s.from < production.from) production.from = s.from;
  if (s.to > production.to) production.to = s.to;
  return production;
}

/** Each line: what finished stock serves (held for it or free) and the latest readiness of its item's demands (today with none). */
function linePromises(plan: Plan, demands: Demand[], ready: Readiness[], lines: { itemId: number; qtyMilli: number }[], allocatedMilli: ReadonlyMap<number, number> | undefined): LinePromise[] {
  // a long order's demands by item (a stored order has no cap on its lines); a short one's are scanned
  const byItem = demands.length > 32 ? placesByItem(demands) : null;
  const out: LinePromise[] = new Array<LinePromise>(lines.length);
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j]!;
    let stock = allocatedMilli?.get(l.itemId) ?? 0;
    // plan.latestOf's date, without its lists
    let readyOn: string | null = plan.snap.today;
    let any = false;
    const places = byItem ? (byItem.get(l.itemId) ?? NO_PLACES) : null;
    const n = places ? places.length : demands.length;
    for (let p = 0; p < n; p++) {
      const i = places ? places[p]! : p;
      if (!places && demands[i]!.itemId !== l.itemId) continue;
      any = true;
      const takes = demands[i]!.takes;
      for (let k = 0; k < takes.length; k++) if (takes[k]!.kind === 'stock') stock += takes[k]!.qtyMilli;
      const x = ready[i]!;
      if (x.on === null || x.unknown.length > 0) readyOn = null;
      else if (readyOn !== null && x.on > readyOn) readyOn = x.on;
    }
    out[j] = { itemId: l.itemId, qtyMilli: l.qtyMilli, fromStockMilli: Math.min(stock, l.qtyMilli), readyOn: any ? readyOn : plan.snap.today };
  }
  return out;
}

function makesAny(d: Demand): boolean {
  return d.make !== null || d.fromMakeOf !== null;
}

/** Served from finished stock alone: nothing incoming, made or bought. */
function allFromStock(d: Demand): boolean {
  if (d.make !== null || d.fromMakeOf !== null || d.toBuyMilli !== 0) return false;
  for (let k = 0; k < d.takes.length; k++) if (d.takes[k]!.kind !== 'stock') return false;
  return true;
}


const NO_PLACES: readonly number[] = Object.freeze([]);

function placesByItem(demands: Demand[]): Map<number, number[]> {
  const byItem = new Map<number, number[]>();
  for (let i = 0; i < demands.length; i++) {
    const list = byItem.get(demands[i]!.itemId);
    if (list) list.push(i);
    else byItem.set(demands[i]!.itemId, [i]);
  }
  return byItem;
}

/** New production by start, then item, end and size: entries equal in all four are the same to a reader. */
function byStart(a: DeliveryPromise['toMake'][number], b: DeliveryPromise['toMake'][number]): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : a.itemId - b.itemId || (a.to < b.to ? -1 : a.to > b.to ? 1 : a.batches - b.batches);
}
