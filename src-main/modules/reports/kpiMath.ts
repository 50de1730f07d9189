/**
 * The arithmetic of the KPIs, pure: shares, averages and percentiles of integer facts,
 * and the period before a period. Written once so the screen, the CSV, the PDF and the
 * CLI cannot round differently.
 */
import { mulDivRound } from '../../../src-shared/domain/decimal';
import { addDays, daysBetween } from '../../../src-shared/domain/dates';

/** part ÷ whole in hundredths of a percent (97.5 % = 9750), half up; null when there is no whole. */
export function shareBp(part: number, whole: number): number | null {
  return whole === 0 ? null : mulDivRound(part, 10_000, whole, 'half_up');
}

/** Mean to one decimal (days), null for no values. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s + v, 0);
  return Math.round((sum * 10) / values.length) / 10;
}

/** The 90th percentile by nearest rank: the smallest value with at least 90 % of the values at or below it. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // a typed array sorts numbers as numbers, natively (a year by product sorts 2,000 lists)
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.ceil(sorted.length * 0.9) - 1]!;
}

/** The period of the same number of days that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string; days: number } {
  const days = daysBetween(from, to) + 1;
  const prevTo = addDays(from, -1);
  return { from: addDays(prevTo, -(days - 1)), to: prevTo, days };
}

export function periodOf(from: string, to: string): { from: string; to: string; days: number } {
  return { from, to, days: daysBetween(from, to) + 1 };
}
