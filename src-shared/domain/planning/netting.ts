/**
 * Netting (MRP): every open demand, item by item from the top of the recipes down, against
 * what will be there at its date of need. A made item nets at its own level first (stock
 * of a soap base reduces the oils needed); only what is still missing is exploded through
 * its active recipe, in whole batches. Bought items end as shortages.
 */
import { mulDivRound } from '../decimal';
import { componentNeed, RecipeCycleError, type RecipeDef } from '../recipe';
import { ItemSupply, type Incoming, type Take } from './supply';
import type { Readiness } from './readiness';
import type { DemandSource, PlanningSnapshot } from './types';

/** New production this demand needs (none is planned for it yet). */
export interface Make {
  itemId: number;
  recipe: RecipeDef;
  batches: number;
  qtyMilli: number;
  minutes: number;
  /** what the surplus of whole batches left for later demands of the same item */
  surplusMilli: number;
}

/** The batch whose surplus the next demands of an item take (the make of `of`), and how much of it is left. */
export interface Carry {
  of: Demand | null;
  left: number;
}

/**
 * Goes on with a demand not all on time when it stands for a group (lineGroups.ts): its
 * members one by one, with `settle` for those that need a demand of their own; false when
 * it is no group (the netting settles it itself).
 */
export type SettleGroup = (d: Demand, carry: Carry, settle: (d: Demand) => void) => boolean;

export interface Demand {
  itemId: number;
  qtyMilli: number;
  needOn: string;
  /** needOn as a number in the same order (dayNumber): the netting sorts by it */
  day: number;
  /** 0 for every demand (an order being typed is planned as saved); kept as the first sort key for a future what-if that comes last */
  priority: number;
  sources: DemandSource[];
  takes: Take[];
  onTimeMilli: number;
  /** bought, nothing left to cover it: a new purchase is needed */
  toBuyMilli: number;
  make: Make | null;
  /** covered from a make of an earlier demand of the same item (surplus of whole batches) */
  fromMakeOf: Demand | null;
  children: Demand[];
  /**
   * Order of making in its plan (production materials, order lines, then what the netting
   * explodes, item after item): equal dates keep it. An order being typed, planned on top of
   * a plan (quote.ts), finds its place among an item's demands by it.
   */
  seq: number;
  /**
   * What its plan worked out about it once (Plan.supplyReadiness, Plan.productionUnder), kept
   * on the demand: a promise list asks it of 120,000 demands once each, and two maps keyed by
   * demand of that size cost more than the answers (a demand belongs to one plan; null: not yet).
   */
  supplyReady?: Readiness | null;
  productionUnder?: readonly number[] | null;
}

// Most demands take nothing or explode into nothing: they share these (frozen: a push throws) and
// get their own list when they first have something; 20,000 demands, 40,000 fewer empty arrays.
export const NONE = Object.freeze([]) as unknown as Take[];
const NO_DEMANDS = Object.freeze([]) as unknown as Demand[];

/**
 * An item's demands are listed as they are made and the sort is stable, so equal dates keep
 * that order: the same order as (priority, date, order made) without a sequence number kept.
 * Dates compare as numbers: comparing the strings was a fifth of the netting with 100,000 demands.
 */
function byPriorityDate(a: Demand, b: Demand): number {
  return a.priority - b.priority || a.day - b.day;
}

/**
 * Sorts an item's demands as byPriorityDate does (stable) without a comparison per pair:
 * already in order (the children of one parent arrive so) it does nothing; otherwise, when
 * every priority is the same, it places the demands by day in one counting pass. A list of
 * 5,000 demands of one product sorted with a comparator cost as much as netting them.
 */
export function sortByPriorityDate(list: Demand[]): void {
  const n = list.length;
  if (n < 2) return;
  let inOrder = true;
  let samePriority = true;
  let min = list[0]!.day;
  let max = min;
  for (let i = 1; i < n; i++) {
    const d = list[i]!;
    const prev = list[i - 1]!;
    if (d.priority !== prev.priority) samePriority = false;
    if (d.day < prev.day) inOrder = false;
    if (d.day < min) min = d.day;
    else if (d.day > max) max = d.day;
  }
  if (samePriority && inOrder) return;
  if (!samePriority || n < 16 || max - min > 8 * n) {
    list.sort(byPriorityDate);
    return;
  }
  const start = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) start[list[i]!.day - min + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const sorted = new Array<Demand>(n);
  for (let i = 0; i < n; i++) {
    const d = list[i]!;
    sorted[start[d.day - min]!++] = d;
  }
  for (let i = 0; i < n; i++) list[i] = sorted[i]!;
}

/**
 * An ISO date (YYYY-MM-DD) as a number that sorts as the date does, read from its digits
 * (no string made, no closure: it runs once per demand). '0' is 48.
 */
export function dayNumber(date: string): number {
  const year = date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 48 * 1111;
  const month = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 48 * 11;
  return (year * 16 + month) * 32 + date.charCodeAt(8) * 10 + date.charCodeAt(9) - 48 * 11;
}

