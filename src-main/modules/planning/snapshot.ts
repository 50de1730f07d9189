/**
 * Loads what the planner reads in a handful of set-based queries (no query per line or
 * per lot): items, free stock of released lots, open production with its recipe versions,
 * open order lines net of what is shipped and allocated, and incoming supply.
 */
import type { RecipeDef } from '../../../src-shared/domain/recipe';
import type { OpenLine, OpenProduction, PlanningSnapshot, StockLot } from '../../../src-shared/domain/planning/types';
import type { ItemKind } from '../../../src-shared/contract/common';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { allActiveRecipes, WHOLE_UNITS_COL } from '../catalog/recipeLookup';
import { sql } from '../../db/sql';
import { loadSupply } from './supplySource';
import { rawRows } from './statements';

export interface ItemRow {
  id: number;
  sku: string;
  name: string;
  kind: ItemKind;
  unit: Unit;
  leadTimeDays: number | null;
}

/** Order states whose lines still wait for goods (the derived statuses kept on the order). */
export const OPEN_ORDER_STATUSES = ['waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped'];
// written into the SQL (our own constants): with json_each SQLite does not use the status index and reads every order
const OPEN_STATUS_LIST = OPEN_ORDER_STATUSES.map((s) => `'${s}'`).join(', ');

export interface LoadedSnapshot extends PlanningSnapshot {
  itemRows: Map<number, ItemRow>;
  /** finished goods already held for open lines, per order and item (orders holding nothing are absent) */
  allocated: Map<number, Map<number, number>>;
  openOrders: { id: number; number: string; customerId: number; customerName: string; requestedOn: string | null; lines: { itemId: number; qtyMilli: number }[] }[];
}

export function loadSnapshot(ctx: ReadCtx, today: string): LoadedSnapshot {
  const db = ctx.sqlite;
  const itemRows = new Map(
    (db.prepare('SELECT id, sku, name, kind, unit, lead_time_days AS leadTimeDays FROM items').all() as ItemRow[]).map((r) => [r.id, r]),
  );
  const lots = db
    .prepare(
      `SELECT item_id AS itemId, id AS lotId, on_hand_milli - reserved_milli AS freeMilli, expires_on AS expiresOn
       FROM lots WHERE on_hand_milli <> 0 AND status = 'released' AND on_hand_milli > reserved_milli`,
    )
    .all() as StockLot[];
  const unlotted = new Map(
    (db.prepare('SELECT item_id AS itemId, sum(qty_milli) AS q FROM reservations WHERE qty_milli > 0 AND lot_id IS NULL GROUP BY item_id').all() as { itemId: number; q: number }[]).map((r) => [r.itemId, r.q]),
  );
  const active = allActiveRecipes(ctx);
  const production = loadOpenProduction(ctx, active);
  const { lines, allocated, openOrders } = loadOpenLines(ctx);
  const leadTimes = new Map([...itemRows.values()].map((i) => [i.id, i.leadTimeDays]));
  return {
    today,
    items: itemRows,
    itemRows,
    recipeOf: (id) => active.get(id),
    lots,
    unlottedReservedMilli: unlotted,
    supply: loadSupply(ctx, [...itemRows.keys()].filter((id) => !active.has(id)), leadTimes),
    production,
    lines,
    allocated,
    openOrders,
  };
}

function loadOpenProduction(ctx: ReadCtx, active: Map<number, RecipeDef>): OpenProduction[] {
  const db = ctx.sqlite;
  const rows = db
    .prepare(
      `SELECT id, number, item_id AS itemId, recipe_id AS recipeId, batches, planned_qty_milli AS qtyMilli, planned_on AS plannedOn, status, parent_id AS parentId
       FROM production_orders WHERE status IN ('planned', 'released', 'in_progress') ORDER BY id`,
    )
    .all() as (Omit<OpenProduction, 'recipe' | 'orders' | 'dueOn'> & { recipeId: number })[];
  const recipes = new Map<number, RecipeDef>();
  for (const r of active.values()) recipes.set(r.recipeId, r);
  const missing = [...new Set(rows.map((r) => r.recipeId).filter((id) => !recipes.has(id)))];
  if (missing.length > 0) {
    const ids = JSON.stringify(missing);
    const heads = db
      .prepare(`SELECT id, item_id AS itemId, version, yield_milli AS yieldMilli, batch_minutes AS batchMinutes FROM recipes WHERE id IN (SELECT value FROM json_each(?))`)
      .all(ids) as { id: number; itemId: number; version: number; yieldMilli: number; batchMinutes: number }[];
    const comps = db
      .prepare(sql`SELECT recipe_id AS recipeId, item_id AS itemId, qty_milli AS qtyMilli, scrap_bp AS scrapBp, ${WHOLE_UNITS_COL} FROM recipe_components WHERE recipe_id IN (SELECT value FROM json_each(?)) ORDER BY recipe_id, position`.text)
      .all(ids) as { recipeId: number; itemId: number; qtyMilli: number; scrapBp: number; wholeUnits: number }[];
    for (const h of heads) {
      recipes.set(h.id, { recipeId: h.id, itemId: h.itemId, version: h.version, yieldMilli: h.yieldMilli, batchMinutes: h.batchMinutes, components: comps.filter((c) => c.recipeId === h.id).map(({ itemId, qtyMilli, scrapBp, wholeUnits }) => ({ itemId, qtyMilli, scrapBp, wholeUnits: wholeUnits === 1 })) });
    }
  }
  const links = db
    .prepare(
      `SELECT k.production_order_id AS productionId, o.id, o.number, coalesce(o.requested_on, o.promised_on) AS dueOn
       FROM production_links k JOIN order_lines l ON l.id = k.order_line_id JOIN customer_orders o ON o.id = l.order_id
       WHERE k.production_order_id IN (SELECT id FROM production_orders WHERE status IN ('planned', 'released', 'in_progress'))
       ORDER BY o.number`,
    )
    .all() as { productionId: number; id: number; number: string; dueOn: string | null }[];
  const byProduction = new Map<number, typeof links>();
  for (const l of links) {
    const list = byProduction.get(l.productionId);
    if (list) list.push(l);
    else byProduction.set(l.productionId, [l]);
  }
  const open = rows.map((r) => {
    const ls = byProduction.get(r.id) ?? [];
    const dues = ls.map((l) => l.dueOn).filter((d): d is string => d !== null).sort();
    const orders = [...new Map(ls.map((l) => [l.id, { id: l.id, number: l.number }])).values()];
    return { ...r, recipe: recipes.get(r.recipeId)!, orders, dueOn: dues[0] ?? null };
  });
  inheritOrders(open);
  return open;
}

