// making an Intl formatter costs far more than using one, and a report prints thousands of dates
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A business date (YYYY-MM-DD) as a document prints it in its language: 22/10/2026. */
export function formatDocDate(iso: string | null, locale: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  let format = formatters.get(locale);
  if (!format) formatters.set(locale, (format = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "2026-10-22T14:30" → "22/10/2026 14:30" */
export function formatDocDateTime(local: string, locale: string): string {
  const [date, time] = local.split('T') as [string, string | undefined];
  return `${formatDocDate(date, locale)}${time ? ` ${time}` : ''}`;
}
