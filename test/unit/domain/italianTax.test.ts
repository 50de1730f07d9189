import { describe, expect, it } from 'vitest';
import {
  codiceFiscaleCheckChar,
  explainPartitaIva,
  isValidCodiceFiscale,
  isValidPartitaIva,
  partitaIvaCheckDigit,
} from '../../../src-shared/domain/italianTax';

describe('Partita IVA', () => {
  it('accepts numbers whose check digit is right', () => {
    // 0 0 7 4 3 1 1 0 1 5 | odd places 0+7+3+1+1 = 12, even doubled 0,8,2,0,10→1 = 11; 23 → 7
    expect(isValidPartitaIva('00743110157')).toBe(true);
    // 0 1 1 1 4 6 0 1 0 0 | odd 0+1+4+0+0 = 5, even 2,2,12→3,2,0 = 9; 14 → 6
    expect(isValidPartitaIva('01114601006')).toBe(true);
    // 1 2 3 4 5 6 7 8 9 0 | odd 25, even 4,8,12→3,16→7,0 = 22; 47 → 3
    expect(isValidPartitaIva('12345678903')).toBe(true);
    expect(partitaIvaCheckDigit('0074311015')).toBe(7);
  });

  it('accepts an IT prefix and spaces', () => {
    expect(isValidPartitaIva('IT00743110157')).toBe(true);
    expect(isValidPartitaIva('it 007 431 101 57')).toBe(true);
  });

  it('says why a number is refused', () => {
    expect(explainPartitaIva('00743110157')).toBe('ok');
    expect(explainPartitaIva('00743110158')).toBe('checksum');
    expect(explainPartitaIva('12345678901')).toBe('checksum');
    expect(explainPartitaIva('0074311015')).toBe('length');
    expect(explainPartitaIva('')).toBe('length');
    expect(explainPartitaIva('0074311015A')).toBe('digits');
    expect(isValidPartitaIva('00743110158')).toBe(false);
  });
});

describe('Codice Fiscale', () => {
  it('accepts a personal code with the right check character, any case', () => {
    // odd places R S R 8 T 0 5 2 → 8+12+8+19+14+1+13+5 = 80; even S M A 5 1 A 6 → 18+12+0+5+1+0+6 = 42;
    // 122 mod 26 = 18 → S
    expect(codiceFiscaleCheckChar('RSSMRA85T10A562')).toBe('S');
    expect(isValidCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidCodiceFiscale('rssmra85t10a562s')).toBe(true);
    expect(isValidCodiceFiscale(' RSSMRA 85T10 A562S ')).toBe(true);
  });

  it('accepts omocodia letters in place of digits', () => {
    // last digit 2 → N (odd place: 5 → 20, sum 137, mod 26 = 7 → H)
    expect(codiceFiscaleCheckChar('RSSMRA85T10A56N')).toBe('H');
    expect(isValidCodiceFiscale('RSSMRA85T10A56NH')).toBe(true);
    const allLetters = 'RSSMRAUVTMLAQSN';
    expect(isValidCodiceFiscale(allLetters + codiceFiscaleCheckChar(allLetters))).toBe(true);
  });

  it('refuses a wrong check character, bad shape or impossible day', () => {
    expect(isValidCodiceFiscale('RSSMRA85T10A562T')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA85T10A56NS')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA85T10A562')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA85Z10A562S')).toBe(false); // Z is no month
    expect(isValidCodiceFiscale('RSSMRA85T10A5W2S')).toBe(false); // W is no omocodia letter
    const day35 = 'RSSMRA85T35A562';
    expect(isValidCodiceFiscale(day35 + codiceFiscaleCheckChar(day35))).toBe(false);
    const day45 = 'RSSMRA85T45A562'; // women: day + 40
    expect(isValidCodiceFiscale(day45 + codiceFiscaleCheckChar(day45))).toBe(true);
  });

  it('accepts a company code of 11 digits only if it passes the Partita IVA check', () => {
    expect(isValidCodiceFiscale('00743110157')).toBe(true);
    expect(isValidCodiceFiscale('00743110158')).toBe(false);
  });
});
