/**
 * Values as the FatturaPA 1.2.2 schema's simple types want them. The patterns are strict
 * (Amount2DecimalType `-?[0-9]{1,11}\.[0-9]{2}`, Amount8DecimalType 2–8 decimals,
 * RateType `[0-9]{1,3}\.[0-9]{2}`, QuantitaType `[0-9]{1,12}\.[0-9]{2,8}`) and the text
 * types admit only Basic Latin or Latin-1: a "€", a curly quote or a long dash typed in
 * a description would make the whole file non-conforming (SdI error 00200), so text is
 * folded to what the type admits before it goes in.
 */
import { formatUnitPrice, parseUnitPriceE8 } from '../../../../src-shared/domain/pricing';

/** Integer cents → "1234.50" (Amount2DecimalType; also valid for Amount8DecimalType). */
export function amount2(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`cents must be an integer: ${cents}`);
  const neg = cents < 0;
  const abs = Math.abs(cents);
  return `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A unit price as text ("4.2", "25.40983607") → "4.20" / "25.40983607": 2 to 8 decimals, exact. */
export function amount8(price: string): string {
  return formatUnitPrice(parseUnitPriceE8(price));
}

/** Hundredths of a percent → "22.00" (RateType). */
export function rate(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

/** Thousandths → "2.50", "2.505" (QuantitaType: at least 2 decimals). */
export function quantity(milli: number): string {
  const whole = Math.floor(milli / 1000);
  let frac = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${whole}.${frac}`;
}

/** Characters people paste from word processors, with their Latin-1 spelling. */
const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u20AC': 'EUR',
  '\u2022': '-',
  '\u00A0': ' ',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0152': 'OE',
  '\u0153': 'oe',
};

function foldChar(c: string, max: number): string {
  const code = c.codePointAt(0)!;
  if (code === 9 || code === 10 || code === 13) return ' ';
  if (code < 32 || code === 127) return '';
  if (code <= max && !(code >= 0x80 && code < 0xa0)) return c;
  if (FOLD[c] !== undefined) return FOLD[c];
  // accented letters outside the range (ő, č) keep their base letter
  const base = c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return [...base].every((b) => b.codePointAt(0)! <= max) && base !== '' ? base : '?';
}

function fold(text: string, max: number, length: number): string {
  const out = [...text.normalize('NFC')].map((c) => foldChar(c, max)).join('');
  // normalizedString/token types: one space between words, none at the ends
  return [...out.replace(/ {2,}/g, ' ').trim()].slice(0, length).join('').trim();
}

/** StringNNNLatinType: Basic Latin + Latin-1 Supplement, at most `length` characters. */
export function latin(text: string, length: number): string {
  return fold(text, 0xff, length);
}

/** StringNNType: Basic Latin only (Numero, NumeroDDT, UnitaMisura, CodiceTipo). */
export function basic(text: string, length: number): string {
  return fold(text, 0x7f, length);
}

/** Causale: each note split into pieces of at most 200 characters (String200LatinType, repeatable). */
export function causali(notes: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of notes) {
    let rest = latin(n, Number.MAX_SAFE_INTEGER);
    while (rest.length > 0) {
      let cut = rest.length <= 200 ? rest.length : rest.lastIndexOf(' ', 200);
      if (cut <= 0) cut = 200;
      out.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
  }
  return out.filter(Boolean);
}

/** An IBAN without spaces, upper case; '' when it cannot be one (IBANType). */
export function iban(text: string): string {
  const v = text.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(v) ? v : '';
}

/** A phone for TelFaxType (5–12 Basic Latin characters), '' when it does not fit. */
export function phone(text: string): string {
  const v = text.replace(/[\s./()-]+/g, '');
  return /^[\x20-\x7e]{5,12}$/.test(v) ? v : '';
}

/** An e-mail for EmailContattiType / EmailType, '' when it does not look like one. */
export function email(text: string): string {
  const v = text.trim();
  return v.length >= 7 && v.length <= 256 && /^[!#-'*+/-9=?A-Z^-~-]+(\.[!#-'*+/-9=?A-Z^-~-]+)*@[!#-'*+/-9=?A-Z^-~-]+(\.[!#-'*+/-9=?A-Z^-~-]+)*\.[A-Za-z]{2,}$/.test(v) ? v : '';
}
