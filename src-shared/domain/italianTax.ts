/**
 * Italian tax identifiers that appear on DDTs and customer records: the Partita IVA
 * (VAT number) and the Codice Fiscale (tax code). Only the check character is verified —
 * enough to catch a typo before it is printed on a legal document; whether the number
 * is registered is not something we can know offline.
 */

/** Removes spaces and an optional "IT" country prefix, as found on invoices. */
function cleanPartitaIva(text: string): string {
  return text.replace(/\s+/g, '').replace(/^it/i, '');
}

/**
 * Luhn-like check of the Partita IVA on its first 10 digits: digits in odd positions
 * (1st, 3rd, …) count as they are, digits in even positions are doubled (minus 9 when
 * above 9); the 11th digit makes the sum a multiple of 10.
 */
export function partitaIvaCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) throw new RangeError(`need 10 digits: "${first10}"`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why a Partita IVA is refused, for the message next to the field. */
export function explainPartitaIva(text: string): 'ok' | 'length' | 'digits' | 'checksum' {
  const clean = cleanPartitaIva(text);
  if (clean.length !== 11) return 'length';
  if (!/^\d{11}$/.test(clean)) return 'digits';
  return partitaIvaCheckDigit(clean.slice(0, 10)) === clean.charCodeAt(10) - 48 ? 'ok' : 'checksum';
}

export function isValidPartitaIva(text: string): boolean {
  return explainPartitaIva(text) === 'ok';
}

/**
 * Values for the check character of a personal Codice Fiscale. Characters in odd
 * positions (1st, 3rd, …) use this irregular table; even positions use the plain
 * value (0-9 for digits, 0-25 for A-Z). Same value for a digit and its letter: 0/A, 1/B…
 */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65; // '0'-'9' → 0-9, 'A'-'Z' → 0-25
}

/** The 16th character of a personal Codice Fiscale, from the first 15 (upper case). */
export function codiceFiscaleCheckChar(first15: string): string {
  if (!/^[0-9A-Z]{15}$/.test(first15)) throw new RangeError(`need 15 letters or digits: "${first15}"`);
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const v = charIndex(first15.charAt(i));
    sum += i % 2 === 0 ? (ODD_VALUES[v] ?? 0) : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * Omocodia: when two people would get the same code, the Agenzia replaces digits from
 * the right with these letters (0→L, 1→M, … 9→V). Such codes are valid and common
 * enough to meet.
 */
const OMOCODIA = 'LMNPQRSTUV';
const D = `[0-9${OMOCODIA}]`;
/** surname(3) name(3) year(2) month letter birth day(2) municipality(letter + 3) check */
const PERSONAL_CF = new RegExp(`^[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z]$`);

function decodeOmocodia(c: string): string {
  const i = OMOCODIA.indexOf(c);
  return i >= 0 ? String(i) : c;
}

/**
 * A personal code (16 characters, with omocodia letters allowed, any case) with the
 * right check character and a plausible birth day (1-31, or 41-71 for women); or a
 * company's 11-digit code, which is checked like a Partita IVA.
 */
export function isValidCodiceFiscale(text: string): boolean {
  const clean = text.replace(/\s+/g, '').toUpperCase();
  if (/^\d{11}$/.test(clean)) return isValidPartitaIva(clean);
  if (!PERSONAL_CF.test(clean)) return false;
  const day = Number(decodeOmocodia(clean.charAt(9)) + decodeOmocodia(clean.charAt(10)));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return codiceFiscaleCheckChar(clean.slice(0, 15)) === clean.charAt(15);
}
