import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every customer email Bottega sent, drafted or failed to send, so the order and shipment
 * pages can say "notified on …". Written after sending, outside the document's transaction.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['order_confirmed', 'shipment_sent'] }).notNull(),
    docType: text('doc_type', { enum: ['order', 'shipment'] }).notNull(),
    docId: integer('doc_id').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    outcome: text('outcome', { enum: ['sent', 'draft', 'failed'] }).notNull(),
    error: text('error'),
    emlPath: text('eml_path'),
    messageId: text('message_id'),
    at: text('at').notNull(),
  },
  (t) => [index('notifications_doc').on(t.docType, t.docId)],
);
