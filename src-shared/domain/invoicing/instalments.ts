/**
 * Scadenze from payment terms (DOMAIN.md, "Prices, terms and payments"): each instalment
 * falls the given days after the invoice date (DF), or — fine mese (DFFM) — counts whole
 * months from the invoice's month (30 days = 1 month) and falls on that month's last day;
 * a due date in a skipped month moves to a set day of the next month. The total is split
 * evenly, the first instalments taking the leftover cents.
 */
import { addDays } from '../dates';

export interface TermsForDue {
  days: number[];
  endOfMonth: boolean;
}

export interface DueInstalment {
  dueDate: string;
  amountCents: number;
}

function lastDayOfMonth(year: number, month1: number): string {
  const d = new Date(Date.UTC(year, month1, 0));
  return d.toISOString().slice(0, 10);
}

/** The last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  return lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

function endOfMonthAfter(date: string, days: number): string {
  const months = Math.round(days / 30);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  return lastDayOfMonth(y + Math.floor(m / 12), (m % 12) + 1);
}

function skip(date: string, skipMonths: readonly number[], day: number): string {
  let d = date;
  for (let guard = 0; guard < 12 && skipMonths.includes(Number(d.slice(5, 7))); guard++) {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7)); // next month, 1-based
    const ny = m === 12 ? y + 1 : y;
    const nm = m === 12 ? 1 : m + 1;
    d = `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return d;
}

export function dueDate(invoiceDate: string, days: number, endOfMonth: boolean, skipMonths: readonly number[] = [], skipDay = 10): string {
  const raw = endOfMonth ? endOfMonthAfter(invoiceDate, days) : addDays(invoiceDate, days);
  return days === 0 ? raw : skip(raw, skipMonths, skipDay);
}

export function instalmentsFor(invoiceDate: string, totalCents: number, terms: TermsForDue, skipMonths: readonly number[] = [], skipDay = 10): DueInstalment[] {
  const days = terms.days.length > 0 ? [...terms.days].sort((a, b) => a - b) : [0];
  const n = days.length;
  const base = Math.floor(totalCents / n);
  const rest = totalCents - base * n;
  return days.map((d, i) => ({ dueDate: dueDate(invoiceDate, d, terms.endOfMonth && d > 0, skipMonths, skipDay), amountCents: base + (i < rest ? 1 : 0) }));
}
