/**
 * Dates as people type them in the workshop: "31/12/2026", "31.12.26", "311226",
 * "2026-12-31", or just "12/2027" as printed on many labels (the last day of that month).
 * The contract wants YYYY-MM-DD; the screen shows dd/mm/yyyy in both languages.
 */
import { isIsoDate } from '../../../src-shared/domain/dates';

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | undefined {
  const text = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(text) ? text : undefined;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** null for an empty field, undefined for text that is not a date. */
export function parseTypedDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isIsoDate(s) ? s : undefined;
  let m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(s);
  if (m) return iso(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(s);
  if (m) return iso(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  // month and year only: good until the end of that month
  m = /^(\d{1,2})[/.\-\s](\d{4})$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return undefined;
    const last = new Date(Date.UTC(Number(m[2]), month, 0)).getUTCDate();
    return iso(Number(m[2]), month, last);
  }
  return undefined;
}

/** "2027-05-16" → "16/05/2027", what the field shows back. */
export function typedDate(isoDate: string | null): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}
