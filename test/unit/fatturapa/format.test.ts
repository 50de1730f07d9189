/** Values in the exact shapes of the schema's patterns, and file names. */
import { describe, expect, it } from 'vitest';
import { amount2, amount8, basic, causali, iban, latin, quantity, rate } from '../../../src-main/modules/invoicing/fatturapa/format';
import { fatturaFileName, progressivoOf } from '../../../src-main/modules/invoicing/fatturapa/fileName';

describe('FatturaPA value formats', () => {
  it('amounts: 2 decimals (Amount2DecimalType), unit prices 2 to 8 decimals exactly as typed', () => {
    expect(amount2(0)).toBe('0.00');
    expect(amount2(7)).toBe('0.07');
    expect(amount2(123456)).toBe('1234.56');
    expect(amount2(-50)).toBe('-0.50');
    expect(amount8('4.2')).toBe('4.20');
    expect(amount8('25.40983607')).toBe('25.40983607');
    expect(amount8('3')).toBe('3.00');
    expect(() => amount8('1.123456789')).toThrow();
  });

  it('rates and quantities: "22.00", "2.50", "2.505", "0.001"', () => {
    expect(rate(2200)).toBe('22.00');
    expect(rate(450)).toBe('4.50');
    expect(rate(0)).toBe('0.00');
    expect(quantity(2500)).toBe('2.50');
    expect(quantity(2505)).toBe('2.505');
    expect(quantity(1)).toBe('0.001');
    expect(quantity(12000)).toBe('12.00');
  });

  it('text: Latin-1 kept, typographic marks folded, other letters to their base, Basic Latin where the type wants it', () => {
    expect(latin('Città “bella” – ok', 100)).toBe('Città "bella" - ok');
    expect(latin('Łódź ő 中', 100)).toBe('Lódz o ?');
    expect(basic('Città', 20)).toBe('Citta');
    expect(latin('a  b\nc', 100)).toBe('a b c');
    expect(latin('x'.repeat(90), 80)).toHaveLength(80);
  });

  it('Causale: long notes cut at a space within 200 characters', () => {
    const parts = causali([`${'abcdefghi '.repeat(45)}`, 'breve']);
    expect(parts.every((p) => p.length <= 200)).toBe(true);
    expect(parts.join(' ')).toBe(`${'abcdefghi '.repeat(45).trim()} breve`);
    expect(parts).toHaveLength(4);
  });

  it('IBAN without spaces, refused when it cannot be one', () => {
    expect(iban('it60 x054 2811 1010 0000 0123 456')).toBe('IT60X0542811101000000123456');
    expect(iban('IT60 123')).toBe('');
  });

  it('progressivo: 5 base-36 characters, never reused, up to ZZZZZ', () => {
    expect(progressivoOf(1)).toBe('00001');
    expect(progressivoOf(35)).toBe('0000Z');
    expect(progressivoOf(36)).toBe('00010');
    expect(progressivoOf(36 ** 5 - 1)).toBe('ZZZZZ');
    expect(() => progressivoOf(36 ** 5)).toThrow(/5 base-36/);
    expect(() => progressivoOf(0)).toThrow();
  });

  it('file name: IT<IdCodice>_<progressivo>.xml', () => {
    expect(fatturaFileName({ country: 'IT', idCode: '01234567897' }, '0000A')).toBe('IT01234567897_0000A.xml');
    expect(() => fatturaFileName({ country: 'IT', idCode: '01234567897' }, '000001')).toThrow();
  });
});
