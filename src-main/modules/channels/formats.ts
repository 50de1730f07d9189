/**
 * The layouts Bottega reads: which header names mean which field, per format. Shopify
 * and Etsy are the exports those shops really write (test/fixtures/channels); `bottega`
 * is our own orders export (its header in Italian or English); `mapping` is any other
 * CSV, through a column mapping the user made.
 */
import type { ColumnMapping, ImportFormat } from '../../../src-shared/contract/channels';
import type { ORDER_CHANNELS } from '../../../src-shared/contract/orders';
import { Columns } from './csvTable';
import { parseBottegaDate, parseDateAs, parseTimestampDate } from './fieldValues';

export type Channel = (typeof ORDER_CHANNELS)[number];

export const FIELDS = [
  // order
  'orderRef', 'number', 'externalRef', 'channel', 'state', 'orderedOn', 'requestedOn', 'notes', 'cancelledAt', 'financialStatus',
  'subtotal', 'shipping', 'shippingDiscount', 'taxes', 'total', 'discountTotal', 'taxName',
  // customer
  'customerName', 'email', 'phone', 'vatNumber', 'fiscalCode', 'street', 'street2', 'postcode', 'city', 'province', 'country', 'buyer',
  'shipName', 'shipStreet', 'shipStreet2', 'shipPostcode', 'shipCity', 'shipProvince', 'shipCountry', 'shipPhone',
  // line
  'sku', 'itemName', 'quantity', 'unitPrice', 'discountPct', 'lineDiscount', 'vatPct', 'taxable', 'lineNote',
] as const;
export type Field = (typeof FIELDS)[number];

export interface FormatSpec {
  format: ImportFormat;
  /** header names that may hold each field, in preference order */
  columns: Partial<Record<Field, readonly string[]>>;
  /** fields whose column must be in the header */
  required: Field[];
  /** one of these must be in the header too */
  oneOf?: Field[];
  /** the field whose value ties the rows of one order */
  groupBy: Field;
  parseDate(text: string): string | null;
  /** said in a problem about a date */
  dateHint: string;
  /** whether the file's prices include VAT: yes, no, or read from the order's totals (Shopify) */
  prices: 'gross' | 'net' | 'shopify';
  defaultChannel: Channel;
}

const SHOPIFY: FormatSpec = {
  format: 'shopify',
  columns: {
    orderRef: ['Name'],
    orderedOn: ['Created at'],
    notes: ['Notes'],
    cancelledAt: ['Cancelled at'],
    financialStatus: ['Financial Status'],
    subtotal: ['Subtotal'],
    shipping: ['Shipping'],
    taxes: ['Taxes'],
    total: ['Total'],
    discountTotal: ['Discount Amount'],
    taxName: ['Tax 1 Name'],
    email: ['Email'],
    customerName: ['Billing Name'],
    phone: ['Billing Phone', 'Phone'],
    street: ['Billing Address1', 'Billing Street'],
    street2: ['Billing Address2'],
    postcode: ['Billing Zip'],
    city: ['Billing City'],
    province: ['Billing Province'],
    country: ['Billing Country'],
    shipName: ['Shipping Name'],
    shipStreet: ['Shipping Address1', 'Shipping Street'],
    shipStreet2: ['Shipping Address2'],
    shipPostcode: ['Shipping Zip'],
    shipCity: ['Shipping City'],
    shipProvince: ['Shipping Province'],
    shipCountry: ['Shipping Country'],
    shipPhone: ['Shipping Phone'],
    sku: ['Lineitem sku'],
    itemName: ['Lineitem name'],
    quantity: ['Lineitem quantity'],
    unitPrice: ['Lineitem price'],
    lineDiscount: ['Lineitem discount'],
    taxable: ['Lineitem taxable'],
  },
  required: ['orderRef', 'orderedOn', 'quantity', 'unitPrice'],
  oneOf: ['sku', 'itemName'],
  groupBy: 'orderRef',
  parseDate: parseTimestampDate,
  dateHint: 'YYYY-MM-DD hh:mm:ss +zone',
  prices: 'shopify',
  defaultChannel: 'shopify',
};

const ETSY: FormatSpec = {
  format: 'etsy',
  columns: {
    orderRef: ['Order ID'],
    orderedOn: ['Sale Date'],
    buyer: ['Buyer'],
    customerName: ['Ship Name'],
    street: ['Ship Address1'],
    street2: ['Ship Address2'],
    city: ['Ship City'],
    province: ['Ship State'],
    postcode: ['Ship Zipcode'],
    country: ['Ship Country'],
    sku: ['SKU'],
    itemName: ['Item Name'],
    quantity: ['Quantity'],
    unitPrice: ['Price'],
    lineDiscount: ['Discount Amount'],
    lineNote: ['Variations'],
    shipping: ['Order Shipping'],
    shippingDiscount: ['Shipping Discount'],
  },
  required: ['orderRef', 'orderedOn', 'quantity', 'unitPrice'],
  oneOf: ['sku', 'itemName'],
  groupBy: 'orderRef',
  parseDate: (t) => parseDateAs(t, 'MM/DD/YY'),
  dateHint: 'MM/DD/YY',
  prices: 'gross',
  defaultChannel: 'etsy',
};

