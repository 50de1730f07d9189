import { describe, expect, it } from 'vitest';
import { makeDemand, type Demand } from '../../../src-shared/domain/planning/netting';
import { productionUnder } from '../../../src-shared/domain/planning/productionUnder';
import type { Take } from '../../../src-shared/domain/planning/supply';

const NO_MATERIALS = { materialsOf: (): Demand[] => [] };

/** a demand taking from production order `productionId` (none: takes nothing) */
function demand(seq: number, productionId?: number): Demand {
  const d = makeDemand('2026-01-01', 0, 1, 1000, '2026-01-01', [], 0, 0, seq);
  if (productionId !== undefined) {
    const take: Take = { kind: 'incoming', qtyMilli: 1000, ref: { kind: 'production', id: productionId, number: `P${productionId}` }, date: '2026-01-01', late: false };
    d.takes = [take];
  }
  return d;
}

describe('the existing production a demand waits for', () => {
  it("follows a run of demands each covered by the make before it far deeper than the call stack, in the walk's order", () => {
    const run: Demand[] = [];
    for (let i = 0; i < 200_000; i++) {
      const d = demand(i, i % 50_000 === 0 ? i / 50_000 + 1 : undefined);
      d.fromMakeOf = run[i - 1] ?? null;
      run.push(d);
    }
    const last = run[run.length - 1]!;
    // the far end's order first, as the walk adds them (its own takes, then what covers it)
    expect(productionUnder(NO_MATERIALS, last)).toEqual([4, 3, 2, 1]);
    expect(productionUnder(NO_MATERIALS, run[60_000]!)).toEqual([2, 1]);
  });

  it('ends on a broken ring of surplus', () => {
    const a = demand(1, 7);
    const b = demand(2, 8);
    a.fromMakeOf = b;
    b.fromMakeOf = a;
    expect([...productionUnder(NO_MATERIALS, a)].sort()).toEqual([7, 8]);
  });
});
