import { parseQuantity } from '../../../src-shared/domain/quantity';
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { nextNumber } from '../numbering/next';
import { reservationsForDoc, reduceReservation } from '../inventory/reservations';
import { refreshOrders } from '../orders/lineFacts';
import { loadProductionOrder, PRODUCTION_ORDER } from './productionRows';
import type { PlannedForLines } from '../orders/productionPort';

export interface NewProductionOrder {
  itemId: number;
  recipeId: number;
  batches: number;
  yieldMilli: number;
  plannedOn: string;
  notes?: string;
  links?: { orderLineId: number; qtyMilli: number }[];
}

/** A cancelled order's production orders stay, as make-to-stock: only their links to its lines go. */
export function unlinkOrderProduction(ctx: Ctx, orderId: number): void {
  ctx.sqlite.prepare('DELETE FROM production_links WHERE order_line_id IN (SELECT id FROM order_lines WHERE order_id = ?)').run(orderId);
}

/** A production order's number: `P2026/0001`, its place in the series of the year it is planned in. */
function productionNumber(plannedOn: string, sequence: number): string {
  return `P${plannedOn.slice(0, 4)}/${String(sequence).padStart(4, '0')}`;
}

/** Creates a planned production order (number `P2026/0001`) and its links to order lines. */
export function insertProductionOrder(ctx: Ctx, p: NewProductionOrder): number {
  const number = productionNumber(p.plannedOn, nextNumber(ctx, `production:${p.plannedOn.slice(0, 4)}`));
  const id = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO production_orders (number, item_id, recipe_id, batches, planned_qty_milli, planned_on, status, parent_id, materials_short, notes, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'planned', NULL, 0, ?, ?)`,
      )
      .run(number, p.itemId, p.recipeId, p.batches, p.batches * p.yieldMilli, p.plannedOn, p.notes ?? '', ctx.now().toISOString())
      .lastInsertRowid,
  );
  const link = ctx.sqlite.prepare('INSERT INTO production_links (production_order_id, order_line_id, qty_milli) VALUES (?, ?, ?)');
  for (const l of p.links ?? []) link.run(id, l.orderLineId, l.qtyMilli);
  return id;
}

/**
 * insertProductionOrder for a fulfil's planned orders, in one INSERT for the orders and one
 * for their links, not one (and one a link) each: the same rows with the same ids, numbers
 * and order. An order's parent is an earlier one of the list, by its place: its id is known
 * before the write because the ids are handed out here as AUTOINCREMENT would hand them out
 * one insert at a time (one more than the largest ever used; the transaction is the only writer).
 */
export function insertPlannedMany(ctx: Ctx, list: readonly PlannedForLines[]): number[] {
  if (list.length === 0) return [];
  const first = ctx.sqlite
    .prepare(
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'production_orders'), 0), coalesce((SELECT max(id) FROM production_orders), 0)) + 1`,
    )
    .pluck()
    .get() as number;
  const ids = list.map((_, k) => first + k);
  const stamp = ctx.now().toISOString();
  ctx.sqlite
    .prepare(
      `INSERT INTO production_orders (id, number, item_id, recipe_id, batches, planned_qty_milli, planned_on, status, parent_id, materials_short, notes, created_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, 'planned', value ->> 7, value ->> 8, '', ? FROM json_each(?) ORDER BY key`,
    )
    .run(
      stamp,
      JSON.stringify(
        list.map((p, k) => [
          ids[k],
          productionNumber(p.plannedOn, p.sequence),
          p.itemId,
          p.recipeId,
          p.batches,
          p.batches * p.yieldMilli,
          p.plannedOn,
          p.parent === null ? null : ids[p.parent],
          p.materialsShort ? 1 : 0,
        ]),
      ),
    );
  const links = list.flatMap((p, k) => p.links.map((l) => [ids[k], l.orderLineId, l.qtyMilli]));
  if (links.length > 0) {
    ctx.sqlite
      .prepare('INSERT INTO production_links (production_order_id, order_line_id, qty_milli) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) ORDER BY key')
      .run(JSON.stringify(links));
  }
  return ids;
}

function activeRecipe(ctx: Ctx, itemId: number) {
  const r = ctx.sqlite.prepare('SELECT id, yield_milli AS yieldMilli FROM recipes WHERE item_id = ? AND active = 1').get(itemId) as { id: number; yieldMilli: number } | undefined;
  if (!r) throw new DomainError('NOT_FOUND', 'The item has no active recipe', { itemId, issues: [{ path: ['itemId'], key: 'no_recipe', message: 'No active recipe' }] });
  return r;
}

