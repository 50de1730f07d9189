import { describe, expect, it } from 'vitest';
import {
  netOfListedPrice,
  adjustCents,
  chainParts,
  effectiveBp,
  effectivePct,
  formatUnitPrice,
  lineAmountCents,
  netOfVatE8,
  parseDiscountChain,
  parseUnitPriceE8,
  pickStep,
} from '../../../src-shared/domain/pricing';
import { exactNetsForPaid, unitPriceE8For, vatOnMicroCents } from '../../../src-shared/domain/paidNets';

const steps = [
  { fromMilli: 0, priceCents: 450 },
  { fromMilli: 24_000, priceCents: 420 },
  { fromMilli: 48_000, priceCents: 400 },
];

describe('quantity breaks', () => {
  it('a break applies from its own quantity on: 23 pcs first price, 24 pcs the break, 47 still it, 48 the next', () => {
    expect(pickStep(steps, 23_000).step?.priceCents).toBe(450);
    expect(pickStep(steps, 24_000).step?.priceCents).toBe(420);
    expect(pickStep(steps, 47_999).step?.priceCents).toBe(420);
    expect(pickStep(steps, 48_000).step?.priceCents).toBe(400);
  });
  it('tells the next break above the quantity (none above the last)', () => {
    expect(pickStep(steps, 10_000).next).toEqual({ fromMilli: 24_000, priceCents: 420 });
    expect(pickStep(steps, 50_000).next).toBeNull();
  });
});

describe('discount chains', () => {
  it('"10+5" is 10 % then 5 % of what is left: 14,5 %, the chain kept', () => {
    const c = parseDiscountChain('10+5');
    expect(c).toEqual([1000, 500]);
    expect(effectivePct(c as number[])).toBe('14.5');
    expect(effectiveBp(c as number[])).toBe(1450);
    expect(chainParts(c as number[])).toEqual(['10', '5']);
  });
  it('decimals and three steps stay exact: "33,33+10+2,5" leaves 66,67 % × 90 % × 97,5 % = 58,502925 %, so 41,497075 %', () => {
    const c = parseDiscountChain('33,33 + 10 + 2,5') as number[];
    expect(effectivePct(c)).toBe('41.497075');
  });
  it('empty or "0" is no discount; over 100 % and words are refused with the part named', () => {
    expect(parseDiscountChain('')).toEqual([]);
    expect(parseDiscountChain('0')).toEqual([]);
    expect(parseDiscountChain('10+120')).toEqual({ reason: 'range', part: '120' });
    expect(parseDiscountChain('10+abc')).toEqual({ reason: 'not_a_number', part: 'abc' });
  });
});

describe('line amount, rounded to the cent half away from zero once per line', () => {
  it('3 × 0,335 € = 1,005 € → 1,01 € (not 3 × 0,34 = 1,02 nor 3 × 0,33 = 0,99)', () => {
    expect(lineAmountCents(3000, parseUnitPriceE8('0,335'), [])).toBe(101);
  });
  it('the chain applies to the line, not per unit: 7 × 4,20 € less 10+5 = 25,137 → 25,14 €', () => {
    expect(lineAmountCents(7000, parseUnitPriceE8('4,20'), [1000, 500])).toBe(2514);
  });
  it('a tie rounds away from zero: 1 × 0,125 € → 0,13 €', () => {
    expect(lineAmountCents(1000, parseUnitPriceE8('0,125'), [])).toBe(13);
  });
});

describe('unit prices with up to 8 decimals', () => {
  it('reads and writes them exactly, at least two decimals shown', () => {
    expect(formatUnitPrice(parseUnitPriceE8('4,2'))).toBe('4.20');
    expect(formatUnitPrice(parseUnitPriceE8('25.40983607'))).toBe('25.40983607');
    expect(() => parseUnitPriceE8('1,123456789')).toThrow();
    expect(() => parseUnitPriceE8('abc')).toThrow();
  });
  it('a VAT-included price becomes its net with 8 decimals: 6,50 at 22 % → 5,32786885', () => {
    expect(formatUnitPrice(netOfVatE8(parseUnitPriceE8('6,50'), 2200))).toBe('5.32786885');
  });
  it('bulk +3 % rounds each price to the cent half away from zero: 4,20 → 4,33; 0,50 → 0,52 (0,515)', () => {
    expect(adjustCents(420, 300)).toBe(433);
    expect(adjustCents(50, 300)).toBe(52);
  });
});

describe('a quoted price as the order stores it', () => {
  it('takes VAT out of a VAT-included list price with 8 decimals, and leaves a net list price or an untyped rate alone', () => {
    expect(netOfListedPrice('4.20', true, '22')).toBe('3.44262295');
    expect(netOfListedPrice('12.20', true, '22')).toBe('10.00');
    expect(netOfListedPrice('4.20', false, '22')).toBe('4.20');
    expect(netOfListedPrice('4.20', true, '')).toBe('4.20');
  });
});

describe('paid totals back to net + VAT', () => {
  it('Shopify #1001 (13,00 + 18,50 + 6,90 shipping = 38,40 paid at 22 %): nets + VAT on their exact sum = 38,40', () => {
    const nets = exactNetsForPaid([1300, 1850, 690], 2200);
    const rounded = nets.reduce((s, m) => s + Number((m + 500_000n) / 1_000_000n), 0);
    const vat = vatOnMicroCents(nets.reduce((s, m) => s + m, 0n), 2200);
    expect(rounded + vat).toBe(3840);
    expect(formatUnitPrice(unitPriceE8For(nets[0]!, 2000))).toBe('5.32786885');
  });
  it('many small lines rounding the same way still add up (10 × 0,01 € paid at 22 %)', () => {
    const paid = Array.from({ length: 10 }, () => 1);
    const nets = exactNetsForPaid(paid, 2200);
    expect(nets.every((m) => m >= 0n)).toBe(true);
    const rounded = nets.reduce((s, m) => s + Number((m + 500_000n) / 1_000_000n), 0);
    expect(rounded + vatOnMicroCents(nets.reduce((s, m) => s + m, 0n), 2200)).toBe(10);
  });
});