/**
 * An intermediate's production order is linked to no order line (its parent is), yet it
 * works for the parent's orders: it inherits them, so a shortage in its materials is the
 * order's shortage too (the order page and the shortage list name it before and after fulfil).
 */
function inheritOrders(list: OpenProduction[]): void {
  const byId = new Map(list.map((p) => [p.id, p]));
  const ordersOf = (p: OpenProduction, guard: number): OpenProduction['orders'] => {
    if (p.orders.length > 0 || p.parentId === null || guard > 50) return p.orders;
    const parent = byId.get(p.parentId);
    return parent ? ordersOf(parent, guard + 1) : p.orders;
  };
  for (const p of list) if (p.orders.length === 0 && p.parentId !== null) p.orders = ordersOf(p, 0);
}

/** id, number, customer id, customer name, requested (or promised) date */
type OrderHead = [number, string, number, string, string | null];

// the partial covering index of open orders (migration 0019) holds exactly these rows: the planner, not knowing
// it is small, would rather read the status index and every open order's row
const OPEN_ORDERS = `SELECT id FROM customer_orders INDEXED BY customer_orders_open WHERE state = 'confirmed' AND status IN (${OPEN_STATUS_LIST})`;

/**
 * Open order lines in three narrow reads: the open orders (one row each, not one per line,
 * from their partial covering index), their lines still to ship (from the order index,
 * which covers them, already in order), and what is held for them. Rows come as arrays: 20,000 lines are the bulk of what the plan reads.
 */
function loadOpenLines(ctx: ReadCtx) {
  const db = ctx.sqlite;
  const orderRows = rawRows<OrderHead>(
    db,
    `SELECT o.id, o.number, o.customer_id, c.name, coalesce(o.requested_on, o.promised_on)
     FROM customer_orders o INDEXED BY customer_orders_open JOIN customers c ON c.id = o.customer_id
     WHERE o.state = 'confirmed' AND o.status IN (${OPEN_STATUS_LIST})`,
  );
  const lineRows = rawRows<[number, number, number, number]>(
    db,
    `SELECT l.order_id, l.id, l.item_id, l.qty_milli - l.shipped_milli
     FROM order_lines l WHERE l.order_id IN (${OPEN_ORDERS}) AND l.qty_milli > l.shipped_milli
     ORDER BY l.order_id, l.position`,
  );
  // finished goods held per line: one grouped pass over the open reservations, not a look-up per line
  const held = new Map(
    rawRows<[number, number]>(db, `SELECT doc_line_id, sum(qty_milli) FROM reservations WHERE qty_milli > 0 AND doc_type = 'customer_order' AND doc_line_id IS NOT NULL GROUP BY doc_line_id`),
  );
  const headOf = new Map<number, OrderHead>();
  for (const o of orderRows) headOf.set(o[0], o);
  const lines: OpenLine[] = [];
  const allocated = new Map<number, Map<number, number>>();
  const openOrders: LoadedSnapshot['openOrders'] = [];
  let order: LoadedSnapshot['openOrders'][number] | null = null;
  for (const [orderId, lineId, itemId, open] of lineRows) {
    if (order?.id !== orderId) {
      const head: OrderHead = headOf.get(orderId)!;
      order = { id: head[0], number: head[1], customerId: head[2], customerName: head[3], requestedOn: head[4], lines: [] };
      openOrders.push(order);
    }
    const heldMilli = held.get(lineId) ?? 0;
    lines.push({ orderId, orderNumber: order.number, lineId, itemId, openMilli: Math.max(0, open - heldMilli), requestedOn: order.requestedOn });
    // only orders holding something get a map: a missing order or item means nothing held
    if (heldMilli > 0) {
      let a = allocated.get(orderId);
      if (!a) allocated.set(orderId, (a = new Map()));
      a.set(itemId, (a.get(itemId) ?? 0) + Math.min(open, heldMilli));
    }
    order.lines.push({ itemId, qtyMilli: open });
  }
  return { lines, allocated, openOrders };
}
