import { z } from 'zod';
import { command, query } from './define';
import { expectedVersion, id, itemKind, optionalText, pageInput, requiredText, unit, version } from './common';
import { isoDate } from './inventory';
import { LINE_STATUSES, ORDER_STATUSES } from '../domain/orderStatus';
import { paymentMethod, priceSource } from './prices';
import { EVERYONE, type RolesOf } from './accounts';

export const ORDER_CHANNELS = ['manual', 'phone', 'email', 'shop', 'wholesale', 'shopify', 'etsy', 'woocommerce', 'other'] as const;
export const orderChannel = z.enum(ORDER_CHANNELS);
export const orderStatus = z.enum(ORDER_STATUSES);
export const lineStatus = z.enum(LINE_STATUSES);

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });

export const orderLineInput = z.object({
  itemId: id,
  /** "24", "2,5 kg" */
  quantity: requiredText(40),
  /**
   * euros per unit, net of VAT, up to 8 decimals; absent/null: decided by prices.quote
   * (customer list > group list > item sale price) and re-decided while the order is a
   * draft; a typed price is kept and marked manual
   */
  unitPrice: optionalText(30),
  /** "10" or a chain "10+5" (%); absent/null: the customer's (or group's) discount */
  discountPct: optionalText(40),
  /** "22" (%); 22 when absent */
  vatPct: optionalText(10),
  note: z.string().max(1000).default(''),
});

export const orderInput = z.object({
  customerId: id,
  channel: orderChannel.default('manual'),
  externalRef: optionalText(80),
  /** defaults to today */
  orderedOn: isoDate.optional(),
  requestedOn: isoDate.nullish().transform((v) => v ?? null),
  notes: z.string().max(5000).default(''),
  lines: z.array(orderLineInput).min(1).max(500),
  /** absent/null: the customer's terms (own, else the group's) */
  paymentTermsId: id.nullish().transform((v) => v ?? null),
  /** confirm at once (the usual case for phone and shop orders) */
  confirm: z.boolean().default(false),
});

const productionRef = z.object({
  id,
  number: z.string(),
  status: z.enum(['planned', 'released', 'in_progress', 'completed', 'cancelled']),
  materialsShort: z.boolean(),
  qtyMilli: z.number().int(),
  plannedOn: z.string(),
});

export const orderLine = z.object({
  id,
  position: z.number().int(),
  item: itemRef,
  qtyMilli: z.number().int(),
  unitPriceCents: z.number().int(),
  /** the exact net unit price (up to 8 decimals), e.g. "4.2" or "25.40983607" */
  unitPrice: z.string(),
  /** where the price came from; manual = typed (or a shop's price) */
  priceSource: priceSource,
  /** the discount chain ["10","5"]; discountBp is its effective total */
  discounts: z.array(z.string()),
  discountBp: z.number().int(),
  vatBp: z.number().int(),
  netCents: z.number().int(),
  shippedMilli: z.number().int(),
  allocatedMilli: z.number().int(),
  allocations: z.array(z.object({ reservationId: id, lotId: id, lotCode: z.string(), qtyMilli: z.number().int(), expiresOn: z.string().nullable() })),
  production: z.array(productionRef),
  status: lineStatus,
  note: z.string(),
});

export const order = z.object({
  id,
  version,
  number: z.string(),
  customer: z.object({ id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), language: z.enum(['it', 'en']) }),
  channel: orderChannel,
  externalRef: z.string().nullable(),
  state: z.enum(['draft', 'confirmed', 'cancelled']),
  status: orderStatus,
  orderedOn: z.string(),
  requestedOn: z.string().nullable(),
  promisedOn: z.string().nullable(),
  late: z.boolean(),
  notes: z.string(),
  /** the terms the order carries (a copy: a later template change does not touch it) */
  paymentTerms: z.object({ id: id.nullable(), name: z.string(), method: paymentMethod, days: z.array(z.number().int()), endOfMonth: z.boolean(), cashOnDelivery: z.boolean() }).nullable(),
  totalCents: z.number().int(),
  vatCents: z.number().int(),
  lines: z.array(orderLine),
});
export type Order = z.infer<typeof order>;

/** What orders.create and orders.confirm answer: the order's head and its lines' ids, not the whole document (orders.get has it). */
export const orderHead = z.object({
  id,
  version,
  number: z.string(),
  state: z.enum(['draft', 'confirmed', 'cancelled']),
  status: orderStatus,
  totalCents: z.number().int(),
  lines: z.array(z.object({ id, position: z.number().int(), itemId: id, qtyMilli: z.number().int() })),
});
export type OrderHead = z.infer<typeof orderHead>;

