import { describe, expect, it } from 'vitest';
import { findCycle } from '../../../src-shared/domain/recipeTree';
import { aRecipe, bakery, CAKE, CREAM, DOUGH, FLOUR, lookupOf, SUGAR } from './recipeFixtures';

describe('findCycle', () => {
  it('finds an item used in its own recipe', () => {
    expect(findCycle(CAKE, [FLOUR, CAKE], bakery().lookup)).toEqual([CAKE, CAKE]);
  });

  it('finds a ring through the active recipes of intermediates', () => {
    const { lookup } = bakery();
    // cream made with cake: cream → cake → dough → cream
    expect(findCycle(CREAM, [CAKE], lookup)).toEqual([CREAM, CAKE, DOUGH, CREAM]);
    // A → B → C active; saving C with D and A closes C → A → B → C
    const abc = lookupOf([aRecipe(10, 1_000, [[11, 1, 0]]), aRecipe(11, 1_000, [[12, 1, 0]])]);
    expect(findCycle(12, [13, 10], abc)).toEqual([12, 10, 11, 12]);
  });

  it('returns null when the recipe is fine, including shared sub-recipes (a diamond)', () => {
    const { lookup } = bakery();
    expect(findCycle(CAKE, [DOUGH, CREAM], lookup)).toBeNull();
    expect(findCycle(DOUGH, [FLOUR, SUGAR, CREAM], lookup)).toBeNull();
    expect(findCycle(99, [], lookup)).toBeNull();
  });

  it('judges the proposed components, not the recipe being replaced', () => {
    // dough currently uses cream; a cream recipe with dough is a ring only while it does
    const { lookup } = bakery();
    expect(findCycle(CREAM, [DOUGH], lookup)).toEqual([CREAM, DOUGH, CREAM]);
    expect(findCycle(DOUGH, [FLOUR], lookupOf([aRecipe(CREAM, 1_000, [[DOUGH, 1, 0]])]))).toBeNull();
  });

  it('ignores a ring elsewhere in the data without looping forever', () => {
    const lookup = lookupOf([aRecipe(20, 1_000, [[21, 1, 0]]), aRecipe(21, 1_000, [[20, 1, 0]])]);
    expect(findCycle(30, [20], lookup)).toBeNull();
  });
});
