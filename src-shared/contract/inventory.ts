import { z } from 'zod';
import { command, query } from './define';
import { id, itemKind, optionalText, pageInput, requiredText, unit } from './common';
import { isIsoDate } from '../domain/dates';
import { EVERYONE, type RolesOf } from './accounts';

export const LOT_STATUSES = ['quarantine', 'released', 'blocked', 'recalled'] as const;
export const MOVEMENT_KINDS = ['receipt', 'consume', 'output', 'ship', 'return', 'adjust', 'scrap', 'transfer'] as const;
export const lotStatus = z.enum(LOT_STATUSES);
export const movementKind = z.enum(MOVEMENT_KINDS);

export const isoDate = z.string().refine(isIsoDate, { message: 'Expected a date as YYYY-MM-DD' });

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });

export const lot = z.object({
  id,
  code: z.string(),
  item: itemRef,
  status: lotStatus,
  origin: z.enum(['receipt', 'production', 'adjustment']),
  supplier: z.object({ id, name: z.string() }).nullable(),
  supplierLotCode: z.string().nullable(),
  originDate: z.string(),
  expiresOn: z.string().nullable(),
  unitCostMicros: z.number().int().nullable(),
  onHandMilli: z.number().int(),
  reservedMilli: z.number().int(),
  /** free for use: released, not expired, less what is reserved */
  availableMilli: z.number().int(),
  /** its expiry date has passed (today by the workshop's clock): shown as Expired, nothing available */
  expired: z.boolean(),
  docType: z.string(),
  docId: z.number().int(),
});
export type Lot = z.infer<typeof lot>;

export const movement = z.object({
  id,
  lotId: id,
  locationId: id,
  locationCode: z.string(),
  kind: movementKind,
  qtyMilli: z.number().int(),
  docType: z.string(),
  docId: z.number().int(),
  /** a human label of the document: "Carico 12 — DDT 456 del 2026-10-01" */
  docLabel: z.string(),
  reversesId: z.number().int().nullable(),
  reversedById: z.number().int().nullable(),
  reason: z.string(),
  date: z.string(),
  createdAt: z.string(),
});

export const reservation = z.object({
  id,
  itemId: id,
  lotId: z.number().int().nullable(),
  lotCode: z.string().nullable(),
  qtyMilli: z.number().int(),
  originalMilli: z.number().int(),
  docType: z.string(),
  docId: z.number().int(),
  docLineId: z.number().int().nullable(),
  note: z.string(),
  createdAt: z.string(),
});

export const receiptLineInput = z.object({
  itemId: id,
  /** "25 kg", or a number in the item's unit */
  quantity: requiredText(40),
  supplierLotCode: optionalText(60),
  /** typed expiry; when absent it is computed from the item's shelf life */
  expiresOn: isoDate.nullish().transform((v) => v ?? null),
  /** euros per unit of the item */
  unitCost: optionalText(30),
  /**
   * When the supplier's lot code was already received for this item and supplier, the
   * user chooses: add to the same lot, or make a new one. Without a choice the receipt is
   * refused with the existing lot named.
   */
  existingLot: z.enum(['same', 'new']).optional(),
  /** the purchase order line this line delivers (partial deliveries allowed) */
  purchaseOrderLineId: id.optional(),
});

export const receiptInput = z.object({
  supplierId: id.nullish().transform((v) => v ?? null),
  supplierDdtNumber: optionalText(40),
  supplierDdtDate: isoDate.nullish().transform((v) => v ?? null),
  /** defaults to today */
  receivedOn: isoDate.optional(),
  locationId: id.optional(),
  note: z.string().max(2000).default(''),
  lines: z.array(receiptLineInput).min(1).max(500),
});

const stockRow = z.object({
  item: itemRef,
  onHandMilli: z.number().int(),
  reservedMilli: z.number().int(),
  availableMilli: z.number().int(),
  incomingMilli: z.number().int(),
  reorderPointMilli: z.number().int().nullable(),
  openLots: z.number().int(),
  nextExpiry: z.string().nullable(),
  belowReorder: z.boolean(),
  expiringSoon: z.boolean(),
  expired: z.boolean(),
  quarantined: z.boolean(),
});

const fefoOut = z.object({
  picks: z.array(z.object({ lotId: id, code: z.string(), qtyMilli: z.number().int(), expiresOn: z.string().nullable() })),
  shortMilli: z.number().int(),
  requestedMilli: z.number().int(),
  needDate: z.string(),
});

const who = { by: z.string().trim().max(100).default(''), reason: z.string().trim().max(1000).default('') };

