import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items } from '../catalog/schema';
import { ORDER_CHANNELS } from '../orders/schema';

/**
 * A column mapping saved by name: which column of a CSV layout holds the order reference,
 * the date, the customer, the SKU, the quantity, the price… (`columns` is the JSON of
 * the contract's columnMapping), so a wholesale customer's spreadsheet imports the same
 * way every month.
 */
export const channelMappings = sqliteTable(
  'channel_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    channel: text('channel', { enum: ORDER_CHANNELS }).notNull(),
    columns: text('columns').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('channel_mappings_name').on(sql`${t.name} COLLATE NOCASE`)],
);

/**
 * A shop's SKU (or product name, for rows without one) remembered as one of our items,
 * per channel: the user is asked once, and later imports map it by themselves.
 */
export const channelSkuMap = sqliteTable(
  'channel_sku_map',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel', { enum: ORDER_CHANNELS }).notNull(),
    externalSku: text('external_sku').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('channel_sku_map_key').on(t.channel, sql`${t.externalSku} COLLATE NOCASE`), index('channel_sku_map_item').on(t.itemId)],
);
