import { z } from 'zod';
import { command, query } from './define';
import { id, unit } from './common';
import { OWNER_ONLY, type RolesOf } from './accounts';

/**
 * Reports: the owner's KPIs over a period (DOMAIN.md "What the owner measures"). One
 * query answers the screen, the CSV, the PDF and `bottega call reports.kpis`, so a
 * figure means the same wherever it is read; the definitions travel with the answer.
 */
export const KPI_GROUPINGS = ['channel', 'customer', 'product', 'category'] as const;
export const kpiGrouping = z.enum(KPI_GROUPINGS);
export type KpiGrouping = z.infer<typeof kpiGrouping>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const kpisInput = z
  .object({
    from: isoDay,
    to: isoDay,
    by: kpiGrouping.default('channel'),
    /** also compute the period of the same length just before */
    compare: z.boolean().default(false),
    /** the language of the definitions (default: the app's) */
    language: z.enum(['it', 'en']).optional(),
  })
  .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 3660 * 86_400_000, { message: 'a period of at most ten years', path: ['to'] });

/** The figures of one group (or of the whole period). Money in cents, net of VAT; quantities in thousandths. */
export const kpiFigures = z.object({
  orders: z.number().int(),
  revenueCents: z.number().int(),
  /** orders (for product/category: the order's lines of the group) completely shipped */
  shippedOrders: z.number().int(),
  /** calendar days from confirmation to the DDT that completed the shipment */
  shipDaysAvg: z.number().nullable(),
  shipDaysP90: z.number().int().nullable(),
  /** shipped orders that had a promised (else requested) date, and those shipped on or before it */
  onTimeEligible: z.number().int(),
  onTime: z.number().int(),
  /** hundredths of a percent (97.5 % = 9750) */
  onTimeBp: z.number().int().nullable(),
  shippedMilli: z.number().int(),
  returnedMilli: z.number().int(),
  returnsBp: z.number().int().nullable(),
  /** cost of the lots shipped (their cost rolled up through production) */
  lotCostCents: z.number().int(),
  /** cost valued at the recipe (standard) cost: goods not shipped yet, or shipped from a lot of unknown cost */
  estimatedCostCents: z.number().int(),
  /** order lines whose cost is not known at all (no lot cost, no recipe or item cost) */
  unknownCostLines: z.number().int(),
  marginCents: z.number().int(),
  marginBp: z.number().int().nullable(),
});
export type KpiFigures = z.infer<typeof kpiFigures>;

export const kpiGroup = kpiFigures.extend({ key: z.string(), label: z.string() });
export type KpiGroup = z.infer<typeof kpiGroup>;

export const kpiPeriod = z.object({ from: z.string(), to: z.string(), days: z.number().int() });

/** One month of the period for one group: the chart's points. */
export const kpiMonth = z.object({ month: z.string(), key: z.string(), revenueCents: z.number().int(), onTime: z.number().int(), onTimeEligible: z.number().int() });

export const kpiProduct = z.object({
  itemId: id,
  sku: z.string(),
  name: z.string(),
  unit,
  qtyMilli: z.number().int(),
  revenueCents: z.number().int(),
  marginCents: z.number().int(),
  marginBp: z.number().int().nullable(),
  /** part of the cost is the recipe cost, not the lots' */
  estimated: z.boolean(),
});
export const kpiCustomer = z.object({ customerId: id, name: z.string(), orders: z.number().int(), revenueCents: z.number().int() });
export const kpiYield = z.object({
  itemId: id,
  sku: z.string(),
  name: z.string(),
  unit,
  batches: z.number().int(),
  plannedMilli: z.number().int(),
  actualMilli: z.number().int(),
  /** (actual − planned) ÷ planned, hundredths of a percent */
  varianceBp: z.number().int().nullable(),
});
export const kpiMaterial = z.object({ itemId: id, sku: z.string(), name: z.string(), unit, qtyMilli: z.number().int(), costCents: z.number().int(), costUnknown: z.boolean() });
export const kpiCarrier = z.object({
  carrier: z.string(),
  shipments: z.number().int(),
  packages: z.number().int(),
  /** the transit days set for the carrier in Settings (deliveries are not recorded, so this is the plan) */
  plannedTransitDays: z.number().int().nullable(),
});

export const kpiDefinitions = z.object({ included: z.string(), revenue: z.string(), shipTime: z.string(), onTime: z.string(), returns: z.string(), margin: z.string(), sections: z.string() });

export const kpisResult = z.object({
  period: kpiPeriod,
  by: kpiGrouping,
  /** nothing in the period: no confirmed orders and no production */
  empty: z.boolean(),
  definitions: kpiDefinitions,
  total: kpiFigures,
  groups: z.array(kpiGroup),
  months: z.array(kpiMonth),
  previous: z.object({ period: kpiPeriod, total: kpiFigures, groups: z.array(kpiGroup) }).nullable(),
  topProducts: z.array(kpiProduct),
  topCustomers: z.array(kpiCustomer),
  yieldByRecipe: z.array(kpiYield),
  materials: z.array(kpiMaterial),
  carriers: z.array(kpiCarrier),
});
export type KpisResult = z.infer<typeof kpisResult>;

const fileOut = (type: 'application/pdf' | 'text/csv') => z.object({ fileName: z.string(), contentType: z.literal(type), base64: z.string() });

export const reportsOps = {
  'reports.kpis': query(
    'KPIs over a period by channel, customer, product or category: orders, revenue, order-to-ship time, on-time rate, returns, margin, top products and customers, yield, materials, carriers.',
    kpisInput,
    kpisResult,
  ),
  'reports.kpisCsv': query('The KPI report as CSV for Excel (Italian: semicolons, comma decimals, UTF-8 BOM), base64.', kpisInput, fileOut('text/csv')),
  'reports.kpisPdf': query('The KPI report as a one-page PDF of its tables, base64.', kpisInput, fileOut('application/pdf')),
  'reports.rebuildSummary': command(
    'Rebuild the KPI summary from the tables it summarises, in one transaction (repair; the triggers keep it current otherwise)',
    z.object({}),
    z.object({ lines: z.number().int() }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const reportsRoles = {
  'reports.kpis': ['office', 'viewer'],
  'reports.kpisCsv': ['office', 'viewer'],
  'reports.kpisPdf': ['office', 'viewer'],
  'reports.rebuildSummary': OWNER_ONLY,
} as const satisfies RolesOf<typeof reportsOps>;
