import { z } from 'zod';
import { command, query } from './define';
import { id, itemKind, optionalText, pageInput, requiredText, unit } from './common';
import { isoDate, lot } from './inventory';
import { ORDER_STATUSES } from '../domain/orderStatus';
import { EVERYONE, type RolesOf } from './accounts';

export const PRODUCTION_STATUSES = ['planned', 'released', 'in_progress', 'completed', 'cancelled'] as const;
export const productionStatus = z.enum(PRODUCTION_STATUSES);

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });

const lotPick = z.object({ lotId: id, quantity: requiredText(40) });

const componentNeed = z.object({
  item: itemRef,
  /** what the recipe asks for these batches, scrap included */
  neededMilli: z.number().int(),
  reservedMilli: z.number().int(),
  availableMilli: z.number().int(),
  shortMilli: z.number().int(),
  reservations: z.array(z.object({ reservationId: id, lotId: id, lotCode: z.string(), qtyMilli: z.number().int(), expiresOn: z.string().nullable(), locationCode: z.string().nullable() })),
  /** FEFO proposal for what is not reserved yet */
  proposal: z.array(z.object({ lotId: id, lotCode: z.string(), qtyMilli: z.number().int(), expiresOn: z.string().nullable() })),
});

export const productionOrder = z.object({
  id,
  number: z.string(),
  item: itemRef,
  recipe: z.object({ id, version: z.number().int(), yieldMilli: z.number().int(), batchMinutes: z.number().int() }),
  batches: z.number().int(),
  plannedQtyMilli: z.number().int(),
  plannedOn: z.string(),
  status: productionStatus,
  materialsShort: z.boolean(),
  parent: z.object({ id, number: z.string() }).nullable(),
  children: z.array(z.object({ id, number: z.string(), status: productionStatus, item: itemRef })),
  links: z.array(z.object({ orderLineId: id, orderId: id, orderNumber: z.string(), customerName: z.string(), qtyMilli: z.number().int() })),
  components: z.array(componentNeed),
  outputLot: lot.nullable(),
  actualQtyMilli: z.number().int().nullable(),
  /** actual − planned, in basis points of the planned quantity */
  yieldVarianceBp: z.number().int().nullable(),
  producedOn: z.string().nullable(),
  consumed: z.array(z.object({ lotId: id, lotCode: z.string(), item: itemRef, qtyMilli: z.number().int() })),
  notes: z.string(),
});
export type ProductionOrder = z.infer<typeof productionOrder>;

/**
 * What a step of the flow (release, start, complete) answers: what the step changed, not
 * the whole production order again (its components, FEFO proposals and links cost more to
 * gather than the step itself). The page reloads the document with production.get.
 */
export const productionChange = z.object({
  id,
  number: z.string(),
  status: productionStatus,
  item: itemRef,
  plannedQtyMilli: z.number().int(),
  /** release: the lots now held for it */
  reserved: z.array(z.object({ reservationId: id, itemId: id, lotId: id, qtyMilli: z.number().int() })),
  /** complete: the lot it made */
  outputLot: z.object({ id, code: z.string(), expiresOn: z.string().nullable() }).nullable(),
  actualQtyMilli: z.number().int().nullable(),
  /** actual − planned, in basis points of the planned quantity */
  yieldVarianceBp: z.number().int().nullable(),
  producedOn: z.string().nullable(),
  /** complete: what each input lot gave, in lot order (item, code) */
  consumed: z.array(z.object({ lotId: id, lotCode: z.string(), itemId: id, qtyMilli: z.number().int() })),
  /** the customer orders it serves, with their status after the step */
  orders: z.array(z.object({ id, number: z.string(), customerName: z.string(), status: z.enum(ORDER_STATUSES) })),
});
export type ProductionChange = z.infer<typeof productionChange>;

const boardRow = z.object({
  id,
  number: z.string(),
  item: itemRef,
  batches: z.number().int(),
  plannedQtyMilli: z.number().int(),
  plannedOn: z.string(),
  status: productionStatus,
  materialsShort: z.boolean(),
  orderNumbers: z.array(z.string()),
  batchMinutes: z.number().int(),
});

export const productionOps = {
  'production.create': command(
    'Plan a production order by hand (make-to-stock), or for order lines.',
    z.object({
      itemId: id,
      /** whole batches; or give a quantity and it is rounded up to whole batches */
      batches: z.number().int().min(1).max(10000).optional(),
      quantity: optionalText(40),
      plannedOn: isoDate.optional(),
      notes: z.string().max(2000).default(''),
      links: z.array(z.object({ orderLineId: id, quantity: requiredText(40) })).default([]),
    }),
    productionOrder,
  ),
  'production.update': command(
    'Change a planned production order: batches, date, or the recipe version it will use.',
    z.object({ id, batches: z.number().int().min(1).max(10000).optional(), plannedOn: isoDate.optional(), recipeId: id.optional(), notes: z.string().max(2000).optional() }),
    productionOrder,
  ),
  'production.release': command(
    'Release: reserve the materials lot by lot (FEFO unless lots are chosen); refused with the shortage list if anything is missing.',
    z.object({ id, picks: z.array(z.object({ itemId: id, lots: z.array(lotPick) })).default([]) }),
    productionChange,
  ),
  'production.start': command('Mark a released production order as in progress.', z.object({ id }), productionChange),
  'production.complete': command(
    'Complete a batch: actual consumption per lot, actual output, the finished lot and its genealogy; the output goes to the linked order lines.',
    z.object({
      id,
      /** actual consumption; when absent, exactly what was reserved */
      consumption: z.array(lotPick).optional(),
      /** actual output, e.g. "48" or "9,6 kg"; the planned quantity when absent */
      outputQuantity: optionalText(40),
      producedOn: isoDate.optional(),
      /** override the expiry (otherwise from shelf life or the earliest ingredient, per Settings) */
      expiresOn: isoDate.optional(),
      notes: z.string().max(2000).default(''),
    }),
    productionChange,
  ),
  'production.cancel': command(
    'Cancel a production order that is not completed: its reservations are returned, its links removed.',
    z.object({ id, reason: z.string().max(1000).default('') }),
    productionOrder,
  ),
  'production.get': query('One production order with materials, reservations, links and output.', z.object({ id }), productionOrder),
  'production.list': query(
    'The production board: orders by planned date and status.',
    z.object({
      statuses: z.array(productionStatus).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      q: z.string().max(100).default(''),
      ...pageInput,
    }),
    z.object({ orders: z.array(boardRow), total: z.number().int() }),
  ),
  'production.sheetPdf': query(
    'The printable production sheet (PDF, base64): recipe scaled to the batch, lots to pick, checkboxes, signature.',
    z.object({ id, language: z.enum(['it', 'en']).optional() }),
    z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const productionRoles = {
  'production.create': ['office', 'production'],
  'production.update': ['office', 'production'],
  'production.release': ['production'],
  'production.start': ['production'],
  'production.complete': ['production'],
  'production.cancel': ['office', 'production'],
  'production.get': EVERYONE,
  'production.list': EVERYONE,
  'production.sheetPdf': ['office', 'production', 'viewer'],
} as const satisfies RolesOf<typeof productionOps>;
