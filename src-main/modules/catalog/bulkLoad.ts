/**
 * Bulk loaders for generated data, not commands: the demo's large catalog writes its
 * thousands of items and recipes through these prepared INSERTs. The same columns and
 * rules the catalog commands write (unique SKU, integers in thousandths and micros, one
 * active version per item, ISO timestamps), without a command's per-row checks — the rows
 * are valid by construction, and `bottega check` proves they are. They live here, beside
 * the schema they write, so the catalog stays the one writer of its tables.
 *
 * The statements are prepared once, when the loader is made: make one per run and reuse it.
 */
import type { Ctx } from '../../api/context';
import type { ItemKind } from '../../../src-shared/contract/common';
import type { Unit } from '../../../src-shared/domain/units';

export interface ItemRowIn {
  sku: string;
  name: string;
  kind: ItemKind;
  unit: Unit;
  lotTracked: boolean;
  quarantineOnReceipt: boolean;
  shelfLifeDays: number | null;
  reorderPointMilli: number | null;
  leadTimeDays: number | null;
  netWeightMg: number | null;
  gtin: string | null;
  unitCostMicros: number | null;
  salePriceCents: number | null;
  notes: string;
  archived: boolean;
  createdAt: string;
}

export interface RecipeRowIn {
  itemId: number;
  version: number;
  active: boolean;
  yieldMilli: number;
  batchMinutes: number;
  notes: string;
  createdAt: string;
  components: { itemId: number; qtyMilli: number; enteredUnit: Unit; scrapBp: number }[];
}

export function catalogBulkLoader(ctx: Ctx) {
  const itemStmt = ctx.sqlite.prepare(
    `INSERT INTO items (sku, name, kind, unit, lot_tracked, quarantine_on_receipt, shelf_life_days, reorder_point_milli,
       lead_time_days, net_weight_mg, gtin, unit_cost_micros, sale_price_cents, notes, archived, created_at, updated_at)
     VALUES (@sku, @name, @kind, @unit, @lotTracked, @quarantineOnReceipt, @shelfLifeDays, @reorderPointMilli,
       @leadTimeDays, @netWeightMg, @gtin, @unitCostMicros, @salePriceCents, @notes, @archived, @createdAt, @createdAt)`,
  );
  const recipeStmt = ctx.sqlite.prepare(
    `INSERT INTO recipes (item_id, version, active, yield_milli, batch_minutes, notes, created_at)
     VALUES (@itemId, @version, @active, @yieldMilli, @batchMinutes, @notes, @createdAt)`,
  );
  const componentStmt = ctx.sqlite.prepare(
    `INSERT INTO recipe_components (recipe_id, position, item_id, qty_milli, entered_unit, scrap_bp)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const priceStmt = ctx.sqlite.prepare('UPDATE items SET sale_price_cents = ? WHERE id = ?');
  return {
    /** one item; its new id */
    item(row: ItemRowIn): number {
      const r = itemStmt.run({ ...row, lotTracked: row.lotTracked ? 1 : 0, quarantineOnReceipt: row.quarantineOnReceipt ? 1 : 0, archived: row.archived ? 1 : 0 });
      return Number(r.lastInsertRowid);
    },
    /** one recipe version with its components in order; its new id */
    recipe(row: RecipeRowIn): number {
      const { components, ...head } = row;
      const id = Number(recipeStmt.run({ ...head, active: head.active ? 1 : 0 }).lastInsertRowid);
      components.forEach((c, position) => componentStmt.run(id, position, c.itemId, c.qtyMilli, c.enteredUnit, c.scrapBp));
      return id;
    },
    salePrice(itemId: number, cents: number): void {
      priceStmt.run(cents, itemId);
    },
  };
}

export type CatalogBulkLoader = ReturnType<typeof catalogBulkLoader>;
