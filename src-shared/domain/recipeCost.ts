/**
 * Cost roll-up: what one unit of a made item costs, from the costs of what goes into it,
 * through every level. Costs are micro-euros per ONE unit of the item (money.ts).
 *
 * One computation, the explosion's: the cost of one batch is the cost of the raw
 * materials the explosion of one batch lists (quantities rounded up level by level,
 * pieces to whole pieces), each costed half up in micros and summed; the unit cost is
 * batch cost × 1000 / yieldMilli, half up. So the recipe page's tree, its cost card and
 * its raw-material total say the same amount for one batch (they once differed by the
 * rounding of each level: 40,43 € against 40,52 €).
 */
import { mulDivRound } from './decimal';
import { costOfQuantityMicros } from './money';
import { assertUsableYield, grossPerBatch, RecipeCycleError, type RecipeDef, type RecipeLookup } from './recipe';
import { explodeRecipe, flattenLeaves } from './recipeExplode';

/** Own cost of an item (last purchase, standard cost…) in micros per unit, or null if unknown. */
export type ItemCostLookup = (itemId: number) => number | null;

export interface ItemCost {
  /** null only for a bought item without a cost; a made item gets the cost of what is known */
  unitCostMicros: number | null;
  /** bought items (leaves) below this one that have no cost, ascending; empty when complete */
  missing: number[];
}

const NONE: number[] = [];

function remembered<T>(get: (itemId: number) => T): (itemId: number) => T {
  const seen = new Map<number, T>();
  return (itemId) => {
    if (!seen.has(itemId)) seen.set(itemId, get(itemId));
    return seen.get(itemId)!;
  };
}

/**
 * A memoised cost function: each item is costed once however many recipes use it, so
 * rolling up every recipe of the catalogue visits every item once.
 * An item with an active recipe is costed from its components (its own cost is ignored);
 * an item without one uses its own cost.
 */
export function createCostResolver(anyLookup: RecipeLookup, anyItemCost: ItemCostLookup): (itemId: number) => ItemCost {
  // every recipe's explosion walks the recipes below it again: each recipe and each price is read once
  const lookup = remembered(anyLookup);
  const itemCostMicros = remembered(anyItemCost);
  const memo = new Map<number, ItemCost>();
  const onPath: number[] = [];

  const resolve = (itemId: number): ItemCost => {
    const hit = memo.get(itemId);
    if (hit) return hit;
    const recipe = lookup(itemId);
    let result: ItemCost;
    if (!recipe) {
      const own = itemCostMicros(itemId);
      result = own === null ? { unitCostMicros: null, missing: [itemId] } : { unitCostMicros: own, missing: NONE };
    } else {
      const seenAt = onPath.indexOf(itemId);
      if (seenAt >= 0) throw new RecipeCycleError([...onPath.slice(seenAt), itemId]);
      onPath.push(itemId);
      const { unitCostMicros, missing } = costOfRecipe(recipe, lookup, itemCostMicros);
      result = { unitCostMicros, missing };
      onPath.pop();
    }
    memo.set(itemId, result);
    return result;
  };
  return resolve;
}

/** One batch exploded down to raw materials, costed (see the top of this file). */
function costOfRecipe(recipe: RecipeDef, lookup: RecipeLookup, itemCostMicros: ItemCostLookup): ItemCost & { batchMicros: number } {
  assertUsableYield(recipe);
  const { totalMicros, missing } = costOfQuantities(flattenLeaves(explodeRecipe(recipe, recipe.yieldMilli, lookup)), itemCostMicros);
  return { unitCostMicros: mulDivRound(totalMicros, 1000, recipe.yieldMilli, 'half_up'), missing: missing.length > 0 ? missing : NONE, batchMicros: totalMicros };
}

/**
 * Cost per unit of each of `itemIds` (micros per unit). Throws RecipeCycleError if
 * recipes form a ring.
 */
