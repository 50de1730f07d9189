import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { customers } from '../parties/schema';
import { customerOrders, orderLines } from '../orders/schema';
import { ddts, shipmentReturns } from '../shipping/schema';
import { items } from '../catalog/schema';

/**
 * Invoices, credit notes, their instalments and payments (DOMAIN.md, "Invoices" and
 * "Prices, terms and payments"). Amounts are integer cents; unit prices keep the order
 * line's exact decimal text (up to 8 decimals, as FatturaPA allows); VAT rates are
 * hundredths of a percent (22 % = 2200) like order lines.
 */

export const INVOICE_KINDS = ['TD01', 'TD24', 'TD04'] as const;
/** draft → issued → sent → delivered; rejected (scarto) → sent again with the same number */
export const INVOICE_STATES = ['draft', 'issued', 'sent', 'delivered', 'rejected'] as const;

export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull(),
    state: text('state', { enum: INVOICE_STATES }).notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** year, sezionale and seq are set in the issuing transaction; number is "seq/year" or "seq/sezionale/year" */
    year: integer('year'),
    sezionale: text('sezionale').notNull().default(''),
    seq: integer('seq'),
    number: text('number'),
    /** the invoice date (ISO); a deferred invoice takes the last day of its DDTs' month */
    date: text('date').notNull(),
    /** TD24: the DDTs' month, YYYY-MM */
    periodMonth: text('period_month'),
    /** TD01 made from an order */
    orderId: integer('order_id').references(() => customerOrders.id),
    /** TD04: the invoice it corrects, and the return it comes from (if any) */
    correctsInvoiceId: integer('corrects_invoice_id'),
    returnId: integer('return_id').references(() => shipmentReturns.id),
    /** the customer's language for the courtesy PDF */
    language: text('language', { enum: ['it', 'en'] }).notNull().default('it'),
    taxableCents: integer('taxable_cents').notNull().default(0),
    vatCents: integer('vat_cents').notNull().default(0),
    /** bollo virtuale charged on the document (200 when due, else 0) */
    bolloCents: integer('bollo_cents').notNull().default(0),
    /** ImportoTotaleDocumento: taxable + VAT (+ bollo when charged to the customer) */
    totalCents: integer('total_cents').notNull().default(0),
    /** JSON copy of the payment terms the invoice was issued with */
    paymentTerms: text('payment_terms'),
    notes: text('notes').notNull().default(''),
    /** the frozen document (company, customer, lines, summary, instalments) written at issue; the XML and PDF are made from it */
    snapshot: text('snapshot'),
    rejectedReason: text('rejected_reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    issuedAt: text('issued_at'),
    sentAt: text('sent_at'),
    deliveredAt: text('delivered_at'),
    rejectedAt: text('rejected_at'),
  },
  (t) => [
    uniqueIndex('invoices_number').on(t.year, t.sezionale, t.seq),
    index('invoices_customer').on(t.customerId, t.date),
    index('invoices_date').on(t.date),
    index('invoices_corrects').on(t.correctsInvoiceId),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    /** the DDT this line was shipped with (DatiDDT/RiferimentoNumeroLinea) */
    ddtId: integer('ddt_id').references(() => ddts.id),
    orderLineId: integer('order_line_id').references(() => orderLines.id),
    itemId: integer('item_id').references(() => items.id),
    /** SKU at issue, for CodiceArticolo */
    code: text('code').notNull().default(''),
    description: text('description').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    unit: text('unit').notNull().default(''),
    /** exact net unit price in euros, up to 8 decimals */
    unitPrice: text('unit_price').notNull(),
    discounts: text('discounts').notNull().default(''),
    discountBp: integer('discount_bp').notNull().default(0),
    /** PrezzoTotale in cents */
    lineTotalCents: integer('line_total_cents').notNull(),
    vatBp: integer('vat_bp').notNull(),
    /** Natura code with sub-code (N3.2, N4…) for 0 % lines; null otherwise */
    natura: text('natura'),
  },
  (t) => [index('invoice_lines_invoice').on(t.invoiceId, t.position), index('invoice_lines_order_line').on(t.orderLineId)],
);

/** The DDTs an invoice covers. A DDT is invoiced once (TD24 or TD01), so ddt_id is unique. */
export const invoiceDdts = sqliteTable(
  'invoice_ddts',
  {
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    ddtId: integer('ddt_id')
      .notNull()
      .references(() => ddts.id),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.ddtId] }), uniqueIndex('invoice_ddts_ddt').on(t.ddtId)],
);

/** DatiRiepilogo: one row per rate/nature, VAT on the row total rounded half up. */
export const invoiceVatRows = sqliteTable(
  'invoice_vat_rows',
  {
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    vatBp: integer('vat_bp').notNull(),
    /** '' for taxed rows (a primary key cannot hold null) */
    natura: text('natura').notNull().default(''),
    taxableCents: integer('taxable_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.vatBp, t.natura] })],
);

/** Scadenze: the invoice's instalments; paid_cents is the sum of its payments, kept in the same transaction. */
export const invoiceInstalments = sqliteTable(
  'invoice_instalments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    dueDate: text('due_date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** ModalitaPagamento (MP05…) */
    method: text('method').notNull(),
    paidCents: integer('paid_cents').notNull().default(0),
    /** open until paid_cents reaches amount_cents */
    state: text('state', { enum: ['open', 'paid'] }).notNull().default('open'),
  },
  (t) => [
    index('invoice_instalments_invoice').on(t.invoiceId, t.position),
    index('invoice_instalments_open_due').on(t.dueDate).where(sql`state = 'open'`),
  ],
);

export const invoicePayments = sqliteTable(
  'invoice_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instalmentId: integer('instalment_id')
      .notNull()
      .references(() => invoiceInstalments.id),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    date: text('date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('invoice_payments_instalment').on(t.instalmentId), index('invoice_payments_date').on(t.date)],
);

/**
 * Every FatturaPA file written: the progressivo is unique for the transmitter forever and new
 * for each file (a re-sent invoice gets a new one), so it is a row here, never reused.
 */
export const invoiceFiles = sqliteTable(
  'invoice_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    progressivo: text('progressivo').notNull(),
    fileName: text('file_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('invoice_files_progressivo').on(t.progressivo), index('invoice_files_invoice').on(t.invoiceId)],
);

/**
 * A customer's invoicing settings, kept by this module beside the customer (the parties
 * module owns the customer itself): whether a consumer wants invoices (null: the channel's
 * rule, settings.invoicing.consumerChannelsWithoutInvoice), and the Natura of the customer's
 * 0 % lines (N3.2 intra-EU, N3.1 export, N3.5 with a dichiarazione d'intento…).
 */
export const customerInvoicing = sqliteTable('customer_invoicing', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id),
  wantsInvoice: integer('wants_invoice', { mode: 'boolean' }),
  defaultNatura: text('default_natura'),
  intentDeclaration: text('intent_declaration').notNull().default(''),
  updatedAt: text('updated_at').notNull(),
});
