import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items } from '../catalog/schema';
import { suppliers } from '../parties/schema';
import { lots, stockDocuments } from '../inventory/schema';

export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const;

/**
 * A supplier's terms for one item: their code, minimum order, order multiple, lead time
 * (working days; the item's own lead time when null) and price (micro-euros per unit of
 * the item). At most one supplier per item is the preferred one.
 */
export const supplierItems = sqliteTable(
  'supplier_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    preferred: integer('preferred', { mode: 'boolean' }).notNull().default(false),
    supplierCode: text('supplier_code'),
    minQtyMilli: integer('min_qty_milli').notNull().default(0),
    multipleMilli: integer('multiple_milli').notNull().default(0),
    leadTimeDays: integer('lead_time_days'),
    priceMicros: integer('price_micros'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supplier_items_item_supplier').on(t.itemId, t.supplierId),
    uniqueIndex('supplier_items_one_preferred').on(t.itemId).where(sql`${t.preferred} = 1`),
    index('supplier_items_supplier').on(t.supplierId),
  ],
);

/** Ordine fornitore: `OF2026/0001`, per year without gaps. */
export const purchaseOrders = sqliteTable(
  'purchase_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    status: text('status', { enum: PURCHASE_ORDER_STATUSES }).notNull(),
    orderedOn: text('ordered_on').notNull(),
    /** the default expected date of its lines */
    expectedOn: text('expected_on').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason').notNull().default(''),
  },
  (t) => [
    uniqueIndex('purchase_orders_number').on(t.number),
    index('purchase_orders_status').on(t.status, t.orderedOn),
    index('purchase_orders_supplier').on(t.supplierId),
    // the list, newest first (migration 0024): without it the large dataset's 74,000 purchase orders were sorted for each page
    index('purchase_orders_ordered').on(t.orderedOn, t.id),
  ],
);

/**
 * One line of a purchase order. `openMilli` is what is still expected (ordered − received,
 * never below zero; zero once the order is cancelled): kept on the row so the open supply
 * that planning and the stock overview read is one partial-index lookup.
 */
export const purchaseOrderLines = sqliteTable(
  'purchase_order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseOrderId: integer('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    position: integer('position').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    qtyMilli: integer('qty_milli').notNull(),
    receivedMilli: integer('received_milli').notNull().default(0),
    openMilli: integer('open_milli').notNull(),
    /** micro-euros per unit of the item */
    unitPriceMicros: integer('unit_price_micros'),
    expectedOn: text('expected_on').notNull(),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    index('purchase_order_lines_order').on(t.purchaseOrderId, t.position),
    index('purchase_order_lines_open').on(t.itemId, t.expectedOn).where(sql`${t.openMilli} > 0`),
  ],
);

/** What each receipt brought against a purchase order line (a lot per receipt line). */
export const purchaseReceipts = sqliteTable(
  'purchase_receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseOrderLineId: integer('purchase_order_line_id')
      .notNull()
      .references(() => purchaseOrderLines.id),
    stockDocumentId: integer('stock_document_id')
      .notNull()
      .references(() => stockDocuments.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    qtyMilli: integer('qty_milli').notNull(),
    receivedOn: text('received_on').notNull(),
  },
  (t) => [index('purchase_receipts_line').on(t.purchaseOrderLineId), index('purchase_receipts_document').on(t.stockDocumentId)],
);
