/**
 * The shortage list: per bought item (no active recipe), what the open demand needs,
 * what is there at each date of need, what is short, from when, and which orders and
 * production orders cause it. Made items never appear: what they miss is exploded.
 */
import type { Demand } from './netting';
import type { Plan } from './plan';
import type { DemandSource } from '../../../../src-shared/domain/planning/types';

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
  causes: DemandSource[];
  causeCount: number;
}

/** `keep` narrows the list to the demand of one order or production order. */
export function shortageRows(plan: Plan, keep?: (d: Demand) => boolean): ShortageRow[] {
  const rows: ShortageRow[] = [];
  for (const [itemId, list] of plan.netting.demands) {
    if (plan.snap.recipeOf(itemId)) continue;
    let row: ShortageRow | null = null;
    // keyed by number, not by a string made per demand: orders positive, production orders negative
    const causes = new Map<number, DemandSource>();
    for (const d of list) {
      if (keep && !keep(d)) continue;
      const short = d.qtyMilli - d.onTimeMilli;
      row ??= { itemId, neededMilli: 0, availableMilli: 0, shortMilli: 0, firstShortOn: '', incomingLateMilli: 0, toOrderMilli: 0, leadTimeDays: plan.snap.supply.leadTimeDays(itemId), causes: [], causeCount: 0 };
      row.neededMilli += d.qtyMilli;
      row.availableMilli += d.onTimeMilli;
      if (short <= 0) continue;
      row.shortMilli += short;
      row.toOrderMilli += d.toBuyMilli;
      row.incomingLateMilli += short - d.toBuyMilli;
      if (row.firstShortOn === '' || d.needOn < row.firstShortOn) row.firstShortOn = d.needOn;
      for (const s of d.sources) causes.set(s.kind === 'order' ? s.id : -s.id, s);
    }
    if (!row || row.shortMilli === 0) continue;
    row.causeCount = causes.size;
    row.causes = [...causes.values()].sort((a, b) => (a.kind === b.kind ? (a.number < b.number ? -1 : 1) : a.kind === 'order' ? -1 : 1));
    rows.push(row);
  }
  return rows.sort((a, b) => (a.firstShortOn < b.firstShortOn ? -1 : a.firstShortOn > b.firstShortOn ? 1 : a.itemId - b.itemId));
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
  const demands = plan.productionDemands.get(productionId);
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
  return d.children.reduce((s, c) => s + boughtShort(plan, c, depth + 1), 0);
}
