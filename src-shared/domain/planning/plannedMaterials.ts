/**
 * Where the plan's material demands stand. A bought material of planned production, or of a
 * new make the netting explodes, is netted as one demand per item and day — its group's
 * (materialGroups.ts) — and each production order's or make's own share is handed out as a
 * demand of its own only when first asked: the shortage list reads the groups, promises and
 * the queue read the members. Intermediates are always demands of their own.
 */
import { componentNeed } from '../recipe';
import { MaterialGroups, membersOf, type MaterialGroup } from './materialGroups';
import { dayNumber, type Demand, type Netting } from './netting';
import type { DemandSource, OpenProduction, PlanningSnapshot } from './types';
import { indexInAscending } from './ascending';

export class PlannedMaterials {
  private readonly groups: MaterialGroups;
  /**
   * Planned production orders in the order added, and where each one's materials start in
   * the slots below: flat lists, no list and map entries per order (with the open orders
   * quadrupled, 25,000 planned orders' lists and map entries were about a quarter of registering their materials).
   */
  private readonly ids: number[] = [];
  private readonly starts: number[] = [];
  /** ids came in ascending order (the snapshot reads them by id): found by a binary search, else by a map made when first asked */
  private ascending = true;
  private placeOf: Map<number, number> | null = null;
  /** per material of each order, in recipe order: its demand (an intermediate's own, a bought one's group's) and its place among the group's members (-1: its own) */
  private readonly slotDemand: Demand[] = [];
  private readonly slotMember: number[] = [];
  /** an order's materials, each its own demand, as first handed out (the same list every time) */
  private readonly handed = new Map<number, Demand[]>();
  /** a new make's materials that stand as their group's demand, by the make: each one's place among its group's members (by recipe place) */
  private readonly explodedAt = new Map<Demand, number[]>();

  constructor(
    private readonly netting: Netting,
    private readonly snap: PlanningSnapshot,
  ) {
    this.groups = new MaterialGroups(netting);
  }

  /** The demands of a planned production order's materials, needed on its planned day. */
  addProduction(p: OpenProduction, sources: DemandSource[]): void {
    const needOn = p.plannedOn;
    const day = dayNumber(needOn);
    const n = this.ids.length;
    if (n > 0 && p.id <= this.ids[n - 1]!) this.ascending = false;
    this.ids.push(p.id);
    this.starts.push(this.slotDemand.length);
    for (const c of p.recipe.components) {
      if (this.snap.recipeOf(c.itemId)) {
        this.slotDemand.push(this.netting.newDemand(c.itemId, componentNeed(c, p.batches), needOn, sources, 0, day));
        this.slotMember.push(-1);
        continue;
      }
      const g = this.groups.add(c.itemId, componentNeed(c, p.batches), needOn, day, sources);
      this.slotDemand.push(g.demand);
      this.slotMember.push(g.qty.length - 1);
    }
  }

  /** The netting's hook for a new make's material: a bought one of an unprioritised make joins its group (null: its own demand). */
  readonly groupChild = (parent: Demand, itemId: number, qtyMilli: number, at: number): Demand | null => {
    if (parent.priority !== 0 || this.snap.recipeOf(itemId)) return null;
    const g = this.groups.addExploded(itemId, qtyMilli, parent.needOn, parent.day, parent.sources, this.netting.nextSeq());
    let places = this.explodedAt.get(parent);
    if (!places) this.explodedAt.set(parent, (places = []));
    places[at] = g.qty.length - 1;
    return g.demand;
  };

  /** The materials of a demand's new make, each its own demand. */
  materialsOf(d: Demand): Demand[] {
    const places = this.explodedAt.get(d);
    if (places) {
      this.explodedAt.delete(d);
      const list = d.children;
      for (let i = 0; i < list.length; i++) {
        const k = places[i];
        if (k !== undefined) list[i] = this.membersOf(list[i]!)[k]!;
      }
    }
    return d.children;
  }

  /** A planned production order's material demands (undefined: not planned), each its own. */
  productionDemandsOf(productionId: number): Demand[] | undefined {
    const known = this.handed.get(productionId);
    if (known) return known;
    const k = this.placeOfId(productionId);
    if (k < 0) return undefined;
    // handed out per production order when first asked: the home screen's week places a few jobs of thousands
    const to = k + 1 < this.starts.length ? this.starts[k + 1]! : this.slotDemand.length;
    const list: Demand[] = [];
    for (let i = this.starts[k]!; i < to; i++) {
      const member = this.slotMember[i]!;
      list.push(member >= 0 ? this.membersOf(this.slotDemand[i]!)[member]! : this.slotDemand[i]!);
    }
    this.handed.set(productionId, list);
    return list;
  }

  /** Where a planned production order is in the ids added (-1: not added). */
  private placeOfId(productionId: number): number {
    if (!this.ascending) {
      if (!this.placeOf) {
        this.placeOf = new Map();
        // an id added twice (not in a snapshot: ids are keys) is the last one added, as a map by id kept it
        for (let k = 0; k < this.ids.length; k++) this.placeOf.set(this.ids[k]!, k);
      }
      return this.placeOf.get(productionId) ?? -1;
    }
    return indexInAscending(this.ids.length, (i) => this.ids[i]!, productionId);
  }

  /** The group a demand of the netting stands for, if it is one. */
  groupOf(d: Demand): MaterialGroup | undefined {
    return this.groups.of.get(d);
  }

  private membersOf(groupDemand: Demand): Demand[] {
    return membersOf(this.groups.of.get(groupDemand)!, this.netting);
  }
}
