import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';
import { DEFAULT_LOT_PATTERN, isValidLotPattern } from '../domain/lotCode';
import { workCalendarField, workCalendarSettings } from './workCalendar';
import { EVERYONE, OWNER_ONLY, type RolesOf } from './accounts';

export const LANGUAGES = ['it', 'en'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

// Field shapes without defaults: an update names only what changes, and zod 4 would
// otherwise fill every absent field with its default and overwrite the stored value.
const companyShape = {
  name: z.string().max(200),
  vatNumber: z.string().max(20),
  fiscalCode: z.string().max(20),
  street: z.string().max(200),
  postcode: z.string().max(20),
  city: z.string().max(100),
  province: z.string().max(10),
  country: z.string().max(2),
  email: z.string().max(200),
  phone: z.string().max(50),
  /** fiscal data for invoices (FatturaPA CedentePrestatore); checked when an invoice is issued */
  regimeFiscale: z.string().max(4),
  /** Iscrizione REA: office (province code) and number; empty when not registered */
  reaOffice: z.string().max(2),
  reaNumber: z.string().max(20),
  /** capitale sociale in cents (companies); null when not stated */
  shareCapitalCents: z.number().int().min(0).nullable(),
  /** SU sole shareholder, SM more; null when not a company */
  soleShareholder: z.enum(['SU', 'SM']).nullable(),
  inLiquidation: z.boolean(),
  iban: z.string().max(34),
  bankName: z.string().max(200),
  /** IdTrasmittente when an intermediary sends the files (country + IdCodice); empty: the company itself */
  transmitterCountry: z.string().max(2),
  transmitterId: z.string().max(28),
  /** sezionale of new invoices ("A" → 1/A/2026); empty: none */
  defaultSezionale: z.string().max(10),
};

const inventoryShape = {
  /** lot code pattern: {yyyy} {yy} {mm} {dd} {ddd} {n} {sku}; must contain {n} */
  lotCodePattern: z.string().max(40).refine(isValidLotPattern, { message: 'The pattern must contain {n} and only known fields' }),
  /** a lot expiring within this many days is "expiring soon" */
  expiringSoonDays: z.number().int().min(0).max(3650),
};

const productionShape = {
  /** expiry of a finished lot: production date + shelf life, or the earliest expiry among its ingredients */
  expiryRule: z.enum(['shelf_life', 'earliest_ingredient']),
};

const updatesShape = {
  /** look for a new release at start-up (signed desktop builds only); off until the user turns it on */
  check: z.boolean(),
};

const salesShape = {
  /** the order editor shows a line's (and the order's) margin in colour under this percent */
  marginWarnPct: z.number().min(0).max(100),
};

const invoicingShape = {
  /** Natura codes whose amounts count toward the bollo virtuale threshold (77,47 €): DOMAIN.md's defaults, the accountant may change them */
  bolloNature: z.array(z.string().max(5)).max(30),
  /** the 2,00 € bollo is charged to the customer (a line of the invoice) or borne by the company */
  bolloChargedToCustomer: z.boolean(),
  /** the order editor and the shipment form warn when a customer's overdue amount is above this (cents) */
  overdueWarnCents: z.number().int().min(0),
  /** order channels whose customers without P.IVA (consumers) get an invoice only when asked */
  consumerChannelsWithoutInvoice: z.array(z.string().max(20)).max(20),
  /** months whose due dates move to a day of the next month ("escluso agosto e dicembre"), 1–12 */
  skipMonths: z.array(z.number().int().min(1).max(12)).max(11),
  /** the day of the next month a due date in a skipped month moves to */
  skipMonthDay: z.number().int().min(1).max(28),
  /** days after the sale past which an immediate invoice (TD01) is late */
  immediateInvoiceDays: z.number().int().min(1).max(60),
};

const COMPANY_DEFAULTS = {
  name: '',
  vatNumber: '',
  fiscalCode: '',
  street: '',
  postcode: '',
  city: '',
  province: '',
  country: 'IT',
  email: '',
  phone: '',
  regimeFiscale: 'RF01',
  reaOffice: '',
  reaNumber: '',
  shareCapitalCents: null,
  soleShareholder: null,
  inLiquidation: false,
  iban: '',
  bankName: '',
  transmitterCountry: '',
  transmitterId: '',
  defaultSezionale: '',
};
export const DEFAULT_BOLLO_NATURE = ['N1', 'N2.1', 'N2.2', 'N3.5', 'N4'];
const INVOICING_DEFAULTS = {
  bolloNature: DEFAULT_BOLLO_NATURE,
  bolloChargedToCustomer: true,
  overdueWarnCents: 0,
  consumerChannelsWithoutInvoice: ['shop', 'shopify', 'etsy', 'woocommerce'],
  skipMonths: [],
  skipMonthDay: 10,
  immediateInvoiceDays: 12,
};
const INVENTORY_DEFAULTS = { lotCodePattern: DEFAULT_LOT_PATTERN, expiringSoonDays: 30 };
const PRODUCTION_DEFAULTS = { expiryRule: 'shelf_life' as const };
const UPDATES_DEFAULTS = { check: false };
const SALES_DEFAULTS = { marginWarnPct: 30 };

export const company = z.object(companyShape);
export const inventorySettings = z.object(inventoryShape);
export const productionSettings = z.object(productionShape);
export const updateSettings = z.object(updatesShape);
export const salesSettings = z.object(salesShape);
export const invoicingSettings = z.object(invoicingShape);
export type InvoicingSettings = z.infer<typeof invoicingSettings>;

export const appSettings = z.object({
  /** null: follow the system locale */
  language: language.nullable().default(null),
  company: z.preprocess((v) => ({ ...COMPANY_DEFAULTS, ...(v as object) }), company),
  inventory: z.preprocess((v) => ({ ...INVENTORY_DEFAULTS, ...(v as object) }), inventorySettings),
  production: z.preprocess((v) => ({ ...PRODUCTION_DEFAULTS, ...(v as object) }), productionSettings),
  planning: workCalendarField,
  updates: z.preprocess((v) => ({ ...UPDATES_DEFAULTS, ...(v as object) }), updateSettings),
  sales: z.preprocess((v) => ({ ...SALES_DEFAULTS, ...(v as object) }), salesSettings),
  invoicing: z.preprocess((v) => ({ ...INVOICING_DEFAULTS, ...(v as object) }), invoicingSettings),
  /** the first-run choice (empty or demo) has been made */
  initialized: z.boolean().default(false),
});
export type AppSettings = z.infer<typeof appSettings>;

export const settingsOps = {
  'settings.get': query('All settings.', emptyInput, appSettings),
  'settings.update': command(
    'Change some settings; the rest stay.',
    z.object({
      language: language.nullable().optional(),
      company: company.partial().optional(),
      inventory: inventorySettings.partial().optional(),
      production: productionSettings.partial().optional(),
      planning: workCalendarSettings.partial().optional(),
      updates: updateSettings.partial().optional(),
      sales: salesSettings.partial().optional(),
      invoicing: invoicingSettings.partial().optional(),
    }),
    appSettings,
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const settingsRoles = {
  'settings.get': EVERYONE,
  'settings.update': OWNER_ONLY,
} as const satisfies RolesOf<typeof settingsOps>;