const shortage = z.object({ item: itemRef, neededMilli: z.number().int(), availableMilli: z.number().int(), shortMilli: z.number().int() });

export type ProposalOut = {
  key: string;
  item: z.infer<typeof itemRef>;
  recipeId: number;
  recipeVersion: number;
  batches: number;
  qtyMilli: number;
  lines: { orderLineId: number; orderNumber: string; qtyMilli: number }[];
  materials: z.infer<typeof shortage>[];
  materialsShort: boolean;
  children: ProposalOut[];
};
export const proposal: z.ZodType<ProposalOut> = z.lazy(() =>
  z.object({
    key: z.string(),
    item: itemRef,
    recipeId: id,
    recipeVersion: z.number().int(),
    batches: z.number().int(),
    qtyMilli: z.number().int(),
    lines: z.array(z.object({ orderLineId: id, orderNumber: z.string(), qtyMilli: z.number().int() })),
    materials: z.array(shortage),
    materialsShort: z.boolean(),
    children: z.array(proposal),
  }),
);

export const fulfilPlan = z.object({
  reservations: z.array(z.object({ orderLineId: id, orderNumber: z.string(), item: itemRef, lotId: id, lotCode: z.string(), qtyMilli: z.number().int() })),
  proposals: z.array(proposal),
  /** lines for products without an active recipe and not enough stock */
  unmakeable: z.array(z.object({ orderLineId: id, orderNumber: z.string(), item: itemRef, missingMilli: z.number().int() })),
});

const fulfilInput = z.object({
  orderIds: z.array(id).min(1).max(500),
  /** one production order per product for all the lines (true), or one per line */
  group: z.boolean().default(true),
});

const orderRow = z.object({
  id,
  version,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  channel: orderChannel,
  externalRef: z.string().nullable(),
  status: orderStatus,
  orderedOn: z.string(),
  requestedOn: z.string().nullable(),
  promisedOn: z.string().nullable(),
  late: z.boolean(),
  totalCents: z.number().int(),
  lineCount: z.number().int(),
});

export const orderOps = {
  'orders.create': command('Enter a customer order (draft, or confirmed at once).', orderInput, orderHead),
  'orders.update': command(
    'Change an order that is still a draft, or confirmed with nothing reserved, made or shipped yet.',
    orderInput.omit({ confirm: true }).extend({ id, expectedVersion }),
    order,
  ),
  'orders.confirm': command('Confirm a draft order.', z.object({ id, expectedVersion }), orderHead),
  'orders.cancel': command(
    'Cancel an order: its reservations are released, its production orders unlinked (they stay, make-to-stock).',
    z.object({ id, reason: z.string().max(1000).default(''), expectedVersion }),
    order,
  ),
  'orders.setPromisedDate': command(
    'Set (or clear, with null) the delivery date promised to the customer of a confirmed order still to ship; not a past day.',
    z.object({ id, promisedOn: isoDate.nullable(), expectedVersion }),
    order,
  ),
  'orders.get': query('One order with its lines, allocations and production.', z.object({ id }), order),
  'orders.list': query(
    'Orders, newest first, with filters.',
    z.object({
      q: z.string().max(100).default(''),
      statuses: z.array(orderStatus).optional(),
      customerId: id.optional(),
      channel: orderChannel.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      lateOnly: z.boolean().default(false),
      ...pageInput,
    }),
    z.object({ orders: z.array(orderRow), total: z.number().int() }),
  ),
  'orders.fulfilPreview': query('What fulfilling would do: stock to reserve, production to propose, materials short.', fulfilInput, fulfilPlan),
  'orders.fulfil': command(
    'Fulfil orders: reserve finished stock (FEFO), create planned production orders for the rest, linked to the lines.',
    fulfilInput,
    fulfilPlan.extend({ productionOrderIds: z.array(id) }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const orderRoles = {
  'orders.create': ['office'],
  'orders.update': ['office'],
  'orders.confirm': ['office'],
  'orders.cancel': ['office'],
  'orders.setPromisedDate': ['office'],
  'orders.get': EVERYONE,
  'orders.list': EVERYONE,
  'orders.fulfilPreview': ['office', 'production', 'viewer'],
  'orders.fulfil': ['office'],
} as const satisfies RolesOf<typeof orderOps>;
