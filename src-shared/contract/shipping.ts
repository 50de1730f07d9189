import { z } from 'zod';
import { command, query } from './define';
import { id, itemKind, optionalText, pageInput, requiredText, unit } from './common';
import { isoDate } from './inventory';
import { orderStatus } from './orders';
import { EVERYONE, type RolesOf } from './accounts';

export const SHIPMENT_STATES = ['draft', 'confirmed', 'cancelled'] as const;
export const shipmentState = z.enum(SHIPMENT_STATES);
/** who carries the goods (trasporto a cura del mittente / destinatario / vettore) */
export const TRANSPORT_BY = ['sender', 'recipient', 'carrier'] as const;
export const transportBy = z.enum(TRANSPORT_BY);
/** what happens to returned goods: back to stock released, back to stock in quarantine, scrapped */
export const RETURN_DISPOSITIONS = ['restock', 'quarantine', 'scrap'] as const;
export const returnDisposition = z.enum(RETURN_DISPOSITIONS);

/** "2026-10-22T14:30": the local date and time the transport starts */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Expected YYYY-MM-DDTHH:MM' });

export const address = z.object({
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  province: z.string(),
  country: z.string(),
});
export type Address = z.infer<typeof address>;

/** another destination than the customer's: a courier needs at least name, street and city */
const addressInput = z.object({
  name: z.string().trim().min(1).max(200),
  street: z.string().trim().min(1).max(200),
  postcode: z.string().trim().max(20).default(''),
  city: z.string().trim().min(1).max(100),
  province: z.string().trim().max(10).default(''),
  country: z.string().trim().toUpperCase().length(2).default('IT'),
});

const shipItem = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit, gtin: z.string().nullable(), netWeightMg: z.number().int().nullable() });

export const packageInput = z.object({
  count: z.number().int().min(1).max(9999),
  /** aspetto esteriore dei beni: "scatole", "pallet", "busta" */
  appearance: z.string().trim().max(60).default(''),
  /** tare of one package, e.g. "0,35" (kg) or "350 g" */
  tare: optionalText(30),
});

const shipmentFields = {
  lines: z.array(z.object({ orderLineId: id, lotId: id, quantity: requiredText(40) })).min(1).max(500),
  packages: z.array(packageInput).max(20).default([]),
  /** gross weight of the whole shipment in kg ("12,5"); computed from item weights and tares when absent */
  grossWeight: optionalText(30),
  carrier: optionalText(120),
  carrierService: optionalText(120),
  trackingNumber: optionalText(120),
  transportBy: transportBy.default('carrier'),
  /** causale del trasporto */
  causale: z.string().trim().min(1).max(80).default('vendita'),
  /** when absent, the moment of confirmation */
  transportStart: localDateTime.nullish().transform((v) => v ?? null),
  /** where the goods go when not the customer's own shipping address */
  destination: addressInput.nullish().transform((v) => v ?? null),
  notes: z.string().max(2000).default(''),
};

export const shipmentInput = z.object(shipmentFields);

export const shipmentLine = z.object({
  id,
  position: z.number().int(),
  orderLineId: id,
  orderId: id,
  orderNumber: z.string(),
  item: shipItem,
  lot: z.object({ id, code: z.string(), expiresOn: z.string().nullable(), status: z.enum(['quarantine', 'released', 'blocked', 'recalled']) }),
  qtyMilli: z.number().int(),
  returnedMilli: z.number().int(),
});
export type ShipmentLine = z.infer<typeof shipmentLine>;

export const shipmentPackage = z.object({ position: z.number().int(), count: z.number().int(), appearance: z.string(), tareG: z.number().int() });

export const returnLine = z.object({ id, shipmentLineId: id, lotId: id, lotCode: z.string(), item: shipItem, qtyMilli: z.number().int(), disposition: returnDisposition });

export const shipmentReturn = z.object({
  id,
  shipmentId: id,
  date: z.string(),
  reason: z.string(),
  /** the factory collects the goods: a return DDT (causale "reso") is issued */
  collected: z.boolean(),
  ddt: z.object({ id, number: z.string(), date: z.string() }).nullable(),
  lines: z.array(returnLine),
  createdAt: z.string(),
});
export type ShipmentReturn = z.infer<typeof shipmentReturn>;

export const shipment = z.object({
  id,
  state: shipmentState,
  customer: z.object({ id, name: z.string(), vatNumber: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), language: z.enum(['it', 'en']) }),
  /** the customer's registered address (the DDT's recipient) */
  recipient: address,
  destination: address,
  /** the destination differs from the recipient's registered address */
  destinationDiffers: z.boolean(),
  ddt: z.object({ id, number: z.string(), date: z.string() }).nullable(),
  causale: z.string(),
  transportBy,
  carrier: z.string().nullable(),
  carrierService: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  transportStart: z.string().nullable(),
  packages: z.array(shipmentPackage),
  packageCount: z.number().int(),
  appearance: z.string(),
  /** net weight of the goods from item weights; null when an item has no weight */
  netWeightG: z.number().int().nullable(),
  /** what the DDT shows: the typed weight, or net weight plus tares */
  grossWeightG: z.number().int().nullable(),
  grossWeightTyped: z.boolean(),
  notes: z.string(),
  orders: z.array(z.object({ id, number: z.string(), status: orderStatus })),
  lines: z.array(shipmentLine),
  returns: z.array(shipmentReturn),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type Shipment = z.infer<typeof shipment>;

export const shipmentRow = z.object({
  id,
  state: shipmentState,
  customerId: id,
  customerName: z.string(),
  ddtNumber: z.string().nullable(),
  ddtDate: z.string().nullable(),
  orderNumbers: z.array(z.string()),
  packageCount: z.number().int(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  lineCount: z.number().int(),
  returned: z.boolean(),
  createdAt: z.string(),
});

const lotOption = z.object({ lotId: id, lotCode: z.string(), expiresOn: z.string().nullable(), qtyMilli: z.number().int() });

export const shipmentProposal = z.object({
  customer: shipment.shape.customer,
  destination: address,
  lines: z.array(
    z.object({
      orderLineId: id,
      orderId: id,
      orderNumber: z.string(),
      item: shipItem,
      openMilli: z.number().int(),
      /** finished lots allocated to the line (what can ship now) */
      readyMilli: z.number().int(),
      /** the lots to ship, from the line's allocations, earliest expiry first */
      lots: z.array(lotOption),
      /** other released lots of the item with free stock, earliest expiry first */
      otherLots: z.array(lotOption),
    }),
  ),
  netWeightG: z.number().int().nullable(),
});
export type ShipmentProposal = z.infer<typeof shipmentProposal>;

const pdfOut = z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() });

