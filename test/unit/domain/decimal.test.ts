import { describe, expect, it } from 'vitest';
import { DecimalError, divRoundBig, formatDecimal, mulDivRound, parseDecimal, parseDecimalExact } from '../../../src-shared/domain/decimal';

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DecimalError) return e.reason;
    throw e;
  }
  return undefined;
}

describe('parseDecimal', () => {
  it('reads a comma or a dot as the decimal separator when it occurs once', () => {
    expect(parseDecimal('2,5', 3)).toBe(2500);
    expect(parseDecimal('2.5', 3)).toBe(2500);
    expect(parseDecimal('0,001', 3)).toBe(1);
    // a lone separator is decimal even with three digits after it
    expect(parseDecimal('1.234', 3)).toBe(1234);
    expect(parseDecimal('1,234', 3)).toBe(1234);
  });

  it('reads Italian and English thousands separators when both kinds occur', () => {
    expect(parseDecimal('1.234,56', 2)).toBe(123456);
    expect(parseDecimal('1,234.56', 2)).toBe(123456);
    expect(parseDecimal('1.234.567,891', 3)).toBe(1234567891);
    expect(parseDecimal('12,345,678.9', 1)).toBe(123456789);
  });

  it('reads repeated separators in groups of three as thousands', () => {
    expect(parseDecimal('1.234.567', 0)).toBe(1234567);
    expect(parseDecimal('1,234,567', 2)).toBe(123456700);
  });

  it('accepts signs, spaces around, leading or trailing separator', () => {
    expect(parseDecimal('-3', 0)).toBe(-3);
    expect(parseDecimal('+3', 1)).toBe(30);
    expect(parseDecimal('\u22123', 0)).toBe(-3); // the minus sign some locales print
    expect(parseDecimal(' 12 ', 2)).toBe(1200);
    expect(parseDecimal(',5', 1)).toBe(5);
    expect(parseDecimal('5.', 0)).toBe(5);
    expect(Object.is(parseDecimal('-0', 2), 0)).toBe(true);
  });

  it('rounds extra digits half away from zero', () => {
    expect(parseDecimal('2,345', 2)).toBe(235);
    expect(parseDecimal('2,344', 2)).toBe(234);
    expect(parseDecimal('-2,345', 2)).toBe(-235);
    expect(parseDecimal('-2,344', 2)).toBe(-234);
    expect(parseDecimal('0,0005', 3)).toBe(1);
    expect(parseDecimal('0,00049999', 3)).toBe(0);
    expect(parseDecimal('2.5', 0)).toBe(3);
    expect(parseDecimal('-2.5', 0)).toBe(-3);
    expect(Object.is(parseDecimal('-0,0001', 3), 0)).toBe(true);
  });

  it('refuses empty text', () => {
    expect(reasonOf(() => parseDecimal('', 2))).toBe('empty');
    expect(reasonOf(() => parseDecimal('   ', 2))).toBe('empty');
  });

  it('refuses garbage and malformed grouping', () => {
    for (const bad of ['abc', '1e5', '--3', '3-', '.', ',', '+', '12 34', '1,2,3', '1.23.456', '1,2.5', '1.234,5,6', '1.234,567.8', '€3', '0x10', 'NaN', 'Infinity']) {
      expect(reasonOf(() => parseDecimal(bad, 2)), bad).toBe('not_a_number');
    }
  });

  it('refuses numbers that are not safe integers once scaled', () => {
    expect(parseDecimal('9007199254740991', 0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(reasonOf(() => parseDecimal('9007199254740992', 0))).toBe('too_large');
    expect(reasonOf(() => parseDecimal('9007199254741', 3))).toBe('too_large');
    expect(reasonOf(() => parseDecimal('-9.007.199.254.741', 3))).toBe('too_large');
  });

  it('refuses a bad scale', () => {
    expect(() => parseDecimal('1', -1)).toThrow(RangeError);
    expect(() => parseDecimal('1', 1.5)).toThrow(RangeError);
  });

  it('keeps every typed digit in the exact form', () => {
    expect(parseDecimalExact('1.234,5600')).toEqual({ units: 12345600n, scale: 4 });
  });
});

describe('formatDecimal', () => {
  it('prints plain dot-separated text with trailing zeros trimmed', () => {
    expect(formatDecimal(2500, 3)).toBe('2.5');
    expect(formatDecimal(2000, 3)).toBe('2');
    expect(formatDecimal(1, 3)).toBe('0.001');
    expect(formatDecimal(-1, 3)).toBe('-0.001');
    expect(formatDecimal(1234567, 0)).toBe('1234567');
    expect(formatDecimal(0, 2)).toBe('0');
  });

  it('keeps minFractionDigits and rounds to maxFractionDigits half away from zero', () => {
    expect(formatDecimal(2500, 3, { minFractionDigits: 2 })).toBe('2.50');
    expect(formatDecimal(5, 0, { minFractionDigits: 2 })).toBe('5.00');
    expect(formatDecimal(123456, 2, { maxFractionDigits: 0 })).toBe('1235');
    expect(formatDecimal(-125, 2, { maxFractionDigits: 1 })).toBe('-1.3');
    expect(formatDecimal(-4, 2, { maxFractionDigits: 1 })).toBe('0'); // no "-0"
    expect(formatDecimal(843700, 6, { minFractionDigits: 2, maxFractionDigits: 4 })).toBe('0.8437');
  });

  it('refuses non-integers and inconsistent options', () => {
    expect(() => formatDecimal(1.5, 2)).toThrow(RangeError);
    expect(() => formatDecimal(1, 2, { minFractionDigits: 3, maxFractionDigits: 2 })).toThrow(RangeError);
  });
});

describe('mulDivRound', () => {
  it('rounds half away from zero', () => {
    expect(mulDivRound(7, 1, 2, 'half_up')).toBe(4);
    expect(mulDivRound(-7, 1, 2, 'half_up')).toBe(-4);
    expect(mulDivRound(5, 1, 3, 'half_up')).toBe(2);
    expect(mulDivRound(4, 1, 3, 'half_up')).toBe(1);
    expect(mulDivRound(-4, 1, 3, 'half_up')).toBe(-1);
  });

  it('rounds ceil towards +infinity and floor towards -infinity', () => {
    expect(mulDivRound(7, 1, 2, 'ceil')).toBe(4);
    expect(mulDivRound(-7, 1, 2, 'ceil')).toBe(-3);
    expect(mulDivRound(7, 1, 2, 'floor')).toBe(3);
    expect(mulDivRound(-7, 1, 2, 'floor')).toBe(-4);
    expect(mulDivRound(7, 1, -2, 'floor')).toBe(-4);
    expect(mulDivRound(6, 1, 2, 'ceil')).toBe(3);
  });

  it('is exact when a*b exceeds 2^53 (BigInt path)', () => {
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 1000, 1000, 'half_up')).toBe(Number.MAX_SAFE_INTEGER);
    // 9007199254740991 * 3 = 27021597764222973 = 7 * 3860228252031853 + 2: remainder below half
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 7, 'half_up')).toBe(3860228252031853);
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 7, 'ceil')).toBe(3860228252031854);
    expect(mulDivRound(-Number.MAX_SAFE_INTEGER, 3, 7, 'floor')).toBe(-3860228252031854);
  });

  it('never returns -0 and refuses what it cannot do exactly', () => {
    expect(Object.is(mulDivRound(0, -5, 3, 'half_up'), 0)).toBe(true);
    expect(() => mulDivRound(1, 1, 0, 'floor')).toThrow(RangeError);
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1, 'floor')).toThrow(RangeError);
    expect(() => mulDivRound(1.5, 2, 1, 'floor')).toThrow(RangeError);
  });

  it('divRoundBig agrees on ties', () => {
    expect(divRoundBig(-15n, 10n, 'half_up')).toBe(-2n);
    expect(divRoundBig(15n, -10n, 'half_up')).toBe(-2n);
    expect(divRoundBig(14n, 10n, 'half_up')).toBe(1n);
  });
});
