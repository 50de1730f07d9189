/**
 * What the planner reads: a snapshot of stock, incoming supply, open demand and recipes,
 * loaded by the planning module in a few set-based queries. Nothing here touches a
 * database, so the same planner runs on a test fixture.
 */
import type { RecipeDef, RecipeLookup } from '../recipe';

export interface PlanItem {
  id: number;
  sku: string;
  name: string;
  /** supplier lead time in calendar-independent days; counted as working days; null: unknown */
  leadTimeDays: number | null;
}

/** Free quantity of a released lot: on hand − reserved. */
export interface StockLot {
  itemId: number;
  lotId: number;
  freeMilli: number;
  expiresOn: string | null;
}

/** One open purchase-order line (what is still to arrive). */
export interface IncomingPurchase {
  itemId: number;
  purchaseOrderId: number;
  purchaseOrderNumber: string;
  openMilli: number;
  /** null: the supplier gave no date; the lead time applies from today */
  expectedDate: string | null;
}

/** Where incoming stock and lead times come from; purchasing plugs in here. */
export interface SupplySource {
  purchases: IncomingPurchase[];
  leadTimeDays: (itemId: number) => number | null;
}

/** A production order not completed nor cancelled. */
export interface OpenProduction {
  id: number;
  number: string;
  itemId: number;
  recipe: RecipeDef;
  batches: number;
  qtyMilli: number;
  plannedOn: string;
  status: 'planned' | 'released' | 'in_progress';
  parentId: number | null;
  /** orders it serves (numbers), for the "caused by" column */
  orders: { id: number; number: string }[];
  /** the earliest requested date of the orders it serves */
  dueOn: string | null;
}

/** What an open order line still needs: qty − shipped − allocated. */
export interface OpenLine {
  orderId: number;
  orderNumber: string;
  lineId: number;
  itemId: number;
  openMilli: number;
  requestedOn: string | null;
}

export interface PlanningSnapshot {
  today: string;
  items: Map<number, PlanItem>;
  /** active recipes (what new production would use) */
  recipeOf: RecipeLookup;
  lots: StockLot[];
  /** item-level reservations not yet on a lot: they hold stock of the item all the same */
  unlottedReservedMilli: Map<number, number>;
  supply: SupplySource;
  production: OpenProduction[];
  lines: OpenLine[];
}

export type DemandSource = { kind: 'order'; id: number; number: string } | { kind: 'production'; id: number; number: string };

/**
 * A snapshot's open lines as read, column by column (the planning module's snapshot): the
 * plan walks them without an object per line (100,000 lines in a full bench run, each an
 * object kept as long as the plan). Keyed by the snapshot object itself, so a copy made to
 * plan with more lines (`{ ...snap, lines }`) is planned from its own `lines`.
 */
export type EachOpenLine = (visit: (orderId: number, orderNumber: string, itemId: number, openMilli: number, requestedOn: string | null) => void) => void;
export const openLinesByColumn = new WeakMap<PlanningSnapshot, EachOpenLine>();
