/**
 * The shortage list: per bought item (no active recipe), what the open demand needs,
 * what is there at each date of need, what is short, from when, and which orders and
 * production orders cause it. Made items never appear: what they miss is exploded.
 */
import { GROUPED, type MaterialGroup } from './materialGroups';
import type { Demand } from './netting';
import type { Plan } from './plan';
import type { DemandSource } from './types';

export interface ShortageRow {
  itemId: number;
  neededMilli: number;
  /** covered on time: stock usable at the date of need, or supply arriving by then */
  availableMilli: number;
  shortMilli: number;
  firstShortOn: string;
  /** open supply that arrives after the date of need (part of the short, late) */
  incomingLateMilli: number;
  /** what nothing covers: to order */
  toOrderMilli: number;
  leadTimeDays: number | null;
  /** the orders and production orders short of it: all of them, or the first `causesShown` */
  causes: DemandSource[];
  /** how many orders and production orders are short of it (more than `causes` when capped) */
  causeCount: number;
}

export interface ShortageShape {
  /**
   * List only the first n causes of each row (orders first, then production orders, each by
   * number), with the count of all: a material every product uses is short for thousands of
   * orders, and listing them all in every row made the answer grow with the square of the work.
   */
  causesShown?: number;
  /** only this item's row */
  itemId?: number;
}

/** `keep` narrows the list to the demand of one order or production order. */
export function shortageRows(plan: Plan, keep?: (d: Demand) => boolean, shape: ShortageShape = {}): ShortageRow[] {
  const rows: ShortageRow[] = [];
  // the whole list, capped: causes counted by id stamps, the first few kept as they come (FirstCauses)
  const capped = shape.causesShown !== undefined && !keep ? new FirstCauses(shape.causesShown) : null;
  for (const [itemId, list] of plan.netting.demands) {
    if (shape.itemId !== undefined && itemId !== shape.itemId) continue;
    if (plan.snap.recipeOf(itemId)) continue;
    const acc = new RowOf(plan, itemId, capped);
    for (const d of list) {
      const g = d.sources === GROUPED ? plan.groupOf(d) : undefined;
      if (!g) {
        if (!keep || keep(d)) acc.add(d.qtyMilli, d.onTimeMilli, d.toBuyMilli, d.needOn, d.sources);
      } else if (keep) {
        // narrowed: the members one by one, as they are (the whole list reads the group's sums)
        for (const m of plan.productionDemandsOfGroup(g)) if (keep(m)) acc.add(m.qtyMilli, m.onTimeMilli, m.toBuyMilli, m.needOn, m.sources);
      } else acc.addGroup(g);
    }
    const row = acc.row;
    if (!row || row.shortMilli === 0) continue;
    if (capped) {
      row.causeCount = capped.count;
      row.causes = capped.first.slice();
    } else {
      row.causeCount = acc.causes.size;
      row.causes = shape.causesShown !== undefined && acc.causes.size > shape.causesShown ? firstCauses(acc.causes, shape.causesShown) : sortedCauses(acc.causes);
    }
    rows.push(row);
  }
  return rows.sort((a, b) => (a.firstShortOn < b.firstShortOn ? -1 : a.firstShortOn > b.firstShortOn ? 1 : a.itemId - b.itemId));
}

/** One item's row as its demands are added, in the order of the netting. */
class RowOf {
  row: ShortageRow | null = null;
  // keyed by number, not by a string made per demand: orders positive, production orders negative
  readonly causes = new Map<number, DemandSource>();
  constructor(
    private readonly plan: Plan,
    private readonly itemId: number,
    /** the capped whole list's causes (shared by the rows, started again for this one), instead of `causes` */
    private readonly capped: FirstCauses | null,
  ) {
    capped?.nextRow();
  }

  add(qty: number, onTime: number, toBuy: number, needOn: string, sources: DemandSource[]): void {
    const short = qty - onTime;
    const row = this.sums(qty, onTime);
    if (short <= 0) return;
    row.shortMilli += short;
    row.toOrderMilli += toBuy;
    row.incomingLateMilli += short - toBuy;
    if (row.firstShortOn === '' || needOn < row.firstShortOn) row.firstShortOn = needOn;
    this.addCauses(sources);
  }

  /**
   * A group's members as eachMember hands them out, added at once: the sums are the group's
   * (what its members got adds up to what it got), and only the members not all on time
   * name their causes — those after the ones the group's on-time quantity covers, in member
   * order. With the open orders quadrupled, 100,000 members were added one by one.
   */
  addGroup(g: MaterialGroup): void {
    const d = g.demand;
    const row = this.sums(d.qtyMilli, d.onTimeMilli);
    const short = d.qtyMilli - d.onTimeMilli;
    if (short <= 0) return;
    row.shortMilli += short;
    row.toOrderMilli += d.toBuyMilli;
    row.incomingLateMilli += short - d.toBuyMilli;
    if (row.firstShortOn === '' || d.needOn < row.firstShortOn) row.firstShortOn = d.needOn;
    let onTimeLeft = d.onTimeMilli;
    // the makes of one order's lines share its list of causes: added once when they follow each other
    let last: DemandSource[] | null = null;
    for (let i = 0; i < g.qty.length; i++) {
      const qty = g.qty[i]!;
      if (qty <= onTimeLeft) onTimeLeft -= qty;
      else {
        onTimeLeft = 0;
        if (g.sources[i] !== last) this.addCauses((last = g.sources[i]!));
      }
    }
  }

