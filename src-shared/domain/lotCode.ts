/**
 * Lot codes from a pattern the user sets (default `L{yy}{ddd}-{n}`): {yyyy} {yy} year,
 * {mm} month, {dd} day of month, {ddd} day of year, {n} the sequence (within everything
 * before it), {sku} the item's SKU. The sequence is taken by the caller per prefix.
 */
export const DEFAULT_LOT_PATTERN = 'L{yy}{ddd}-{n}';

function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

export function isValidLotPattern(pattern: string): boolean {
  return pattern.includes('{n}') && !/\{(?!yyyy\}|yy\}|mm\}|dd\}|ddd\}|n\}|sku\})/.test(pattern);
}

/** The part of the code before {n}, filled in: the key under which the sequence counts. */
export function lotCodePrefix(pattern: string, date: string, sku: string): string {
  const [yyyy, mm, dd] = date.split('-') as [string, string, string];
  const head = pattern.slice(0, pattern.indexOf('{n}'));
  return fill(head, { yyyy, yy: yyyy.slice(2), mm, dd, ddd: String(dayOfYear(date)).padStart(3, '0'), sku });
}

export function formatLotCode(pattern: string, date: string, sku: string, n: number): string {
  const [yyyy, mm, dd] = date.split('-') as [string, string, string];
  return fill(pattern, { yyyy, yy: yyyy.slice(2), mm, dd, ddd: String(dayOfYear(date)).padStart(3, '0'), sku, n: String(n) });
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(yyyy|yy|mm|dd|ddd|n|sku)\}/g, (_, k: string) => values[k] ?? '');
}
