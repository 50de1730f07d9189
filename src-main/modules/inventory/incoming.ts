import type { ReadCtx } from '../../api/context';

/** Quantities on their way per item (open purchase order lines), from whichever module knows them. */
export type IncomingSupply = (ctx: ReadCtx) => Map<number, number>;

const sources: IncomingSupply[] = [];

/** Purchasing registers its open lines here, so the stock overview shows them without importing purchasing. */
export function registerIncomingSupply(source: IncomingSupply): void {
  if (!sources.includes(source)) sources.push(source);
}

export function incomingByItem(ctx: ReadCtx): Map<number, number> {
  const total = new Map<number, number>();
  for (const source of sources) {
    for (const [itemId, milli] of source(ctx)) total.set(itemId, (total.get(itemId) ?? 0) + milli);
  }
  return total;
}
