import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items } from '../catalog/schema';
import { suppliers } from '../parties/schema';

export const LOT_STATUSES = ['quarantine', 'released', 'blocked', 'recalled'] as const;
export const MOVEMENT_KINDS = ['receipt', 'consume', 'output', 'ship', 'return', 'adjust', 'scrap', 'transfer'] as const;

export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('locations_code').on(sql`${t.code} COLLATE NOCASE`)],
);

/**
 * The documents inventory itself issues (receipts, counts, scraps, transfers, reversals).
 * Movements caused by other modules point at those modules' documents instead.
 */
export const stockDocuments = sqliteTable(
  'stock_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['receipt', 'count', 'scrap', 'transfer', 'reversal', 'consume', 'reservation'] }).notNull(),
    supplierId: integer('supplier_id').references(() => suppliers.id),
    supplierDdtNumber: text('supplier_ddt_number'),
    supplierDdtDate: text('supplier_ddt_date'),
    /** the business date (YYYY-MM-DD) */
    date: text('date').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('stock_documents_kind_date').on(t.kind, t.date)],
);

/**
 * One identifiable quantity of one item. on_hand and reserved are kept in step with the
 * ledger and the reservations in the same transaction (`bottega check` proves it).
 */
export const lots = sqliteTable(
  'lots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    code: text('code').notNull(),
    origin: text('origin', { enum: ['receipt', 'production', 'adjustment'] }).notNull(),
    status: text('status', { enum: LOT_STATUSES }).notNull(),
    supplierId: integer('supplier_id').references(() => suppliers.id),
    supplierLotCode: text('supplier_lot_code'),
    /** received or produced on (YYYY-MM-DD) */
    originDate: text('origin_date').notNull(),
    expiresOn: text('expires_on'),
    unitCostMicros: integer('unit_cost_micros'),
    /** the document that created the lot (a receipt, or a production order later) */
    docType: text('doc_type').notNull(),
    docId: integer('doc_id').notNull(),
    onHandMilli: integer('on_hand_milli').notNull().default(0),
    reservedMilli: integer('reserved_milli').notNull().default(0),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('lots_code').on(t.code),
    index('lots_item_expiry').on(t.itemId, t.expiresOn, t.originDate),
    // only lots with a supplier's code (every lookup compares it, which implies NOT NULL): a lot made here writes no entry
    // at the end of the NULL range (0023_wal)
    index('lots_supplier_lot').on(t.supplierLotCode).where(sql`${t.supplierLotCode} IS NOT NULL`),
    // the lots in stock (or below zero), by item and then expiry: the stock overview and an item's lots, and (0023_wal) the
    // expiring alerts too, by reading every open lot (a few thousand on the large dataset, 0.3-0.5 ms) rather than from an index of their own by
    // expiry (lots_expiry_open), which every change of a lot's on hand rewrote (~11 WAL pages a flow order). The on hand in
    // the key costs no page: an entry is rewritten on every change of it anyway (it decides whether the lot is in).
    index('lots_open_item').on(t.itemId, t.expiresOn, t.onHandMilli).where(sql`${t.onHandMilli} <> 0`),
    // the lots something can still be taken from (FEFO, what an item has free): not the
    // finished lots already allocated to orders, which pile up on an item that sells (0020).
    // Covering what FEFO and a fulfil's counting read (0022_fulfil): no table seek per free lot. Its columns add no page
    // written: an entry is rewritten on every change of on hand or held anyway (they decide whether the lot is in it).
    index('lots_free_item')
      .on(t.itemId, t.status, t.expiresOn, t.originDate, t.onHandMilli, t.reservedMilli, t.code)
      .where(sql`${t.onHandMilli} > ${t.reservedMilli}`),
    index('lots_status_open').on(t.status).where(sql`${t.status} <> 'released'`),
    // the reports read the cost of every shipped lot (margin) and the item and cost of every
    // lot consumed (materials): from this narrow index, not the rows (item_id since 0018)
    index('lots_cost').on(t.id, t.itemId, t.unitCostMicros),
  ],
);

/** The ledger: append-only, one signed change of one lot at one location. */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    kind: text('kind', { enum: MOVEMENT_KINDS }).notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    docType: text('doc_type').notNull(),
    docId: integer('doc_id').notNull(),
    /** the movement this one corrects, when it is a reversal */
    reversesId: integer('reverses_id'),
    reason: text('reason').notNull().default(''),
    /** business date (YYYY-MM-DD) */
    date: text('date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // what `bottega check` sums a lot's balance at each location from, in one pass without a sort or a table seek;
    // also a lot's history (its movements by lot, sorted by id after: a few hundred at most). A second index on
    // (lot_id, id) cost every movement a page written for nothing (0022_fulfil drops it).
    // item_id rides at the end (0023_wal): the check proves the movements' items row by row from this index, not the table
    // (no index leads with the item any more); the entry's place, and so the leaf a movement writes, is the lot's as before
    index('stock_movements_lot_location').on(t.lotId, t.locationId, t.qtyMilli, t.itemId),
    index('stock_movements_doc').on(t.docType, t.docId),
    // by business date, for the export (its date range and order): new movements go at the right edge, one leaf per commit.
    // It was (item_id, date) until 0023_wal: each movement of a completion wrote a leaf for its item (~18 WAL pages a flow
    // order); the export filtered by item goes through the item's lots and stock_movements_lot_location instead.
    index('stock_movements_date').on(t.date),
    uniqueIndex('stock_movements_reverses').on(t.reversesId).where(sql`${t.reversesId} IS NOT NULL`),
  ],
);

export const stockBalances = sqliteTable(
  'stock_balances',
  {
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    qtyMilli: integer('qty_milli').notNull(),
  },
  // no index on location_id (0023_wal dropped it): no reader asks by location alone, and each new lot wrote a leaf of it
  (t) => [primaryKey({ columns: [t.lotId, t.locationId] })],
);

/**
 * Quantity held for a document (impegno): of an item before lots are chosen (lot_id
 * null), or of one lot. qty is what is still held; zero means released or consumed.
 */
export const reservations = sqliteTable(
  'reservations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    lotId: integer('lot_id').references(() => lots.id),
    qtyMilli: integer('qty_milli').notNull(),
    originalMilli: integer('original_milli').notNull(),
    docType: text('doc_type').notNull(),
    docId: integer('doc_id').notNull(),
    docLineId: integer('doc_line_id'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [
    // item-level reservations only (no lot yet): what is asked by item is what is held with no lot; a lot's
    // reservation is found by its lot, and keeping it out spares the flow an index write at reserve and at close
    index('reservations_open_item').on(t.itemId).where(sql`${t.qtyMilli} > 0 AND ${t.lotId} IS NULL`),
    index('reservations_open_lot').on(t.lotId).where(sql`${t.qtyMilli} > 0`),
    index('reservations_doc').on(t.docType, t.docId),
  ],
);

/** Who released, blocked or unblocked a lot, when and why. */
export const lotStatusChanges = sqliteTable(
  'lot_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    fromStatus: text('from_status', { enum: LOT_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: LOT_STATUSES }).notNull(),
    reason: text('reason').notNull().default(''),
    by: text('by').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [index('lot_status_changes_lot').on(t.lotId)],
);