  private sums(qty: number, onTime: number): ShortageRow {
    const row = (this.row ??= { itemId: this.itemId, neededMilli: 0, availableMilli: 0, shortMilli: 0, firstShortOn: '', incomingLateMilli: 0, toOrderMilli: 0, leadTimeDays: this.plan.snap.supply.leadTimeDays(this.itemId), causes: [], causeCount: 0 });
    row.neededMilli += qty;
    row.availableMilli += onTime;
    return row;
  }

  private addCauses(sources: DemandSource[]): void {
    if (this.capped) for (const s of sources) this.capped.add(s);
    else for (const s of sources) this.causes.set(s.kind === 'order' ? s.id : -s.id, s);
  }
}

/**
 * The causes of the capped whole list, row after row: each order and production order is
 * counted once per row by stamping its id with the row's number (typed arrays by id, not a
 * map of every cause per row), and the first n (firstCauses' order) are kept as they come.
 * The same answer as the map and firstCauses: numbers are unique, so the first n do not
 * depend on the order causes come in.
 */
class FirstCauses {
  private row = 0;
  private orders = new Int32Array(1024);
  private production = new Int32Array(1024);
  count = 0;
  readonly first: DemandSource[] = [];

  constructor(private readonly n: number) {}

  nextRow(): void {
    this.row++;
    this.count = 0;
    this.first.length = 0;
  }

  add(s: DemandSource): void {
    let seen = s.kind === 'order' ? this.orders : this.production;
    if (s.id >= seen.length) {
      const more = new Int32Array(Math.max(s.id + 1, seen.length * 2));
      more.set(seen);
      if (s.kind === 'order') this.orders = more;
      else this.production = more;
      seen = more;
    }
    if (seen[s.id] === this.row) return;
    seen[s.id] = this.row;
    this.count++;
    keepFirst(this.first, s, this.n);
  }
}

function byKindNumber(a: DemandSource, b: DemandSource): number {
  return a.kind === b.kind ? (a.number < b.number ? -1 : 1) : a.kind === 'order' ? -1 : 1;
}

/**
 * Orders first, then production orders, each by number. A material every product uses can
 * have a hundred thousand causes: their numbers are sorted by the engine's own string sort
 * (no comparator called per pair), and the sources found again by number.
 */
function sortedCauses(causes: Map<number, DemandSource>): DemandSource[] {
  if (causes.size < 64) return [...causes.values()].sort(byKindNumber);
  const byNumber = { order: new Map<string, DemandSource>(), production: new Map<string, DemandSource>() };
  for (const s of causes.values()) byNumber[s.kind].set(s.number, s);
  // two causes of one kind with the same number (numbers are unique in the app): the comparator decides, as before
  if (byNumber.order.size + byNumber.production.size < causes.size) return [...causes.values()].sort(byKindNumber);
  const out: DemandSource[] = [];
  for (const m of [byNumber.order, byNumber.production]) for (const n of [...m.keys()].sort()) out.push(m.get(n)!);
  return out;
}

/**
 * The first n causes in the list's order, chosen in one pass (each cause compared with the
 * last one kept, inserted only when it comes before it), not by sorting thousands to keep ten.
 */
function firstCauses(causes: Map<number, DemandSource>, n: number): DemandSource[] {
  const top: DemandSource[] = [];
  for (const s of causes.values()) keepFirst(top, s, n);
  return top;
}

/** Inserts a cause into the first n kept (in the list's order) when it comes before the last of them. */
function keepFirst(top: DemandSource[], s: DemandSource, n: number): void {
  if (n <= 0 || (top.length === n && byKindNumber(s, top[n - 1]!) > 0)) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byKindNumber(top[mid]!, s) < 0) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, s);
  if (top.length > n) top.pop();
}

/** What the shortage list says is short of each bought item, for the demands kept. */
export function shortByItem(plan: Plan, keep: (d: Demand) => boolean): Map<number, number> {
  return new Map(shortageRows(plan, keep).map((r) => [r.itemId, r.shortMilli]));
}

export interface PlannedMaterial {
  itemId: number;
  neededMilli: number;
  /** there on time for it in the plan: stock, or supply (a purchase, the production of an intermediate) arriving by its date */
  onTimeMilli: number;
  shortMilli: number;
}

/**
 * A planned production order's materials as the plan nets them against every other open
 * demand: the same numbers the shortage list shows for it. A bought material is short by
 * what is not there on time; an intermediate is short (by what must still be made of it)
 * only when the bought materials of that making are short — so the order is "materials
 * short" exactly when the shortage list for it is not empty. Null: not in the plan
 * (released or started orders hold their materials already).
 */
export function plannedMaterials(plan: Plan, productionId: number): PlannedMaterial[] | null {
  const demands = plan.productionDemandsOf(productionId);
  if (!demands) return null;
  const byItem = new Map<number, PlannedMaterial>();
  for (const d of demands) {
    const m = byItem.get(d.itemId) ?? { itemId: d.itemId, neededMilli: 0, onTimeMilli: 0, shortMilli: 0 };
    m.neededMilli += d.qtyMilli;
    m.onTimeMilli += d.onTimeMilli;
    if (plan.snap.recipeOf(d.itemId)) {
      if (boughtShort(plan, d, 0) > 0) m.shortMilli += d.qtyMilli - d.onTimeMilli;
    } else m.shortMilli += d.qtyMilli - d.onTimeMilli;
    byItem.set(d.itemId, m);
  }
  return [...byItem.values()];
}

/** What the bought materials under a demand miss (what the shortage list counts for it). */
function boughtShort(plan: Plan, d: Demand, depth: number): number {
  if (!plan.snap.recipeOf(d.itemId)) return d.qtyMilli - d.onTimeMilli;
  if (depth > 50) return 0;
  return plan.materialsOf(d).reduce((s, c) => s + boughtShort(plan, c, depth + 1), 0);
}
