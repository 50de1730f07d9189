/**
 * The open order lines of a made item, netted on time as one demand per item and day (issue
 * 18). Orders entered without goods held for them ask for what is in stock line by line: with
 * the open orders of the large dataset quadrupled, 58,000 lines of made items are 612 items
 * and days, and a demand per line (its object, its list of takes, its place in the sort) was
 * most of the growth of the plan.
 *
 * Exact for the reason the groups of materials are (materialGroups.ts): an item's order lines
 * of one day are made one after the other, after every material of planned production and
 * before anything the netting explodes, so they sit next to each other in its sorted list;
 * on time, each takes what the ones before it left, as one demand of their sum does, handed
 * out in order. A group not all on time goes on member by member (LineGroups.settle): only
 * members that may take late supply or make become demands in the netting. The others are
 * made when first asked (a promise, an order's page).
 */
import { groupKey, handOut } from './materialGroups';
import { makeDemand, NONE, small, type Demand, type Netting, type SettleGroup } from './netting';
import type { Take } from './supply';
import type { DemandSource } from './types';

/** The causes a group of lines names: none of its own (each member has its order's); it marks the group. */
export const LINES = Object.freeze([]) as unknown as DemandSource[];

export interface LineGroup {
  demand: Demand;
  /** each member's quantity, causes and place in the order of making, in the order they were made */
  qty: number[];
  sources: DemandSource[][];
  seqs: number[];
  /** the members as demands of their own, made on first use */
  members: Demand[] | null;
  /** members the netting made into demands (they may take late supply or make), by place */
  early?: Demand[];
  /** by place: the demand whose batch's surplus covers a member the netting did not make a demand */
  fromMake?: Demand[];
}

export class LineGroups {
  private readonly byKey = new Map<number, LineGroup>();
  readonly of = new Map<Demand, LineGroup>();

  constructor(private readonly net: Netting) {}

  /**
   * A line for item and date, at the next seq (the group's demand is made with its first
   * line, at its seq: it sorts where that one would). Returns the group; the line is its last member.
   */
  add(itemId: number, qtyMilli: number, needOn: string, day: number, sources: DemandSource[]): LineGroup {
    const effective = needOn < this.net.snap.today ? this.net.todayNumber : day;
    const key = groupKey(itemId, effective, this.net.todayNumber);
    const seq = this.net.nextSeq();
    let g = this.byKey.get(key);
    if (!g) {
      g = { demand: this.net.newDemand(itemId, 0, needOn, LINES, 0, day, seq), qty: [], sources: [], seqs: [], members: null };
      this.byKey.set(key, g);
      this.of.set(g.demand, g);
    }
    g.demand.qtyMilli += small(qtyMilli);
    g.qty.push(small(qtyMilli));
    g.sources.push(sources);
    g.seqs.push(seq);
    return g;
  }

  /** The members of a group demand as demands of their own (null: not a group). */
  membersOf(d: Demand): Demand[] | null {
    const g = d.sources === LINES ? this.of.get(d) : undefined;
    return g ? lineMembers(g, this.net) : null;
  }

  /**
   * The netting's hook (Netting.settleGroup): a group not all on time, member by member, as
   * the netting would go on with them one by one. A member covered by the surplus of the batch
   * before it only notes that batch (most lines of orders entered without goods held for
   * them: 51,000 of 77,000 in a full bench run); one that must make (or may take late supply)
   * is made into its demand there and then, and the netting settles it.
   */
  readonly settle: SettleGroup = (d, carry, settle) => {
    if (d.sources !== LINES) return false;
    const g = this.of.get(d)!;
    let onTimeLeft = d.onTimeMilli;
    for (let i = 0; i < g.qty.length; i++) {
      const qty = g.qty[i]!;
      const onTime = Math.min(qty, onTimeLeft);
      const before = d.onTimeMilli - onTimeLeft;
      onTimeLeft -= onTime;
      const left = qty - onTime;
      if (left === 0) continue;
      // (no late supply is left once a batch was made: a demand makes only what late supply did not cover)
      if (carry.of !== null && carry.left >= left) {
        carry.left -= left;
        (g.fromMake ??= [])[i] = carry.of;
        continue;
      }
      const m = this.member(g, i, before, onTime);
      (g.early ??= [])[i] = m;
      settle(m);
    }
    return true;
  };

  /** Member i as a demand, with its share of what the group took on time (`onTime`, after the `before` the members before it took). */
  private member(g: LineGroup, i: number, before: number, onTime: number): Demand {
    const hand = handOut(g.demand.takes);
    if (onTime > 0) hand(before, []);
    return memberDemand(g, i, this.net, onTime, hand);
  }
}

/** Member i as a demand of its own, its `onTime` share the next of the group's takes `hand` gives (none: the netting's shared empty list). */
function memberDemand(g: LineGroup, i: number, net: Netting, onTime: number, hand: (qty: number, into: Take[]) => void): Demand {
  const d = g.demand;
  const m = makeDemand(net.snap.today, net.todayNumber, d.itemId, g.qty[i]!, d.needOn, g.sources[i]!, d.priority, d.day, g.seqs[i]!);
  if (onTime > 0) {
    const list: Take[] = [];
    hand(onTime, list);
    m.onTimeMilli = small(onTime);
    m.takes = list;
  } else m.takes = NONE;
  return m;
}

/**
 * The members as demands of their own, each with its share of what the group took on time
 * (handed out in order); what the netting does next with them is theirs (a group all on time
 * has nothing next). Empty takes are the netting's shared empty list, as a demand that took
 * nothing on time has.
 */
export function lineMembers(g: LineGroup, net: Netting): Demand[] {
  if (g.members) return g.members;
  const d = g.demand;
  const hand = handOut(d.takes);
  let onTimeLeft = d.onTimeMilli;
  const members: Demand[] = [];
  for (let i = 0; i < g.qty.length; i++) {
    const qty = g.qty[i]!;
    const onTime = Math.min(qty, onTimeLeft);
    onTimeLeft -= onTime;
    const early = g.early?.[i];
    if (early) {
      hand(onTime, []); // its share is in its own list already
      members.push(early);
      continue;
    }
    const m = memberDemand(g, i, net, onTime, hand);
    m.fromMakeOf = g.fromMake?.[i] ?? null;
    members.push(m);
  }
  g.members = members;
  return members;
}
