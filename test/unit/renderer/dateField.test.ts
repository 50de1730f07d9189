import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../src-renderer/components/DateField';

describe('parseTypedDate (the one date field)', () => {
  it('reads the day first, as typed in Italy: 7/3/2026, 07-03-26, 7.3.2026 are 7 March', () => {
    expect(parseTypedDate('7/3/2026')).toBe('2026-03-07');
    expect(parseTypedDate('07-03-26')).toBe('2026-03-07');
    expect(parseTypedDate('7.3.2026')).toBe('2026-03-07');
    expect(parseTypedDate(' 2026-03-07 ')).toBe('2026-03-07');
  });

  it('refuses what is not a date (31/02, month 13, words)', () => {
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(parseTypedDate('1/13/2026')).toBeNull();
    expect(parseTypedDate('domani')).toBeNull();
  });
});
