import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { items } from '../catalog/schema';

/**
 * What an item's labels need beyond the catalog, one row per item (absent: defaults).
 * Kept here rather than in catalog's table so labels can grow without touching it.
 */
export const itemLabelInfo = sqliteTable('item_label_info', {
  itemId: integer('item_id')
    .primaryKey()
    .references(() => items.id),
  labelKind: text('label_kind', { enum: ['food', 'cosmetic', 'other'] }).notNull(),
  expiryWording: text('expiry_wording', { enum: ['use_by', 'best_before'] }).notNull(),
  paoMonths: integer('pao_months'),
  netContent: text('net_content').notNull(),
  unitsPerCase: integer('units_per_case'),
  updatedAt: text('updated_at').notNull(),
});
