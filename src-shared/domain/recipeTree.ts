/**
 * Recipes and their multi-level explosion and costing, in one import. Each job lives in
 * its own file: recipe.ts (types, scrap), recipeCycle.ts (refusing rings on save),
 * recipeExplode.ts (quantities down to raw materials), recipeCost.ts (cost roll-up).
 */
export {
  assertUsableYield,
  ceilToWhole,
  componentNeed,
  grossPerBatch,
  RecipeCycleError,
  RecipeError,
  type RecipeComponentDef,
  type RecipeDef,
  type RecipeErrorReason,
  type RecipeLookup,
} from './recipe';
export { findCycle } from './recipeCycle';
export {
  explode,
  explodeBatches,
  explodeRecipe,
  flattenIntermediates,
  flattenLeaves,
  wholeBatches,
  type BatchFraction,
  type ExplodeOptions,
  type ExplosionNode,
} from './recipeExplode';
export {
  costBreakdown,
  costOfQuantities,
  costRollup,
  createCostResolver,
  type CostBreakdown,
  type CostBreakdownLine,
  type ItemCost,
  type ItemCostLookup,
} from './recipeCost';
