import { describe, expect, it } from 'vitest';
import { isUnderThreshold, lineMargin, totalMargin } from '../../../src-shared/domain/margin';

describe('margin against the recipe cost', () => {
  it('a line of 24 pcs at 4,20 € net costing 1,85 € each keeps 56 % (56,40 €)', () => {
    // 24 × 4,20 = 100,80 € net; 24 × 1,85 = 44,40 € cost
    const m = lineMargin(24_000, 10_080, 1_850_000);
    expect(m).toEqual({ costCents: 4440, marginCents: 5640, marginBp: 5595 });
  });

  it('a cost with fractions of a cent rounds once, on the line (half away from zero)', () => {
    // 3 × 0,8437 € = 2,5311 € → 2,53 €
    expect(lineMargin(3000, 500, 843_700).costCents).toBe(253);
  });

  it('selling under cost gives a negative margin, under any threshold', () => {
    const m = lineMargin(1000, 100, 1_500_000);
    expect(m.marginCents).toBe(-50);
    expect(m.marginBp).toBe(-5000);
    expect(isUnderThreshold(m, 0)).toBe(true);
  });

  it('a line given away (net 0) has no share to compare with the threshold', () => {
    const m = lineMargin(1000, 0, 1_000_000);
    expect(m.marginBp).toBeNull();
    expect(isUnderThreshold(m, 3000)).toBe(false);
  });

  it('the order total adds the lines with a known cost and counts the others', () => {
    const a = { netCents: 10_000, margin: lineMargin(10_000, 10_000, 4_000_000) }; // 10 × 4 € = 40 €
    const b = { netCents: 5_000, margin: lineMargin(1000, 5_000, 40_000_000) }; // 1 × 40 € = 40 €
    const c = { netCents: 9_999, margin: null };
    const t = totalMargin([a, b, c]);
    expect(t.costCents).toBe(8000);
    expect(t.marginCents).toBe(7000);
    expect(t.marginBp).toBe(4667);
    expect(t.unknown).toBe(1);
  });

  it('the threshold is strict: a margin exactly at it is not flagged', () => {
    const m = lineMargin(1000, 1000, 7_000_000); // 30 %
    expect(m.marginBp).toBe(3000);
    expect(isUnderThreshold(m, 3000)).toBe(false);
    expect(isUnderThreshold(m, 3001)).toBe(true);
  });
});
