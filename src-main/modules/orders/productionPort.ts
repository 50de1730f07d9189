import type { Ctx } from '../../api/context';

/** A planned production order for some order lines, as fulfilment proposes it. */
export interface PlannedForLines {
  itemId: number;
  recipeId: number;
  batches: number;
  yieldMilli: number;
  plannedOn: string;
  parentId: number | null;
  materialsShort: boolean;
  links: { orderLineId: number; qtyMilli: number }[];
  /** its number in the year's series, when the caller took several at once */
  sequence?: number;
}

/**
 * What orders needs from production. Production depends on orders (its links point at
 * order lines, it refreshes their status), so orders must not import production back:
 * production registers these when it loads, the way modules register document kinds.
 */
export interface ProductionForOrders {
  /** creates a planned production order linked to the lines; its id */
  insertPlanned(ctx: Ctx, p: PlannedForLines): number;
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
