/**
 * Recipe explosion: how much of every component, down to raw materials, a quantity of
 * an item needs. No netting against stock here — that is planning, which starts from
 * this tree.
 */
import { mulDivRound, parseDecimal } from './decimal';
import { assertUsableYield, ceilToWhole, grossPerBatch, RecipeCycleError, RecipeError, type RecipeDef, type RecipeLookup } from './recipe';

/** Number of batches as an exact reduced fraction: qtyMilli / yieldMilli. */
export interface BatchFraction {
  numerator: number;
  denominator: number;
}

export interface ExplosionNode {
  itemId: number;
  /** thousandths of this item's unit */
  qtyMilli: number;
  /** 0 for the root */
  depth: number;
  /** set when the item is made here (it has a recipe); leaves are bought */
  recipeId?: number;
  recipeVersion?: number;
  batches?: BatchFraction;
  children: ExplosionNode[];
}

export interface ExplodeOptions {
  /** deepest level allowed (root is 0); deeper trees are treated as broken data */
  maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 50;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function fraction(numerator: number, denominator: number): BatchFraction {
  const g = gcd(numerator, denominator) || 1;
  return { numerator: numerator / g, denominator: denominator / g };
}

/** Whole batches to start to make at least the fraction: 5/2 → 3. */
export function wholeBatches(b: BatchFraction): number {
  return mulDivRound(b.numerator, 1, b.denominator, 'ceil');
}

function build(
  itemId: number,
  qtyMilli: number,
  depth: number,
  recipe: RecipeDef | undefined,
  lookup: RecipeLookup,
  maxDepth: number,
  path: number[],
): ExplosionNode {
  if (!recipe) return { itemId, qtyMilli, depth, children: [] };
  assertUsableYield(recipe);
  if (depth >= maxDepth) throw new RecipeError('max_depth', itemId);
  path.push(itemId);
  const children: ExplosionNode[] = [];
  for (const c of recipe.components) {
    // Defensive: findCycle refuses rings on save, but data may come from elsewhere.
    const seenAt = path.indexOf(c.itemId);
    if (seenAt >= 0) throw new RecipeCycleError([...path.slice(seenAt), c.itemId]);
    // Rounded UP, like the scrap: never plan too little of a component; pieces to whole pieces
    const exact = mulDivRound(grossPerBatch(c), qtyMilli, recipe.yieldMilli, 'ceil');
    const childQty = c.wholeUnits ? ceilToWhole(exact) : exact;
    children.push(build(c.itemId, childQty, depth + 1, lookup(c.itemId), lookup, maxDepth, path));
  }
  path.pop();
  return {
    itemId,
    qtyMilli,
    depth,
    recipeId: recipe.recipeId,
    recipeVersion: recipe.version,
    batches: fraction(qtyMilli, recipe.yieldMilli),
    children,
  };
}

function assertQty(qtyMilli: number): void {
  if (!Number.isSafeInteger(qtyMilli) || qtyMilli < 0) throw new RangeError(`bad quantity: ${qtyMilli}`);
}

/**
 * Explodes `qtyMilli` of the recipe's output with a given recipe version at the top
 * (a production order keeps the version it was planned with) and the active recipes
 * of intermediates below.
 */
export function explodeRecipe(recipe: RecipeDef, qtyMilli: number, lookup: RecipeLookup, opts: ExplodeOptions = {}): ExplosionNode {
  assertQty(qtyMilli);
  return build(recipe.itemId, qtyMilli, 0, recipe, lookup, opts.maxDepth ?? DEFAULT_MAX_DEPTH, []);
}

/**
 * Explodes `qtyMilli` of an item through active recipes. Each component needs
 * grossPerBatch × qty / yield, rounded up. An item without a recipe is a leaf.
 * Throws RecipeCycleError or RecipeError('max_depth' | 'invalid_yield').
 */
export function explode(rootItemId: number, qtyMilli: number, lookup: RecipeLookup, opts: ExplodeOptions = {}): ExplosionNode {
  assertQty(qtyMilli);
  return build(rootItemId, qtyMilli, 0, lookup(rootItemId), lookup, opts.maxDepth ?? DEFAULT_MAX_DEPTH, []);
}

/**
 * Explodes a number of batches (the yield times `batches`). Fractional batches are read
 * from their decimal text to the thousandth ("2.5" batches), never multiplied as floats.
 * Throws RecipeError('no_recipe') if the item has no recipe.
 */
export function explodeBatches(
  rootItemId: number,
  batches: number,
  lookup: RecipeLookup,
  opts: ExplodeOptions & { recipe?: RecipeDef } = {},
): ExplosionNode {
  const recipe = opts.recipe ?? lookup(rootItemId);
  if (!recipe) throw new RecipeError('no_recipe', rootItemId);
  if (recipe.itemId !== rootItemId) throw new RangeError(`recipe ${recipe.recipeId} does not make item ${rootItemId}`);
  const text = String(batches);
  if (!Number.isFinite(batches) || batches < 0 || /e/i.test(text)) throw new RangeError(`bad number of batches: ${text}`);
  const milliBatches = parseDecimal(text, 3);
  assertUsableYield(recipe);
  return explodeRecipe(recipe, mulDivRound(milliBatches, recipe.yieldMilli, 1000, 'ceil'), lookup, opts);
}

function sumNodes(root: ExplosionNode, take: (n: ExplosionNode) => boolean): Map<number, number> {
  const totals = new Map<number, number>();
  const stack: ExplosionNode[] = [root];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (take(n)) totals.set(n.itemId, (totals.get(n.itemId) ?? 0) + n.qtyMilli);
    for (const c of n.children) stack.push(c);
  }
  return totals;
}

/** Raw materials (items without a recipe) across the whole tree, summed per item. */
export function flattenLeaves(node: ExplosionNode): Map<number, number> {
  return sumNodes(node, (n) => n.recipeId === undefined);
}

/** Intermediates to make (items with a recipe below the root), summed per item. */
export function flattenIntermediates(node: ExplosionNode): Map<number, number> {
  return sumNodes(node, (n) => n !== node && n.recipeId !== undefined);
}
