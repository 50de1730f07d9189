import { describe, expect, it } from 'vitest';
import { costBreakdown, costOfQuantities, costRollup, explode, flattenLeaves, RecipeCycleError } from '../../../src-shared/domain/recipeTree';
import { aRecipe, bakery, BOX, CAKE, CREAM, DOUGH, EGGS, FLOUR, lookupOf, MILK, SUGAR } from './recipeFixtures';

/** micro-euros per unit: flour 0,80 €/kg, sugar 1,20 €/kg, milk 1 €/l, eggs 0,25 €, box 0,35 € */
const PRICES: Record<number, number> = { [FLOUR]: 800_000, [SUGAR]: 1_200_000, [MILK]: 1_000_000, [EGGS]: 250_000, [BOX]: 350_000, [DOUGH]: 5 };
const priceOf = (prices: Record<number, number>) => (id: number) => prices[id] ?? null;

describe('costRollup', () => {
  it('rolls costs up through the levels, per one unit of each item', () => {
    const { lookup } = bakery();
    const costs = costRollup(lookup, priceOf(PRICES), [CAKE, DOUGH, CREAM, FLOUR]);
    // cream batch (3 kg): milk 2 750 × 1 €/l = 2 750 000 + eggs 12 × 0,25 = 3 000 000 → 5 750 000;
    // per kg 5 750 000 × 1000 / 3 000 = 1 916 666,67 → 1 916 667
    expect(costs.get(CREAM)).toEqual({ unitCostMicros: 1_916_667, missing: [] });
    // dough batch (10 kg): flour 6 150 × 0,80 = 4 920 000 + sugar 2 400 000 + cream 1 916 667 = 9 236 667;
    // per kg 923 666,7 → 923 667 (its own cost of 5 is ignored: it is made, not bought)
    expect(costs.get(DOUGH)).toEqual({ unitCostMicros: 923_667, missing: [] });
    // cake batch (10 pcs): dough 5 100 × 923 667 / 1000 = 4 710 701,7 → 4 710 702; boxes 3 500 000;
    // cream 1 500 × 1 916 667 / 1000 = 2 875 000,5 → 2 875 001; total 11 085 703 → 1 108 570,3 → 1 108 570
    expect(costs.get(CAKE)).toEqual({ unitCostMicros: 1_108_570, missing: [] });
    expect(costs.get(FLOUR)).toEqual({ unitCostMicros: 800_000, missing: [] });
    expect(costs.size).toBe(4);
  });

  it('costs what it can and names the leaves without a cost', () => {
    const { lookup } = bakery();
    const { [SUGAR]: _sugar, ...withoutSugar } = PRICES;
    const costs = costRollup(lookup, priceOf(withoutSugar), [CAKE, DOUGH, CREAM, SUGAR]);
    expect(costs.get(SUGAR)).toEqual({ unitCostMicros: null, missing: [SUGAR] });
    expect(costs.get(CREAM)).toEqual({ unitCostMicros: 1_916_667, missing: [] });
    // dough: 4 920 000 + 1 916 667 = 6 836 667 → 683 666,7 → 683 667
    expect(costs.get(DOUGH)).toEqual({ unitCostMicros: 683_667, missing: [SUGAR] });
    // cake: 5 100 × 683 667 / 1000 = 3 486 701,7 → 3 486 702 + 3 500 000 + 2 875 001 = 9 861 703 → 986 170
    expect(costs.get(CAKE)).toEqual({ unitCostMicros: 986_170, missing: [SUGAR] });
  });

  it('lists every missing leaf once, sorted', () => {
    const { lookup } = bakery();
    const costs = costRollup(lookup, priceOf({ [FLOUR]: 800_000 }), [CAKE]);
    expect(costs.get(CAKE)?.missing).toEqual([SUGAR, BOX, MILK, EGGS].sort((a, b) => a - b));
  });

  it('visits each item once however many recipes share it', () => {
    const { lookup } = bakery();
    const lookups = new Map<number, number>();
    const costLookups = new Map<number, number>();
    const counting = (id: number) => {
      lookups.set(id, (lookups.get(id) ?? 0) + 1);
      return lookup(id);
    };
    const costs = (id: number) => {
      costLookups.set(id, (costLookups.get(id) ?? 0) + 1);
      return PRICES[id] ?? null;
    };
    costRollup(counting, costs, [CAKE, DOUGH, CREAM, CAKE]);
    expect([...lookups.values()].every((n) => n === 1)).toBe(true);
    expect([...costLookups.values()].every((n) => n === 1)).toBe(true);
    expect(lookups.get(CREAM)).toBe(1); // used by cake and by dough
  });

  it('refuses recipes in a ring', () => {
    const lookup = lookupOf([aRecipe(10, 1_000, [[11, 1_000, 0]]), aRecipe(11, 1_000, [[10, 1_000, 0]])]);
    expect(() => costRollup(lookup, () => 1, [10])).toThrow(RecipeCycleError);
  });
});

