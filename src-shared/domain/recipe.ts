/**
 * Recipes (distinta base) as the pure domain sees them: one batch of an output item from
 * components, each with a quantity per batch and a scrap allowance. Loading recipes is
 * someone else's job; everything here takes a `RecipeLookup` so it runs the same on a
 * database, on a test fixture, or on a recipe being edited and not yet saved.
 */
import { mulDivRound } from './decimal';

export interface RecipeComponentDef {
  itemId: number;
  /** per batch, in thousandths of the COMPONENT item's unit */
  qtyMilli: number;
  /**
   * Scrap allowance in basis points of a percent (hundredths of a percent): 2,5 % = 250,
   * i.e. parseDecimal(percentText, 2). Planning adds it on top of qtyMilli.
   */
  scrapBp: number;
  /**
   * The component is counted in pieces (jars, labels, boxes): its need is rounded up to
   * whole pieces wherever it is planned, reserved or consumed — 24 jars with 1 % scrap
   * need 25 jars, never 24,24. Set by the loaders from the item's unit.
   */
  wholeUnits?: boolean;
}

export interface RecipeDef {
  recipeId: number;
  /** the output item */
  itemId: number;
  version: number;
  /** output of one batch, in thousandths of the output item's unit */
  yieldMilli: number;
  batchMinutes: number;
  components: RecipeComponentDef[];
}

/** The ACTIVE recipe of an item, or undefined for items bought rather than made. */
export type RecipeLookup = (itemId: number) => RecipeDef | undefined;

/** Raised when recipes refer to each other in a ring: A needs B needs … needs A. */
export class RecipeCycleError extends Error {
  /** item ids along the ring, first and last equal: [A, B, C, A] */
  readonly path: number[];
  constructor(path: number[]) {
    super(`recipe cycle: ${path.join(' → ')}`);
    this.name = 'RecipeCycleError';
    this.path = path;
  }
}

export type RecipeErrorReason = 'no_recipe' | 'max_depth' | 'invalid_yield';

export class RecipeError extends Error {
  readonly reason: RecipeErrorReason;
  readonly itemId: number;
  constructor(reason: RecipeErrorReason, itemId: number) {
    super(`${reason}: item ${itemId}`);
    this.name = 'RecipeError';
    this.reason = reason;
    this.itemId = itemId;
  }
}

/**
 * Quantity of a component to plan for one batch, scrap included, rounded UP: it is
 * better to plan a milligram too much than to stop a batch for a missing one.
 */
export function grossPerBatch(c: RecipeComponentDef): number {
  return mulDivRound(c.qtyMilli, 10_000 + c.scrapBp, 10_000, 'ceil');
}

/** Up to the next whole piece (thousandths of a piece: 24 240 → 25 000). */
export function ceilToWhole(qtyMilli: number): number {
  return Math.ceil(qtyMilli / 1000) * 1000;
}

/**
 * What `batches` whole batches need of a component: scrap included, and for a component
 * counted in pieces rounded up once to whole pieces (2 batches × 24,24 jars = 49 jars).
 * The one formula of production orders, planning and the fulfil plan.
 */
export function componentNeed(c: RecipeComponentDef, batches: number): number {
  const need = grossPerBatch(c) * batches;
  return c.wholeUnits ? ceilToWhole(need) : need;
}

/** A recipe whose yield is not positive cannot be scaled; refuse it where it is met. */
export function assertUsableYield(recipe: RecipeDef): void {
  if (!Number.isSafeInteger(recipe.yieldMilli) || recipe.yieldMilli <= 0) {
    throw new RecipeError('invalid_yield', recipe.itemId);
  }
}
