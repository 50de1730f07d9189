import { describe, expect, it } from 'vitest';
import { caseElements, elementString, GS, gs1Date, humanReadable, isGs1LotCode, parseElementString } from '../../../src-main/documents/labels/gs1';
import { expiryLine, lotLine, netWord } from '../../../src-main/documents/labels/wording';

describe('GS1-128 case elements', () => {
  const base = { gtin: '8012345678907', lotCode: 'L26123-1', date: '2027-03-31', dateKind: 'expiry' as const, count: 12 };

  it('(02) GTIN-14, (17) expiry, (37) count, (10) lot: printed form and scanned form with GS after variable fields', () => {
    const el = caseElements(base)!;
    expect(humanReadable(el)).toBe('(02)08012345678907(17)270331(37)12(10)L26123-1');
    expect(elementString(el)).toBe(`0208012345678907172703313712${GS}10L26123-1`);
    expect(parseElementString(elementString(el))).toEqual(el);
    expect(parseElementString(`]C1${elementString(el)}`)).toEqual(el);
  });

  it('best before is (15); no date, no date element', () => {
    expect(humanReadable(caseElements({ ...base, dateKind: 'best_before' })!)).toContain('(15)270331');
    expect(humanReadable(caseElements({ ...base, date: null })!)).toBe('(02)08012345678907(37)12(10)L26123-1');
  });

  it('refuses what cannot be encoded: a wrong check digit, a lot outside CSET 82 or too long, a bad count', () => {
    expect(caseElements({ ...base, gtin: '8012345678900' })).toBeNull();
    expect(caseElements({ ...base, lotCode: 'L°1' })).toBeNull();
    expect(caseElements({ ...base, lotCode: 'X'.repeat(21) })).toBeNull();
    expect(caseElements({ ...base, count: 0 })).toBeNull();
    expect(isGs1LotCode('L26123-1')).toBe(true);
    expect(gs1Date('2026-01-05')).toBe('260105');
  });
});

describe('label wording', () => {
  it('food: use by and best before in Italian and English', () => {
    expect(expiryLine('food', 'use_by', '2026-12-01', 'it')).toBe('Da consumarsi entro il 01/12/2026');
    expect(expiryLine('food', 'best_before', '2026-12-01', 'it')).toBe('Da consumarsi preferibilmente entro il 01/12/2026');
    expect(expiryLine('food', 'use_by', '2026-12-01', 'en')).toBe('Use by 01/12/2026');
    expect(expiryLine('food', 'best_before', '2026-12-01', 'en')).toBe('Best before 01/12/2026');
    expect(expiryLine('food', 'use_by', null, 'it')).toBeNull();
  });

  it('cosmetics: batch wording; net word follows the unit written', () => {
    expect(lotLine('cosmetic', 'L1', 'it')).toBe('Lotto L1');
    expect(lotLine('food', 'L1', 'it')).toBe('L1');
    expect(lotLine('food', '26-1', 'it')).toBe('L. 26-1');
    expect(netWord('50 ml', 'it')).toBe('Volume netto');
    expect(netWord('250 g ℮', 'it')).toBe('Peso netto');
    expect(netWord('6 pezzi', 'en')).toBe('Contents');
  });
});
