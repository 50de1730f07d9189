import { z } from 'zod';
import { command, query } from './define';
import { id, itemKind, optionalText, pageInput, requiredText, unit } from './common';
import { isoDate } from './inventory';
import { type RolesOf } from './accounts';

export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const;
export const purchaseOrderStatus = z.enum(PURCHASE_ORDER_STATUSES);
export type PurchaseOrderStatus = z.infer<typeof purchaseOrderStatus>;

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });
const supplierRef = z.object({ id, name: z.string() });

/** A shortage list to order from (the planning screen's "to order" column). */
const shortageListInput = z.object({
  lines: z
    .array(z.object({ itemId: id, qtyMilli: z.number().int().positive(), neededBy: isoDate.optional() }))
    .min(1)
    .max(2000),
});
const unplacedShortage = z.object({ itemId: id, sku: z.string(), name: z.string(), qtyMilli: z.number().int(), reason: z.enum(['no_supplier']) });

export const supplierTerms = z.object({
  id,
  item: itemRef,
  supplier: supplierRef,
  preferred: z.boolean(),
  supplierCode: z.string().nullable(),
  minQtyMilli: z.number().int(),
  multipleMilli: z.number().int(),
  /** working days; null: the item's own lead time applies */
  leadTimeDays: z.number().int().nullable(),
  /** the item's lead time, shown when the supplier has none */
  itemLeadTimeDays: z.number().int().nullable(),
  /** micro-euros per unit of the item */
  priceMicros: z.number().int().nullable(),
});
export type SupplierTerms = z.infer<typeof supplierTerms>;

export const purchaseOrderLine = z.object({
  id,
  position: z.number().int(),
  item: itemRef,
  supplierCode: z.string().nullable(),
  qtyMilli: z.number().int(),
  receivedMilli: z.number().int(),
  openMilli: z.number().int(),
  unitPriceMicros: z.number().int().nullable(),
  /** quantity × price, in cents (rounded once) */
  totalCents: z.number().int().nullable(),
  expectedOn: z.string(),
  notes: z.string(),
});

export const purchaseOrder = z.object({
  id,
  number: z.string(),
  supplier: supplierRef.extend({ language: z.enum(['it', 'en']), email: z.string().nullable() }),
  status: purchaseOrderStatus,
  orderedOn: z.string(),
  expectedOn: z.string(),
  notes: z.string(),
  lines: z.array(purchaseOrderLine),
  totalCents: z.number().int(),
  receipts: z.array(z.object({ stockDocumentId: id, lineId: id, lotId: id, lotCode: z.string(), qtyMilli: z.number().int(), receivedOn: z.string() })),
  sentAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  createdAt: z.string(),
});
export type PurchaseOrder = z.infer<typeof purchaseOrder>;

const listRow = z.object({
  id,
  number: z.string(),
  supplier: supplierRef,
  status: purchaseOrderStatus,
  orderedOn: z.string(),
  expectedOn: z.string(),
  lineCount: z.number().int(),
  openLines: z.number().int(),
  totalCents: z.number().int(),
});

const lineInput = z.object({
  itemId: id,
  /** "25 kg", or a number in the item's unit */
  quantity: requiredText(40),
  /** euros per unit of the item; the supplier's price when absent */
  unitPrice: optionalText(30),
  /** the header's expected date when absent */
  expectedOn: isoDate.optional(),
  notes: z.string().max(500).default(''),
});

const orderInput = {
  supplierId: id,
  /** defaults to today */
  orderedOn: isoDate.optional(),
  /** defaults to today + the longest lead time of the lines */
  expectedOn: isoDate.optional(),
  notes: z.string().max(2000).default(''),
  lines: z.array(lineInput).min(1).max(500),
};

export const openSupplyLine = z.object({
  itemId: id,
  purchaseOrderId: id,
  purchaseOrderNumber: z.string(),
  lineId: id,
  supplierId: id,
  openMilli: z.number().int(),
  expectedDate: z.string(),
});

