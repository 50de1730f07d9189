import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items, recipes } from '../catalog/schema';
import { lots } from '../inventory/schema';
import { orderLines } from '../orders/schema';

export const PRODUCTION_STATUSES = ['planned', 'released', 'in_progress', 'completed', 'cancelled'] as const;

/** Make N batches of one recipe version of one item. */
export const productionOrders = sqliteTable(
  'production_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `P2026/0001` */
    number: text('number').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    /** the recipe version; frozen from release on */
    recipeId: integer('recipe_id')
      .notNull()
      .references(() => recipes.id),
    batches: integer('batches').notNull(),
    plannedQtyMilli: integer('planned_qty_milli').notNull(),
    plannedOn: text('planned_on').notNull(),
    status: text('status', { enum: PRODUCTION_STATUSES }).notNull(),
    /** the production order whose component this one makes (an intermediate), if any */
    parentId: integer('parent_id'),
    /** the last availability check found materials missing (shown as "materials short") */
    materialsShort: integer('materials_short', { mode: 'boolean' }).notNull().default(false),
    outputLotId: integer('output_lot_id').references(() => lots.id),
    actualQtyMilli: integer('actual_qty_milli'),
    producedOn: text('produced_on'),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    releasedAt: text('released_at'),
    startedAt: text('started_at'),
    completedAt: text('completed_at'),
    cancelledAt: text('cancelled_at'),
    /** optimistic version: +1 for every command that changes the document (migration 0017, see modules/versions) */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('production_orders_number').on(t.number),
    index('production_orders_status_date').on(t.status, t.plannedOn),
    // no index on item_id alone (0022_fulfil dropped it): every production order written touched a leaf of it for its item
    // (~10 WAL pages a 5-line fulfil), and the board's counts chose it to read every order of every item (0.7–1.1 s on the
    // large file, 50–110 ms by a scan); an export filtered by item scans the table
    // no index on output_lot_id (0023_wal dropped it): nothing looks a production order up by its lot (a lot names its
    // document), and a completion moved the order's entry from the NULL range to its new lot (two leaves) for nothing.
    // Parents index only the children (0023_wal): a top-level order, which has none, writes no entry in the NULL range.
    index('production_orders_parent').on(t.parentId).where(sql`${t.parentId} IS NOT NULL`),
    // the reports' yield variance reads the batches completed in a period
    index('production_orders_produced').on(t.producedOn).where(sql`${t.status} = 'completed'`),
  ],
);

/** Which order lines a production order serves, and with how much (many to many). */
export const productionLinks = sqliteTable(
  'production_links',
  {
    productionOrderId: integer('production_order_id')
      .notNull()
      .references(() => productionOrders.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    qtyMilli: integer('qty_milli').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productionOrderId, t.orderLineId] }), index('production_links_line').on(t.orderLineId)],
);

/** Genealogy: input lot → output lot, with the quantity consumed, per production order. */
export const lotGenealogy = sqliteTable(
  'lot_genealogy',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inputLotId: integer('input_lot_id')
      .notNull()
      .references(() => lots.id),
    /** the last availability check found materials missing (shown as "materials short") */
    materialsShort: integer('materials_short', { mode: 'boolean' }).notNull().default(false),
    outputLotId: integer('output_lot_id')
      .notNull()
      .references(() => lots.id),
    productionOrderId: integer('production_order_id')
      .notNull()
      .references(() => productionOrders.id),
    qtyMilli: integer('qty_milli').notNull(),
  },
  (t) => [
    index('lot_genealogy_input').on(t.inputLotId),
    index('lot_genealogy_output').on(t.outputLotId),
    // covering (since 0018): the report's material consumption reads a year's inputs without their rows
    index('lot_genealogy_production').on(t.productionOrderId, t.inputLotId, t.qtyMilli),
  ],
);