export function costRollup(lookup: RecipeLookup, itemCostMicros: ItemCostLookup, itemIds: number[]): Map<number, ItemCost> {
  const resolve = createCostResolver(lookup, itemCostMicros);
  const out = new Map<number, ItemCost>();
  for (const id of itemIds) out.set(id, resolve(id));
  return out;
}

export interface CostBreakdownLine {
  itemId: number;
  /** per batch, as in the recipe, and with scrap */
  qtyMilli: number;
  grossMilli: number;
  scrapBp: number;
  /** the component's own rolled-up cost per unit; null if unknown */
  unitCostMicros: number | null;
  /** this component's cost in one batch; null if unknown */
  batchCostMicros: number | null;
  /** this component's share of one output unit (rounded on its own, so lines may not add up to the total by a micro) */
  perUnitMicros: number | null;
  /** share of the batch cost in basis points (10 000 = 100 %); null if unknown or batch cost is 0 */
  shareBp: number | null;
  /** bought items below this component without a cost */
  missing: number[];
}

export interface CostBreakdown {
  itemId: number;
  recipeId: number;
  version: number;
  yieldMilli: number;
  batchCostMicros: number;
  /** same figure costRollup gives for this recipe */
  unitCostMicros: number;
  missing: number[];
  lines: CostBreakdownLine[];
}

/**
 * Per-component costs of one recipe, for the recipe screen. Uses the item's active
 * recipe, or `opts.recipe` to show another version. Null if there is no recipe.
 */
export function costBreakdown(
  rootItemId: number,
  lookup: RecipeLookup,
  itemCostMicros: ItemCostLookup,
  opts: { recipe?: RecipeDef } = {},
): CostBreakdown | null {
  const recipe = opts.recipe ?? lookup(rootItemId);
  if (!recipe) return null;
  assertUsableYield(recipe);
  const resolve = createCostResolver(lookup, itemCostMicros);
  const total = costOfRecipe(recipe, lookup, itemCostMicros);
  const lines = recipe.components.map((c): CostBreakdownLine => {
    const comp = resolve(c.itemId);
    const grossMilli = grossPerBatch(c);
    const batchCost = comp.unitCostMicros === null ? null : costOfQuantityMicros(grossMilli, comp.unitCostMicros);
    return {
      itemId: c.itemId,
      qtyMilli: c.qtyMilli,
      grossMilli,
      scrapBp: c.scrapBp,
      unitCostMicros: comp.unitCostMicros,
      batchCostMicros: batchCost,
      perUnitMicros: batchCost === null ? null : mulDivRound(batchCost, 1000, recipe.yieldMilli, 'half_up'),
      shareBp: null,
      missing: comp.missing,
    };
  });
  // shares of the lines' own sum (each line costed from its component's unit cost)
  const linesSum = lines.reduce((s, l) => s + (l.batchCostMicros ?? 0), 0);
  if (linesSum !== 0) {
    for (const l of lines) if (l.batchCostMicros !== null) l.shareBp = mulDivRound(l.batchCostMicros, 10_000, linesSum, 'half_up');
  }
  const batchCostMicros = total.batchMicros;
  return {
    itemId: rootItemId,
    recipeId: recipe.recipeId,
    version: recipe.version,
    yieldMilli: recipe.yieldMilli,
    batchCostMicros,
    unitCostMicros: total.unitCostMicros ?? 0,
    missing: total.missing,
    lines,
  };
}

/**
 * Total cost of raw-material quantities (e.g. flattenLeaves of an explosion), in micros,
 * with the items that have no cost. Costs each line, then sums.
 */
export function costOfQuantities(quantities: Map<number, number>, itemCostMicros: ItemCostLookup): { totalMicros: number; missing: number[] } {
  let total = 0;
  const missing: number[] = [];
  for (const [itemId, qtyMilli] of quantities) {
    const cost = itemCostMicros(itemId);
    if (cost === null) missing.push(itemId);
    else total += costOfQuantityMicros(qtyMilli, cost);
  }
  return { totalMicros: total, missing: missing.sort((a, b) => a - b) };
}
