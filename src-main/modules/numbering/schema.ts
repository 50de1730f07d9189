import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Gap-free counters: one row per series (e.g. `lot:L26295-`, `order:2026`). */
export const sequences = sqliteTable('sequences', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});