export const createProduction: Handler<'production.create'> = (ctx, input) => {
  const item = ctx.sqlite.prepare('SELECT id, sku, unit FROM items WHERE id = ?').get(input.itemId) as { id: number; sku: string; unit: 'kg' } | undefined;
  if (!item) throw notFound('item', input.itemId);
  const recipe = activeRecipe(ctx, item.id);
  const p = new FieldProblems();
  let batches = input.batches ?? null;
  if (batches === null) {
    if (input.quantity === null) p.add(['batches'], 'required', 'Give the batches or the quantity');
    else {
      const q = p.parse(['quantity'], 'quantity', () => parseQuantity(input.quantity!, item.unit), { unit: item.unit });
      if (q !== null && q <= 0) p.add(['quantity'], 'positive', 'The quantity must be more than zero');
      else if (q !== null) batches = Math.ceil(q / recipe.yieldMilli);
    }
  }
  const links = input.links.map((l, i) => {
    const line = ctx.sqlite.prepare('SELECT l.id, l.item_id AS itemId, o.state FROM order_lines l JOIN customer_orders o ON o.id = l.order_id WHERE l.id = ?').get(l.orderLineId) as
      | { id: number; itemId: number; state: string }
      | undefined;
    if (!line) p.add(['links', i, 'orderLineId'], 'not_found', `No order line ${l.orderLineId}`);
    else if (line.itemId !== item.id) p.add(['links', i, 'orderLineId'], 'other_item', `Order line ${l.orderLineId} is for another item`);
    else if (line.state !== 'confirmed') p.add(['links', i, 'orderLineId'], 'order_not_confirmed', `The order of line ${l.orderLineId} is ${line.state}`);
    const q = p.parse(['links', i, 'quantity'], 'quantity', () => parseQuantity(l.quantity, item.unit), { unit: item.unit });
    return { orderLineId: l.orderLineId, qtyMilli: q ?? 0 };
  });
  p.throwIfAny('The production order has invalid fields');
  const id = insertProductionOrder(ctx, { itemId: item.id, recipeId: recipe.id, batches: batches!, yieldMilli: recipe.yieldMilli, plannedOn: input.plannedOn ?? localDate(ctx.now()), notes: input.notes, links });
  refreshLinkedOrders(ctx, id);
  return loadProductionOrder(ctx, id);
};

export function refreshLinkedOrders(ctx: Ctx, productionOrderId: number, extra: number[] = []): void {
  const ids = ctx.sqlite
    .prepare('SELECT DISTINCT l.order_id AS id FROM production_links k JOIN order_lines l ON l.id = k.order_line_id WHERE k.production_order_id = ?')
    .all(productionOrderId) as { id: number }[];
  refreshOrders(ctx, [...ids.map((r) => r.id), ...extra]);
}

export function assertStatus(po: { number: string; status: string }, allowed: string[], action: string): void {
  if (!allowed.includes(po.status)) {
    throw new DomainError('CONFLICT', `Production order ${po.number} is ${po.status}: it cannot be ${action}`, { number: po.number, status: po.status, action });
  }
}

export const updateProduction: Handler<'production.update'> = (ctx, input) => {
  const po = loadProductionOrder(ctx, input.id);
  assertStatus(po, ['planned'], 'changed');
  let recipeId = po.recipe.id;
  let yieldMilli = po.recipe.yieldMilli;
  if (input.recipeId !== undefined) {
    const r = ctx.sqlite.prepare('SELECT id, item_id AS itemId, yield_milli AS yieldMilli FROM recipes WHERE id = ?').get(input.recipeId) as { id: number; itemId: number; yieldMilli: number } | undefined;
    if (!r || r.itemId !== po.item.id) throw new DomainError('VALIDATION', 'That recipe version is not a recipe of this item', { issues: [{ path: ['recipeId'], key: 'other_item', message: 'Not a recipe of this item' }] });
    recipeId = r.id;
    yieldMilli = r.yieldMilli;
  }
  const batches = input.batches ?? po.batches;
  ctx.sqlite
    .prepare('UPDATE production_orders SET recipe_id = ?, batches = ?, planned_qty_milli = ?, planned_on = ?, notes = ? WHERE id = ?')
    .run(recipeId, batches, batches * yieldMilli, input.plannedOn ?? po.plannedOn, input.notes ?? po.notes, po.id);
  refreshLinkedOrders(ctx, po.id);
  return loadProductionOrder(ctx, po.id);
};

export function releaseProductionReservations(ctx: Ctx, productionOrderId: number): void {
  for (const r of reservationsForDoc(ctx, PRODUCTION_ORDER, productionOrderId)) reduceReservation(ctx, r.id, r.qtyMilli);
}

/** Cancelling returns the reserved materials and removes the links; the orders go back to waiting. */
export const cancelProduction: Handler<'production.cancel'> = (ctx, input) => {
  const po = loadProductionOrder(ctx, input.id);
  assertStatus(po, ['planned', 'released', 'in_progress'], 'cancelled');
  releaseProductionReservations(ctx, po.id);
  const orders = (ctx.sqlite
    .prepare('SELECT DISTINCT l.order_id AS id FROM production_links k JOIN order_lines l ON l.id = k.order_line_id WHERE k.production_order_id = ?')
    .all(po.id) as { id: number }[]).map((r) => r.id);
  ctx.sqlite.prepare('DELETE FROM production_links WHERE production_order_id = ?').run(po.id);
  ctx.sqlite
    .prepare("UPDATE production_orders SET status = 'cancelled', cancelled_at = ?, notes = CASE WHEN ? = '' THEN notes ELSE notes || char(10) || ? END WHERE id = ?")
    .run(ctx.now().toISOString(), input.reason, `Cancelled: ${input.reason}`, po.id);
  refreshOrders(ctx, orders);
  return loadProductionOrder(ctx, po.id);
};