describe('costBreakdown', () => {
  it('gives each component its share of one recipe', () => {
    const { lookup, cake } = bakery();
    const b = costBreakdown(CAKE, lookup, priceOf(PRICES));
    expect(b).not.toBeNull();
    expect(b).toMatchObject({ itemId: CAKE, recipeId: cake.recipeId, yieldMilli: 10_000, batchCostMicros: 11_085_703, unitCostMicros: 1_108_570, missing: [] });
    expect(b?.lines).toEqual([
      // 4 710 702 / 11 085 703 = 42,49 %; per cake 471 070,2 → 471 070
      { itemId: DOUGH, qtyMilli: 5_000, grossMilli: 5_100, scrapBp: 200, unitCostMicros: 923_667, batchCostMicros: 4_710_702, perUnitMicros: 471_070, shareBp: 4_249, missing: [] },
      { itemId: BOX, qtyMilli: 10_000, grossMilli: 10_000, scrapBp: 0, unitCostMicros: 350_000, batchCostMicros: 3_500_000, perUnitMicros: 350_000, shareBp: 3_157, missing: [] },
      { itemId: CREAM, qtyMilli: 1_500, grossMilli: 1_500, scrapBp: 0, unitCostMicros: 1_916_667, batchCostMicros: 2_875_001, perUnitMicros: 287_500, shareBp: 2_593, missing: [] },
    ]);
  });

  it('agrees with the roll-up and marks unknown lines', () => {
    const { lookup } = bakery();
    const noBox = (id: number) => (id === BOX ? null : (PRICES[id] ?? null));
    const b = costBreakdown(CAKE, lookup, noBox);
    // without boxes: 4 710 702 + 2 875 001 = 7 585 703 → 758 570,3 → 758 570
    expect(b?.unitCostMicros).toBe(758_570);
    expect(costRollup(lookup, noBox, [CAKE]).get(CAKE)?.unitCostMicros).toBe(758_570);
    expect(b?.missing).toEqual([BOX]);
    const box = b?.lines.find((l) => l.itemId === BOX);
    expect(box).toMatchObject({ unitCostMicros: null, batchCostMicros: null, perUnitMicros: null, shareBp: null, missing: [BOX] });
    expect(costBreakdown(FLOUR, lookup, priceOf(PRICES))).toBeNull();
  });
});

describe('costOfQuantities', () => {
  it('costs the raw materials of an explosion', () => {
    const { lookup } = bakery();
    const leaves = flattenLeaves(explode(CAKE, 25_000, lookup));
    // box 25 000 × 0,35 = 8 750 000; flour 7 842 × 0,80 = 6 273 600; sugar 2 550 × 1,20 = 3 060 000;
    // milk 4 607 × 1 = 4 607 000; eggs 20 100 × 0,25 = 5 025 000 → 27 715 600
    expect(costOfQuantities(leaves, priceOf(PRICES))).toEqual({ totalMicros: 27_715_600, missing: [] });
    expect(costOfQuantities(leaves, priceOf({ [BOX]: 350_000 }))).toEqual({ totalMicros: 8_750_000, missing: [FLOUR, SUGAR, MILK, EGGS].sort((a, b) => a - b) });
  });
});
