/**
 * GTIN (EAN/UPC) codes printed on labels and read by scanners: GTIN-8, -12 (UPC-A),
 * -13 (EAN-13) and -14 (cases). The last digit is the GS1 mod-10 check digit; a wrong
 * one means a typo, and a label with it would be refused by the customer's scanner.
 */

const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/**
 * GS1 check digit for the digits before it: weights 3,1,3,1… from the right.
 * Throws RangeError if `body` is not digits only.
 */
export function gtinCheckDigit(bodyWithoutCheck: string): number {
  if (!/^\d+$/.test(bodyWithoutCheck)) throw new RangeError(`not digits: "${bodyWithoutCheck}"`);
  let sum = 0;
  let weight = 3;
  for (let i = bodyWithoutCheck.length - 1; i >= 0; i--) {
    sum += (bodyWithoutCheck.charCodeAt(i) - 48) * weight;
    weight = weight === 3 ? 1 : 3;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for a GTIN-8/12/13/14 of digits only with the right check digit. */
export function isValidGtin(text: string): boolean {
  if (!/^\d+$/.test(text) || !GTIN_LENGTHS.includes(text.length)) return false;
  return gtinCheckDigit(text.slice(0, -1)) === text.charCodeAt(text.length - 1) - 48;
}

/**
 * A valid GTIN padded with leading zeros to 14 digits, the form GS1-128 application
 * identifier (01) needs on case labels; null if the code is not valid.
 * Padding keeps the check digit right because leading zeros weigh nothing.
 */
export function normalizeGtin14(text: string): string | null {
  return isValidGtin(text) ? text.padStart(14, '0') : null;
}
