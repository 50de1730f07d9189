/**
 * Each open order's line demands, as the plan registered them: a line of a bought item is a
 * demand of its own, a line of a made item a member of its item and day's group
 * (lineGroups.ts), made into a demand only when an order's lines are asked (promises, the
 * order's page) — a shortage list never asks. Two flat lists with an entry per line and two
 * with an entry per run of one order's lines, the order's runs found when first asked: no
 * demand, list or map entry per order or line while the plan is made (30,000 orders, 77,000
 * lines in a full bench run).
 */
import { lineMembers, type LineGroup } from './lineGroups';
import type { Demand, Netting } from './netting';

export class LineDemands {
  /** per line: its demand, or its group and its place among the group's members (-1: a demand) */
  private readonly owner: (Demand | LineGroup)[] = [];
  private readonly member: number[] = [];
  /** each run of one order's lines: the order and where the run starts (the lines come order after order) */
  private readonly runOrder: number[] = [];
  private readonly runStart: number[] = [];
  /** each order's runs, made when first asked */
  private starts: Map<number, number | number[]> | null = null;
  /** the demands of the orders asked so far */
  private readonly made = new Map<number, Demand[]>();

  constructor(private readonly net: Netting) {}

  addDemand(orderId: number, d: Demand): void {
    this.nextLine(orderId);
    this.owner.push(d);
    this.member.push(-1);
  }

  /** the line just added to the group (its last member) */
  addMember(orderId: number, g: LineGroup): void {
    this.nextLine(orderId);
    this.owner.push(g);
    this.member.push(g.qty.length - 1);
  }

  private nextLine(orderId: number): void {
    if (this.runOrder[this.runOrder.length - 1] === orderId) return;
    this.runOrder.push(orderId);
    this.runStart.push(this.owner.length);
  }

  /** An order's line demands in line order (undefined: no line of it asks for goods). */
  get(orderId: number): Demand[] | undefined {
    const known = this.made.get(orderId);
    if (known) return known;
    const at = (this.starts ??= this.runsOfOrders()).get(orderId);
    if (at === undefined) return undefined;
    const list: Demand[] = [];
    for (const run of typeof at === 'number' ? [at] : at) {
      const end = run + 1 < this.runStart.length ? this.runStart[run + 1]! : this.owner.length;
      for (let k = this.runStart[run]!; k < end; k++) {
        const i = this.member[k]!;
        list.push(i < 0 ? (this.owner[k] as Demand) : lineMembers(this.owner[k] as LineGroup, this.net)[i]!);
      }
    }
    this.made.set(orderId, list);
    return list;
  }

  /** each order's runs (their places in runOrder): one, or several should its lines come in more than one run */
  private runsOfOrders(): Map<number, number | number[]> {
    const runs = new Map<number, number | number[]>();
    for (let r = 0; r < this.runOrder.length; r++) {
      const id = this.runOrder[r]!;
      const seen = runs.get(id);
      runs.set(id, seen === undefined ? r : typeof seen === 'number' ? [seen, r] : [...seen, r]);
    }
    return runs;
  }
}
