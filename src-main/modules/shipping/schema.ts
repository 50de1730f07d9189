import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from '../parties/schema';
import { customerOrders, orderLines } from '../orders/schema';
import { items } from '../catalog/schema';
import { lots } from '../inventory/schema';

/**
 * A shipment (spedizione): what leaves for one customer, from which order lines and lots.
 * draft → confirmed (DDT issued, stock moved) or draft → cancelled.
 */
export const shipments = sqliteTable(
  'shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    state: text('state', { enum: ['draft', 'confirmed', 'cancelled'] }).notNull(),
    causale: text('causale').notNull().default('vendita'),
    transportBy: text('transport_by', { enum: ['sender', 'recipient', 'carrier'] }).notNull(),
    carrier: text('carrier'),
    carrierService: text('carrier_service'),
    trackingNumber: text('tracking_number'),
    /** local date and time the transport starts, YYYY-MM-DDTHH:MM */
    transportStart: text('transport_start'),
    /** destination typed for this shipment; null: the customer's shipping address */
    destination: text('destination', { mode: 'json' }).$type<{ name: string; street: string; postcode: string; city: string; province: string; country: string }>(),
    /** gross weight in grams typed by the user; null: computed from item weights and tares */
    grossWeightG: integer('gross_weight_g'),
    notes: text('notes').notNull().default(''),
    ddtId: integer('ddt_id'),
    cancelReason: text('cancel_reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    confirmedAt: text('confirmed_at'),
    cancelledAt: text('cancelled_at'),
    /** optimistic version: +1 for every command that changes the document (migration 0017, see modules/versions) */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('shipments_state_created').on(t.state, t.createdAt),
    index('shipments_customer').on(t.customerId),
    index('shipments_created').on(t.createdAt),
    // the report's carriers: a year of shipments' carriers without their rows (0018)
    index('shipments_carrier').on(t.id, t.carrier),
  ],
);

/** One order line shipped from one lot. */
export const shipmentLines = sqliteTable(
  'shipment_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    position: integer('position').notNull(),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => customerOrders.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    qtyMilli: integer('qty_milli').notNull(),
  },
  (t) => [
    index('shipment_lines_shipment').on(t.shipmentId, t.position),
    // the forward trace asks "which shipments carried lot X"
    index('shipment_lines_lot').on(t.lotId),
    index('shipment_lines_order').on(t.orderId),
    index('shipment_lines_order_line').on(t.orderLineId),
    // reports.kpis: an order line's shipped lots from this index alone (covering), never the table
    index('shipment_lines_kpi').on(t.orderLineId, t.shipmentId, t.lotId, t.qtyMilli),
  ],
);

/** Packages (colli) of a shipment: groups of the same appearance and tare. */
export const shipmentPackages = sqliteTable(
  'shipment_packages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    position: integer('position').notNull(),
    count: integer('count').notNull(),
    appearance: text('appearance').notNull().default(''),
    tareG: integer('tare_g').notNull().default(0),
  },
  // covering (count since 0018): the report's carriers sum a year of packages without their rows
  (t) => [index('shipment_packages_shipment').on(t.shipmentId, t.position, t.count)],
);

/**
 * The register of issued delivery notes, one numbering per year for shipments and
 * return DDTs alike. `snapshot` is everything the document shows, frozen at issue, so a
 * reprint is the same document whatever settings or the clock say later.
 */
export const ddts = sqliteTable(
  'ddts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** `12/2026` */
    number: text('number').notNull(),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['shipment', 'return'] }).notNull(),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    returnId: integer('return_id'),
    snapshot: text('snapshot').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('ddts_year_seq').on(t.year, t.seq),
    index('ddts_shipment').on(t.shipmentId),
    // the reports' ship dates: a shipment's DDT date without reading the snapshot-heavy rows
    index('ddts_shipment_kind_date').on(t.shipmentId, t.kind, t.date),
    // the reports' carriers: the DDTs of a period
    index('ddts_kind_date').on(t.kind, t.date, t.shipmentId),
    // invoicing finds a month's DDTs by date (issue 15, "invoice the month")
    index('ddts_date').on(t.date),
  ],
);

/** A return (reso) against lines of one confirmed shipment. */
export const shipmentReturns = sqliteTable(
  'shipment_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    date: text('date').notNull(),
    reason: text('reason').notNull(),
    collected: integer('collected', { mode: 'boolean' }).notNull().default(false),
    ddtId: integer('ddt_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('shipment_returns_shipment').on(t.shipmentId)],
);

export const shipmentReturnLines = sqliteTable(
  'shipment_return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id')
      .notNull()
      .references(() => shipmentReturns.id),
    shipmentLineId: integer('shipment_line_id')
      .notNull()
      .references(() => shipmentLines.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    qtyMilli: integer('qty_milli').notNull(),
    disposition: text('disposition', { enum: ['restock', 'quarantine', 'scrap'] }).notNull(),
  },
  (t) => [index('shipment_return_lines_return').on(t.returnId), index('shipment_return_lines_line').on(t.shipmentLineId)],
);

/** The company logo printed on documents; a new upload adds a row, so old DDTs keep theirs. */
export const companyLogos = sqliteTable('company_logos', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  contentType: text('content_type', { enum: ['image/png', 'image/jpeg'] }).notNull(),
  data: text('data').notNull(),
  byteSize: integer('byte_size').notNull(),
  createdAt: text('created_at').notNull(),
  removedAt: text('removed_at'),
});
