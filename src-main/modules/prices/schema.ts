import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items } from '../catalog/schema';
import { customers } from '../parties/schema';
import { PAYMENT_METHODS } from '../../../src-shared/contract/prices';

/**
 * Prices, customer groups and payment terms (DOMAIN.md, "Prices, terms and payments").
 * List prices are integer cents; quantities thousandths of the item's unit.
 */

/** A payment-terms template: a FatturaPA method and instalment days after the invoice date. */
export const paymentTerms = sqliteTable('payment_terms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  method: text('method', { enum: PAYMENT_METHODS }).notNull(),
  /** instalment days, comma separated: "0", "30", "30,60" */
  days: text('days').notNull(),
  /** fine mese (DFFM) */
  endOfMonth: integer('end_of_month', { mode: 'boolean' }).notNull().default(false),
  /** contrassegno: collected by the carrier on delivery */
  cashOnDelivery: integer('cash_on_delivery', { mode: 'boolean' }).notNull().default(false),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const priceLists = sqliteTable('price_lists', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  vatIncluded: integer('vat_included', { mode: 'boolean' }).notNull().default(false),
  /** ISO dates, both inclusive; null = open */
  validFrom: text('valid_from'),
  validTo: text('valid_to'),
  /** net order amount from which shipping is free; null = never */
  freeShippingOverCents: integer('free_shipping_over_cents'),
  notes: text('notes').notNull().default(''),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * One price of an item on a list from a quantity on: the first-piece price has
 * from_milli 0, each quantity break one more row. The decision takes the row with the
 * largest from_milli not above the ordered quantity.
 */
export const priceListPrices = sqliteTable(
  'price_list_prices',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => priceLists.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    fromMilli: integer('from_milli').notNull(),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.itemId, t.fromMilli] }), index('price_list_prices_item').on(t.itemId)],
);

export const customerGroups = sqliteTable(
  'customer_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    paymentTermsId: integer('payment_terms_id').references(() => paymentTerms.id),
    /** discount chain "10+5"; '' = none */
    discounts: text('discounts').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('customer_groups_name').on(t.name)],
);

/** A group's lists (their validity periods do not overlap). */
export const groupPriceLists = sqliteTable(
  'group_price_lists',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => customerGroups.id),
    listId: integer('list_id')
      .notNull()
      .references(() => priceLists.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.listId] }), index('group_price_lists_list').on(t.listId)],
);

/** A customer's own lists, over the group's (their validity periods do not overlap). */
export const customerPriceLists = sqliteTable(
  'customer_price_lists',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    listId: integer('list_id')
      .notNull()
      .references(() => priceLists.id),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.listId] }), index('customer_price_lists_list').on(t.listId)],
);

/** A customer's group and overrides; no row = no group, no overrides. */
export const customerTerms = sqliteTable(
  'customer_terms',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => customers.id),
    groupId: integer('group_id').references(() => customerGroups.id),
    /** null: the group's terms */
    paymentTermsId: integer('payment_terms_id').references(() => paymentTerms.id),
    /** null: the group's discount; '' none; "10+5" */
    discounts: text('discounts'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('customer_terms_group').on(t.groupId)],
);
