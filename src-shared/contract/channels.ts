import { z } from 'zod';
import { command, query } from './define';
import { emptyInput, id, itemKind, pageInput, unit } from './common';
import { isoDate } from './inventory';
import { orderChannel, orderStatus } from './orders';
import { type RolesOf } from './accounts';

/**
 * Channels: orders imported from the files shops export (Shopify, Etsy, our own export,
 * or any CSV through a saved column mapping), and every list exported to CSV.
 *
 * A file travels as base64 bytes: the main process decides its encoding (UTF-8 with or
 * without BOM, Windows-1252, UTF-16) and delimiter. Preview and import take the same
 * input, so what the user saw is exactly what is written.
 */

/** Formats Bottega knows by their header; `mapping` is any CSV read through a column mapping. */
export const IMPORT_FORMATS = ['shopify', 'etsy', 'bottega', 'mapping'] as const;
export const importFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormat>;

/** How a mapped file writes its dates. Separators `/`, `-` and `.` are all accepted; a time after the date is ignored. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD/MM/YY', 'MM/DD/YY'] as const;
export const dateFormat = z.enum(DATE_FORMATS);

const column = z.string().trim().min(1).max(200);
const optionalColumn = column.nullish().transform((v) => v ?? null);

/** Which column of a file holds what (by header text, case-insensitive). */
export const columnMapping = z.object({
  /** ties the rows of one order (its reference in the shop) */
  orderRef: column,
  orderedOn: optionalColumn,
  requestedOn: optionalColumn,
  dateFormat: dateFormat.default('DD/MM/YYYY'),
  customerName: optionalColumn,
  email: optionalColumn,
  phone: optionalColumn,
  vatNumber: optionalColumn,
  street: optionalColumn,
  postcode: optionalColumn,
  city: optionalColumn,
  province: optionalColumn,
  country: optionalColumn,
  /** the shop's SKU; when empty, the item name column is the key the user maps */
  sku: optionalColumn,
  itemName: optionalColumn,
  quantity: column,
  /** per unit; absent: the item's sale price */
  unitPrice: optionalColumn,
  discountPct: optionalColumn,
  vatPct: optionalColumn,
  notes: optionalColumn,
  /** the file's prices include VAT (shops selling to consumers): Bottega stores them net */
  pricesIncludeVat: z.boolean().default(false),
});
export type ColumnMapping = z.output<typeof columnMapping>;

export const savedMapping = z.object({
  id,
  name: z.string(),
  channel: orderChannel,
  columns: columnMapping,
  updatedAt: z.string(),
});

const fileInput = {
  /** the file's bytes, base64 (about 70 MB of text at most); an empty file is refused by the import with its own reason */
  fileBase64: z.string().max(96_000_000).default(''),
  fileName: z.string().max(260).default(''),
  /** a file sent before with channels.uploadChunk (big files): used instead of fileBase64 */
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
};

export const skuMappingInput = z.object({ externalSku: z.string().trim().min(1).max(200), itemId: id });

export const importInput = z.object({
  ...fileInput,
  /** recognised from the header when absent */
  format: importFormat.optional(),
  /** a saved mapping, by name (implies format `mapping`) */
  mappingName: z.string().trim().min(1).max(80).optional(),
  /** an unsaved mapping, as the mapping screen has it (implies format `mapping`) */
  mapping: columnMapping.optional(),
  /** the channel the orders come from; by default the format's (shopify, etsy) or the mapping's */
  channel: orderChannel.optional(),
  /** channel SKU → item, chosen by the user for SKUs the preview could not map; saved by the import */
  skuMappings: z.array(skuMappingInput).max(5000).default([]),
});

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });

