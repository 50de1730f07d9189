/**
 * Open production as a tree: a production order making an intermediate for another one
 * hangs under it (parentId). The queue of existing production (plan.ts) places them
 * earliest due first, an intermediate due when the order it feeds is, the deepest first
 * on the same day, so an intermediate runs before what it goes into.
 */
import type { OpenProduction } from './types';

/** Depth and parent chains are cut at this many levels (a broken parent link must not loop). */
const MAX_DEPTH = 50;

/** Each order's due date: its own (or planned date), or its parent's when that is earlier. */
export function inheritedDueDates(byId: ReadonlyMap<number, OpenProduction>): Map<number, string> {
  const due = new Map<number, string>();
  const of = (p: OpenProduction, guard: number): string => {
    const known = due.get(p.id);
    if (known) return known;
    let d = p.dueOn ?? p.plannedOn;
    const parent = p.parentId !== null ? byId.get(p.parentId) : undefined;
    if (parent && guard < MAX_DEPTH) {
      const parentDue = of(parent, guard + 1);
      if (parentDue < d) d = parentDue;
    }
    due.set(p.id, d);
    return d;
  };
  for (const p of byId.values()) of(p, 0);
  return due;
}

/** How many parents above an order (0: it feeds a customer order, not another production). */
function depthOf(p: OpenProduction, byId: ReadonlyMap<number, OpenProduction>): number {
  let n = 0;
  for (let q = p; q.parentId !== null && n < MAX_DEPTH; n++) {
    const parent = byId.get(q.parentId);
    if (!parent) break;
    q = parent;
  }
  return n;
}

/** Earliest due first; of the same day, the deepest intermediate first; then by id (each key worked out once, not per comparison). */
export function queueOrder(byId: ReadonlyMap<number, OpenProduction>, due: ReadonlyMap<number, string>): OpenProduction[] {
  const keyed = [...byId.values()].map((p) => ({ p, due: due.get(p.id)!, depth: depthOf(p, byId) }));
  keyed.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || b.depth - a.depth || a.p.id - b.p.id);
  return keyed.map((k) => k.p);
}

export interface ProductionMaps {
  byId: Map<number, OpenProduction>;
  /** the orders making an intermediate for each order, by its id */
  childrenOf: Map<number, OpenProduction[]>;
}

/** Open production by id and by parent, in the snapshot's order. */
export function productionMaps(production: readonly OpenProduction[]): ProductionMaps {
  const byId = new Map<number, OpenProduction>();
  const childrenOf = new Map<number, OpenProduction[]>();
  for (const p of production) {
    byId.set(p.id, p);
    if (p.parentId === null) continue;
    const siblings = childrenOf.get(p.parentId);
    if (siblings) siblings.push(p);
    else childrenOf.set(p.parentId, [p]);
  }
  return { byId, childrenOf };
}
