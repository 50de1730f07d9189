/**
 * The lean side of the production commands on the flow (release, start, complete): the
 * head of a production order, read in one row, and the answer that says what the step
 * changed. The whole document (components with FEFO proposals, links, children, the lot
 * page of the output) is production.get's; building it twice per command was most of a
 * release's time on a large file.
 */
import type { ProductionChange, ProductionOrder } from '../../../src-shared/contract/production';
import type { Ctx, ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { sql, trusted } from '../../db/sql';
import { loadLineFacts, storeStatuses } from '../orders/lineFacts';
import { PRODUCTION_ORDER } from './productionRows';

export interface ProductionHead {
  id: number;
  /** the document's optimistic version as read (the registry sets the answer's to the version after the command) */
  docVersion: number;
  number: string;
  status: ProductionOrder['status'];
  item: ProductionOrder['item'];
  recipeId: number;
  batches: number;
  plannedQtyMilli: number;
  plannedOn: string;
  /** the item's shelf life in days (a completion dates its lot with it) */
  shelfLifeDays: number | null;
}

export function productionHead(ctx: ReadCtx, id: number): ProductionHead {
  const h = ctx.sqlite
    .prepare(
      `SELECT p.id, p.version AS docVersion, p.number, p.status, p.recipe_id AS recipeId, p.batches, p.planned_qty_milli AS plannedQtyMilli, p.planned_on AS plannedOn,
              i.id AS itemId, i.sku, i.name, i.kind, i.unit, i.shelf_life_days AS shelfLifeDays
       FROM production_orders p JOIN items i ON i.id = p.item_id WHERE p.id = ?`,
    )
    .get(id) as (Omit<ProductionHead, 'item'> & { itemId: number; sku: string; name: string; kind: ProductionHead['item']['kind']; unit: ProductionHead['item']['unit'] }) | undefined;
  if (!h) throw notFound('production order', id);
  const { itemId, sku, name, kind, unit, ...rest } = h;
  return { ...rest, item: { id: itemId, sku, name, kind, unit } };
}

type ServedRow = ProductionChange['orders'][number] & { state: 'draft' | 'confirmed' | 'cancelled' };

/** The customer orders a production order serves, with their state and status as stored. (`= +?`: db/sql.ts says why.) */
function servedRows(ctx: ReadCtx, productionOrderId: number): ServedRow[] {
  return ctx.sqlite
    .prepare(
      `SELECT DISTINCT o.id, o.number, c.name AS customerName, o.status, o.state FROM production_links k JOIN order_lines l ON l.id = k.order_line_id
       JOIN customer_orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id WHERE k.production_order_id = +? ORDER BY o.id`,
    )
    .all(productionOrderId) as ServedRow[];
}

/** The customer orders a production order serves, with their status as stored. */
export function servedOrders(ctx: ReadCtx, productionOrderId: number): ProductionChange['orders'] {
  return servedRows(ctx, productionOrderId).map(({ state: _state, ...o }) => o);
}

/**
 * Refreshes the status of the customer orders a production order serves (once, all of
 * them in one pass) and answers them with their new status. Their state and stored status
 * come with the read that finds them, so refreshOrders' own read is not needed; an order
 * whose status stays as stored (storeStatuses) gets its updated_at alone.
 */
export function refreshServedOrders(ctx: Ctx, productionOrderId: number): ProductionChange['orders'] {
  const rows = servedRows(ctx, productionOrderId);
  if (rows.length === 0) return [];
  const status = storeStatuses(ctx, rows, loadLineFacts(ctx, rows.map((o) => o.id)), false);
  return rows.map(({ state: _state, ...o }) => ({ ...o, status: status.get(o.id) ?? o.status }));
}

const OPEN_RESERVATIONS = sql`SELECT id AS reservationId, item_id AS itemId, lot_id AS lotId, qty_milli AS qtyMilli FROM reservations
  WHERE doc_type = '${trusted(PRODUCTION_ORDER)}' AND doc_id = +? AND qty_milli > 0 AND lot_id IS NOT NULL ORDER BY id`;

/** The lots a production order holds now, for release's answer. (`= +?`: db/sql.ts says why.) */
export function heldLots(ctx: ReadCtx, productionOrderId: number): ProductionChange['reserved'] {
  return ctx.sqlite.prepare(OPEN_RESERVATIONS.text).all(productionOrderId) as ProductionChange['reserved'];
}

export function changeOf(head: ProductionHead, status: ProductionHead['status'], orders: ProductionChange['orders'], more: Partial<ProductionChange> = {}): ProductionChange {
  return {
    id: head.id,
    version: head.docVersion,
    number: head.number,
    status,
    item: head.item,
    plannedQtyMilli: head.plannedQtyMilli,
    reserved: [],
    outputLot: null,
    actualQtyMilli: null,
    yieldVarianceBp: null,
    producedOn: null,
    consumed: [],
    orders,
    ...more,
  };
}