export class Netting {
  readonly demands = new Map<number, Demand[]>();
  private readonly supplies = new Map<number, ItemSupply>();
  private readonly lotsByItem = new Map<number, PlanningSnapshot['lots']>();
  private readonly incomingByItem = new Map<number, Incoming[]>();
  /** demands made so far: the next one's seq */
  private made = 0;
  get seqCount(): number {
    return this.made;
  }
  /** demands made before the netting ran (production materials, order lines): what the netting explodes comes after them */
  initialCount = 0;
  /** the seq reached when the netting started each item: what it explodes from that item follows it */
  readonly startSeq = new Map<number, number>();
  /** items in the order the netting went through them */
  order: number[] = [];

  constructor(readonly snap: PlanningSnapshot) {
    this.todayNumber = dayNumber(snap.today);
    for (const l of snap.lots) push(this.lotsByItem, l.itemId, l);
    for (const p of snap.supply.purchases) {
      push(this.incomingByItem, p.itemId, { ref: { kind: 'purchase', id: p.purchaseOrderId, number: p.purchaseOrderNumber }, date: p.expectedDate, remaining: p.openMilli, qtyMilli: p.openMilli });
    }
    for (const p of snap.production) {
      push(this.incomingByItem, p.itemId, { ref: { kind: 'production', id: p.id, number: p.number }, date: p.plannedOn, remaining: p.qtyMilli, qtyMilli: p.qtyMilli });
    }
  }

  supplyOf(itemId: number): ItemSupply {
    let s = this.supplies.get(itemId);
    if (!s) {
      s = new ItemSupply(this.lotsByItem.get(itemId) ?? [], this.incomingByItem.get(itemId) ?? [], this.snap.unlottedReservedMilli.get(itemId) ?? 0, this.snap.today);
      this.supplies.set(itemId, s);
    }
    return s;
  }

  /** An item's supply as it was before the netting took anything from it (to net the item again on the side). */
  freshSupplyOf(itemId: number): ItemSupply {
    const incoming = (this.incomingByItem.get(itemId) ?? []).map((i) => ({ ref: i.ref, date: i.date, remaining: i.qtyMilli, qtyMilli: i.qtyMilli }));
    return new ItemSupply(this.lotsByItem.get(itemId) ?? [], incoming, this.snap.unlottedReservedMilli.get(itemId) ?? 0, this.snap.today);
  }

  readonly todayNumber: number;

  newDemand(itemId: number, qtyMilli: number, needOn: string, sources: DemandSource[], priority = 0, day = dayNumber(needOn), seq = this.made++): Demand {
    const d = makeDemand(this.snap.today, this.todayNumber, itemId, qtyMilli, needOn, sources, priority, day, seq);
    push(this.demands, itemId, d);
    return d;
  }

  /** The seq of a demand made elsewhere (a member of a group of exploded materials): it keeps its place in the order of making. */
  nextSeq(): number {
    return this.made++;
  }

  /**
   * Where the materials of a new make may go instead of a demand of their own: the plan
   * groups bought ones per item and day (materialGroups.ts) and answers the group's demand
   * (null: a demand of its own). `at` is the material's place in the recipe.
   */
  groupChild: ((parent: Demand, itemId: number, qtyMilli: number, at: number) => Demand | null) | null = null;

  /** Goes on with a group of order lines netted on time as one (lineGroups.ts), member by member; false: not a group. */
  settleGroup: SettleGroup | undefined = undefined;

  /** Net everything registered so far, top of the recipes first. */
  run(): void {
    this.initialCount = this.made;
    this.order = this.topDown([...this.demands.keys()]);
    for (const itemId of this.order) {
      this.startSeq.set(itemId, this.made);
      const list = this.demands.get(itemId) ?? [];
      sortByPriorityDate(list);
      netList(list, this.supplyOf(itemId), this.snap.recipeOf(itemId), this.explode, this.settleGroup);
    }
  }

  /** The materials of a demand's new batches, each a demand of its own at the same date (in the recipe's order). */
  private readonly explode = (d: Demand, recipe: RecipeDef, batches: number): Demand[] =>
    recipe.components.map((c, at) => {
      const qty = componentNeed(c, batches);
      return this.groupChild?.(d, c.itemId, qty, at) ?? this.newDemand(c.itemId, qty, d.needOn, d.sources, d.priority, d.day);
    });

  /** Items in an order where every parent comes before its components (Kahn on active recipes). */
  topDown(roots: number[]): number[] {
    const seen = new Set<number>();
    const stack = [...roots];
    const parentsLeft = new Map<number, number>();
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const c of this.snap.recipeOf(id)?.components ?? []) {
        parentsLeft.set(c.itemId, (parentsLeft.get(c.itemId) ?? 0) + 1);
        stack.push(c.itemId);
      }
    }
    const ready = [...seen].filter((id) => !parentsLeft.get(id)).sort((a, b) => a - b);
    const order: number[] = [];
    while (ready.length) {
      const id = ready.shift()!;
      order.push(id);
      for (const c of this.snap.recipeOf(id)?.components ?? []) {
        const n = parentsLeft.get(c.itemId)! - 1;
        parentsLeft.set(c.itemId, n);
        if (n === 0) ready.push(c.itemId);
      }
    }
    if (order.length < seen.size) throw new RecipeCycleError([...seen].filter((id) => !order.includes(id)));
    return order;
  }
}

