/**
 * The shortage list: per bought item (no active recipe), what the open demand needs,
 * what is there at each date of need, what is short, from when, and which orders and
 * production orders cause it. Made items never appear: what they miss is exploded.
 */
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
  causes: DemandSource[];
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
      row ??= { itemId, neededMilli: 0, availableMilli: 0, shortMilli: 0, firstShortOn: '', incomingLateMilli: 0, toOrderMilli: 0, leadTimeDays: plan.snap.supply.leadTimeDays(itemId), causes: [] };
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
    row.causes = [...causes.values()].sort((a, b) => (a.kind === b.kind ? (a.number < b.number ? -1 : 1) : a.kind === 'order' ? -1 : 1));
    rows.push(row);
  }
  return rows.sort((a, b) => (a.firstShortOn < b.firstShortOn ? -1 : a.firstShortOn > b.firstShortOn ? 1 : a.itemId - b.itemId));
}
