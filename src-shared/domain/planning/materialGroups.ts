/**
 * The bought materials of planned production, netted one demand per item and day (issue 18).
 * Fulfilling orders plans production per order line, so the open production orders grow
 * faster than the open lines (120,000 material demands for 82,000 lines with the open orders
 * of the large dataset quadrupled), and netting each one was most of the plan.
 *
 * Netting them together is exact: the materials of planned production are made before any
 * order line or exploded demand, so an item's ones of one day sit next to each other in its
 * sorted list, in the order they were made; a bought item makes nothing, so each of them takes
 * on time, then late, then is bought, in that order — what one demand of their sum takes,
 * handed out in order. The shortage list reads the sums; the production orders' own demands
 * (their materials, the queue) are handed out from the group when first asked.
 */
import { makeDemand, NONE, small, type Demand, type Netting } from './netting';
import type { Take } from './supply';
import type { DemandSource } from './types';

/** The causes a group demand names: none of its own (each member has its production order's); it marks a group. */
export const GROUPED = Object.freeze([]) as unknown as DemandSource[];

export interface MaterialGroup {
  demand: Demand;
  /** each member's quantity and causes, in the order they were made */
  qty: number[];
  sources: DemandSource[][];
  /** the members as demands of their own, made on first use */
  members: Demand[] | null;
  /** each member's place in the order of making (exploded materials); planned production's members all share the group's */
  seqs: number[] | null;
}

/** day numbers stay below 2^21 until the year 4096 */
const DAYS = 2_097_152;

/**
 * The key of an item's group on a day: a small integer when it fits (days from today, and the
 * item), so no heap number is made and hashed per member (itemId × DAYS passes 2^30 from item
 * 512 on: 400,000 look-ups with the open orders of a full bench run quadrupled); else the two
 * as one negative double, which never meets a small key.
 */
export function groupKey(itemId: number, day: number, todayNumber: number): number {
  const ahead = day - todayNumber;
  return ahead >= 0 && ahead < 16_384 && itemId < 65_536 ? ahead * 65_536 + itemId : -(itemId * DAYS + day);
}

export class MaterialGroups {
  private readonly byKey = new Map<number, MaterialGroup>();
  private readonly explodedByKey = new Map<number, MaterialGroup>();
  readonly of = new Map<Demand, MaterialGroup>();

  constructor(private readonly net: Netting) {}

  /**
   * A bought material of a new make (what the netting explodes), for item and day: the
   * group's demand is made with its first member, at its seq. Exact for the same reason as
   * planned production's: everything the netting explodes into an item is made before the
   * item is netted and after every demand made before the netting, so an item's exploded
   * materials of one day sit next to each other in its sorted list, in the order made.
   * With the open orders quadrupled, 32,000 such demands are 742 items and days.
   */
  addExploded(itemId: number, qtyMilli: number, needOn: string, day: number, sources: DemandSource[], seq: number): MaterialGroup {
    const key = groupKey(itemId, day, this.net.todayNumber);
    let g = this.explodedByKey.get(key);
    if (!g) {
      g = { demand: this.net.newDemand(itemId, 0, needOn, GROUPED, 0, day, seq), qty: [], sources: [], members: null, seqs: [] };
      this.explodedByKey.set(key, g);
      this.of.set(g.demand, g);
    }
    g.demand.qtyMilli += small(qtyMilli);
    g.qty.push(small(qtyMilli));
    g.sources.push(sources);
    g.seqs!.push(seq);
    return g;
  }

  /** A member for item and date, the group's last: its demand is made with its first member (it sorts where that one would). */
  add(itemId: number, qtyMilli: number, needOn: string, day: number, sources: DemandSource[]): MaterialGroup {
    const effective = needOn < this.net.snap.today ? this.net.todayNumber : day;
    const key = groupKey(itemId, effective, this.net.todayNumber);
    let g = this.byKey.get(key);
    if (!g) {
      g = { demand: this.net.newDemand(itemId, 0, needOn, GROUPED, 0, day), qty: [], sources: [], members: null, seqs: null };
      this.byKey.set(key, g);
      this.of.set(g.demand, g);
    }
    g.demand.qtyMilli += small(qtyMilli);
    g.qty.push(small(qtyMilli));
    g.sources.push(sources);
    return g;
  }
}

/**
 * What each member gets, in order: on time first (each as much as is left of the group's on
 * time), then late, the rest bought — as netting them one after the other gives.
 */
export function eachMember(g: MaterialGroup, visit: (qty: number, onTime: number, toBuy: number, sources: DemandSource[]) => void): void {
  const d = g.demand;
  let onTimeLeft = d.onTimeMilli;
  let lateLeft = d.qtyMilli - d.onTimeMilli - d.toBuyMilli;
  // both handed out in member order, so one pass does: a member's late share depends only on what it still misses
  for (let i = 0; i < g.qty.length; i++) {
    const qty = g.qty[i]!;
    const onTime = Math.min(qty, onTimeLeft);
    onTimeLeft -= onTime;
    const late = Math.min(qty - onTime, lateLeft);
    lateLeft -= late;
    visit(qty, onTime, qty - onTime - late, g.sources[i]!);
  }
}

/**
 * A group's takes handed out in order: each call gives the next `qty` of them into a member's
 * list (stock joins the stock before it, as the netting's pushStock does).
 */
export function handOut(takes: Take[]): (qty: number, into: Take[]) => void {
  let at = 0;
  let used = 0;
  return (qty, into) => {
    while (qty > 0) {
      const t = takes[at]!;
      const part = Math.min(qty, t.qtyMilli - used);
      const last = into[into.length - 1];
      if (t.kind === 'stock') {
        if (last?.kind === 'stock') last.qtyMilli += part;
        else into.push({ kind: 'stock', qtyMilli: part });
      } else into.push({ kind: 'incoming', qtyMilli: part, ref: t.ref, date: t.date, late: t.late });
      used += part;
      qty -= part;
      if (used === t.qtyMilli) {
        at++;
        used = 0;
      }
    }
  };
}

/** The members as demands of their own, with the takes each would have taken (the group's, handed out in order). */
export function membersOf(g: MaterialGroup, net: Netting): Demand[] {
  if (g.members) return g.members;
  const d = g.demand;
  const hand = handOut(d.takes);
  const members: Demand[] = [];
  const own: Take[][] = [];
  eachMember(g, (qty, onTime, toBuy, sources) => {
    const m = makeDemand(net.snap.today, net.todayNumber, d.itemId, qty, d.needOn, sources, d.priority, d.day, g.seqs ? g.seqs[members.length]! : d.seq);
    m.onTimeMilli = onTime;
    m.toBuyMilli = toBuy;
    members.push(m);
    const list: Take[] = [];
    hand(onTime, list);
    own.push(list);
  });
  // late takes come after every member's on-time ones in the group's list, member after member
  members.forEach((m, i) => {
    const list = own[i]!;
    hand(m.qtyMilli - m.onTimeMilli - m.toBuyMilli, list);
    m.takes = list.length > 0 ? list : NONE;
  });
  g.members = members;
  return members;
}
