import type { ProductionOrder } from '../../../src-shared/contract/production';
import { componentNeed } from '../../../src-shared/domain/recipe';
import { proposeFefo } from '../../../src-shared/domain/fefo';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { freeLotsOf } from '../inventory/lotQueries';
import { itemAvailableMilli } from '../inventory/ledger';
import { loadLot } from '../inventory/lotRows';
import { sql, trusted } from '../../db/sql';

export const PRODUCTION_ORDER = 'production_order';

type ItemRef = ProductionOrder['item'];

interface Head {
  id: number;
  number: string;
  itemId: number;
  recipeId: number;
  version: number;
  /** the production order's own optimistic version (version is the recipe's) */
  docVersion: number;
  yieldMilli: number;
  batchMinutes: number;
  batches: number;
  plannedQtyMilli: number;
  plannedOn: string;
  status: ProductionOrder['status'];
  parentId: number | null;
  outputLotId: number | null;
  actualQtyMilli: number | null;
  producedOn: string | null;
  notes: string;
}

/**
 * A recipe version's components in order, with each item's SKU and unit (release answers and
 * checks with them: read here, not again by item). (`= +?`: db/sql.ts says why; release reads
 * them for every batch.)
 */
export function recipeComponentsOf(ctx: ReadCtx, recipeId: number) {
  return (
    ctx.sqlite
      .prepare(
        `SELECT c.item_id AS itemId, c.qty_milli AS qtyMilli, c.scrap_bp AS scrapBp, i.unit = 'pcs' AS wholeUnits, i.sku, i.unit
         FROM recipe_components c JOIN items i ON i.id = c.item_id WHERE c.recipe_id = +? ORDER BY c.position`,
      )
      .all(recipeId) as { itemId: number; qtyMilli: number; scrapBp: number; wholeUnits: number; sku: string; unit: 'kg' }[]
  ).map((c) => ({ ...c, wholeUnits: c.wholeUnits === 1 }));
}

/** What the recipe version asks for these batches, per component item (scrap included). */
export function materialNeeds(ctx: ReadCtx, recipeId: number, batches: number): Map<number, number> {
  return materialNeedsWithItems(ctx, recipeId, batches).needs;
}

/** materialNeeds, with each component item's SKU and unit from the same read. */
export function materialNeedsWithItems(ctx: ReadCtx, recipeId: number, batches: number) {
  const needs = new Map<number, number>();
  const items = new Map<number, { id: number; sku: string; unit: 'kg' }>();
  for (const c of recipeComponentsOf(ctx, recipeId)) {
    needs.set(c.itemId, (needs.get(c.itemId) ?? 0) + componentNeed(c, batches));
    items.set(c.itemId, { id: c.itemId, sku: c.sku, unit: c.unit });
  }
  return { needs, items };
}

