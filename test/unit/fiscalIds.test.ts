import { describe, expect, it } from 'vitest';
import { codiceFiscaleProblem, partitaIvaProblem } from '../../src-shared/domain/fiscalIds';

describe('partita IVA check digit', () => {
  it('accepts valid numbers (Agenzia delle Entrate 06363391001, 01234567897)', () => {
    expect(partitaIvaProblem('06363391001')).toBeNull();
    expect(partitaIvaProblem('01234567897')).toBeNull();
  });
  it('refuses a wrong check digit, a wrong length and letters', () => {
    expect(partitaIvaProblem('06363391002')).toBe('check_digit');
    expect(partitaIvaProblem('0636339100')).toBe('length');
    expect(partitaIvaProblem('0636339100A')).toBe('characters');
  });
});

describe('codice fiscale check letter', () => {
  it('accepts a person’s code and its omocodia variant', () => {
    expect(codiceFiscaleProblem('RSSMRA80A01H501U')).toBeNull();
    expect(codiceFiscaleProblem('rssmra80a01h501u')).toBeNull();
    expect(codiceFiscaleProblem('RSSMRA80A01H50MM')).toBeNull();
  });
  it('refuses a wrong check letter and malformed codes', () => {
    expect(codiceFiscaleProblem('RSSMRA80A01H501A')).toBe('check_digit');
    expect(codiceFiscaleProblem('RSSMRA80Z01H501U')).toBe('characters');
    expect(codiceFiscaleProblem('RSSMRA80A01H501')).toBe('length');
  });
  it('checks an 11-digit company code as a partita IVA', () => {
    expect(codiceFiscaleProblem('06363391001')).toBeNull();
    expect(codiceFiscaleProblem('06363391009')).toBe('check_digit');
  });
});