/** A problem of one row (its line in the file), in one column. */
export const importProblem = z.object({
  /** the line of the file where the row starts (the header is line 1); null for the file as a whole */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  orderRef: z.string().nullable(),
  /** stable key for translation, e.g. `quantity.not_a_number` */
  key: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblem>;

/**
 * What happens to an order of the file:
 * - `new`: created (confirmed; a draft or cancelled order of our own export keeps its state)
 * - `duplicate`: already imported (same channel and external reference), unchanged: nothing
 * - `changed`: already imported, different now, still only confirmed: updated
 * - `changed_locked`: different now, but already reserved, in production or shipped: reported, not changed
 * - `cancelled`: cancelled or refunded in the shop, still only confirmed here: cancelled
 * - `cancelled_locked`: cancelled in the shop but already reserved, in production or shipped here: reported
 * - `cancelled_new`: cancelled or refunded in the shop and never imported: skipped
 */
export const IMPORT_ORDER_STATES = ['new', 'duplicate', 'changed', 'changed_locked', 'cancelled', 'cancelled_locked', 'cancelled_new'] as const;
export const importOrderState = z.enum(IMPORT_ORDER_STATES);

export const previewLine = z.object({
  row: z.number().int(),
  /** the key the channel uses for the item: its SKU, or the product name when the row has no SKU */
  externalSku: z.string(),
  name: z.string(),
  item: itemRef.nullable(),
  /** how the item was found: chosen in this import, remembered for the channel, or the same SKU */
  mappedBy: z.enum(['chosen', 'saved', 'sku']).nullable(),
  /** null until the item is known (the unit reads the quantity) or when it is not a quantity of the item */
  qtyMilli: z.number().int().nullable(),
  /** the quantity as the file wrote it, shown while the SKU is not mapped yet */
  qtyText: z.string(),
  /** net of VAT, per unit */
  unitPriceCents: z.number().int().nullable(),
  discountBp: z.number().int(),
  vatBp: z.number().int(),
});

export const previewCustomer = z.object({
  action: z.enum(['match', 'create']),
  id: id.nullable(),
  name: z.string(),
  email: z.string().nullable(),
  postcode: z.string(),
  city: z.string(),
  country: z.string(),
  matchedBy: z.enum(['email', 'name_postcode']).nullable(),
});

export const previewOrder = z.object({
  ref: z.string(),
  channel: orderChannel,
  firstRow: z.number().int(),
  lastRow: z.number().int(),
  orderedOn: z.string().nullable(),
  requestedOn: z.string().nullable(),
  /** the order's state in the file (only our own export has drafts) */
  fileState: z.enum(['draft', 'confirmed', 'cancelled']),
  customer: previewCustomer,
  lines: z.array(previewLine),
  /** net total of the lines, as imported */
  totalCents: z.number().int(),
  state: importOrderState,
  /** the order already in Bottega */
  existing: z.object({ id, number: z.string(), status: orderStatus }).nullable(),
  /** what differs from the order already in Bottega (changed and changed_locked) */
  differences: z.array(z.string()),
  notes: z.string(),
  problemCount: z.number().int(),
});
export type PreviewOrder = z.infer<typeof previewOrder>;

export const importPreview = z.object({
  file: z.object({
    name: z.string(),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']),
    delimiter: z.enum([',', ';', '\t']),
    headers: z.array(z.string()),
    /** data rows (records after the header) */
    rows: z.number().int(),
  }),
  format: importFormat,
  /** the saved mapping used, if any */
  mappingName: z.string().nullable(),
  /** the format was recognised from the header (false: chosen by the caller) */
  recognised: z.boolean(),
  channel: orderChannel,
  orders: z.array(previewOrder),
  /** SKUs of the file that map to no item: each listed once, for the user to map */
  /** suggested: the one item (product or intermediate) named like the file's product, ignoring case and accents, for the user to accept */
  unknownSkus: z.array(z.object({ externalSku: z.string(), name: z.string(), firstRow: z.number().int(), rows: z.number().int(), channel: orderChannel, suggested: itemRef.nullable() })),
  /** at most 1000 listed; problemCount has them all */
  problems: z.array(importProblem),
  problemCount: z.number().int(),
  customers: z.object({ matched: z.number().int(), toCreate: z.number().int() }),
  counts: z.object({
    orders: z.number().int(),
    lines: z.number().int(),
    new: z.number().int(),
    duplicate: z.number().int(),
    changed: z.number().int(),
    changed_locked: z.number().int(),
    cancelled: z.number().int(),
    cancelled_locked: z.number().int(),
    cancelled_new: z.number().int(),
  }),
  /** no problems and no unknown SKUs: the import would go through */
  canImport: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  cancelled: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  /** changed or cancelled in the shop, but too far along here to touch: listed for the user */
  reported: z.array(z.object({ ref: z.string(), number: z.string(), status: orderStatus, state: importOrderState })),
  customersCreated: z.number().int(),
  skuMappingsSaved: z.number().int(),
  /** numbers of the orders created, in file order */
  orderNumbers: z.array(z.string()),
  updatedNumbers: z.array(z.string()),
  cancelledNumbers: z.array(z.string()),
});

export const fileInspection = z.object({
  encoding: importPreview.shape.file.shape.encoding,
  delimiter: importPreview.shape.file.shape.delimiter,
  headers: z.array(z.string()),
  /** the first data rows, as text, for the mapping screen */
  sample: z.array(z.array(z.string())),
  rows: z.number().int(),
  /** the built-in format the header matches, if any */
  recognised: importFormat.nullable(),
  /** saved mappings whose columns are all in this header */
  matchingMappings: z.array(z.string()),
});

const skuMap = z.object({ id, channel: orderChannel, externalSku: z.string(), item: itemRef, updatedAt: z.string() });

export const EXPORT_LISTS = ['orders', 'order_lines', 'stock', 'lots', 'movements', 'production'] as const;
export const exportList = z.enum(EXPORT_LISTS);

export const exportInput = z.object({
  list: exportList,
  /** it: semicolons and decimal commas; en: commas and decimal points. Both UTF-8 with BOM, for Excel */
  locale: z.enum(['it', 'en']).default('it'),
  /** dates (order, movement, production plan, lot origin), inclusive */
  from: isoDate.optional(),
  to: isoDate.optional(),
  channel: orderChannel.optional(),
  customerId: id.optional(),
  itemId: id.optional(),
});

export const channelOps = {
  'channels.inspectFile': query('Read a file enough to map its columns: encoding, delimiter, header, first rows, recognised format.', z.object(fileInput), fileInspection),
  'channels.previewImport': query(
    'What importing a shop export would do, before anything is written: orders, customers, SKUs, problems by row and column.',
    importInput,
    importPreview,
  ),
  'channels.import': command(
    'Import the orders of a shop export, all or nothing: refused while the preview has problems or unmapped SKUs.',
    importInput.extend({ createCustomers: z.boolean().default(true) }),
    importResult,
  ),
  'channels.saveMapping': command(
    'Save a column mapping by name (replacing one of the same name), to import files of that layout again.',
    z.object({ name: z.string().trim().min(1).max(80), channel: orderChannel.default('other'), columns: columnMapping }),
    savedMapping,
  ),
  'channels.listMappings': query('The saved column mappings.', emptyInput, z.object({ mappings: z.array(savedMapping) })),
  'channels.deleteMapping': command('Delete a saved column mapping.', z.object({ id }), z.object({ id })),
  'channels.skuMappings': query(
    'Channel SKUs remembered as items, per channel.',
    z.object({ channel: orderChannel.optional(), q: z.string().max(100).default(''), ...pageInput }),
    z.object({ mappings: z.array(skuMap), total: z.number().int() }),
  ),
  'channels.deleteSkuMapping': command('Forget a channel SKU → item mapping.', z.object({ id }), z.object({ id })),
  'exports.csv': query(
    'A list as CSV for Excel in the user’s locale (orders re-import into Bottega as format `bottega`).',
    exportInput,
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const channelRoles = {
  'channels.inspectFile': ['office'],
  'channels.previewImport': ['office'],
  'channels.import': ['office'],
  'channels.saveMapping': ['office'],
  'channels.listMappings': ['office'],
  'channels.deleteMapping': ['office'],
  'channels.skuMappings': ['office'],
  'channels.deleteSkuMapping': ['office'],
  'exports.csv': ['office', 'viewer'],
} as const satisfies RolesOf<typeof channelOps>;
