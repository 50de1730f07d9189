import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ITEM_KINDS } from '../../../src-shared/contract/common';

/**
 * Items: everything stocked. Quantities are integer thousandths of the item's own unit,
 * unit costs integer micro-euros per one unit, prices integer cents (DOMAIN.md).
 */
export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ITEM_KINDS }).notNull(),
    unit: text('unit', { enum: ['g', 'kg', 'ml', 'l', 'pcs'] }).notNull(),
    lotTracked: integer('lot_tracked', { mode: 'boolean' }).notNull().default(true),
    quarantineOnReceipt: integer('quarantine_on_receipt', { mode: 'boolean' }).notNull().default(false),
    shelfLifeDays: integer('shelf_life_days'),
    reorderPointMilli: integer('reorder_point_milli'),
    leadTimeDays: integer('lead_time_days'),
    /** net weight of one unit of the item, in milligrams (for shipment weights) */
    netWeightMg: integer('net_weight_mg'),
    gtin: text('gtin'),
    unitCostMicros: integer('unit_cost_micros'),
    salePriceCents: integer('sale_price_cents'),
    /** product family for the reports ("Saponi", "Candele"…); null: none */
    category: text('category'),
    notes: text('notes').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** optimistic version: +1 for every command that changes the document (migration 0017, see modules/versions) */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('items_sku_unique').on(sql`${t.sku} COLLATE NOCASE`),
    index('items_kind_name').on(t.kind, t.name),
    index('items_gtin').on(t.gtin),
  ],
);

/** One version of how to make one batch of an item. Only one version per item is active. */
export const recipes = sqliteTable(
  'recipes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    version: integer('version').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    yieldMilli: integer('yield_milli').notNull(),
    batchMinutes: integer('batch_minutes').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('recipes_item_version').on(t.itemId, t.version),
    uniqueIndex('recipes_one_active').on(t.itemId).where(sql`${t.active} = 1`),
  ],
);

export const recipeComponents = sqliteTable(
  'recipe_components',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipeId: integer('recipe_id')
      .notNull()
      .references(() => recipes.id),
    position: integer('position').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    /** per batch, in thousandths of the component item's unit */
    qtyMilli: integer('qty_milli').notNull(),
    /** the unit the user typed, kept so the recipe reads back as written */
    enteredUnit: text('entered_unit', { enum: ['g', 'kg', 'ml', 'l', 'pcs'] }).notNull(),
    /** scrap in hundredths of a percent (2.5 % = 250) */
    scrapBp: integer('scrap_bp').notNull().default(0),
  },
  (t) => [index('recipe_components_recipe').on(t.recipeId, t.position), index('recipe_components_item').on(t.itemId)],
);
