import { describe, expect, it } from 'vitest';
import { lineAmounts, orderTotals } from '../../../src-renderer/screens/orders/orderTotals';

const line = (over: Partial<Parameters<typeof lineAmounts>[0]>) => ({ unit: 'pcs' as const, quantity: '30', unitPrice: '4,00', salePriceCents: null, discountPct: '', vatPct: '22', ...over });

describe('running totals of the order being typed', () => {
  it('a chained discount "10+5" takes 14,5 % off the line (30 × 4,00 € = 120,00 € → 102,60 €)', () => {
    expect(lineAmounts(line({ discountPct: '10+5' }))).toEqual({ qtyMilli: 30_000, netCents: 10_260, vatCents: 2257 });
  });

  it('a net price with more than two decimals (a shop order) is rounded once, on the line', () => {
    // 3 × 25,40983607 = 76,22950821 → 76,23 €
    expect(lineAmounts(line({ quantity: '3', unitPrice: '25,40983607' }))?.netCents).toBe(7623);
  });

  it('a discount over 100 % or a negative price leaves the line out as incomplete', () => {
    expect(lineAmounts(line({ discountPct: '10+120' }))).toBeNull();
    expect(lineAmounts(line({ unitPrice: '-1' }))).toBeNull();
    expect(orderTotals([line({ discountPct: '150' }), line({})])).toEqual({ netCents: 12_000, vatCents: 2640, totalCents: 14_640, incomplete: true });
  });
});
