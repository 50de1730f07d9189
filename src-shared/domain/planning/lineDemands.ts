/**
 * Each open order's line demands, as the plan registered them: a line of a bought item is a
 * demand of its own, a line of a made item a member of its item and day's group
 * (lineGroups.ts), made into a demand only when an order's lines are asked (promises, the
 * order's page) — a shortage list never asks. Three flat lists with an entry per line, and
 * where each order's lines start found when first asked: no demand, list or map entry per
 * order or line while the plan is made (30,000 orders, 77,000 lines in a full bench run).
 */
import { lineMembers, type LineGroup } from './lineGroups';
import type { Demand, Netting } from './netting';

export class LineDemands {
  /** per line: its demand, or its group and its place among the group's members (-1: a demand) */
  private readonly owner: (Demand | LineGroup)[] = [];
  private readonly member: number[] = [];
  private readonly orderOf: number[] = [];
  /** where each order's lines start (an order whose lines come in two runs: each start), made when first asked */
  private starts: Map<number, number | number[]> | null = null;
  /** the demands of the orders asked so far */
  private readonly made = new Map<number, Demand[]>();

  constructor(private readonly net: Netting) {}

  addDemand(orderId: number, d: Demand): void {
    this.owner.push(d);
    this.member.push(-1);
    this.orderOf.push(orderId);
  }

  /** the line just added to the group (its last member) */
  addMember(orderId: number, g: LineGroup): void {
    this.owner.push(g);
    this.member.push(g.qty.length - 1);
    this.orderOf.push(orderId);
  }

  /** An order's line demands in line order (undefined: no line of it asks for goods). */
  get(orderId: number): Demand[] | undefined {
    const known = this.made.get(orderId);
    if (known) return known;
    const at = (this.starts ??= this.startsOfOrders()).get(orderId);
    if (at === undefined) return undefined;
    const list: Demand[] = [];
    for (const start of typeof at === 'number' ? [at] : at) {
      for (let k = start; k < this.orderOf.length && this.orderOf[k] === orderId; k++) {
        const i = this.member[k]!;
        list.push(i < 0 ? (this.owner[k] as Demand) : lineMembers(this.owner[k] as LineGroup, this.net)[i]!);
      }
    }
    this.made.set(orderId, list);
    return list;
  }

  private startsOfOrders(): Map<number, number | number[]> {
    const starts = new Map<number, number | number[]>();
    for (let k = 0; k < this.orderOf.length; k++) {
      const id = this.orderOf[k]!;
      if (k > 0 && this.orderOf[k - 1] === id) continue;
      const seen = starts.get(id);
      starts.set(id, seen === undefined ? k : typeof seen === 'number' ? [seen, k] : [...seen, k]);
    }
    return starts;
  }
}
