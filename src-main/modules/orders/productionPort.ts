import type { Ctx } from '../../api/context';

/** A planned production order for some order lines, as fulfilment proposes it. */
export interface PlannedForLines {
  itemId: number;
  recipeId: number;
  batches: number;
  yieldMilli: number;
  plannedOn: string;
  /** the order it is made for, by its place in the same list (always an earlier one); null for a top one */
  parent: number | null;
  materialsShort: boolean;
  links: { orderLineId: number; qtyMilli: number }[];
  /** its number in the year's series, already taken (nextNumbers) */
  sequence: number;
}

/**
 * What orders needs from production. Production depends on orders (its links point at
 * order lines, it refreshes their status), so orders must not import production back:
 * production registers these when it loads, the way modules register document kinds.
 */
export interface ProductionForOrders {
  /** creates planned production orders linked to the lines, in the list's order; their ids */
  insertPlanned(ctx: Ctx, list: readonly PlannedForLines[]): number[];
  /** a cancelled order's production stays, as make-to-stock: its links to the order go */
  unlinkOrder(ctx: Ctx, orderId: number): void;
}

let registered: ProductionForOrders | null = null;

export function registerProductionForOrders(p: ProductionForOrders): void {
  registered = p;
}

export function productionForOrders(): ProductionForOrders {
  if (!registered) throw new Error('The production module has not registered itself with orders (import the registry)');
  return registered;
}
