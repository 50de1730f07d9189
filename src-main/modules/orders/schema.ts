import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items } from '../catalog/schema';
import { customers } from '../parties/schema';
import { paymentTerms } from '../prices/schema';
import { PRICE_SOURCES } from '../../../src-shared/contract/prices';

export const ORDER_CHANNELS = ['manual', 'phone', 'email', 'shop', 'wholesale', 'shopify', 'etsy', 'woocommerce', 'other'] as const;

/**
 * A customer order. Only draft / confirmed / cancelled is stored: what happens after
 * confirmation (waiting, in production, ready, shipped) is derived from its lines.
 */
export const customerOrders = sqliteTable(
  'customer_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `2026/0001`, taken at creation, per year, without gaps */
    number: text('number').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel', { enum: ORDER_CHANNELS }).notNull(),
    externalRef: text('external_ref'),
    state: text('state', { enum: ['draft', 'confirmed', 'cancelled'] }).notNull(),
    orderedOn: text('ordered_on').notNull(),
    requestedOn: text('requested_on'),
    promisedOn: text('promised_on'),
    notes: text('notes').notNull().default(''),
    /** derived status kept for the list's filters; recomputed by every command that moves the order */
    status: text('status').notNull(),
    totalCents: integer('total_cents').notNull().default(0),
    /** the payment-terms template the order was given, and a JSON copy of it (the order keeps its terms) */
    paymentTermsId: integer('payment_terms_id').references(() => paymentTerms.id),
    paymentTerms: text('payment_terms'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    confirmedAt: text('confirmed_at'),
    cancelledAt: text('cancelled_at'),
    /** optimistic version: +1 for every command that changes the document (migration 0017, see modules/versions) */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('customer_orders_number').on(t.number),
    uniqueIndex('customer_orders_channel_ref').on(t.channel, t.externalRef).where(sql`${t.externalRef} IS NOT NULL`),
    index('customer_orders_status_date').on(t.status, t.orderedOn),
    index('customer_orders_customer_date').on(t.customerId, t.orderedOn),
    index('customer_orders_date').on(t.orderedOn),
    index('customer_orders_requested').on(t.requestedOn).where(sql`${t.state} = 'confirmed'`),
    // the plan's open orders (planning/snapshot.ts) from this index alone: only orders still waiting for goods are in it
    index('customer_orders_open')
      .on(t.id, t.number, t.customerId, t.requestedOn, t.promisedOn, t.state, t.status)
      .where(sql`${t.state} = 'confirmed' AND ${t.status} IN ('waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped')`),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => customerOrders.id),
    position: integer('position').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    qtyMilli: integer('qty_milli').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    /** the exact net unit price in euros, up to 8 decimals ("4.20", "25.40983607"); unit_price_cents is it rounded */
    unitPrice: text('unit_price').notNull().default(''),
    /** where the price came from: customer_list | group_list | base | manual (typed, a shop's, or older than prices) */
    priceSource: text('price_source', { enum: PRICE_SOURCES }).notNull().default('manual'),
    /** the discount chain "10+5" ('' none); discount_bp is its effective total */
    discounts: text('discounts').notNull().default(''),
    /** discount in hundredths of a percent (10 % = 1000) */
    discountBp: integer('discount_bp').notNull().default(0),
    /** VAT rate in hundredths of a percent (22 % = 2200) */
    vatBp: integer('vat_bp').notNull().default(2200),
    /** what shipments have taken of this line (shipping keeps it in step) */
    shippedMilli: integer('shipped_milli').notNull().default(0),
    note: text('note').notNull().default(''),
  },
  (t) => [
    // an order's lines in order; with item and quantities the plan's open lines are read from it alone (covering)
    index('order_lines_order').on(t.orderId, t.position, t.itemId, t.qtyMilli, t.shippedMilli),
    index('order_lines_item').on(t.itemId),
    // reports.kpis reads a period's lines from this index alone (covering), an order's lines by item then line
    index('order_lines_kpi').on(t.orderId, t.itemId, t.id, t.qtyMilli, t.unitPriceCents, t.discountBp),
  ],
);
