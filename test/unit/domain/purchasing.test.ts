import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWeekday, lineTotalCents, orderQuantity } from '../../../src-shared/domain/purchasing';

describe('orderQuantity', () => {
  it('is the need when there are no terms', () => {
    expect(orderQuantity(12_345, 0, 0)).toBe(12_345);
  });
  it('is at least the minimum, then whole multiples', () => {
    expect(orderQuantity(12_300, 25_000, 0)).toBe(25_000);
    expect(orderQuantity(26_300, 25_000, 5_000)).toBe(30_000);
    expect(orderQuantity(30_000, 25_000, 5_000)).toBe(30_000);
    // a minimum that is not a multiple is rounded up too
    expect(orderQuantity(1_000, 25_000, 10_000)).toBe(30_000);
    expect(orderQuantity(1, 0, 100_000)).toBe(100_000);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    expect(isWeekday('2026-10-24')).toBe(false);
    // Thursday + 3 = Tuesday; Friday + 1 = Monday
    expect(addWorkingDays('2026-10-22', 3)).toBe('2026-10-27');
    expect(addWorkingDays('2026-10-23', 1)).toBe('2026-10-26');
    expect(addWorkingDays('2026-10-24', 0)).toBe('2026-10-26');
    expect(addWorkingDays('2026-10-22', 0)).toBe('2026-10-22');
  });
  it('follows the calendar it is given', () => {
    const closed = new Set(['2026-12-25', '2026-12-28']);
    const open = (d: string) => isWeekday(d) && !closed.has(d);
    expect(addWorkingDays('2026-12-24', 2, open)).toBe('2026-12-30');
  });
});

describe('lineTotalCents', () => {
  it('rounds once, half up', () => {
    expect(lineTotalCents(50_000, 6_400_000)).toBe(32_000);
    // 3 pcs at 0,001234 € = 0,003702 € → 0 cents; 5 pcs at 0,001 = 0,005 → 1 cent
    expect(lineTotalCents(3_000, 1_234)).toBe(0);
    expect(lineTotalCents(5_000, 1_000)).toBe(1);
  });
});