/** Our orders export: one row per line, the order's columns on every row. [field, English, Italian] */
export const BOTTEGA_ORDER_COLUMNS: readonly (readonly [Field | 'status' | 'promisedOn' | 'position' | 'unit' | 'netAmount', string, string])[] = [
  ['number', 'Order number', 'Numero ordine'],
  ['state', 'State', 'Stato'],
  ['status', 'Status', 'Avanzamento'],
  ['channel', 'Channel', 'Canale'],
  ['externalRef', 'External ref', 'Riferimento esterno'],
  ['orderedOn', 'Ordered on', 'Data ordine'],
  ['requestedOn', 'Requested on', 'Data richiesta'],
  ['promisedOn', 'Promised on', 'Data promessa'],
  ['customerName', 'Customer', 'Cliente'],
  ['email', 'Email', 'Email'],
  ['phone', 'Phone', 'Telefono'],
  ['vatNumber', 'VAT number', 'Partita IVA'],
  ['fiscalCode', 'Fiscal code', 'Codice fiscale'],
  ['street', 'Street', 'Indirizzo'],
  ['postcode', 'Postcode', 'CAP'],
  ['city', 'City', 'Città'],
  ['province', 'Province', 'Provincia'],
  ['country', 'Country', 'Paese'],
  ['shipStreet', 'Ship to street', 'Indirizzo di spedizione'],
  ['shipPostcode', 'Ship to postcode', 'CAP di spedizione'],
  ['shipCity', 'Ship to city', 'Città di spedizione'],
  ['shipProvince', 'Ship to province', 'Provincia di spedizione'],
  ['shipCountry', 'Ship to country', 'Paese di spedizione'],
  ['notes', 'Notes', 'Note'],
  ['position', 'Line', 'Riga'],
  ['sku', 'SKU', 'SKU'],
  ['itemName', 'Item', 'Articolo'],
  ['quantity', 'Quantity', 'Quantità'],
  ['unit', 'Unit', 'Unità'],
  ['unitPrice', 'Unit price', 'Prezzo unitario'],
  ['discountPct', 'Discount %', 'Sconto %'],
  ['vatPct', 'VAT %', 'IVA %'],
  ['netAmount', 'Net amount', 'Imponibile'],
  ['lineNote', 'Line note', 'Nota riga'],
];

const BOTTEGA: FormatSpec = {
  format: 'bottega',
  columns: Object.fromEntries(
    BOTTEGA_ORDER_COLUMNS.filter(([f]) => (FIELDS as readonly string[]).includes(f)).map(([f, en, it]) => [f, [en, it]]),
  ) as FormatSpec['columns'],
  required: ['number', 'state', 'channel', 'orderedOn', 'customerName', 'sku', 'quantity', 'unitPrice'],
  groupBy: 'number',
  parseDate: parseBottegaDate,
  dateHint: 'YYYY-MM-DD',
  prices: 'net',
  defaultChannel: 'manual',
};

export const BUILTIN_SPECS: Record<'shopify' | 'etsy' | 'bottega', FormatSpec> = { shopify: SHOPIFY, etsy: ETSY, bottega: BOTTEGA };

const MAPPED_FIELDS: readonly (keyof ColumnMapping & Field)[] = [
  'orderRef', 'orderedOn', 'requestedOn', 'customerName', 'email', 'phone', 'vatNumber', 'street', 'postcode', 'city', 'province', 'country',
  'sku', 'itemName', 'quantity', 'unitPrice', 'discountPct', 'vatPct', 'notes',
];

/** A user's column mapping as a format: every column it names must be in the header. */
export function mappingSpec(m: ColumnMapping, channel: Channel): FormatSpec {
  const columns: FormatSpec['columns'] = {};
  for (const f of MAPPED_FIELDS) {
    const header = m[f];
    if (typeof header === 'string' && header !== '') columns[f] = [header];
  }
  return {
    format: 'mapping',
    columns,
    required: MAPPED_FIELDS.filter((f) => columns[f] !== undefined),
    oneOf: ['sku', 'itemName'],
    groupBy: 'orderRef',
    parseDate: (t) => parseDateAs(t, m.dateFormat),
    dateHint: m.dateFormat,
    prices: m.pricesIncludeVat ? 'gross' : 'net',
    defaultChannel: channel,
  };
}

export type ResolvedColumns = Partial<Record<Field, number>>;

/** Where each field of a spec is in this header, and which required columns are missing. */
export function resolveColumns(spec: FormatSpec, cols: Columns): { at: ResolvedColumns; missing: string[] } {
  const at: ResolvedColumns = {};
  for (const [field, names] of Object.entries(spec.columns) as [Field, readonly string[]][]) {
    const i = cols.find(...names);
    if (i >= 0) at[field] = i;
  }
  const missing = spec.required.filter((f) => at[f] === undefined).map((f) => spec.columns[f]![0]!);
  if (spec.oneOf && !spec.oneOf.some((f) => at[f] !== undefined)) {
    missing.push(spec.oneOf.map((f) => spec.columns[f]?.[0]).filter(Boolean).join(' / ') || spec.oneOf.join(' / '));
  }
  return { at, missing };
}

/** The built-in format whose required columns are all in the header, if any. */
export function recogniseFormat(headers: string[]): 'shopify' | 'etsy' | 'bottega' | null {
  const cols = new Columns(headers);
  for (const f of ['bottega', 'shopify', 'etsy'] as const) {
    if (resolveColumns(BUILTIN_SPECS[f], cols).missing.length === 0) return f;
  }
  return null;
}
