import { describe, expect, it } from 'vitest';
import {
  explode,
  explodeBatches,
  explodeRecipe,
  flattenIntermediates,
  flattenLeaves,
  grossPerBatch,
  RecipeCycleError,
  RecipeError,
  wholeBatches,
  type ExplosionNode,
} from '../../../src-shared/domain/recipeTree';
import { aRecipe, bakery, BOX, CAKE, CREAM, DOUGH, EGGS, FLOUR, lookupOf, MILK, SUGAR } from './recipeFixtures';

const child = (n: ExplosionNode, itemId: number): ExplosionNode => {
  const c = n.children.find((x) => x.itemId === itemId);
  if (!c) throw new Error(`no child ${itemId}`);
  return c;
};

describe('grossPerBatch', () => {
  it('adds scrap and rounds up', () => {
    expect(grossPerBatch({ itemId: 1, qtyMilli: 5_000, scrapBp: 200 })).toBe(5_100); // 5 kg + 2 %
    expect(grossPerBatch({ itemId: 1, qtyMilli: 333, scrapBp: 250 })).toBe(342); // 341,325 → 342
    expect(grossPerBatch({ itemId: 1, qtyMilli: 333, scrapBp: 0 })).toBe(333);
  });
});

describe('explode', () => {
  it('scales three levels with scrap, rounding every quantity up', () => {
    const { lookup } = bakery();
    const tree = explode(CAKE, 25_000, lookup); // 25 cakes = 2,5 batches
    expect(tree).toMatchObject({ itemId: CAKE, qtyMilli: 25_000, depth: 0, batches: { numerator: 5, denominator: 2 } });

    // dough: 5 100 gross × 25 000 / 10 000 = 12 750 (12,75 kg)
    const dough = child(tree, DOUGH);
    expect(dough).toMatchObject({ qtyMilli: 12_750, depth: 1, batches: { numerator: 51, denominator: 40 } });
    expect(child(tree, BOX).qtyMilli).toBe(25_000);
    // cream straight in the cake: 1 500 × 25 000 / 10 000 = 3 750
    expect(child(tree, CREAM).qtyMilli).toBe(3_750);

    // flour: 6 150 gross × 12 750 / 10 000 = 7 841,25 → 7 842
    expect(child(dough, FLOUR)).toMatchObject({ qtyMilli: 7_842, depth: 2, children: [] });
    expect(child(dough, FLOUR).recipeId).toBeUndefined();
    // sugar: 2 000 × 12 750 / 10 000 = 2 550
    expect(child(dough, SUGAR).qtyMilli).toBe(2_550);
    // cream in the dough: 1 000 × 12 750 / 10 000 = 1 275
    const creamInDough = child(dough, CREAM);
    expect(creamInDough).toMatchObject({ qtyMilli: 1_275, depth: 2, batches: { numerator: 17, denominator: 40 } });

    // milk: 2 750 gross × 1 275 / 3 000 = 1 168,75 → 1 169; eggs: 12 000 × 1 275 / 3 000 = 5 100
    expect(child(creamInDough, MILK)).toMatchObject({ qtyMilli: 1_169, depth: 3 });
    expect(child(creamInDough, EGGS).qtyMilli).toBe(5_100);
    // milk for the other cream: 2 750 × 3 750 / 3 000 = 3 437,5 → 3 438
    expect(child(child(tree, CREAM), MILK).qtyMilli).toBe(3_438);
  });

  it('sums raw materials and intermediates across the tree', () => {
    const { lookup } = bakery();
    const tree = explode(CAKE, 25_000, lookup);
    expect(Object.fromEntries(flattenLeaves(tree))).toEqual({
      [BOX]: 25_000,
      [FLOUR]: 7_842,
      [SUGAR]: 2_550,
      [MILK]: 1_169 + 3_438, // 4 607
      [EGGS]: 5_100 + 15_000, // 12 000 × 3 750 / 3 000 = 15 000
    });
    expect(Object.fromEntries(flattenIntermediates(tree))).toEqual({ [DOUGH]: 12_750, [CREAM]: 1_275 + 3_750 });
  });

  it('treats an item without recipe as a leaf', () => {
    const { lookup } = bakery();
    const leaf = explode(FLOUR, 1_000, lookup);
    expect(leaf).toEqual({ itemId: FLOUR, qtyMilli: 1_000, depth: 0, children: [] });
    expect(Object.fromEntries(flattenLeaves(leaf))).toEqual({ [FLOUR]: 1_000 });
  });

  it('explodes a number of batches, fractional ones read exactly', () => {
    const { lookup } = bakery();
    expect(explodeBatches(CAKE, 2.5, lookup)).toEqual(explode(CAKE, 25_000, lookup));
    expect(explodeBatches(DOUGH, 3, lookup).qtyMilli).toBe(30_000);
    expect(explodeBatches(CREAM, 0.1, lookup).qtyMilli).toBe(300); // not 300.00000000000006
    expect(() => explodeBatches(FLOUR, 1, lookup)).toThrow(RecipeError);
    expect(() => explodeBatches(CAKE, -1, lookup)).toThrow(RangeError);
    expect(wholeBatches({ numerator: 5, denominator: 2 })).toBe(3);
    expect(wholeBatches({ numerator: 4, denominator: 2 })).toBe(2);
  });

  it('uses a given recipe version at the top and active recipes below', () => {
    const { lookup } = bakery();
    const old = aRecipe(CAKE, 20_000, [[DOUGH, 10_000, 0]], 0); // the version a production order kept
    const tree = explodeBatches(CAKE, 1, lookup, { recipe: old });
    expect(tree).toMatchObject({ qtyMilli: 20_000, recipeId: old.recipeId, recipeVersion: 0 });
    expect(child(tree, DOUGH).qtyMilli).toBe(10_000);
    expect(child(child(tree, DOUGH), FLOUR).qtyMilli).toBe(6_150);
    expect(explodeRecipe(old, 10_000, lookup).children[0]?.qtyMilli).toBe(5_000);
  });

  it('refuses a cycle met in the data, naming the path', () => {
    const lookup = lookupOf([aRecipe(10, 1_000, [[11, 1_000, 0]]), aRecipe(11, 1_000, [[12, 500, 0]]), aRecipe(12, 1_000, [[10, 1, 0]])]);
    try {
      explode(10, 1_000, lookup);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RecipeCycleError);
      expect((e as RecipeCycleError).path).toEqual([10, 11, 12, 10]);
    }
  });

  it('refuses a tree deeper than maxDepth and a recipe without yield', () => {
    const { lookup } = bakery();
    expect(() => explode(CAKE, 1_000, lookup, { maxDepth: 2 })).toThrow(RecipeError);
    expect(explode(CAKE, 1_000, lookup, { maxDepth: 3 }).itemId).toBe(CAKE);
    const broken = lookupOf([aRecipe(20, 0, [[21, 1_000, 0]])]);
    expect(() => explode(20, 1_000, broken)).toThrow(/invalid_yield/);
  });
});
