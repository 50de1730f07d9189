import { z } from 'zod';
import { query } from './define';
import { emptyInput, id, itemKind, unit } from './common';
import { isoDate } from './inventory';
import { productionStatus } from './production';
import { EVERYONE, type RolesOf } from './accounts';

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });
const day = z.string();
/** how many causes each row of the whole shortage list names (the count says how many there are; `itemId` lists them all) */
export const SHORTAGE_CAUSES_SHOWN = 10;
const source = z.object({ kind: z.enum(['order', 'production']), id: z.number().int(), number: z.string() });

export const shortageRow = z.object({
  item: itemRef,
  neededMilli: z.number().int(),
  /** there on time: usable stock at the date of need, or supply arriving by then */
  availableMilli: z.number().int(),
  shortMilli: z.number().int(),
  firstShortOn: day,
  /** open supply that arrives after the date of need */
  incomingLateMilli: z.number().int(),
  /** covered by nothing: to order */
  toOrderMilli: z.number().int(),
  leadTimeDays: z.number().int().nullable(),
  /** the orders and production orders short of it, orders first then production orders, each by number: the first SHORTAGE_CAUSES_SHOWN in the whole list, all of them for one order, production order or item */
  causes: z.array(source),
  /** how many orders and production orders are short of it (more than `causes` when the list is capped) */
  causeCount: z.number().int(),
});
export type ShortageRowOut = z.infer<typeof shortageRow>;

export const unknownFact = z.object({ reason: z.enum(['no_lead_time', 'purchase_without_date']), item: itemRef, purchaseOrderNumber: z.string().nullable() });

export const deliveryPromise = z.object({
  orderId: z.number().int().nullable(),
  orderNumber: z.string().nullable(),
  today: day,
  requestedOn: day.nullable(),
  fromStock: z.boolean(),
  materialsOn: day.nullable(),
  /** the purchase order the materials date waits for */
  materialsBy: z.string().nullable(),
  production: z.object({ from: day, to: day }).nullable(),
  waitsFor: z.array(z.string()),
  toMake: z.array(z.object({ item: itemRef, batches: z.number().int(), from: day, to: day })),
  shipOn: day.nullable(),
  /** null when something is unknown: see `unknown` */
  deliveryOn: day.nullable(),
  transitDays: z.number().int(),
  carrier: z.string().nullable(),
  unknown: z.array(unknownFact),
  /** the promise is after the requested date */
  late: z.boolean(),
  lines: z.array(z.object({ item: itemRef, qtyMilli: z.number().int(), fromStockMilli: z.number().int(), readyOn: day.nullable() })),
  /** a saved order whose promise is no longer the date promised to the customer: that date, and why (what the data shows since) */
  change: z
    .object({ promisedOn: day, causes: z.array(z.object({ kind: z.enum(['order_ahead', 'reservation', 'other']), refs: z.array(z.string()) })) })
    .nullable(),
});
export type DeliveryPromiseOut = z.infer<typeof deliveryPromise>;

const scheduleJob = z.object({
  productionId: id,
  number: z.string(),
  item: itemRef,
  status: productionStatus,
  batches: z.number().int(),
  plannedOn: day,
  /** minutes of this job on this day, in the finite-capacity queue */
  minutes: z.number().int(),
  from: day,
  to: day,
  dueOn: day,
  /** its planned date has passed and it is not done */
  overdue: z.boolean(),
  /** the queue finishes it after its due date, or it is overdue */
  late: z.boolean(),
});

export const planningOps = {
  'planning.calendar': query(
    'The days the workshop does not work in a year: weekends, national holidays (Easter Monday too), the patron saint, closures.',
    z.object({ year: z.number().int().min(2000).max(2100) }),
    z.object({
      year: z.number().int(),
      workingDays: z.number().int(),
      days: z.array(z.object({ date: day, reason: z.enum(['holiday', 'patron', 'closure']), name: z.string() })),
    }),
  ),
  'planning.shortages': query(
    'Materials short for all open orders and planned production, netted at the date of need (each row names its first 10 causes and counts them all); or for one order or production order, or one item with all its causes.',
    z.object({ orderId: id.optional(), productionOrderId: id.optional(), itemId: id.optional() }).default({}),
    z.object({ today: day, rows: z.array(shortageRow) }),
  ),
  'planning.promise': query(
    'Delivery-date promise for an open order, or for lines being typed (a new order): materials, production slot, ship and delivery dates.',
    z.object({
      orderId: id.optional(),
      customerId: id.optional(),
      requestedOn: isoDate.optional(),
      lines: z.array(z.object({ itemId: id, quantity: z.string().max(40) })).max(500).optional(),
    }),
    deliveryPromise,
  ),
  'planning.promiseAll': query(
    'Promises for every open order (earliest requested first), with the ones that will be late flagged.',
    emptyInput,
    z.object({ today: day, promises: z.array(deliveryPromise.extend({ customerName: z.string() })) }),
  ),
  'planning.estimates': query(
    'The estimated delivery date of each open order asked (at most 500, e.g. a page of the order list), and whether it is after the requested date: the dates of planning.promiseAll without the rest of each promise. Orders not open (drafts, shipped, cancelled) are left out.',
    z.object({ orderIds: z.array(id).max(500) }),
    z.object({ today: day, estimates: z.array(z.object({ orderId: id, deliveryOn: day.nullable(), late: z.boolean() })) }),
  ),
  'planning.schedule': query(
    'Planned production per working day against capacity (finite queue, earliest due first) and what is planned on each day.',
    z.object({ from: isoDate.optional(), days: z.number().int().min(1).max(180).default(28) }),
    z.object({
      today: day,
      minutesPerDay: z.number().int(),
      days: z.array(
        z.object({
          date: day,
          working: z.boolean(),
          closedFor: z.string().nullable(),
          capacityMinutes: z.number().int(),
          /** minutes of open production planned on this date (the planned date the user set; overdue orders are not moved here) */
          plannedMinutes: z.number().int(),
          /** minutes the finite queue puts on this date: what the day's batches add up to */
          scheduledMinutes: z.number().int(),
          /** planned on this working day beyond its capacity; 0 on a day off (what is planned there runs on the next working day) */
          overloadMinutes: z.number().int(),
          jobs: z.array(scheduleJob),
        }),
      ),
    }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const planningRoles = {
  'planning.calendar': EVERYONE,
  'planning.shortages': ['office', 'production', 'viewer'],
  'planning.promise': ['office', 'viewer'],
  'planning.promiseAll': ['office', 'viewer'],
  'planning.estimates': ['office', 'viewer'],
  'planning.schedule': ['office', 'production', 'viewer'],
} as const satisfies RolesOf<typeof planningOps>;
