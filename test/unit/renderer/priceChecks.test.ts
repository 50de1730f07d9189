import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src-shared/i18n';
import { checkBreaks, checkDiscounts, checkPercent, checkPrice, parseDays } from '../../../src-renderer/screens/prices/priceChecks';
import { discountInput, priceInput } from '../../../src-renderer/screens/orders/orderPricing';

const t = createTranslator('it');

describe('price fields checked where they are typed', () => {
  it('a price is a number that is not negative; € and the comma are fine', () => {
    expect(checkPrice('4,20', t)).toBeNull();
    expect(checkPrice('4,20 €', t)).toBeNull();
    expect(checkPrice('-1', t)).toBe('Un prezzo non può essere negativo');
    expect(checkPrice('quattro', t)).toBe('Non è un prezzo: scrivi un numero (es. 4,20)');
    expect(checkPrice('', t)).toBe('Scrivi un prezzo');
    expect(checkPrice('', t, { optional: true })).toBeNull();
  });

  it('each break must be above the one before, and above zero', () => {
    expect(checkBreaks([{ fromQuantity: '24' }, { fromQuantity: '96' }], t)).toEqual([null, null]);
    expect(checkBreaks([{ fromQuantity: '24' }, { fromQuantity: '24' }], t)).toEqual([null, 'Deve essere maggiore dello scaglione precedente']);
    expect(checkBreaks([{ fromQuantity: '24' }, { fromQuantity: '12' }], t)[1]).toBe('Deve essere maggiore dello scaglione precedente');
    expect(checkBreaks([{ fromQuantity: '0' }], t)[0]).toBe('La quantità deve essere maggiore di zero');
    expect(checkBreaks([{ fromQuantity: 'molti' }], t)[0]).toBe('Scrivi una quantità (es. 24)');
  });

  it('a discount chain takes steps from 0 to 100 %', () => {
    expect(checkDiscounts('10+5', t)).toBeNull();
    expect(checkDiscounts('100', t)).toBeNull();
    expect(checkDiscounts('', t)).toBeNull();
    expect(checkDiscounts('10+120', t)).toBe('Ogni sconto va da 0 a 100 %');
    expect(checkDiscounts('100,01', t)).toBe('Ogni sconto va da 0 a 100 %');
    expect(checkDiscounts('10+', t)).toBe('Scrivi uno sconto come 10 o 10+5');
  });

  it('a bulk percentage may be negative but cannot take off everything', () => {
    expect(checkPercent('3', t)).toBeNull();
    expect(checkPercent('-2,5', t)).toBeNull();
    expect(checkPercent('-100', t)).toBe('Non si può togliere il 100 % o più');
  });

  it('payment days read as increasing whole days', () => {
    expect(parseDays('30/60')).toEqual([30, 60]);
    expect(parseDays('0')).toEqual([0]);
    expect(parseDays('60/30')).toBeNull();
    expect(parseDays('30/400')).toBeNull();
    expect(parseDays('')).toBeNull();
  });

  it('a quoted price and discount chain are written the user’s way in the inputs', () => {
    expect(priceInput('4.2', true)).toBe('4,20');
    expect(priceInput('25.40983607', true)).toBe('25,40983607');
    expect(priceInput('4', false)).toBe('4.00');
    expect(discountInput(['10', '5'], true)).toBe('10+5');
    expect(discountInput(['12.5'], true)).toBe('12,5');
  });
});
