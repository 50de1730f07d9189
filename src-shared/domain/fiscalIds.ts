/**
 * Check digits of Italian fiscal identifiers, as the SdI verifies them: a partita IVA
 * (11 digits, Luhn-style last digit) and a codice fiscale (16 characters with a check letter,
 * omocodia letters included; a company's codice fiscale is 11 digits like a partita IVA).
 * Each returns null when valid, or the reason in English words a message can carry.
 */

export type FiscalIdProblem = 'length' | 'characters' | 'check_digit';

export function partitaIvaProblem(raw: string): FiscalIdProblem | null {
  const v = raw.trim();
  if (v.length !== 11) return 'length';
  if (!/^\d{11}$/.test(v)) return 'characters';
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = v.charCodeAt(i) - 48;
    // positions 2, 4, … (1-based) are doubled, subtracting 9 above 9
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return check === v.charCodeAt(10) - 48 ? null : 'check_digit';
}

// Values of a character in an odd (1st, 3rd, …) position; digits count as the letter of the same index.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

export function codiceFiscaleProblem(raw: string): FiscalIdProblem | null {
  const v = raw.trim().toUpperCase();
  if (/^\d+$/.test(v)) return partitaIvaProblem(v);
  if (v.length !== 16) return 'length';
  // 6 letters, then birth data whose digits may be replaced by omocodia letters, then the check letter
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v)) return 'characters';
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(v[i]!);
    sum += i % 2 === 0 ? ODD[idx]! : idx;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15] ? null : 'check_digit';
}
