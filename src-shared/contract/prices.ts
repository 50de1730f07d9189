import { z } from 'zod';
import { command, query } from './define';
import { id, itemKind, optionalText, requiredText, unit } from './common';
import { isoDate } from './inventory';
import { type RolesOf } from './accounts';

/**
 * Prices, discounts and payment terms (DOMAIN.md, "Prices, terms and payments").
 * Amounts typed by people come in as decimal text ("4,20", "10+5"); amounts going out are
 * integer cents (like orders), except the quote, which answers decimal strings as the
 * order input takes them.
 */

/** FatturaPA ModalitaPagamento codes we offer (contrassegno is a flag, not a code). */
export const PAYMENT_METHODS = ['MP01', 'MP02', 'MP05', 'MP08', 'MP12', 'MP19', 'MP21'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethod>;

/** Where a line's price came from. */
export const PRICE_SOURCES = ['customer_list', 'group_list', 'base', 'manual'] as const;
export const priceSource = z.enum(PRICE_SOURCES);
export type PriceSource = z.infer<typeof priceSource>;

// ---------------------------------------------------------------- price lists

export const priceListInput = z.object({
  name: requiredText(120),
  /** prices include VAT (a web-shop list) */
  vatIncluded: z.boolean().default(false),
  validFrom: isoDate.nullish().transform((v) => v ?? null),
  validTo: isoDate.nullish().transform((v) => v ?? null),
  /** "150" € (net of VAT): orders on this list at or above it get shipping free; null = never */
  freeShippingOver: optionalText(30),
  notes: z.string().max(2000).default(''),
});

export const priceList = z.object({
  id,
  name: z.string(),
  vatIncluded: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  freeShippingOverCents: z.number().int().nullable(),
  notes: z.string(),
  archived: z.boolean(),
  itemCount: z.number().int(),
  groupCount: z.number().int(),
  customerCount: z.number().int(),
});
export type PriceList = z.infer<typeof priceList>;

/** A quantity break as typed: from this quantity on, this price. */
export const priceBreakInput = z.object({ fromQuantity: requiredText(40), price: requiredText(30) });
export const priceEntryInput = z.object({
  itemId: id,
  /** price from the first piece */
  price: requiredText(30),
  /** strictly increasing fromQuantity; each > 0 */
  breaks: z.array(priceBreakInput).max(20).default([]),
});

export const priceBreak = z.object({ fromMilli: z.number().int(), priceCents: z.number().int() });
export const priceEntry = z.object({
  item: z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit }),
  /** the item's sale price (the base list), for comparison */
  basePriceCents: z.number().int().nullable(),
  priceCents: z.number().int(),
  breaks: z.array(priceBreak),
});
export type PriceEntry = z.infer<typeof priceEntry>;

const listWithEntries = priceList.extend({
  entries: z.array(priceEntry),
  /** who uses it */
  groups: z.array(z.object({ id, name: z.string() })),
  customers: z.array(z.object({ id, name: z.string() })),
});