/**
 * The same number, as a small integer when it is one (an int32: `n | 0` equals it). Quantities
 * worked out by division (componentNeed, batches) come out as doubles even when whole; one
 * double stored in a demand's quantity made V8 keep that field of every demand as a boxed
 * number (a heap number per demand and field: 250,000 of them in a full bench run's plan, each
 * allocated and copied by the garbage collector). Any other value is returned as it is.
 */
export function small(n: number): number {
  const i = n | 0;
  return i === n ? i : n;
}

/** A demand with nothing netted yet; a need before today is needed today. */
export function makeDemand(today: string, todayNumber: number, itemId: number, qtyMilli: number, needOn: string, sources: DemandSource[], priority: number, day: number, seq: number): Demand {
  const past = needOn < today;
  return {
    itemId,
    qtyMilli: small(qtyMilli),
    needOn: past ? today : needOn,
    day: past ? todayNumber : day,
    priority,
    sources,
    takes: NONE,
    onTimeMilli: 0,
    toBuyMilli: 0,
    make: null,
    fromMakeOf: null,
    children: NO_DEMANDS,
    seq,
    supplyReady: null,
    productionUnder: null,
  };
}

/** A copy of a demand with nothing netted (to net its item again on the side; the original keeps its result). */
export function unnetted(d: Demand): Demand {
  return { ...d, takes: NONE, onTimeMilli: 0, toBuyMilli: 0, make: null, fromMakeOf: null, children: NO_DEMANDS, supplyReady: null, productionUnder: null };
}

/**
 * One item's demands, sorted: on time first for all of them, then late supply, then make
 * (whole batches; the surplus covers the demands after) or buy. `explode` makes the
 * demands for the materials of a new make. `settleGroup` goes on with a group of demands
 * netted on time as one, member by member (false: not a group).
 */
export function netList(
  list: Demand[],
  supply: ItemSupply,
  recipe: RecipeDef | undefined,
  explode: (d: Demand, recipe: RecipeDef, batches: number) => Demand[],
  settleGroup?: SettleGroup,
): void {
  const scratch: Take[] = [];
  for (const d of list) {
    d.onTimeMilli = small(supply.takeOnTime(d.qtyMilli, d.needOn, d.takes === NONE ? scratch : d.takes));
    if (scratch.length > 0) d.takes = handOver(scratch);
  }
  const carry: Carry = { of: null, left: 0 };
  /** what on-time supply left uncovered: late supply, a batch's surplus, then make or buy */
  const settle = (d: Demand): void => {
    // what it took so far is what it took on time
    let left = d.qtyMilli - d.onTimeMilli;
    if (left === 0) return;
    // late supply into the shared scratch list: most demands left uncovered take none, and keep the empty list
    if (d.takes === NONE) {
      left -= supply.takeLate(left, scratch);
      if (scratch.length > 0) d.takes = handOver(scratch);
    } else left -= supply.takeLate(left, d.takes);
    if (left > 0 && carry.of !== null && carry.left > 0) {
      const t = Math.min(left, carry.left);
      carry.left -= t;
      left -= t;
      d.fromMakeOf = carry.of;
    }
    if (left === 0) return;
    if (recipe) {
      const batches = small(mulDivRound(left, 1, recipe.yieldMilli, 'ceil'));
      d.children = explode(d, recipe, batches);
      d.make = { itemId: d.itemId, recipe, batches, qtyMilli: batches * recipe.yieldMilli, minutes: batches * recipe.batchMinutes, surplusMilli: batches * recipe.yieldMilli - left };
      carry.of = d;
      carry.left = d.make.surplusMilli;
    } else d.toBuyMilli = small(left);
  };
  for (const d of list) {
    // a group of order lines not all on time goes on member by member (lineGroups.ts)
    if (settleGroup !== undefined && d.qtyMilli !== d.onTimeMilli && settleGroup(d, carry, settle)) continue;
    settle(d);
  }
}

/**
 * The scratch list's takes as a list of their own, the scratch emptied for the next demand.
 * A copy of its length, not `splice(0)`: V8 hands the spliced-out list the scratch's whole
 * backing store (17 slots once it has grown), so every demand that took something kept
 * ~150 bytes for one or two takes (74,000 lists with the open orders quadrupled).
 */
function handOver(scratch: Take[]): Take[] {
  const own = scratch.slice();
  scratch.length = 0;
  return own;
}

/** What a demand got from stock and incoming supply, on time or late. */
export function covered(d: Demand): number {
  return d.takes.reduce((s, t) => s + t.qtyMilli, 0);
}

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}
