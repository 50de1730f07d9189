import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity, parseQuantityDetailed, QuantityError, unitFromText } from '../../../src-shared/domain/quantity';
import type { Unit } from '../../../src-shared/domain/units';

function errorOf(text: string, unit: Unit): QuantityError {
  try {
    parseQuantity(text, unit);
  } catch (e) {
    if (e instanceof QuantityError) return e;
    throw e;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseQuantity', () => {
  it('reads a number with or without a space before the unit', () => {
    expect(parseQuantity('2,5 kg', 'kg')).toBe(2500);
    expect(parseQuantity('2.5kg', 'kg')).toBe(2500);
    expect(parseQuantity('  2,5   kg ', 'kg')).toBe(2500);
  });

  it('takes a bare number in the item unit', () => {
    expect(parseQuantity('3', 'kg')).toBe(3000);
    expect(parseQuantity('0,001', 'pcs')).toBe(1);
    expect(parseQuantity('-2', 'g')).toBe(-2000); // adjustments may be negative
  });

  it('converts a unit of the same dimension into thousandths of the item unit', () => {
    expect(parseQuantity('250 g', 'kg')).toBe(250); // 0,25 kg = 250 g
    expect(parseQuantity('250 g', 'g')).toBe(250_000);
    expect(parseQuantity('2,5 kg', 'g')).toBe(2_500_000);
    expect(parseQuantity('1,5 lt', 'ml')).toBe(1_500_000);
    expect(parseQuantity('750 ml', 'l')).toBe(750);
  });

  it('converts exactly on the typed digits, and refuses what is finer than a thousandth of the unit', () => {
    // 0,0005 kg = 0,5 g = 500 mg, exactly
    expect(parseQuantity('0,0005 kg', 'g')).toBe(500);
    expect(parseQuantity('0,5 g', 'g')).toBe(500);
    expect(parseQuantity('1,000 g', 'kg')).toBe(1);
    // never silently rounded: 0,0005 of a piece is not 0,001
    for (const [text, unit] of [['0.0005', 'pcs'], ['0,0005 pz', 'pcs'], ['0,4996 g', 'kg'], ['0,5 g', 'kg'], ['1,0005', 'kg'], ['0,1 ml', 'l']] as const) {
      expect(errorOf(text, unit).reason, `${text} ${unit}`).toBe('too_precise');
    }
  });

  it('refuses more than a billion of the unit', () => {
    expect(parseQuantity('1.000.000.000 pz', 'pcs')).toBe(1_000_000_000_000);
    expect(errorOf('1.000.000.001 pz', 'pcs').reason).toBe('too_large');
    expect(errorOf('9007199254740', 'kg').reason).toBe('too_large');
    expect(errorOf('-2000000000', 'g').reason).toBe('too_large');
  });

  it('follows the separator rules of parseDecimal', () => {
    expect(parseQuantity('1.000 pcs', 'pcs')).toBe(1000); // a lone separator is decimal: one piece
    expect(parseQuantity('1.000.000 pz', 'pcs')).toBe(1_000_000_000);
    expect(parseQuantity('1.234,5 g', 'g')).toBe(1_234_500);
  });

  it('accepts unit aliases in any case', () => {
    expect(parseQuantity('2 KG', 'kg')).toBe(2000);
    expect(parseQuantity('2 Kg', 'g')).toBe(2_000_000);
    for (const t of ['5 pz', '5 PZ', '5 pc', '5 pezzi', '5pcs']) expect(parseQuantity(t, 'pcs'), t).toBe(5000);
    expect(parseQuantity('100 gr', 'kg')).toBe(100);
    expect(parseQuantity('2 L', 'l')).toBe(2000);
    expect(unitFromText(' Lt ')).toBe('l');
    expect(unitFromText('toString')).toBeUndefined();
  });

  it('tells which unit was typed', () => {
    expect(parseQuantityDetailed('250 g', 'kg')).toEqual({ qtyMilli: 250, enteredUnit: 'g' });
    expect(parseQuantityDetailed('3', 'kg')).toEqual({ qtyMilli: 3000, enteredUnit: 'kg' });
  });

  it('explains what is wrong', () => {
    expect(errorOf('', 'kg').reason).toBe('empty');
    expect(errorOf('  ', 'kg').reason).toBe('empty');
    expect(errorOf('kg', 'kg').reason).toBe('not_a_number');
    expect(errorOf('abc', 'kg').reason).toBe('not_a_number');
    expect(errorOf('2,5,5 kg', 'kg').reason).toBe('not_a_number');
    expect(errorOf('due kg', 'kg').reason).toBe('not_a_number');
    expect(errorOf('kg 2', 'kg').reason).toBe('not_a_number');
    const unknown = errorOf('2 sacchi', 'kg');
    expect(unknown.reason).toBe('unknown_unit');
    expect(unknown.unit).toBe('sacchi');
    const incompatible = errorOf('2 l', 'kg');
    expect(incompatible.reason).toBe('incompatible_unit');
    expect(incompatible.unit).toBe('l');
    expect(errorOf('3 pz', 'g').reason).toBe('incompatible_unit');
  });
});

describe('formatQuantity', () => {
  it('formats with the locale, at most 3 decimals, and the unit', () => {
    expect(formatQuantity(2500, 'kg', 'it-IT')).toBe('2,5 kg');
    expect(formatQuantity(1_250_000, 'kg', 'it-IT')).toBe('1.250 kg'); // grouped from four digits
    expect(formatQuantity(1_234_567, 'g', 'en-US')).toBe('1,234.567 g');
    expect(formatQuantity(12_345_678, 'g', 'it-IT')).toBe('12.345,678 g');
    expect(formatQuantity(1, 'pcs', 'en-US')).toBe('0.001 pcs');
    expect(formatQuantity(3000, 'pcs', 'it-IT')).toBe('3 pz');
    expect(formatQuantity(3000, 'pcs', 'en-GB')).toBe('3 pcs');
  });
});
