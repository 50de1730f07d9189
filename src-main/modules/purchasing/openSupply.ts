import type { ReadCtx } from '../../api/context';
import { sql } from '../../db/sql';

export interface OpenSupplyLine {
  itemId: number;
  purchaseOrderId: number;
  purchaseOrderNumber: string;
  lineId: number;
  supplierId: number;
  /** ordered − received, thousandths of the item's unit */
  openMilli: number;
  /** YYYY-MM-DD; may be in the past for a late delivery */
  expectedDate: string;
}

export interface PreferredSupplierTerms {
  supplierId: number;
  supplierName: string;
  /** working days: the supplier's, else the item's own lead time; null when neither is known */
  leadTimeDays: number | null;
  minQtyMilli: number;
  multipleMilli: number;
}

/**
 * Open purchase order lines (draft, sent or partially received; not cancelled), by item and
 * expected date: one lookup on the partial index of lines with something still open.
 */
export function openSupply(ctx: ReadCtx, itemIds?: number[]): OpenSupplyLine[] {
  const filter = itemIds === undefined ? sql`` : sql`AND l.item_id IN (SELECT value FROM json_each(?))`;
  const stmt = ctx.sqlite.prepare(
    sql`SELECT l.item_id AS itemId, l.purchase_order_id AS purchaseOrderId, p.number AS purchaseOrderNumber, l.id AS lineId,
            p.supplier_id AS supplierId, l.open_milli AS openMilli, l.expected_on AS expectedDate
     FROM purchase_order_lines l INDEXED BY purchase_order_lines_open
     JOIN purchase_orders p ON p.id = l.purchase_order_id
     WHERE l.open_milli > 0 ${filter}
     ORDER BY l.item_id, l.expected_on, l.id`.text,
  );
  return (itemIds === undefined ? stmt.all() : stmt.all(JSON.stringify(itemIds))) as OpenSupplyLine[];
}

/** Open quantity per item: the "incoming" of the stock overview. */
export function openSupplyByItem(ctx: ReadCtx): Map<number, number> {
  const rows = ctx.sqlite
    .prepare('SELECT item_id AS itemId, sum(open_milli) AS openMilli FROM purchase_order_lines INDEXED BY purchase_order_lines_open WHERE open_milli > 0 GROUP BY item_id')
    .all() as { itemId: number; openMilli: number }[];
  return new Map(rows.map((r) => [r.itemId, r.openMilli]));
}

/**
 * Each item's preferred supplier and its terms: the one marked preferred, else the first
 * supplier added for the item. Items with no supplier are absent from the map.
 */
export function supplierTermsOf(ctx: ReadCtx, itemIds: number[]): Map<number, PreferredSupplierTerms> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT si.item_id AS itemId, si.supplier_id AS supplierId, s.name AS supplierName,
              coalesce(si.lead_time_days, i.lead_time_days) AS leadTimeDays,
              si.min_qty_milli AS minQtyMilli, si.multiple_milli AS multipleMilli
       FROM supplier_items si
       JOIN suppliers s ON s.id = si.supplier_id
       JOIN items i ON i.id = si.item_id
       WHERE si.item_id IN (SELECT value FROM json_each(?))
       ORDER BY si.item_id, si.preferred DESC, si.id`,
    )
    .all(JSON.stringify(itemIds)) as (PreferredSupplierTerms & { itemId: number })[];
  const out = new Map<number, PreferredSupplierTerms>();
  for (const { itemId, ...terms } of rows) if (!out.has(itemId)) out.set(itemId, terms);
  return out;
}