export const shippingOps = {
  'shipping.readyOrders': query(
    'Confirmed orders with lines ready to ship, optionally of one customer.',
    z.object({ customerId: id.optional(), q: z.string().max(100).default('') }),
    z.array(z.object({ orderId: id, number: z.string(), customerId: id, customerName: z.string(), status: orderStatus, readyLines: z.number().int(), orderedOn: z.string(), requestedOn: z.string().nullable() })),
  ),
  'shipping.proposal': query(
    'What a new shipment of these orders would carry: ready lines, lots (FEFO from the allocations), other lots, weight.',
    z.object({ orderIds: z.array(id).min(1).max(50) }),
    shipmentProposal,
  ),
  'shipping.create': command('Create a draft shipment from ready order lines of one customer.', shipmentInput, shipment),
  'shipping.update': command('Change a draft shipment.', shipmentInput.extend({ id }), shipment),
  'shipping.setTracking': command(
    'Set the carrier and tracking number of a shipment (also after confirmation: the DDT keeps what it was issued with).',
    z.object({ id, carrier: optionalText(120), carrierService: optionalText(120), trackingNumber: optionalText(120) }),
    shipment,
  ),
  'shipping.confirm': command(
    'Confirm: take the DDT number, write the ship movements from the lots, consume the allocations, advance the orders.',
    z.object({ id, transportStart: localDateTime.optional() }),
    shipment,
  ),
  'shipping.cancel': command('Cancel a draft shipment (a confirmed one cannot be cancelled: register a return).', z.object({ id, reason: z.string().max(1000).default('') }), shipment),
  'shipping.get': query('One shipment with lines, lots, packages, DDT and returns.', z.object({ id }), shipment),
  'shipping.list': query(
    'Shipments, newest first, with filters.',
    z.object({
      q: z.string().max(100).default(''),
      states: z.array(shipmentState).optional(),
      customerId: id.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...pageInput,
    }),
    z.object({ shipments: z.array(shipmentRow), total: z.number().int() }),
  ),
  'shipping.ofOrder': query('The shipments (and their returns) that carried lines of an order.', z.object({ orderId: id }), z.array(shipment)),
  'shipping.createReturn': command(
    'Register a return (reso) against shipment lines: back to the same lot (released or quarantine) or scrapped; a return DDT when the factory collects.',
    z.object({
      shipmentId: id,
      date: isoDate.optional(),
      reason: z.string().trim().min(1).max(500),
      collected: z.boolean().default(false),
      lines: z.array(z.object({ shipmentLineId: id, quantity: requiredText(40), disposition: returnDisposition })).min(1).max(500),
      packageCount: z.number().int().min(1).max(9999).optional(),
      appearance: z.string().trim().max(60).default(''),
      grossWeight: optionalText(30),
      transportStart: localDateTime.optional(),
    }),
    shipmentReturn,
  ),
  'shipping.ddtPdf': query(
    'The DDT of a confirmed shipment or of a collected return (PDF, base64), rendered from what was issued; also saved in the documents folder.',
    z.object({ shipmentId: id.optional(), returnId: id.optional() }).refine((v) => (v.shipmentId === undefined) !== (v.returnId === undefined), { message: 'Give shipmentId or returnId' }),
    pdfOut.extend({ savedPath: z.string().nullable() }),
  ),
  'shipping.openDdt': query(
    'Open the saved copy of an issued DDT in the system PDF viewer (desktop app); opened is false where there is none (browser mode).',
    z.object({ shipmentId: id.optional(), returnId: id.optional() }).refine((v) => (v.shipmentId === undefined) !== (v.returnId === undefined), { message: 'Give shipmentId or returnId' }),
    z.object({ opened: z.boolean(), savedPath: z.string().nullable() }),
  ),
  'shipping.packingSlipPdf': query('The packing slip (no prices) of a shipment (PDF, base64).', z.object({ id, language: z.enum(['it', 'en']).optional() }), pdfOut),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const shippingRoles = {
  'shipping.readyOrders': ['office', 'packing', 'viewer'],
  'shipping.proposal': ['office', 'packing'],
  'shipping.create': ['office', 'packing'],
  'shipping.update': ['office', 'packing'],
  'shipping.setTracking': ['office', 'packing'],
  'shipping.confirm': ['office', 'packing'],
  'shipping.cancel': ['office', 'packing'],
  'shipping.get': EVERYONE,
  'shipping.list': EVERYONE,
  'shipping.ofOrder': EVERYONE,
  'shipping.createReturn': ['office', 'packing'],
  'shipping.ddtPdf': ['office', 'packing', 'viewer'],
  'shipping.openDdt': ['office', 'packing', 'viewer'],
  'shipping.packingSlipPdf': ['office', 'packing'],
} as const satisfies RolesOf<typeof shippingOps>;
