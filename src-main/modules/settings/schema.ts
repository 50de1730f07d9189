import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key → JSON value; the settings module validates each key with its zod schema. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
