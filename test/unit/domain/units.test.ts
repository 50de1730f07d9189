import { describe, expect, it } from 'vitest';
import { areCompatible, compatibleUnits, convertMilli, dimensionOf, isUnit, unitFactor, UnitError, UNITS } from '../../../src-shared/domain/units';

describe('units', () => {
  it('knows the dimension and size of each unit', () => {
    expect(UNITS).toEqual(['g', 'kg', 'ml', 'l', 'pcs']);
    expect(dimensionOf('kg')).toBe('mass');
    expect(dimensionOf('l')).toBe('volume');
    expect(dimensionOf('pcs')).toBe('count');
    expect(unitFactor('kg')).toBe(1000);
    expect(unitFactor('ml')).toBe(1);
    expect(areCompatible('g', 'kg')).toBe(true);
    expect(areCompatible('kg', 'l')).toBe(false);
    expect(areCompatible('pcs', 'g')).toBe(false);
    expect(compatibleUnits('l')).toEqual(['ml', 'l']);
    expect(isUnit('kg')).toBe(true);
    expect(isUnit('KG')).toBe(false);
    expect(isUnit(3)).toBe(false);
  });

  it('converts to a smaller unit exactly', () => {
    expect(convertMilli(2500, 'kg', 'g')).toBe(2_500_000); // 2,5 kg = 2500 g
    expect(convertMilli(1500, 'l', 'ml')).toBe(1_500_000);
    expect(convertMilli(7, 'pcs', 'pcs')).toBe(7);
  });

  it('rounds when converting to a larger unit', () => {
    expect(convertMilli(2_500_000, 'g', 'kg')).toBe(2500);
    // 500 mg = 0,5 g of a kg item (1 = 1 g): a tie, half away from zero
    expect(convertMilli(500, 'g', 'kg')).toBe(1);
    expect(convertMilli(499, 'g', 'kg')).toBe(0);
    expect(convertMilli(-500, 'g', 'kg')).toBe(-1);
    expect(convertMilli(500, 'g', 'kg', 'floor')).toBe(0);
    expect(convertMilli(1, 'ml', 'l', 'ceil')).toBe(1);
  });

  it('refuses conversion across dimensions', () => {
    expect(() => convertMilli(1000, 'kg', 'l')).toThrow(UnitError);
    try {
      convertMilli(1000, 'pcs', 'g');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnitError);
      expect((e as UnitError).reason).toBe('incompatible');
      expect((e as UnitError).from).toBe('pcs');
      expect((e as UnitError).to).toBe('g');
    }
  });
});
