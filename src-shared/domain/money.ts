/**
 * Money. Amounts (prices, totals, invoice lines) are integer CENTS. Unit costs need more
 * precision — flour at 0,8437 €/kg times 12,345 kg must not lose a cent per line — so a
 * unit cost is integer MICRO-euros (millionths) per ONE unit of the item. A cost of a
 * quantity is computed in micros and turned into cents once, at the end.
 */
import { DecimalError, mulDivRound, parseDecimal } from './decimal';

/** 1 cent = 10 000 micros */
export const MICROS_PER_CENT = 10_000;

/** Lets people paste "€ 3,20", "3,20 €" or "3.20 EUR"; the sign may precede the symbol. */
function stripCurrency(text: string): string {
  return text
    .trim()
    .replace(/^([+\-\u2212]?)\s*(?:€|eur\b)\s*/i, '$1')
    .replace(/\s*(?:€|eur)$/i, '');
}

/**
 * Bounds of what a money field accepts: a billion euros, as a price (cents) or as a unit
 * cost (micros). With quantities bounded too (quantity.ts) their products fit BigInt
 * arithmetic, and `lineWithinBounds` keeps each line's amount small enough that an
 * order's totals and VAT (500 lines) stay exact integers.
 */
export const MAX_MONEY_CENTS = 100_000_000_000;
export const MAX_UNIT_COST_MICROS = 1_000_000_000_000_000;
/** The largest amount of one line: a billion euros (500 lines × VAT still far below 2^53). */
export const MAX_LINE_CENTS = 100_000_000_000;

function bounded(value: number, max: number, text: string): number {
  if (Math.abs(value) > max) throw new DecimalError('too_large', text);
  return value;
}

/** "3,20" → 320. Throws DecimalError. More than 2 decimals round half away from zero. */
export function parseMoneyCents(text: string): number {
  return bounded(parseDecimal(stripCurrency(text), 2), MAX_MONEY_CENTS, text);
}

/** "0,8437" (€ per unit) → 843 700 micros. Throws DecimalError. */
export function parseUnitCostMicros(text: string): number {
  return bounded(parseDecimal(stripCurrency(text), 6), MAX_UNIT_COST_MICROS, text);
}

/** Whether a line of `qtyMilli` at `unitMicros` per unit stays within MAX_LINE_CENTS (exact, in BigInt). */
export function lineWithinBounds(qtyMilli: number, unitMicros: number): boolean {
  const cents = (BigInt(Math.abs(qtyMilli)) * BigInt(Math.abs(unitMicros))) / 10_000_000n;
  return cents <= BigInt(MAX_LINE_CENTS);
}

/** Cost in micros of a quantity (thousandths of a unit) at a unit cost in micros per unit. */
export function costOfQuantityMicros(qtyMilli: number, unitCostMicros: number): number {
  return mulDivRound(qtyMilli, unitCostMicros, 1000, 'half_up');
}

export function microsToCents(micros: number): number {
  return mulDivRound(micros, 1, MICROS_PER_CENT, 'half_up');
}

export function centsToMicros(cents: number): number {
  return mulDivRound(cents, MICROS_PER_CENT, 1, 'half_up');
}

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${minDigits}|${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      // Italian writes 1.010,84 €: ICU's it-IT groups only from five digits unless told
      useGrouping: 'always',
    });
    formatters.set(key, f);
  }
  return f;
}

/** 123456 → "1.234,56 €" in it-IT. Display only. */
export function formatMoney(cents: number, locale: string, currency = 'EUR'): string {
  return currencyFormat(locale, currency, 2, 2).format(cents / 100);
}

/**
 * A unit cost for display: at least 2 decimals, up to `fractionDigits` (default 4, at
 * most 6) so 0,8437 €/kg is not shown as 0,84 €.
 */
export function formatMicros(micros: number, locale: string, currency = 'EUR', fractionDigits = 4): string {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 6) {
    throw new RangeError(`fractionDigits must be 0..6, got ${fractionDigits}`);
  }
  return currencyFormat(locale, currency, Math.min(2, fractionDigits), fractionDigits).format(micros / 1_000_000);
}
