/** Months and days as the invoice screens use them (YYYY-MM, local calendar); no React, so unit tests read them alone. */

/** This month as YYYY-MM (the local calendar). */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last `count` months, newest first, as select options labelled "novembre 2026". */
export function monthOptions(locale: string, count = 24, now = new Date()): { value: string; label: string }[] {
  const f = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
  const out: { value: string; label: string }[] = [];
  let m = thisMonth(now);
  for (let i = 0; i < count; i++) {
    const [y, mm] = m.split('-').map(Number) as [number, number];
    out.push({ value: m, label: f.format(new Date(y, mm - 1, 15)) });
    m = previousMonth(m);
  }
  return out;
}

/** "novembre 2026" for 2026-11 */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 15));
}

/** First and last day of a month (YYYY-MM). */
export function monthBounds(month: string): { dueFrom: string; dueTo: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { dueFrom: `${month}-01`, dueTo: `${month}-${String(last).padStart(2, '0')}` };
}

/** Whole days from `iso` to today (local calendar). */
export function daysSince(iso: string, now = new Date()): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const then = Date.UTC(y, m - 1, d);
  const nowDay = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((nowDay - then) / 86_400_000);
}

