import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, normalizeGtin14 } from '../../../src-shared/domain/gtin';

describe('GTIN', () => {
  it('accepts real codes of every length', () => {
    expect(isValidGtin('4006381333931')).toBe(true); // EAN-13
    expect(isValidGtin('96385074')).toBe(true); // EAN-8
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
    expect(isValidGtin('10036000291459')).toBe(true); // GTIN-14, check digit computed by hand
    expect(isValidGtin('00036000291452')).toBe(true);
  });

  it('computes the check digit with weights 3,1,3… from the right', () => {
    // 4 0 0 6 3 8 1 3 3 3 9 3 from the right ×3,×1…: 9+9+9+3+9+1+24+3+18+0+0+4 = 89 → 1
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('1003600029145')).toBe(9);
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError);
  });

  it('refuses wrong check digits, lengths and characters', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('96385075')).toBe(false);
    expect(isValidGtin('036000291453')).toBe(false);
    expect(isValidGtin('9638507')).toBe(false); // 7 digits
    expect(isValidGtin('400638133393a')).toBe(false);
    expect(isValidGtin(' 4006381333931')).toBe(false);
    expect(isValidGtin('')).toBe(false);
    expect(isValidGtin('000000000000000')).toBe(false); // 15 digits
  });

  it('pads a valid code to 14 digits', () => {
    expect(normalizeGtin14('4006381333931')).toBe('04006381333931');
    expect(normalizeGtin14('96385074')).toBe('00000096385074');
    expect(normalizeGtin14('10036000291459')).toBe('10036000291459');
    expect(isValidGtin(normalizeGtin14('036000291452') ?? '')).toBe(true);
    expect(normalizeGtin14('4006381333932')).toBeNull();
  });
});