export const purchasingOps = {
  'purchasing.listSupplierTerms': query(
    "Suppliers' terms of an item, or the items of a supplier.",
    z.object({ itemId: id.optional(), supplierId: id.optional() }),
    z.array(supplierTerms),
  ),
  'purchasing.saveSupplierTerms': command(
    "Add or change a supplier's terms for an item (code, minimum, multiple, lead time, price, preferred).",
    z.object({
      id: id.optional(),
      itemId: id,
      supplierId: id,
      preferred: z.boolean().default(false),
      supplierCode: optionalText(60),
      /** "25 kg" or a number in the item's unit; empty: no minimum */
      minQuantity: optionalText(40),
      /** order in multiples of this; empty: any quantity */
      multiple: optionalText(40),
      /** working days; empty: the item's lead time */
      leadTimeDays: z.number().int().min(0).max(365).nullish().transform((v) => v ?? null),
      /** euros per unit of the item */
      price: optionalText(30),
    }),
    supplierTerms,
  ),
  'purchasing.deleteSupplierTerms': command("Remove a supplier's terms for an item.", z.object({ id }), z.object({ id })),
  'purchasing.create': command('Create a purchase order (draft) by hand.', z.object(orderInput), purchaseOrder),
  'purchasing.update': command('Change a draft purchase order: supplier, dates, notes, lines.', z.object({ id, ...orderInput }), purchaseOrder),
  'purchasing.send': command('Mark a purchase order as sent to the supplier.', z.object({ id }), purchaseOrder),
  'purchasing.cancel': command(
    'Cancel a purchase order: what is not received yet is no longer expected.',
    z.object({ id, reason: z.string().max(1000).default('') }),
    purchaseOrder,
  ),
  'purchasing.get': query('One purchase order with its lines and receipts.', z.object({ id }), purchaseOrder),
  'purchasing.list': query(
    'Purchase orders, newest first, by status, supplier or number; overdue: sent and a line still expected after its date.',
    z.object({ statuses: z.array(purchaseOrderStatus).optional(), supplierId: id.optional(), itemId: id.optional(), overdue: z.boolean().default(false), q: z.string().max(100).default(''), ...pageInput }),
    z.object({ orders: z.array(listRow), total: z.number().int() }),
  ),
  'purchasing.previewFromShortages': query(
    "What createFromShortages would write for the same list, without writing: per preferred supplier the lines (requested and rounded-up quantities, price, expected date) and the supplier's open draft they would be added to (null: a new draft).",
    shortageListInput,
    z.object({
      purchaseOrders: z.array(
        z.object({
          supplier: supplierRef,
          draft: z.object({ id, number: z.string() }).nullable(),
          expectedOn: z.string(),
          lines: z.array(
            z.object({
              item: z.object({ id, sku: z.string(), name: z.string(), unit }),
              requestedMilli: z.number().int(),
              orderedMilli: z.number().int(),
              unitPriceMicros: z.number().int().nullable(),
              expectedOn: z.string(),
              leadTimeKnown: z.boolean(),
              late: z.boolean(),
            }),
          ),
        }),
      ),
      unplaced: z.array(unplacedShortage),
    }),
  ),
  'purchasing.createFromShortages': command(
    "Draft purchase orders from a shortage list: grouped by each material's preferred supplier (added to that supplier's open draft when it has one, else a new draft), quantities rounded up to its minimum and multiple, expected dates from its lead time; lines without a supplier are reported, not placed.",
    shortageListInput,
    z.object({
      /** addedToDraft: the lines went into the supplier's existing draft; lineCount is the lines added */
      purchaseOrders: z.array(z.object({ id, number: z.string(), supplier: supplierRef, lineCount: z.number().int(), expectedOn: z.string(), addedToDraft: z.boolean() })),
      placed: z.array(
        z.object({
          itemId: id,
          requestedMilli: z.number().int(),
          orderedMilli: z.number().int(),
          purchaseOrderId: id,
          purchaseOrderNumber: z.string(),
          lineId: id,
          expectedOn: z.string(),
          /** false: neither the supplier nor the item has a lead time, so the date is today's and only a placeholder */
          leadTimeKnown: z.boolean(),
          /** the expected date is after the date it was needed by */
          late: z.boolean(),
        }),
      ),
      unplaced: z.array(unplacedShortage),
    }),
  ),
  'purchasing.openSupply': query(
    'Open purchase order lines (ordered − received, not cancelled), by item and expected date.',
    z.object({ itemIds: z.array(id).max(5000).optional() }),
    z.array(openSupplyLine),
  ),
  'purchasing.pdf': query(
    'The purchase order to send to the supplier (PDF, base64), in the supplier\'s language unless told.',
    z.object({ id, language: z.enum(['it', 'en']).optional() }),
    z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const purchasingRoles = {
  'purchasing.listSupplierTerms': ['office', 'viewer'],
  'purchasing.saveSupplierTerms': ['office'],
  'purchasing.deleteSupplierTerms': ['office'],
  'purchasing.create': ['office'],
  'purchasing.update': ['office'],
  'purchasing.send': ['office'],
  'purchasing.cancel': ['office'],
  'purchasing.get': ['office', 'production', 'viewer'],
  'purchasing.list': ['office', 'production', 'viewer'],
  'purchasing.previewFromShortages': ['office', 'viewer'],
  'purchasing.createFromShortages': ['office'],
  'purchasing.openSupply': ['office', 'production', 'viewer'],
  'purchasing.pdf': ['office', 'viewer'],
} as const satisfies RolesOf<typeof purchasingOps>;
