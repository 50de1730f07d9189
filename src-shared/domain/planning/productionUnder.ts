/**
 * The existing production orders a demand waits for: those its takes come from, and those
 * of its explosion and of the make whose surplus covers it, all the way down. Kept on the
 * demand (it depends on the netting only, not on a board): orders covered by one another's
 * surplus share most of this tree, and walking it again for each order made promising
 * every order grow with the square of the orders (issue 18).
 */
import type { Demand } from './netting';

const NO_IDS: readonly number[] = Object.freeze([]);

/** What the walk asks of the plan: a demand's materials (the explosion it nets). */
export interface MaterialsOfDemand {
  materialsOf(d: Demand): Demand[];
}

export function productionUnder(plan: MaterialsOfDemand, d: Demand): readonly number[] {
  const known = d.productionUnder;
  if (known) return known;
  // a run of demands each covered by the surplus of the make before it is worked out from its far
  // end, so the walk goes one step along it, not the whole run deep: with the open orders
  // quadrupled a run passed the call stack's depth and the promise list failed. Each demand's
  // list depends only on what is under it, so the order it is worked out in changes nothing.
  let run: Demand[] | null = null;
  let seen: Set<Demand> | null = null;
  for (let m = d.fromMakeOf; m !== null && !m.productionUnder; m = m.fromMakeOf) {
    if (run === null) run = [];
    else if (run.length >= RUN_CHECKED_FROM) {
      // a broken ring stops here (the walk's own guard ends it)
      seen ??= new Set(run);
      if (seen.has(m)) break;
      seen.add(m);
    }
    run.push(m);
  }
  if (run !== null) for (let i = run.length - 1; i >= 0; i--) walk(plan, run[i]!);
  return walk(plan, d);
}

/** from this length on a run of surplus is checked for a ring (a netting never makes one: surplus goes back to an earlier demand) */
const RUN_CHECKED_FROM = 100_000;

function walk(plan: MaterialsOfDemand, d: Demand): readonly number[] {
  const known = d.productionUnder;
  if (known) return known;
  d.productionUnder = NO_IDS; // acyclic (items go down, surplus goes back); this keeps a broken ring finite
  let ids: number[] | Set<number> | null = null;
  const takes = d.takes;
  for (let k = 0; k < takes.length; k++) {
    const t = takes[k]!;
    if (t.kind === 'incoming' && t.ref.kind === 'production') ids = addId(ids, t.ref.id);
  }
  const materials = plan.materialsOf(d);
  for (let k = 0; k < materials.length; k++) ids = addIds(ids, productionUnder(plan, materials[k]!));
  if (d.fromMakeOf) ids = addIds(ids, productionUnder(plan, d.fromMakeOf));
  const list: readonly number[] = ids === null ? NO_IDS : Array.isArray(ids) ? ids : [...(ids as Set<number>)];
  d.productionUnder = list;
  return list;
}

/** Adds an id once: a short list, a set past 16 (a function, not a closure made per demand). */
function addId(ids: number[] | Set<number> | null, id: number): number[] | Set<number> {
  if (ids === null) return [id];
  if (Array.isArray(ids)) {
    if (!ids.includes(id)) ids.push(id);
    return ids.length > 16 ? new Set(ids) : ids;
  }
  return ids.add(id);
}

/** Adds each id of a list once (most lists under a demand are empty). */
function addIds(ids: number[] | Set<number> | null, more: readonly number[]): number[] | Set<number> | null {
  for (let k = 0; k < more.length; k++) ids = addId(ids, more[k]!);
  return ids;
}
