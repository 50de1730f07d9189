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
    // one batch is costed from its explosion's raw materials (the recipe page's one computation):
    // dough batch (10 kg): flour 6 150 × 0,80 = 4 920 000 + sugar 2 000 × 1,20 = 2 400 000 + its kg of
    // cream exploded: milk ⌈2 750 / 3⌉ = 917 → 917 000, eggs ⌈12 000 / 3⌉ = 4 000 → 1 000 000; total
    // 9 237 000 → 923 700 per kg (its own cost of 5 is ignored: it is made, not bought)
    expect(costs.get(DOUGH)).toEqual({ unitCostMicros: 923_700, missing: [] });
    // cake batch (10 pcs) exploded: flour 3 137 × 0,80 = 2 509 600, sugar 1 020 × 1,20 = 1 224 000,
    // milk 1 843 → 1 843 000, eggs 8 040 × 0,25 = 2 010 000, boxes 3 500 000; 11 086 600 → 1 108 660
    expect(costs.get(CAKE)).toEqual({ unitCostMicros: 1_108_660, missing: [] });
    expect(costs.get(FLOUR)).toEqual({ unitCostMicros: 800_000, missing: [] });
    expect(costs.size).toBe(4);
  });

  it('costs what it can and names the leaves without a cost', () => {
    const { lookup } = bakery();
    const { [SUGAR]: _sugar, ...withoutSugar } = PRICES;
    const costs = costRollup(lookup, priceOf(withoutSugar), [CAKE, DOUGH, CREAM, SUGAR]);
    expect(costs.get(SUGAR)).toEqual({ unitCostMicros: null, missing: [SUGAR] });
    expect(costs.get(CREAM)).toEqual({ unitCostMicros: 1_916_667, missing: [] });
    // dough: 9 237 000 − sugar 2 400 000 = 6 837 000 → 683 700
    expect(costs.get(DOUGH)).toEqual({ unitCostMicros: 683_700, missing: [SUGAR] });
    // cake: 11 086 600 − sugar 1 224 000 = 9 862 600 → 986 260
    expect(costs.get(CAKE)).toEqual({ unitCostMicros: 986_260, missing: [SUGAR] });
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
    // the batch is costed like the roll-up (its explosion); the lines from each component's unit cost
    expect(b).toMatchObject({ itemId: CAKE, recipeId: cake.recipeId, yieldMilli: 10_000, batchCostMicros: 11_086_600, unitCostMicros: 1_108_660, missing: [] });
    expect(b?.lines).toEqual([
      // 5 100 × 923 700 = 4 710 870 of 11 085 871 = 42,49 %; per cake 471 087
      { itemId: DOUGH, qtyMilli: 5_000, grossMilli: 5_100, scrapBp: 200, unitCostMicros: 923_700, batchCostMicros: 4_710_870, perUnitMicros: 471_087, shareBp: 4_249, missing: [] },
      { itemId: BOX, qtyMilli: 10_000, grossMilli: 10_000, scrapBp: 0, unitCostMicros: 350_000, batchCostMicros: 3_500_000, perUnitMicros: 350_000, shareBp: 3_157, missing: [] },
      { itemId: CREAM, qtyMilli: 1_500, grossMilli: 1_500, scrapBp: 0, unitCostMicros: 1_916_667, batchCostMicros: 2_875_001, perUnitMicros: 287_500, shareBp: 2_593, missing: [] },
    ]);
  });

  it('agrees with the roll-up and marks unknown lines', () => {
    const { lookup } = bakery();
    const noBox = (id: number) => (id === BOX ? null : (PRICES[id] ?? null));
    const b = costBreakdown(CAKE, lookup, noBox);
    // without boxes: 11 086 600 − 3 500 000 = 7 586 600 → 758 660
    expect(b?.unitCostMicros).toBe(758_660);
    expect(costRollup(lookup, noBox, [CAKE]).get(CAKE)?.unitCostMicros).toBe(758_660);
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
