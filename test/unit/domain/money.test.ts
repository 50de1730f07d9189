import { describe, expect, it } from 'vitest';
import { DecimalError } from '../../../src-shared/domain/decimal';
import {
  centsToMicros,
  costOfQuantityMicros,
  formatMicros,
  formatMoney,
  lineWithinBounds,
  microsToCents,
  parseMoneyCents,
  parseUnitCostMicros,
} from '../../../src-shared/domain/money';

/** Intl puts a (narrow) no-break space before "€"; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('parsing money', () => {
  it('reads cents', () => {
    expect(parseMoneyCents('3,20')).toBe(320);
    expect(parseMoneyCents('3.2')).toBe(320);
    expect(parseMoneyCents('1.234,56')).toBe(123456);
    expect(parseMoneyCents('€ 3,20')).toBe(320);
    expect(parseMoneyCents('3,20 €')).toBe(320);
    expect(parseMoneyCents('3.20 EUR')).toBe(320);
    expect(parseMoneyCents('-€3')).toBe(-300);
    expect(parseMoneyCents('2,345')).toBe(235); // half away from zero
    expect(parseMoneyCents('2,344')).toBe(234);
  });

  it('reads unit costs in micro-euros', () => {
    expect(parseUnitCostMicros('0,8437')).toBe(843_700);
    expect(parseUnitCostMicros('3,20')).toBe(3_200_000);
    expect(parseUnitCostMicros('0,0000005')).toBe(1);
    expect(parseUnitCostMicros('0,0000004')).toBe(0);
  });

  it('refuses garbage with a DecimalError', () => {
    expect(() => parseMoneyCents('tre euro')).toThrow(DecimalError);
    expect(() => parseMoneyCents('€')).toThrow(DecimalError);
  });

  it('refuses amounts over a billion euros, so that totals stay exact integers', () => {
    expect(parseMoneyCents('1.000.000.000')).toBe(100_000_000_000);
    expect(() => parseMoneyCents('9007199254740')).toThrow(expect.objectContaining({ reason: 'too_large' }));
    expect(() => parseMoneyCents('-1000000000,01')).toThrow(expect.objectContaining({ reason: 'too_large' }));
    expect(() => parseUnitCostMicros('1000000001')).toThrow(expect.objectContaining({ reason: 'too_large' }));
  });

  it('bounds a line (quantity × unit price) at a billion euros', () => {
    // 1 000 000 pieces at 1 000 € = a billion: accepted; one cent more per piece is not
    expect(lineWithinBounds(1_000_000_000, 1_000 * 1_000_000)).toBe(true);
    expect(lineWithinBounds(1_000_000_000, 1_000 * 1_000_000 + 10_000)).toBe(false);
    expect(lineWithinBounds(-1_000_000_000_000, 1_000_000_000_000_000)).toBe(false);
  });
});

describe('money arithmetic', () => {
  it('costs a quantity at a unit cost, half up', () => {
    // 12,345 kg at 0,8437 €/kg = 10,4154765 € = 10 415 476,5 micros → 10 415 477
    expect(costOfQuantityMicros(12_345, 843_700)).toBe(10_415_477);
    expect(costOfQuantityMicros(1000, 843_700)).toBe(843_700);
    expect(costOfQuantityMicros(0, 843_700)).toBe(0);
  });

  it('turns micros into cents half up', () => {
    expect(microsToCents(10_415_477)).toBe(1042);
    expect(microsToCents(5000)).toBe(1);
    expect(microsToCents(4999)).toBe(0);
    expect(microsToCents(-5000)).toBe(-1);
    expect(centsToMicros(1042)).toBe(10_420_000);
  });
});

describe('formatting money', () => {
  it('formats cents with the locale', () => {
    expect(plain(formatMoney(1_234_567, 'it-IT'))).toBe('12.345,67 €');
    expect(formatMoney(1_234_567, 'en-US')).toBe('€12,345.67');
    expect(formatMoney(-50, 'en-US', 'USD')).toBe('-$0.50');
  });

  it('groups thousands in Italian from four digits (1.010,84 €), which ICU it-IT skips by default', () => {
    expect(plain(formatMoney(101_084, 'it-IT'))).toBe('1.010,84 €');
    expect(plain(formatMicros(1_234_500_000, 'it-IT'))).toBe('1.234,50 €');
  });

  it('formats unit costs with up to 4 decimals by default', () => {
    expect(plain(formatMicros(843_700, 'it-IT'))).toBe('0,8437 €');
    expect(plain(formatMicros(1_000_000, 'it-IT'))).toBe('1,00 €');
    expect(formatMicros(843_712, 'en-US')).toBe('€0.8437');
    expect(formatMicros(843_712, 'en-US', 'EUR', 6)).toBe('€0.843712');
    expect(formatMicros(843_700, 'en-US', 'EUR', 2)).toBe('€0.84');
    expect(() => formatMicros(1, 'en-US', 'EUR', 7)).toThrow(RangeError);
  });
});
