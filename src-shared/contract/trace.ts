import { z } from 'zod';
import { command, query } from './define';
import { id, itemKind, requiredText, unit } from './common';
import { lotStatus } from './inventory';
import { EVERYONE, type RolesOf } from './accounts';

export const TRACE_DIRECTIONS = ['backward', 'forward', 'both'] as const;
export const traceDirection = z.enum(TRACE_DIRECTIONS);
export type TraceDirection = z.infer<typeof traceDirection>;

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });

/** One lot of a trace, once, with the facts that answer "where did it come from". */
export const traceLot = z.object({
  id,
  code: z.string(),
  item: itemRef,
  status: lotStatus,
  origin: z.enum(['receipt', 'production', 'adjustment']),
  originDate: z.string(),
  expiresOn: z.string().nullable(),
  onHandMilli: z.number().int(),
  reservedMilli: z.number().int(),
  supplier: z.object({ id, name: z.string() }).nullable(),
  supplierLotCode: z.string().nullable(),
  /** the goods receipt that brought a supplier's lot in */
  receipt: z.object({ documentId: id, date: z.string(), supplierDdtNumber: z.string().nullable(), supplierDdtDate: z.string().nullable() }).nullable(),
  /** the production order that made it, with the recipe version it used */
  production: z.object({ id, number: z.string(), recipeId: id, recipeVersion: z.number().int(), producedOn: z.string().nullable() }).nullable(),
  /** steps from the traced lot (0 for the lot itself), the shortest way */
  depth: z.number().int(),
});
export type TraceLot = z.infer<typeof traceLot>;

/** input lot → output lot through one production order, with the quantity consumed. */
export const traceEdge = z.object({ inputLotId: id, outputLotId: id, productionOrderId: id, productionNumber: z.string(), qtyMilli: z.number().int() });
export type TraceEdge = z.infer<typeof traceEdge>;

/** Stock still held on an affected lot by an open order line or production order. */
export const traceReservation = z.object({
  reservationId: id,
  lotId: id,
  qtyMilli: z.number().int(),
  docType: z.string(),
  docId: z.number().int(),
  docLineId: z.number().int().nullable(),
  order: z.object({ id, number: z.string(), customerId: id, customerName: z.string() }).nullable(),
  productionOrder: z.object({ id, number: z.string(), status: z.string() }).nullable(),
  label: z.string(),
});
export type TraceReservation = z.infer<typeof traceReservation>;

/** One shipment line that carried an affected lot to a customer. */
export const traceShipment = z.object({
  lotId: id,
  shipmentId: id,
  shipmentLineId: id,
  ddtNumber: z.string().nullable(),
  ddtDate: z.string().nullable(),
  customer: z.object({ id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  order: z.object({ id, number: z.string() }).nullable(),
  shippedMilli: z.number().int(),
  returnedMilli: z.number().int(),
});
export type TraceShipment = z.infer<typeof traceShipment>;

export const recallRef = z.object({ id, lotId: id, lotCode: z.string(), reason: z.string(), date: z.string() });

export const traceResult = z.object({
  lotId: id,
  direction: traceDirection,
  /** every lot of the trace once: the traced one, its inputs (backward), what contains it (forward) */
  lots: z.array(traceLot),
  backwardEdges: z.array(traceEdge),
  forwardEdges: z.array(traceEdge),
  /** forward only: open reservations on the affected lots */
  reservations: z.array(traceReservation),
  /** forward only: shipments of the affected lots */
  shipments: z.array(traceShipment),
  /** recalls already made from this lot */
  recalls: z.array(recallRef),
});
export type TraceResult = z.infer<typeof traceResult>;

/** Which lot: its id, or a code as typed or scanned (ours or the supplier's). One of the two is needed. */
const lotPointer = { lotId: id.optional(), code: z.string().trim().min(1).max(200).optional() };

export const recallResult = z.object({
  dryRun: z.boolean(),
  recallId: id.nullable(),
  lotId: id,
  lotCode: z.string(),
  reason: z.string(),
  date: z.string(),
  /** the lots that are (or would be) set to recalled: affected and still on hand */
  blocked: z.array(z.object({ lotId: id, code: z.string(), sku: z.string(), fromStatus: lotStatus, onHandMilli: z.number().int(), unit })),
  /** affected lots already recalled or used up: nothing to block */
  untouched: z.array(z.object({ lotId: id, code: z.string(), status: lotStatus, onHandMilli: z.number().int() })),
  cancelledReservations: z.array(traceReservation),
  affectedOrders: z.array(z.object({ id, number: z.string(), customerName: z.string() })),
});
export type RecallResult = z.infer<typeof recallResult>;

const fileOut = (type: 'application/pdf' | 'text/csv') => z.object({ fileName: z.string(), contentType: z.literal(type), base64: z.string() });

export const traceOps = {
  'trace.findLot': query(
    'Find a lot by our code or the supplier’s lot code (typed or scanned); similar codes when nothing matches.',
    z.object({ code: requiredText(200) }),
    z.object({
      lots: z.array(z.object({ id, code: z.string(), supplierLotCode: z.string().nullable(), sku: z.string(), itemName: z.string(), status: lotStatus })),
      suggestions: z.array(z.object({ id, code: z.string(), supplierLotCode: z.string().nullable(), sku: z.string(), itemName: z.string(), status: lotStatus })),
    }),
  ),
  'trace.lot': query(
    'Trace a lot: backward to every input lot down to raw materials, forward to every lot containing it, its shipments, stock on hand and reservations.',
    z.object({ ...lotPointer, direction: traceDirection.default('both') }),
    traceResult,
  ),
  'trace.recall': command(
    'Recall from a lot: every affected lot still on hand becomes recalled and its reservations are cancelled, with a reason (dry run: only say what would happen).',
    z.object({ ...lotPointer, reason: requiredText(1000), dryRun: z.boolean().default(false), by: z.string().max(100).default('') }),
    recallResult,
  ),
  'trace.orderRecalls': query(
    'The recalls that touched an order: reservations cancelled and lots shipped to its customer.',
    z.object({ orderId: id }),
    z.object({ recalls: z.array(recallRef.extend({ lotCodes: z.array(z.string()) })) }),
  ),
  'trace.recallReportPdf': query(
    'The recall report (PDF, base64): lot, reason, affected lots, customers with contacts, DDTs, quantities, stock on hand.',
    z.object({ ...lotPointer, language: z.enum(['it', 'en']).optional() }),
    fileOut('application/pdf'),
  ),
  'trace.recallReportCsv': query(
    'The recall report as CSV for Excel (Italian: semicolons, comma decimals, UTF-8 BOM), base64.',
    z.object({ ...lotPointer, locale: z.enum(['it', 'en']).optional() }),
    fileOut('text/csv'),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const traceRoles = {
  'trace.findLot': EVERYONE,
  'trace.lot': EVERYONE,
  'trace.recall': ['office', 'production'],
  'trace.orderRecalls': EVERYONE,
  'trace.recallReportPdf': ['office', 'production', 'viewer'],
  'trace.recallReportCsv': ['office', 'production', 'viewer'],
} as const satisfies RolesOf<typeof traceOps>;