export function loadProductionOrder(ctx: ReadCtx, id: number): ProductionOrder {
  const h = ctx.sqlite
    .prepare(
      `SELECT p.id, p.version AS docVersion, p.number, p.item_id AS itemId, p.recipe_id AS recipeId, r.version, r.yield_milli AS yieldMilli, r.batch_minutes AS batchMinutes,
              p.batches, p.planned_qty_milli AS plannedQtyMilli, p.planned_on AS plannedOn, p.status,
              p.parent_id AS parentId, p.output_lot_id AS outputLotId, p.actual_qty_milli AS actualQtyMilli, p.produced_on AS producedOn, p.notes
       FROM production_orders p JOIN recipes r ON r.id = p.recipe_id WHERE p.id = ?`,
    )
    .get(id) as Head | undefined;
  if (!h) throw notFound('production order', id);
  const refStmt = ctx.sqlite.prepare('SELECT id, sku, name, kind, unit FROM items WHERE id = ?');
  const ref = (itemId: number) => refStmt.get(itemId) as ItemRef;
  const open = h.status === 'planned' || h.status === 'released' || h.status === 'in_progress';
  const reservations = ctx.sqlite
    .prepare(
      sql`SELECT r.id AS reservationId, r.item_id AS itemId, r.lot_id AS lotId, l.code AS lotCode, r.qty_milli AS qtyMilli, l.expires_on AS expiresOn,
              (SELECT loc.code FROM stock_balances b JOIN locations loc ON loc.id = b.location_id WHERE b.lot_id = r.lot_id AND b.qty_milli > 0 ORDER BY b.qty_milli DESC LIMIT 1) AS locationCode
       FROM reservations r JOIN lots l ON l.id = r.lot_id WHERE r.doc_type = '${trusted(PRODUCTION_ORDER)}' AND r.doc_id = ? AND r.qty_milli > 0 ORDER BY r.id`.text,
    )
    .all(id) as { reservationId: number; itemId: number; lotId: number; lotCode: string; qtyMilli: number; expiresOn: string | null; locationCode: string | null }[];
  const components = [...materialNeeds(ctx, h.recipeId, h.batches)].map(([itemId, needed]) => {
    const mine = reservations.filter((r) => r.itemId === itemId).map(({ itemId: _i, ...r }) => r);
    const reserved = mine.reduce((s, r) => s + r.qtyMilli, 0);
    const available = open ? Math.max(0, itemAvailableMilli(ctx, itemId, h.plannedOn)) : 0;
    const rest = Math.max(0, needed - reserved);
    const proposal = open && rest > 0 ? proposeFefo(freeLotsOf(ctx, itemId), rest, h.plannedOn).picks.map((p) => ({ lotId: p.lotId, lotCode: p.code, qtyMilli: p.qtyMilli, expiresOn: p.expiresOn })) : [];
    return { item: ref(itemId), neededMilli: needed, reservedMilli: reserved, availableMilli: available, shortMilli: open ? Math.max(0, rest - available) : 0, reservations: mine, proposal };
  });
  const links = ctx.sqlite
    .prepare(
      `SELECT k.order_line_id AS orderLineId, o.id AS orderId, o.number AS orderNumber, c.name AS customerName, k.qty_milli AS qtyMilli
       FROM production_links k JOIN order_lines l ON l.id = k.order_line_id JOIN customer_orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id
       WHERE k.production_order_id = ? ORDER BY o.id, l.position`,
    )
    .all(id) as ProductionOrder['links'];
  const parent = h.parentId === null ? null : (ctx.sqlite.prepare('SELECT id, number FROM production_orders WHERE id = ?').get(h.parentId) as { id: number; number: string });
  const children = (ctx.sqlite.prepare('SELECT id, number, status, item_id AS itemId FROM production_orders WHERE parent_id = ? ORDER BY id').all(id) as { id: number; number: string; status: ProductionOrder['status']; itemId: number }[]).map(
    (c) => ({ id: c.id, number: c.number, status: c.status, item: ref(c.itemId) }),
  );
  const consumed = h.outputLotId
    ? (
        ctx.sqlite
          .prepare(
            `SELECT g.input_lot_id AS lotId, l.code AS lotCode, l.item_id AS itemId, sum(g.qty_milli) AS qtyMilli
             FROM lot_genealogy g JOIN lots l ON l.id = g.input_lot_id WHERE g.production_order_id = ? GROUP BY g.input_lot_id ORDER BY l.item_id, l.code`,
          )
          .all(id) as { lotId: number; lotCode: string; itemId: number; qtyMilli: number }[]
      ).map(({ itemId, ...c }) => ({ ...c, item: ref(itemId) }))
    : [];
  return {
    id: h.id,
    version: h.docVersion,
    number: h.number,
    item: ref(h.itemId),
    recipe: { id: h.recipeId, version: h.version, yieldMilli: h.yieldMilli, batchMinutes: h.batchMinutes },
    batches: h.batches,
    plannedQtyMilli: h.plannedQtyMilli,
    plannedOn: h.plannedOn,
    status: h.status,
    // from the table below, never the flag stored at creation (production.get puts the plan's view on both)
    materialsShort: components.some((c) => c.shortMilli > 0),
    parent,
    children,
    links,
    components,
    outputLot: h.outputLotId ? loadLot(ctx, h.outputLotId) : null,
    actualQtyMilli: h.actualQtyMilli,
    yieldVarianceBp: h.actualQtyMilli === null ? null : Math.round(((h.actualQtyMilli - h.plannedQtyMilli) * 10_000) / h.plannedQtyMilli),
    producedOn: h.producedOn,
    consumed,
    notes: h.notes,
  };
}

/**
 * A planned order's materials as the plan nets them (the shortage list's numbers): needed,
 * there on time for it, short; and the header's "materials short" read from the same
 * rows. Released and started orders hold their materials: they are shown as loaded.
 */
export function withPlannedMaterials(po: ProductionOrder, planned: { itemId: number; onTimeMilli: number; shortMilli: number }[] | null): ProductionOrder {
  if (po.status !== 'planned' || planned === null) return po;
  const byItem = new Map(planned.map((m) => [m.itemId, m]));
  const components = po.components.map((c) => {
    const m = byItem.get(c.item.id);
    return m ? { ...c, availableMilli: Math.min(c.neededMilli, m.onTimeMilli), shortMilli: m.shortMilli } : c;
  });
  return { ...po, components, materialsShort: components.some((c) => c.shortMilli > 0) };
}
