import { addDays } from './dates';
import { mulDivRound } from './decimal';

/**
 * The quantity to order for a need, under a supplier's terms: at least the minimum, then
 * rounded up to a whole number of multiples (never order less than needed). A minimum or
 * multiple of 0 means none. Integers in thousandths of the item's unit.
 */
export function orderQuantity(needMilli: number, minMilli: number, multipleMilli: number): number {
  let qty = Math.max(needMilli, minMilli, 0);
  if (multipleMilli > 0) qty = Math.ceil(qty / multipleMilli) * multipleMilli;
  return qty;
}

/** Monday to Friday: the calendar used until the work calendar says otherwise. */
export function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * `days` working days after `from` (a lead time): the result is a working day; 0 days is
 * `from` itself, moved on to the next working day if it is not one.
 */
export function addWorkingDays(from: string, days: number, isWorkingDay: (date: string) => boolean = isWeekday): string {
  let date = from;
  let guard = 0;
  while (!isWorkingDay(date) && guard++ < 400) date = addDays(date, 1);
  for (let left = days; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
    if (guard++ > 5000) break; // a calendar with no working days: stop rather than loop
  }
  return date;
}

/** Line total in cents for a quantity at a unit price in micro-euros (rounded once, half away from zero). */
export function lineTotalCents(qtyMilli: number, unitPriceMicros: number): number {
  // (qty / 1000 units) × (micros / 10 000 per cent)
  return mulDivRound(qtyMilli, unitPriceMicros, 10_000_000, 'half_up');
}
