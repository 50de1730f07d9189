import { describe, expect, it } from 'vitest';
import type { RecipeDef } from '../../../src-shared/domain/recipe';
import { byItemId } from '../../../src-main/modules/planning/planStatic';

const recipe = (itemId: number) => ({ itemId }) as unknown as RecipeDef;

describe("a map by item id asked through a list (the plan's recipeOf and itemOf)", () => {
  it('answers as the map of active recipes does, for items with one, without one, and ids beyond them', () => {
    const active = new Map([3, 7, 40].map((id) => [id, recipe(id)]));
    const recipeOf = byItemId(active);
    for (const id of [0, 1, 3, 7, 8, 40, 41, 1000, -1, 2.5]) expect(recipeOf(id)).toBe(active.get(id));
  });

  it('asks the map itself when an id is too large for a list by id', () => {
    const active = new Map([5, 2 ** 31].map((id) => [id, recipe(id)]));
    const recipeOf = byItemId(active);
    for (const id of [5, 2 ** 31, 6]) expect(recipeOf(id)).toBe(active.get(id));
  });

  it('answers nothing when no item has a recipe', () => {
    expect(byItemId(new Map())(1)).toBeUndefined();
  });
});
