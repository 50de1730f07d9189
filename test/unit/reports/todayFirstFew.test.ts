/**
 * The shortage tile lists its first five rows without sorting every shortage (firstFew):
 * on random lists with many ties it gives exactly the first rows of a stable sort.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFew } from '../../../src-main/modules/reports/todayPlanning';

describe('the first rows of a tile (firstFew)', () => {
  it('are the first n of a stable sort, ties in the list order', () => {
    const row = fc.record({ day: fc.integer({ min: 1, max: 6 }), name: fc.constantFrom('Àmbra', 'ambra', 'Bergamotto', 'cera', 'Cera'), at: fc.nat() });
    const cmp = (a: { day: number; name: string }, b: { day: number; name: string }) => a.day - b.day || a.name.localeCompare(b.name);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (list, n) => {
        expect(firstFew(list, n, cmp)).toEqual([...list].sort(cmp).slice(0, n));
      }),
      { numRuns: 500 },
    );
  });
});