export const inventoryOps = {
  'inventory.receive': command(
    'Receive goods (carico): each line becomes a lot with our own code.',
    receiptInput,
    z.object({ documentId: id, lots: z.array(lot) }),
  ),
  'inventory.releaseLot': command('Release a lot from quarantine.', z.object({ lotId: id, ...who }), lot),
  'inventory.blockLot': command('Block a lot: it can no longer be reserved or used.', z.object({ lotId: id, ...who, reason: requiredText(1000) }), lot),
  'inventory.unblockLot': command('Unblock a blocked lot.', z.object({ lotId: id, ...who, reason: requiredText(1000) }), lot),
  'inventory.countLot': command(
    'Count a lot at a location (inventario) and record the difference as a movement.',
    z.object({ lotId: id, locationId: id.optional(), counted: requiredText(40), note: z.string().max(1000).default('') }),
    z.object({ lot, differenceMilli: z.number().int(), movementId: z.number().int().nullable() }),
  ),
  'inventory.scrapLot': command(
    'Scrap a quantity of a lot, with a reason.',
    z.object({ lotId: id, locationId: id.optional(), quantity: requiredText(40), reason: requiredText(1000) }),
    z.object({ lot, movementId: id }),
  ),
  'inventory.transfer': command(
    'Move a quantity of a lot between locations.',
    z.object({ lotId: id, fromLocationId: id, toLocationId: id, quantity: requiredText(40), note: z.string().max(1000).default('') }),
    z.object({ lot, movementIds: z.array(id) }),
  ),
  'inventory.consume': command(
    'Use quantities of lots outside production (lab samples, tests).',
    z.object({
      date: isoDate.optional(),
      note: z.string().max(1000).default(''),
      lines: z.array(z.object({ lotId: id, quantity: requiredText(40), locationId: id.optional(), reservationId: id.optional() })).min(1).max(500),
    }),
    z.object({ documentId: id, movementIds: z.array(id) }),
  ),
  'inventory.reverseMovement': command(
    'Correct a wrong movement with an opposite one linked to it (nothing is ever deleted).',
    z.object({ movementId: id, reason: requiredText(1000) }),
    z.object({ movement }),
  ),
  'inventory.createLocation': command('Add a stock location.', z.object({ code: requiredText(20), name: requiredText(100) }), z.object({ id, code: z.string(), name: z.string(), isDefault: z.boolean() })),
  'inventory.reserve': command(
    'Hold a quantity of an item, or of one lot, for a document (impegno).',
    z.object({
      itemId: id,
      lotId: id.optional(),
      quantity: requiredText(40),
      /** the document it is held for; a manual reservation gets a document of its own */
      docType: z.string().max(40).optional(),
      docId: id.optional(),
      docLineId: id.optional(),
      note: z.string().max(1000).default(''),
      needDate: isoDate.optional(),
    }),
    reservation,
  ),
  'inventory.releaseReservation': command(
    'Give back all or part of a reservation.',
    z.object({ reservationId: id, quantity: optionalText(40) }),
    reservation,
  ),
  'inventory.stockOverview': query(
    'On hand, reserved, available and incoming per item, with alerts.',
    z.object({
      q: z.string().max(100).default(''),
      kinds: z.array(itemKind).optional(),
      filter: z.enum(['all', 'in_stock', 'below_reorder', 'expiring', 'expired', 'quarantine']).default('all'),
    }),
    z.object({ rows: z.array(stockRow), expiringSoonDays: z.number().int() }),
  ),
  'inventory.itemLots': query(
    'Every lot of an item, open lots first.',
    z.object({ itemId: id, includeEmpty: z.boolean().default(false), ...pageInput }),
    z.object({ lots: z.array(lot), total: z.number().int() }),
  ),
  'inventory.lot': query(
    'One lot with its balances per location, its full movement history, reservations and status changes.',
    z.object({ lotId: id }),
    z.object({
      lot,
      balances: z.array(z.object({ locationId: id, locationCode: z.string(), qtyMilli: z.number().int() })),
      movements: z.array(movement),
      reservations: z.array(reservation),
      statusChanges: z.array(z.object({ fromStatus: lotStatus, toStatus: lotStatus, reason: z.string(), by: z.string(), at: z.string() })),
    }),
  ),
  'inventory.findLots': query(
    'Find lots by our code or the supplier’s lot code (typed or scanned).',
    z.object({ q: requiredText(100), limit: z.number().int().min(1).max(100).default(20) }),
    z.object({ lots: z.array(lot) }),
  ),
  'inventory.fefo': query(
    'Propose lots for a quantity of an item: first expiry first, released and unexpired only.',
    z.object({ itemId: id, quantity: requiredText(40), needDate: isoDate.optional() }),
    fefoOut,
  ),
  'inventory.alerts': query(
    'Lots expiring soon or expired, items below reorder point, lots waiting in quarantine.',
    z.object({ days: z.number().int().min(0).max(3650).optional(), limit: z.number().int().min(1).max(500).default(50) }),
    z.object({
      expiring: z.array(lot),
      quarantine: z.array(lot),
      belowReorder: z.array(z.object({ item: itemRef, availableMilli: z.number().int(), reorderPointMilli: z.number().int() })),
      days: z.number().int(),
    }),
  ),
  'inventory.locations': query(
    'Stock locations.',
    z.object({}).strict().default({}),
    z.object({ locations: z.array(z.object({ id, code: z.string(), name: z.string(), isDefault: z.boolean() })) }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const inventoryRoles = {
  'inventory.receive': ['office', 'production'],
  'inventory.releaseLot': ['production'],
  'inventory.blockLot': ['production'],
  'inventory.unblockLot': ['production'],
  'inventory.countLot': ['production'],
  'inventory.scrapLot': ['production'],
  'inventory.transfer': ['production', 'packing'],
  'inventory.consume': ['production'],
  'inventory.reverseMovement': ['office', 'production'],
  'inventory.createLocation': ['office'],
  'inventory.reserve': ['office', 'packing'],
  'inventory.releaseReservation': ['office', 'packing'],
  'inventory.stockOverview': EVERYONE,
  'inventory.itemLots': EVERYONE,
  'inventory.lot': EVERYONE,
  'inventory.findLots': EVERYONE,
  'inventory.fefo': EVERYONE,
  'inventory.alerts': EVERYONE,
  'inventory.locations': EVERYONE,
} as const satisfies RolesOf<typeof inventoryOps>;
