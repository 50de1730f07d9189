/**
 * Quantities as users type and read them: "2,5 kg", "250 g", "3" (the item's unit).
 * Parsing gives integer thousandths of the item's unit (see units.ts); display is the
 * only place a float appears, and only to feed Intl.
 */
import { DecimalError, parseDecimalExact, pow10Big } from './decimal';
import { areCompatible, unitFactor, type Unit } from './units';

export type QuantityErrorReason = 'empty' | 'not_a_number' | 'unknown_unit' | 'incompatible_unit' | 'too_precise' | 'too_large';

/**
 * The largest quantity a field accepts: a billion of the item's unit (10^12 thousandths).
 * Bounded so that a quantity times a bounded price (money.ts) stays an exact integer.
 */
export const MAX_QUANTITY_MILLI = 1_000_000_000_000;

export class QuantityError extends Error {
  readonly reason: QuantityErrorReason;
  readonly input: string;
  /** the unit as typed (unknown_unit) or recognised (incompatible_unit) */
  readonly unit: string | undefined;
  constructor(reason: QuantityErrorReason, input: string, unit?: string) {
    super(`${reason}: "${input}"`);
    this.name = 'QuantityError';
    this.reason = reason;
    this.input = input;
    this.unit = unit;
  }
}

/** What people write on an Italian shop floor, besides our own symbols. */
const UNIT_ALIASES: Readonly<Record<string, Unit>> = {
  g: 'g',
  gr: 'g',
  grammi: 'g',
  kg: 'kg',
  kilo: 'kg',
  ml: 'ml',
  l: 'l',
  lt: 'l',
  litri: 'l',
  litro: 'l',
  pcs: 'pcs',
  pc: 'pcs',
  pz: 'pcs',
  pezzi: 'pcs',
  pezzo: 'pcs',
};

/** Recognises a typed unit (case-insensitive, aliases allowed), or undefined. */
export function unitFromText(text: string): Unit | undefined {
  const key = text.trim().toLowerCase();
  return Object.hasOwn(UNIT_ALIASES, key) ? UNIT_ALIASES[key] : undefined;
}

export interface ParsedQuantity {
  /** thousandths of the item's unit */
  qtyMilli: number;
  /** the unit the user typed (the item's unit if none), kept so a recipe can show it back */
  enteredUnit: Unit;
}

/**
 * Like parseQuantity, also telling which unit was typed.
 * A different unit of the same dimension is converted exactly on the typed digits, so
 * "0,0005 kg" for a g item is 500 mg. What is finer than a thousandth of the item's
 * unit ("0,0005" of a piece, "0,5 g" of a kg item) cannot be stored and is refused
 * (`too_precise`) rather than silently rounded; more than MAX_QUANTITY_MILLI is `too_large`.
 */
export function parseQuantityDetailed(text: string, itemUnit: Unit): ParsedQuantity {
  const trimmed = text.trim();
  if (trimmed === '') throw new QuantityError('empty', text);
  // number first, then an optional unit made of letters: "2,5kg", "2,5 kg", "3"
  const m = /^(.*?)\s*(\p{L}+)?$/u.exec(trimmed);
  const numberPart = (m?.[1] ?? '').trim();
  const unitPart = m?.[2];
  let entered: Unit = itemUnit;
  if (unitPart !== undefined) {
    const u = unitFromText(unitPart);
    if (u === undefined) {
      // "kg" alone or "due kg" is not a number, whatever the unit
      if (numberPart === '' || /\p{L}/u.test(numberPart)) throw new QuantityError('not_a_number', text);
      throw new QuantityError('unknown_unit', text, unitPart);
    }
    if (!areCompatible(u, itemUnit)) throw new QuantityError('incompatible_unit', text, u);
    entered = u;
  }
  if (numberPart === '') throw new QuantityError('not_a_number', text);
  let exact;
  try {
    exact = parseDecimalExact(numberPart);
  } catch (e) {
    if (e instanceof DecimalError) throw new QuantityError('not_a_number', text);
    throw e;
  }
  // value · 1000 · factor(entered) / factor(item), from value = units / 10^scale
  const num = exact.units * 1000n * BigInt(unitFactor(entered));
  const den = pow10Big(exact.scale) * BigInt(unitFactor(itemUnit));
  if (num % den !== 0n) throw new QuantityError('too_precise', text);
  const milli = num / den;
  if (milli > BigInt(MAX_QUANTITY_MILLI) || milli < -BigInt(MAX_QUANTITY_MILLI)) throw new QuantityError('too_large', text);
  return { qtyMilli: Number(milli), enteredUnit: entered };
}

/**
 * Typed quantity → integer thousandths of `itemUnit`. Without a unit the number is in
 * the item's unit. Note the decimal rule of parseDecimal: "1.000 pcs" is one piece
 * (a lone separator is decimal); "1.000.000" or "1.000,5" group thousands.
 */
export function parseQuantity(text: string, itemUnit: Unit): number {
  return parseQuantityDetailed(text, itemUnit).qtyMilli;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: 'always' }); // 1.250 kg in Italian too
    formatters.set(locale, f);
  }
  return f;
}

/** The unit as people write it in the locale's language: pieces are "pz" in Italian. */
export function unitSymbol(unit: Unit, locale: string): string {
  return unit === 'pcs' && locale.toLowerCase().startsWith('it') ? 'pz' : unit;
}

/** 2500 (kg) → "2,5 kg" in it-IT, 12000 (pcs) → "12 pz". Display only: the float here never flows back. */
export function formatQuantity(milli: number, unit: Unit, locale: string): string {
  return `${numberFormat(locale).format(milli / 1000)} ${unitSymbol(unit, locale)}`;
}
