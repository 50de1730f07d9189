/**
 * Units of measure and conversion between them.
 *
 * An item has one unit for life; quantities of that item are integers in THOUSANDTHS of
 * it ("milli"): an item kept in kg counts grams, one kept in g counts milligrams, one in
 * pcs counts thousandths of a piece. Conversion happens only inside one dimension —
 * a kilo of flour is never a litre (DOMAIN.md: "conversions inside one dimension only").
 */
import { mulDivRound, type RoundingMode } from './decimal';

export const UNITS = ['g', 'kg', 'ml', 'l', 'pcs'] as const;
export type Unit = (typeof UNITS)[number];

export type Dimension = 'mass' | 'volume' | 'count';

const DIMENSION: Readonly<Record<Unit, Dimension>> = { g: 'mass', kg: 'mass', ml: 'volume', l: 'volume', pcs: 'count' };

/** Size of the unit in the smallest unit of its dimension (g, ml, pcs). */
const FACTOR: Readonly<Record<Unit, number>> = { g: 1, kg: 1000, ml: 1, l: 1000, pcs: 1 };

export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && (UNITS as readonly string[]).includes(value);
}

export function dimensionOf(unit: Unit): Dimension {
  return DIMENSION[unit];
}

export function unitFactor(unit: Unit): number {
  return FACTOR[unit];
}

export function areCompatible(a: Unit, b: Unit): boolean {
  return DIMENSION[a] === DIMENSION[b];
}

/** The units a quantity of this unit may be entered or shown in. */
export function compatibleUnits(unit: Unit): Unit[] {
  return UNITS.filter((u) => DIMENSION[u] === DIMENSION[unit]);
}

export type UnitErrorReason = 'incompatible';

export class UnitError extends Error {
  readonly reason: UnitErrorReason;
  readonly from: Unit;
  readonly to: Unit;
  constructor(reason: UnitErrorReason, from: Unit, to: Unit) {
    super(`${reason}: cannot convert ${from} to ${to}`);
    this.name = 'UnitError';
    this.reason = reason;
    this.from = from;
    this.to = to;
  }
}

/**
 * Thousandths of `from` → thousandths of `to`. Going to a smaller unit is exact; going
 * to a larger one may drop digits (1 mg in kg is 0.001 g) and rounds by `mode`.
 */
export function convertMilli(qtyMilli: number, from: Unit, to: Unit, mode: RoundingMode = 'half_up'): number {
  if (!areCompatible(from, to)) throw new UnitError('incompatible', from, to);
  if (from === to) return qtyMilli;
  return mulDivRound(qtyMilli, FACTOR[from], FACTOR[to], mode);
}
