/** A YYYY-MM-DD date as a document prints it: 14/10/2026 in Italian, 14/10/2026 in British English. */
export function documentDate(iso: string | null, locale: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
