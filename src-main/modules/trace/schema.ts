import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { lots, reservations } from '../inventory/schema';

/**
 * A recall: the lot the alarm is about (a supplier's contaminated oil, a batch that
 * failed a test), why, and when. What it did is kept beside it, so the order pages and
 * the report can say it long after the lots have moved on.
 */
export const recalls = sqliteTable(
  'recalls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    reason: text('reason').notNull(),
    /** business date (YYYY-MM-DD) */
    date: text('date').notNull(),
    by: text('by').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('recalls_lot').on(t.lotId)],
);

/**
 * Every lot the recall found affected, with what was on hand at that moment and the
 * status it had; `blocked` says whether the recall set it to recalled (a used-up or
 * already recalled lot is listed, not changed: its shipments still matter).
 */
export const recallLots = sqliteTable(
  'recall_lots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recallId: integer('recall_id')
      .notNull()
      .references(() => recalls.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    fromStatus: text('from_status').notNull(),
    onHandMilli: integer('on_hand_milli').notNull(),
    blocked: integer('blocked', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('recall_lots_recall').on(t.recallId), index('recall_lots_lot').on(t.lotId)],
);

/** Every reservation the recall cancelled, with the document that held it (an order line, a production order). */
export const recallReservations = sqliteTable(
  'recall_reservations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recallId: integer('recall_id')
      .notNull()
      .references(() => recalls.id),
    reservationId: integer('reservation_id')
      .notNull()
      .references(() => reservations.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    docType: text('doc_type').notNull(),
    docId: integer('doc_id').notNull(),
    docLineId: integer('doc_line_id'),
    qtyMilli: integer('qty_milli').notNull(),
  },
  (t) => [index('recall_reservations_recall').on(t.recallId), index('recall_reservations_doc').on(t.docType, t.docId)],
);
