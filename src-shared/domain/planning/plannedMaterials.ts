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

export class PlannedMaterials {
  private readonly groups: MaterialGroups;
  /** a planned production order's materials, in recipe order (a bought one stands as its group's demand until handed out) */
  private readonly productionDemands = new Map<number, Demand[]>();
  /** a planned production order's place among each group's members (-1: not a group), until they are handed out */
  private readonly memberAt = new Map<number, number[]>();
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
    const list: Demand[] = [];
    let members: number[] | null = null;
    for (const c of p.recipe.components) {
      if (this.snap.recipeOf(c.itemId)) {
        list.push(this.netting.newDemand(c.itemId, componentNeed(c, p.batches), needOn, sources, 0, day));
        continue;
      }
      const g = this.groups.add(c.itemId, componentNeed(c, p.batches), needOn, day, sources);
      (members ??= p.recipe.components.map(() => -1))[list.length] = this.groups.of.get(g)!.qty.length - 1;
      list.push(g);
    }
    this.productionDemands.set(p.id, list);
    if (members) this.memberAt.set(p.id, members);
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
    const list = this.productionDemands.get(productionId);
    const members = this.memberAt.get(productionId);
    // handed out per production order when first asked: the home screen's week places a few jobs of thousands
    if (list && members) {
      this.memberAt.delete(productionId);
      for (let i = 0; i < list.length; i++) if (members[i]! >= 0) list[i] = this.membersOf(list[i]!)[members[i]!]!;
    }
    return list;
  }

  /** The group a demand of the netting stands for, if it is one. */
  groupOf(d: Demand): MaterialGroup | undefined {
    return this.groups.of.get(d);
  }

  private membersOf(groupDemand: Demand): Demand[] {
    return membersOf(this.groups.of.get(groupDemand)!, this.netting);
  }
}
