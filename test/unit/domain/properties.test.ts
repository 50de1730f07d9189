import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, mulDivRound, parseDecimal } from '../../../src-shared/domain/decimal';
import { convertMilli } from '../../../src-shared/domain/units';

const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

/** Reference: the same rounding written directly on BigInt. */
function referenceMulDiv(a: number, b: number, c: number, mode: 'half_up' | 'ceil' | 'floor'): bigint {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const sign = (n < 0n) !== (d < 0n) ? -1n : 1n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = an / ad;
  const r = an % ad;
  if (r === 0n) return sign * q;
  if (mode === 'half_up') return sign * (2n * r >= ad ? q + 1n : q);
  const towardsPlus = mode === 'ceil';
  return sign > 0n ? (towardsPlus ? q + 1n : q) : towardsPlus ? -q : -(q + 1n);
}

describe('properties', () => {
  it('parseDecimal(formatDecimal(x)) === x', () => {
    fc.assert(
      fc.property(safeInt, fc.integer({ min: 0, max: 9 }), (x, scale) => {
        expect(parseDecimal(formatDecimal(x, scale), scale)).toBe(x);
      }),
    );
  });

  it('kg → g → kg is exact', () => {
    const qty = fc.integer({ min: -Math.floor(Number.MAX_SAFE_INTEGER / 1000), max: Math.floor(Number.MAX_SAFE_INTEGER / 1000) });
    fc.assert(
      fc.property(qty, (q) => {
        expect(convertMilli(convertMilli(q, 'kg', 'g'), 'g', 'kg')).toBe(q);
        expect(convertMilli(convertMilli(q, 'l', 'ml'), 'ml', 'l', 'floor')).toBe(q);
      }),
    );
  });

  it('g → kg → g is exact for multiples of 1000', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (k) => {
        expect(convertMilli(convertMilli(k * 1000, 'g', 'kg'), 'kg', 'g')).toBe(k * 1000);
      }),
    );
  });

  it('mulDivRound matches a BigInt reference on both of its paths', () => {
    const small = fc.integer({ min: -1e6, max: 1e6 });
    const divisor = fc.integer({ min: -1e6, max: 1e6 }).filter((c) => c !== 0);
    const mode = fc.constantFrom('half_up' as const, 'ceil' as const, 'floor' as const);
    fc.assert(
      fc.property(fc.oneof(small, safeInt), small, divisor, mode, (a, b, c, m) => {
        const expected = referenceMulDiv(a, b, c, m);
        if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < -BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => mulDivRound(a, b, c, m)).toThrow(RangeError);
        } else {
          expect(mulDivRound(a, b, c, m)).toBe(Number(expected));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parsing Italian and English renderings of the same amount agrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (cents) => {
        const euros = Math.floor(cents / 100);
        const frac = String(cents % 100).padStart(2, '0');
        const grouped = (sep: string) => String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(parseDecimal(`${grouped('.')},${frac}`, 2)).toBe(cents);
        expect(parseDecimal(`${grouped(',')}.${frac}`, 2)).toBe(cents);
      }),
    );
  });
});
