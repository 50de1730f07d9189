/**
 * Bulk loaders for generated data, not commands: the demo's large history writes its
 * production orders, their links to order lines and the lots' genealogy through these
 * prepared INSERTs — the same rows the production commands write, without a command's
 * per-row reads. The rows are valid by construction; `bottega check` proves they are.
 * They live here, beside the schema they write, so production stays the one writer of
 * its tables.
 *
 * The statements are prepared once, when the loader is made: make one per run and reuse it.
 */
import type { Ctx } from '../../api/context';

export interface ProductionRowOut {
  id: number;
  number: string;
  itemId: number;
  recipeId: number;
  batches: number;
  plannedQtyMilli: number;
  plannedOn: string;
  status: 'planned' | 'released' | 'in_progress' | 'completed';
  parentId: number | null;
  materialsShort: boolean;
  outputLotId: number | null;
  actualQtyMilli: number | null;
  producedOn: string | null;
  notes: string;
  createdAt: string;
  releasedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export function productionBulkLoader(ctx: Ctx) {
  const db = ctx.sqlite;
  const genealogy = db.prepare('INSERT INTO lot_genealogy (input_lot_id, output_lot_id, production_order_id, qty_milli) VALUES (?, ?, ?, ?)');
  const production = db.prepare(
    `INSERT INTO production_orders (id, number, item_id, recipe_id, batches, planned_qty_milli, planned_on, status, parent_id, materials_short, output_lot_id,
       actual_qty_milli, produced_on, notes, created_at, released_at, started_at, completed_at, cancelled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const link = db.prepare('INSERT INTO production_links (production_order_id, order_line_id, qty_milli) VALUES (?, ?, ?)');
  return {
    production(p: ProductionRowOut): void {
      production.run(
        p.id, p.number, p.itemId, p.recipeId, p.batches, p.plannedQtyMilli, p.plannedOn, p.status, p.parentId, p.materialsShort ? 1 : 0, p.outputLotId,
        p.actualQtyMilli, p.producedOn, p.notes, p.createdAt, p.releasedAt, p.startedAt, p.completedAt,
      );
    },
    link(productionOrderId: number, orderLineId: number, qtyMilli: number): void {
      link.run(productionOrderId, orderLineId, qtyMilli);
    },
    genealogy(inputLotId: number, outputLotId: number, productionOrderId: number, qtyMilli: number): void {
      genealogy.run(inputLotId, outputLotId, productionOrderId, qtyMilli);
    },
  };
}

export type ProductionBulkLoader = ReturnType<typeof productionBulkLoader>;