/** One parsed row of a CSV file or an Excel paste. */
const importRow = z.object({
  row: z.number().int(),
  sku: z.string(),
  itemId: id,
  name: z.string(),
  priceCents: z.number().int(),
  breaks: z.array(priceBreak),
  /** the price the list has now (null: new on the list) */
  currentPriceCents: z.number().int().nullable(),
});
const importInput = z.object({
  listId: id,
  /** a CSV file (Italian Excel: ';' separated, decimal comma) or cells pasted from Excel (tab separated) */
  text: z.string().max(5_000_000),
  format: z.enum(['csv', 'paste']).default('csv'),
});
export const importPreview = z.object({
  rows: z.array(importRow),
  /** SKUs the catalogue does not know: nothing is imported until they are fixed or skipped */
  unknownSkus: z.array(z.object({ row: z.number().int(), sku: z.string() })),
  /** rows with a bad price or break (row, field, message); nothing is imported while any */
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportPreview = z.infer<typeof importPreview>;

// ---------------------------------------------------------------- groups and customer terms

export const customerGroupInput = z.object({
  name: requiredText(120),
  /** its lists; validity of two lists of one group must not overlap */
  priceListIds: z.array(id).max(20).default([]),
  paymentTermsId: id.nullish().transform((v) => v ?? null),
  /** line discount chain "10+5" (each 0..100); empty = none */
  discounts: z.string().trim().max(40).default(''),
  notes: z.string().max(2000).default(''),
});
export const customerGroup = z.object({
  id,
  name: z.string(),
  priceLists: z.array(z.object({ id, name: z.string() })),
  paymentTerms: z.object({ id, name: z.string() }).nullable(),
  discounts: z.array(z.string()),
  notes: z.string(),
  customerCount: z.number().int(),
});
export type CustomerGroup = z.infer<typeof customerGroup>;

export const customerTermsInput = z.object({
  customerId: id,
  groupId: id.nullish().transform((v) => v ?? null),
  /** the customer's own lists (over the group's); validity must not overlap */
  priceListIds: z.array(id).max(20).default([]),
  /** null: the group's terms */
  paymentTermsId: id.nullish().transform((v) => v ?? null),
  /** "10+5"; null: the group's discount; "" or "0": none */
  discounts: z.string().trim().max(40).nullish().transform((v) => v ?? null),
});

export const customerTerms = z.object({
  customerId: id,
  group: z.object({ id, name: z.string() }).nullable(),
  /** the customer's own (override) settings */
  priceLists: z.array(z.object({ id, name: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() })),
  paymentTermsId: id.nullable(),
  discounts: z.array(z.string()).nullable(),
  /** what applies today, and where it comes from */
  effective: z.object({
    priceList: z.object({ id, name: z.string(), source: z.enum(['customer_list', 'group_list']) }).nullable(),
    paymentTerms: z.object({ id, name: z.string(), method: paymentMethod, cashOnDelivery: z.boolean(), source: z.enum(['customer', 'group']) }).nullable(),
    discounts: z.array(z.string()),
    discountPct: z.string(),
    discountSource: z.enum(['customer', 'group', 'none']),
  }),
});
export type CustomerTerms = z.infer<typeof customerTerms>;

// ---------------------------------------------------------------- payment terms

export const paymentTermsInput = z.object({
  name: requiredText(120),
  method: paymentMethod,
  /** instalment days after the invoice date: [0] rimessa diretta, [30], [30, 60] */
  days: z.array(z.number().int().min(0).max(365)).min(1).max(12),
  /** fine mese (DFFM): each instalment falls on the last day of its month */
  endOfMonth: z.boolean().default(false),
  /** contrassegno: the carrier collects the amount on delivery (shown on DDT and label) */
  cashOnDelivery: z.boolean().default(false),
});
export const paymentTerms = z.object({
  id,
  name: z.string(),
  method: paymentMethod,
  days: z.array(z.number().int()),
  endOfMonth: z.boolean(),
  cashOnDelivery: z.boolean(),
  archived: z.boolean(),
});
export type PaymentTerms = z.infer<typeof paymentTerms>;

// ---------------------------------------------------------------- the price decision

export const quoteInput = z.object({
  customerId: id,
  itemId: id,
  /** "24", "2,5" */
  quantity: requiredText(40),
  /** defaults to today */
  date: isoDate.optional(),
});
export const quote = z.object({
  itemId: id,
  /** euros per unit as the list states it, e.g. "4.20" (VAT included when vatIncluded) */
  unitPrice: z.string(),
  /** the discount chain, e.g. ["10", "5"] */
  discounts: z.array(z.string()),
  /** its effective total, e.g. "14.5" */
  discountPct: z.string(),
  source: priceSource,
  /** null for the base (the item's sale price) */
  listName: z.string().nullable(),
  listId: id.nullable(),
  vatIncluded: z.boolean(),
  /** the quantity break applied (null: the first-piece price) */
  breakFromMilli: z.number().int().nullable(),
  /** the next break above the quantity, so the editor can say "from 24 pcs: 4,00" */
  nextBreak: priceBreak.nullable(),
  /** the line amount: quantity × price, less the discount, rounded once (half away from zero) */
  lineCents: z.number().int(),
});
export type Quote = z.infer<typeof quote>;

export const quoteBatchInput = z.object({
  customerId: id,
  date: isoDate.optional(),
  lines: z.array(z.object({ itemId: id, quantity: requiredText(40) })).min(1).max(500),
});

/** What the order editor needs to show margins (rolled-up recipe cost per unit). */
export const itemCost = z.object({
  itemId: id,
  /** micro-euros per unit; null when the item has no cost (no recipe and no purchase) */
  unitCostMicros: z.number().int().nullable(),
});

export const pricesOps = {
  // lists
  'prices.listLists': query(
    'Price lists with how many items, groups and customers use each.',
    z.object({ includeArchived: z.boolean().default(false), q: z.string().max(100).default('') }),
    z.object({ lists: z.array(priceList) }),
  ),
  'prices.getList': query(
    'One price list with its prices and breaks (searchable by SKU or name).',
    z.object({ id, q: z.string().max(100).default('') }),
    listWithEntries,
  ),
  'prices.createList': command('Create a price list.', priceListInput, priceList),
  'prices.updateList': command('Change a price list’s name, VAT mode, validity or free-shipping threshold.', priceListInput.extend({ id }), priceList),
  'prices.archiveList': command('Archive or restore a price list (archived lists price nothing).', z.object({ id, archived: z.boolean() }), priceList),
  'prices.setPrices': command(
    'Set prices (and breaks) of items on a list; other items stay. Refused whole if any row is wrong.',
    z.object({ listId: id, entries: z.array(priceEntryInput).min(1).max(5000) }),
    z.object({ changed: z.number().int() }),
  ),
  'prices.removePrices': command('Take items off a list.', z.object({ listId: id, itemIds: z.array(id).min(1).max(5000) }), z.object({ removed: z.number().int() })),
  'prices.bulkAdjust': command(
    'Raise (or lower, "-2,5") every price of a list, breaks included, by a percentage; rounded to the cent half away from zero.',
    z.object({ listId: id, percent: requiredText(12), itemIds: z.array(id).max(5000).optional() }),
    z.object({ changed: z.number().int() }),
  ),
  'prices.importPreview': query('Read a CSV file or an Excel paste for a list: the rows, unknown SKUs and errors (nothing saved).', importInput, importPreview),
  'prices.importCommit': command(
    'Import a CSV file or Excel paste into a list. Refused while a row has an error or an unknown SKU, unless skipUnknown.',
    importInput.extend({ skipUnknown: z.boolean().default(false) }),
    z.object({ changed: z.number().int(), skippedSkus: z.array(z.string()) }),
  ),
  'prices.exportList': query(
    'A list as CSV for Italian Excel (";" separated, decimal comma, UTF-8 with BOM).',
    z.object({ id }),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
  // groups
  'prices.listGroups': query('Customer groups with their lists, terms and discount.', z.object({}).default({}), z.object({ groups: z.array(customerGroup) })),
  'prices.createGroup': command('Create a customer group.', customerGroupInput, customerGroup),
  'prices.updateGroup': command('Change a customer group.', customerGroupInput.extend({ id }), customerGroup),
  'prices.deleteGroup': command('Delete a customer group (its customers keep their own settings).', z.object({ id }), z.object({ id })),
  // customers
  'prices.getCustomerTerms': query('A customer’s group, lists, discount and payment terms, and what applies.', z.object({ customerId: id }), customerTerms),
  'prices.setCustomerTerms': command('Set a customer’s group, own lists, discount and payment terms.', customerTermsInput, customerTerms),
  // payment terms
  'prices.listPaymentTerms': query('Payment-terms templates.', z.object({ includeArchived: z.boolean().default(false) }), z.object({ terms: z.array(paymentTerms) })),
  'prices.createPaymentTerms': command('Create a payment-terms template.', paymentTermsInput, paymentTerms),
  'prices.updatePaymentTerms': command('Change a payment-terms template (orders keep the terms they were given).', paymentTermsInput.extend({ id }), paymentTerms),
  'prices.archivePaymentTerms': command('Archive or restore a payment-terms template.', z.object({ id, archived: z.boolean() }), paymentTerms),
  // the price decision
  'prices.quote': query('The price of an item for a customer, quantity and date, and where it comes from.', quoteInput, quote),
  'prices.quoteBatch': query('prices.quote for many lines of one customer at once.', quoteBatchInput, z.object({ quotes: z.array(quote) })),
  'prices.itemCosts': query(
    'Rolled-up recipe (or purchase) cost per unit of items, for margins.',
    z.object({ itemIds: z.array(id).min(1).max(500) }),
    z.object({ costs: z.array(itemCost) }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const pricesRoles = {
  'prices.listLists': ['office', 'viewer'],
  'prices.getList': ['office', 'viewer'],
  'prices.createList': ['office'],
  'prices.updateList': ['office'],
  'prices.archiveList': ['office'],
  'prices.setPrices': ['office'],
  'prices.removePrices': ['office'],
  'prices.bulkAdjust': ['office'],
  'prices.importPreview': ['office'],
  'prices.importCommit': ['office'],
  'prices.exportList': ['office', 'viewer'],
  'prices.listGroups': ['office', 'viewer'],
  'prices.createGroup': ['office'],
  'prices.updateGroup': ['office'],
  'prices.deleteGroup': ['office'],
  'prices.getCustomerTerms': ['office', 'viewer'],
  'prices.setCustomerTerms': ['office'],
  'prices.listPaymentTerms': ['office', 'viewer'],
  'prices.createPaymentTerms': ['office'],
  'prices.updatePaymentTerms': ['office'],
  'prices.archivePaymentTerms': ['office'],
  'prices.quote': ['office', 'viewer'],
  'prices.quoteBatch': ['office', 'viewer'],
  'prices.itemCosts': ['office', 'viewer'],
} as const satisfies RolesOf<typeof pricesOps>;
