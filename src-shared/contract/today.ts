import { z } from 'zod';
import { query } from './define';
import { emptyInput, id, unit } from './common';
import { EVERYONE, type RolesOf } from './accounts';

const day = z.string();

/**
 * One line of a tile: what it names (`id` is what a click opens: an order, a production
 * order, an item, a purchase order, a lot, an invoice or a DDT, by tile), a second line,
 * the date that matters for the tile and whether that date is already past.
 */
export const todayRow = z.object({
  id,
  title: z.string(),
  detail: z.string(),
  date: day.nullable(),
  /** late, overdue or expired */
  past: z.boolean(),
  /** shortages: the quantity short (thousandths of `unit`) */
  qtyMilli: z.number().int().optional(),
  unit: unit.optional(),
  /** invoices overdue: what is still to be paid on the instalment */
  cents: z.number().int().optional(),
});
export type TodayRow = z.infer<typeof todayRow>;

/** a number and the first few lines (at most 5), earliest date first */
const tile = z.object({ count: z.number().int(), rows: z.array(todayRow) });

export const SETUP_STEPS = ['company', 'logo', 'materials', 'recipe', 'customer', 'calendar'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const todayOut = z.object({
  today: day,
  /** confirmed orders with every open line ready (status ready_to_ship); lateCount of them past due */
  toShip: tile.extend({ lateCount: z.number().int() }),
  /** open confirmed orders whose promised date (the requested date where none was promised) has passed */
  late: tile,
  /** open production orders planned for today or before (count, lines); the minutes the queue (planning.schedule) puts on today and on this week — from today to Sunday, on a weekend the coming week — against capacity */
  production: z.object({
    today: tile.extend({ scheduledMinutes: z.number().int(), capacityMinutes: z.number().int(), working: z.boolean() }),
    week: z.object({ from: day, to: day, scheduledMinutes: z.number().int(), capacityMinutes: z.number().int(), overloadDays: z.number().int() }),
  }),
  /** materials short for open orders and planned production (planning.shortages), first day short first */
  shortages: tile,
  /** sent purchase orders with a line still expected after its expected date */
  purchaseOverdue: tile,
  /** lots in stock expiring within `days` (inventory.expiringSoonDays) or expired */
  expiring: tile.extend({ expiredCount: z.number().int(), days: z.number().int() }),
  /** open instalments of issued invoices due before today */
  invoicesOverdue: tile.extend({ amountCents: z.number().int() }),
  /** from the 1st to the 15th: last month's sale DDTs not in any invoice; null after the 15th */
  notInvoiced: tile.extend({ month: z.string() }).nullable(),
  backup: z.object({ lastGoodAt: z.string().nullable(), overdue: z.boolean() }),
  /** the first-run checklist, each step derived from the data */
  setup: z.object({
    companyName: z.string(),
    steps: z.array(z.object({ key: z.enum(SETUP_STEPS), done: z.boolean() })),
    done: z.boolean(),
  }),
});
export type TodayOut = z.infer<typeof todayOut>;

export const todayOps = {
  'reports.today': query(
    'The home screen at once: orders to ship and late, production today and this week against capacity, materials short, purchase orders overdue, lots expiring, invoices overdue, last month not invoiced (1st–15th), last good backup, and the setup checklist.',
    emptyInput,
    todayOut,
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const todayRoles = {
  'reports.today': EVERYONE,
} as const satisfies RolesOf<typeof todayOps>;
