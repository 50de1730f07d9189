/**
 * Cycle check before a recipe is saved. A cycle (A needs B, B's recipe needs A) would
 * make explosion and costing endless, so the save is refused and the path is shown:
 * "Cake → Dough → Cake".
 */
import type { RecipeLookup } from './recipe';

/**
 * Would saving a recipe of `startItemId` made of `proposedComponents` close a ring,
 * directly (the item uses itself) or through the active recipes of intermediates?
 * Returns the ring as item ids, e.g. [A, B, C, A], or null.
 *
 * The proposed components replace whatever active recipe `startItemId` has now.
 * Rings elsewhere in the data that do not pass through `startItemId` are not this
 * save's fault and are ignored (but never followed forever).
 */
export function findCycle(startItemId: number, proposedComponents: number[], lookup: RecipeLookup): number[] | null {
  // Items already explored that cannot lead back to startItemId.
  const dead = new Set<number>();
  const path: number[] = [startItemId];
  const onPath = new Set<number>([startItemId]);

  const componentsOf = (itemId: number): number[] =>
    itemId === startItemId ? proposedComponents : (lookup(itemId)?.components.map((c) => c.itemId) ?? []);

  const visit = (itemId: number): number[] | null => {
    for (const next of componentsOf(itemId)) {
      if (next === startItemId) return [...path, startItemId];
      if (onPath.has(next) || dead.has(next)) continue;
      path.push(next);
      onPath.add(next);
      const found = visit(next);
      if (found) return found;
      path.pop();
      onPath.delete(next);
      dead.add(next);
    }
    return null;
  };
  return visit(startItemId);
}
