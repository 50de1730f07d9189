import type { RecipeDef, RecipeLookup } from '../../../src-shared/domain/recipeTree';

/** [itemId, qtyMilli per batch, scrapBp] */
export type Comp = [number, number, number];

let nextRecipeId = 1;

export function aRecipe(itemId: number, yieldMilli: number, components: Comp[], version = 1): RecipeDef {
  return {
    recipeId: nextRecipeId++,
    itemId,
    version,
    yieldMilli,
    batchMinutes: 60,
    components: components.map(([id, qtyMilli, scrapBp]) => ({ itemId: id, qtyMilli, scrapBp })),
  };
}

export function lookupOf(recipes: RecipeDef[]): RecipeLookup {
  const byItem = new Map(recipes.map((r) => [r.itemId, r]));
  return (itemId) => byItem.get(itemId);
}

/** The bakery used by the explosion and cost tests (numbers worked out in those tests). */
export const CAKE = 1; // pcs
export const DOUGH = 2; // kg, intermediate
export const FLOUR = 3; // kg
export const SUGAR = 4; // kg
export const BOX = 5; // pcs
export const CREAM = 6; // kg, intermediate
export const MILK = 7; // l
export const EGGS = 8; // pcs

export function bakery() {
  // 10 cakes: 5 kg dough (+2 % scrap), 10 boxes, 1,5 kg cream
  const cake = aRecipe(CAKE, 10_000, [
    [DOUGH, 5_000, 200],
    [BOX, 10_000, 0],
    [CREAM, 1_500, 0],
  ]);
  // 10 kg dough: 6 kg flour (+2,5 %), 2 kg sugar, 1 kg cream
  const dough = aRecipe(DOUGH, 10_000, [
    [FLOUR, 6_000, 250],
    [SUGAR, 2_000, 0],
    [CREAM, 1_000, 0],
  ]);
  // 3 kg cream: 2,5 l milk (+10 %), 12 eggs
  const cream = aRecipe(CREAM, 3_000, [
    [MILK, 2_500, 1_000],
    [EGGS, 12_000, 0],
  ]);
  return { cake, dough, cream, lookup: lookupOf([cake, dough, cream]) };
}
