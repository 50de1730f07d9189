import type { Ctx } from '../../api/context';

/**
 * Takes the next number of a series. Runs inside the caller's transaction, so a number
 * is taken only when the document that carries it is written: no gaps, no duplicates.
 */
export function nextNumber(ctx: Ctx, key: string): number {
  const row = ctx.sqlite
    .prepare('INSERT INTO sequences (key, value) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1 RETURNING value')
    .get(key) as { value: number };
  return row.value;
}

/**
 * Takes the next `count` numbers of a series at once (a fulfil creating a dozen production
 * orders): the first of them; the rest follow it. The same numbers as `count` nextNumber calls.
 */
export function nextNumbers(ctx: Ctx, key: string, count: number): number {
  const row = ctx.sqlite
    .prepare('INSERT INTO sequences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = value + excluded.value RETURNING value')
    .get(key, count) as { value: number };
  return row.value - count + 1;
}
