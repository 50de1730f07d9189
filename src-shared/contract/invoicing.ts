import { z } from 'zod';
import { command, query } from './define';
import { id, optionalText, pageInput, requiredText } from './common';
import { isoDate } from './inventory';
import { invoiceDocument, invoiceKind } from './invoiceDocument';
import { paymentMethod } from './prices';
import { type RolesOf } from './accounts';

/**
 * Invoices, credit notes, instalments and payments (DOMAIN.md, "Invoices" and "Prices,
 * terms and payments"). Amounts going out are integer cents, quantities thousandths, VAT
 * rates hundredths of a percent (22 % = 2200); amounts typed by people come in as decimal
 * text ("4,20", "10+5") like the order editor's.
 */

export const INVOICE_STATES = ['draft', 'issued', 'sent', 'delivered', 'rejected'] as const;
export const invoiceState = z.enum(INVOICE_STATES);
export type InvoiceState = z.infer<typeof invoiceState>;

/** Natura codes the SdI accepts (the bare N2, N3, N6 are refused). */
export const NATURA_CODES = ['N1', 'N2.1', 'N2.2', 'N3.1', 'N3.2', 'N3.3', 'N3.4', 'N3.5', 'N3.6', 'N4', 'N5', 'N6.1', 'N6.2', 'N6.3', 'N6.4', 'N6.5', 'N6.6', 'N6.7', 'N6.8', 'N6.9', 'N7'] as const;
export const naturaCode = z.enum(NATURA_CODES);
export type NaturaCode = z.infer<typeof naturaCode>;

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Expected a month as YYYY-MM' });

/** A thing to fix before issuing: whose (company or customer), which field, what is wrong. */
export const invoiceProblem = z.object({
  scope: z.enum(['company', 'customer', 'line', 'invoice']),
  /** the field to fix: 'vatNumber', 'regimeFiscale', 'sdiCode', 'lines[2].natura'… */
  field: z.string(),
  code: z.string(),
  message: z.string(),
  customerId: id.nullable(),
});
export type InvoiceProblem = z.infer<typeof invoiceProblem>;

export const invoiceWarning = z.object({ code: z.enum(['late_immediate', 'customer_overdue']), message: z.string(), days: z.number().int().nullable() });

// ---------------------------------------------------------------- the month run (TD24)

const monthInput = z.object({ month, customerId: id.optional() });

const ddtRef = z.object({ id, number: z.string(), date: z.string() });

const proposedInvoice = z.object({
  customer: z.object({ id, name: z.string() }),
  /** the invoice date: the month's last day */
  date: z.string(),
  ddts: z.array(ddtRef),
  lineCount: z.number().int(),
  taxableCents: z.number().int(),
  vatCents: z.number().int(),
  bolloCents: z.number().int(),
  totalCents: z.number().int(),
  /** empty when it can be issued */
  problems: z.array(invoiceProblem),
});
export type ProposedInvoice = z.infer<typeof proposedInvoice>;

export const monthPreview = z.object({
  month: z.string(),
  date: z.string(),
  /** every customer with DDTs to invoice, with their problems */
  customers: z.array(proposedInvoice),
  /** what would be issued: the customers without problems (empty when nothing is left) */
  invoices: z.array(proposedInvoice),
  /** company fields missing or invalid: nothing can be issued until fixed */
  companyProblems: z.array(invoiceProblem),
  totals: z.object({ ddtCount: z.number().int(), taxableCents: z.number().int(), vatCents: z.number().int(), totalCents: z.number().int() }),
});
export type MonthPreview = z.infer<typeof monthPreview>;

const issuedRef = z.object({ id, number: z.string(), customerId: id, customerName: z.string(), totalCents: z.number().int(), ddtCount: z.number().int() });
export const monthResult = z.object({
  month: z.string(),
  date: z.string(),
  invoices: z.array(issuedRef),
  /** customers not invoiced because of their own problems (named); the company's problems refuse the whole run */
  skipped: z.array(z.object({ customer: z.object({ id, name: z.string() }), problems: z.array(invoiceProblem) })),
});

// ---------------------------------------------------------------- drafts (TD01 free lines)

export const draftLineInput = z.object({
  itemId: id.nullish().transform((v) => v ?? null),
  code: z.string().trim().max(35).default(''),
  description: requiredText(1000),
  /** "24", "2,5" in the unit */
  quantity: requiredText(40),
  unit: z.string().trim().max(10).default(''),
  /** net unit price in euros, up to 8 decimals: "4,20" */
  unitPrice: requiredText(30),
  /** "10+5" */
  discounts: z.string().trim().max(40).default(''),
  /** "22", "10", "4", "0" */
  vatRate: requiredText(10),
  /** required when the rate is 0 */
  natura: z.string().trim().max(5).nullish().transform((v) => (v ? v : null)),
});

export const draftInput = z.object({
  customerId: id,
  /** a later invoice date (kept at issue); an earlier one, or none, becomes the issue day */
  date: isoDate.nullish().transform((v) => v ?? null),
  paymentTermsId: id.nullish().transform((v) => v ?? null),
  notes: z.string().max(2000).default(''),
  lines: z.array(draftLineInput).min(1).max(500),
});

export const creditNoteInput = z.object({
  /** the issued invoice it corrects */
  invoiceId: id,
  /** a return of goods of that invoice: its returned quantities at the invoiced prices */
  returnId: id.nullish().transform((v) => v ?? null),
  /** or a discount after the fact: the amount without VAT ("50,00"), at the rate of the invoice's largest row unless said */
  discountAmount: optionalText(30),
  vatRate: optionalText(10),
  natura: z.string().trim().max(5).nullish().transform((v) => (v ? v : null)),
  description: optionalText(1000),
  notes: z.string().max(2000).default(''),
});

// ---------------------------------------------------------------- an invoice

export const invoiceLine = z.object({
  id,
  position: z.number().int(),
  ddtId: id.nullable(),
  orderLineId: id.nullable(),
  itemId: id.nullable(),
  code: z.string(),
  description: z.string(),
  qtyMilli: z.number().int(),
  unit: z.string(),
  unitPrice: z.string(),
  discounts: z.string(),
  lineTotalCents: z.number().int(),
  vatBp: z.number().int(),
  natura: z.string().nullable(),
});

export const invoiceInstalment = z.object({
  id,
  invoiceId: id,
  position: z.number().int(),
  dueDate: z.string(),
  amountCents: z.number().int(),
  method: z.string(),
  paidCents: z.number().int(),
  /** open, overdue (open and past due), paid */
  state: z.enum(['open', 'overdue', 'paid']),
});
export type InvoiceInstalment = z.infer<typeof invoiceInstalment>;

export const invoicePayment = z.object({ id, instalmentId: id, invoiceId: id, date: z.string(), amountCents: z.number().int(), method: z.string(), notes: z.string() });

export const invoiceHeader = z.object({
  id,
  kind: invoiceKind,
  state: invoiceState,
  /** null while a draft */
  number: z.string().nullable(),
  date: z.string(),
  customer: z.object({ id, name: z.string() }),
  periodMonth: z.string().nullable(),
  orderId: id.nullable(),
  returnId: id.nullable(),
  corrects: z.object({ id, number: z.string().nullable(), date: z.string() }).nullable(),
  taxableCents: z.number().int(),
  vatCents: z.number().int(),
  bolloCents: z.number().int(),
  totalCents: z.number().int(),
  /** payments received (0 for credit notes) */
  paidCents: z.number().int(),
  /** part of the total past its due date and not paid */
  overdueCents: z.number().int(),
  rejectedReason: z.string(),
  notes: z.string(),
  issuedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
});
export type InvoiceHeader = z.infer<typeof invoiceHeader>;

export const invoiceDetail = invoiceHeader.extend({
  lines: z.array(invoiceLine),
  ddts: z.array(ddtRef),
  vatRows: z.array(z.object({ vatBp: z.number().int(), natura: z.string().nullable(), taxableCents: z.number().int(), vatCents: z.number().int() })),
  instalments: z.array(invoiceInstalment),
  payments: z.array(invoicePayment),
  files: z.array(z.object({ id, progressivo: z.string(), fileName: z.string(), createdAt: z.string() })),
  /** credit notes issued against it */
  creditNotes: z.array(z.object({ id, number: z.string().nullable(), date: z.string(), state: invoiceState, totalCents: z.number().int() })),
  warnings: z.array(invoiceWarning),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

const listInput = z.object({
  state: invoiceState.optional(),
  kind: invoiceKind.optional(),
  month: month.optional(),
  customerId: id.optional(),
  /** only invoices with an instalment past due and not paid */
  overdue: z.boolean().default(false),
  q: z.string().max(100).default(''),
  ...pageInput,
});

// ---------------------------------------------------------------- payments and the scadenzario

export const paymentInput = z.object({
  instalmentId: id,
  date: isoDate,
  /** "120,50" */
  amount: requiredText(30),
  method: paymentMethod,
  notes: z.string().max(1000).default(''),
});

const scadenzarioRow = invoiceInstalment.extend({
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  customer: z.object({ id, name: z.string() }),
  dueCents: z.number().int(),
  daysOverdue: z.number().int(),
});
export type ScadenzarioRow = z.infer<typeof scadenzarioRow>;

const scadenzarioTotals = z.object({ amountCents: z.number().int(), paidCents: z.number().int(), dueCents: z.number().int(), overdueCents: z.number().int(), count: z.number().int() });

export const instalmentFilter = z.object({
  state: z.enum(['open', 'overdue', 'paid', 'all']).default('open'),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  customerId: id.optional(),
});

// ---------------------------------------------------------------- customers' invoicing settings

export const customerInvoicing = z.object({
  customerId: id,
  /** null: the channel's rule (consumers of the listed channels get an invoice only when asked) */
  wantsInvoice: z.boolean().nullable(),
  /** Natura of the customer's 0 % lines: N3.2 intra-EU, N3.1 export, N3.5 dichiarazione d'intento… */
  defaultNatura: naturaCode.nullable(),
  /** protocol of the dichiarazione d'intento (N3.5), printed in the invoice's notes */
  intentDeclaration: z.string(),
});
export type CustomerInvoicing = z.infer<typeof customerInvoicing>;

const idInput = z.object({ id });
const empty = z.object({ id });

export const invoicingOps = {
  'invoicing.previewMonth': query('The deferred invoices (TD24) a month would make, per customer: DDTs, totals, problems. Writes nothing.', monthInput, monthPreview),
  'invoicing.issueMonth': command(
    "Issue the month's deferred invoices: one TD24 per customer with every sale DDT not yet invoiced, dated the month's last day and numbered in its year (refused before that day). Running it again issues only what is left.",
    monthInput,
    monthResult,
  ),
  'invoicing.createFromOrder': command('A draft immediate invoice (TD01) from a shipped order and its DDTs not yet invoiced.', z.object({ orderId: id }), invoiceDetail),
  'invoicing.createDraft': command('A draft immediate invoice (TD01) with free lines (goods or services without DDT).', draftInput, invoiceDetail),
  'invoicing.updateDraft': command('Change a draft invoice made of free lines.', draftInput.extend({ id }), invoiceDetail),
  'invoicing.deleteDraft': command('Delete a draft invoice or credit note (no number was used).', idInput, empty),
  'invoicing.createCreditNote': command('A draft credit note (TD04) for a return or a discount, linked to the invoice it corrects; never above what is left of it.', creditNoteInput, invoiceDetail),
  'invoicing.issue': command(
    'Issue a draft: number N/YYYY (N/S/YYYY with a sezionale) taken in this transaction, document frozen, instalments made from the payment terms.',
    z.object({ id, /** the sezionale; absent: Settings → Company's default */ sezionale: z.string().trim().regex(/^[A-Za-z0-9]{0,10}$/).optional() }),
    invoiceDetail,
  ),
  'invoicing.markSent': command('Mark an issued (or rejected and corrected) invoice as sent to the SdI.', idInput, invoiceDetail),
  'invoicing.markDelivered': command('Mark a sent invoice as delivered (consegnata / messa a disposizione).', idInput, invoiceDetail),
  'invoicing.markRejected': command('Mark a sent invoice as rejected by the SdI (scarto), with the reason.', z.object({ id, reason: requiredText(1000) }), invoiceDetail),
  'invoicing.reissueRejected': command(
    'Correct a rejected invoice: its document is taken again from the current company and customer data, with the same number and date, ready to export again.',
    idInput,
    invoiceDetail,
  ),
  'invoicing.list': query('Invoices and credit notes, newest first, with filters.', listInput, z.object({ invoices: z.array(invoiceHeader), total: z.number().int() })),
  'invoicing.get': query('One invoice with its lines, DDTs, VAT rows, instalments, payments and files.', idInput, invoiceDetail),
  'invoicing.document': query('The frozen document of an issued invoice (what the XML and the PDF are made from).', idInput, invoiceDocument),
  'invoicing.registerPayment': command('Register a payment (or part of one) against an instalment; never above what is due.', paymentInput, invoiceInstalment),
  'invoicing.deletePayment': command('Remove a payment registered by mistake.', z.object({ id }), invoiceInstalment),
  'invoicing.instalments': query(
    'The scadenzario: instalments by state and due date, with totals.',
    instalmentFilter.extend(pageInput),
    z.object({ instalments: z.array(scadenzarioRow), total: z.number().int(), totals: scadenzarioTotals }),
  ),
  'invoicing.toCollect': query('Instalments due in a month, open or paid, with totals.', z.object({ month }), z.object({ instalments: z.array(scadenzarioRow), totals: scadenzarioTotals })),
  'invoicing.customerBalance': query(
    "What a customer owes: open and overdue amounts and the open instalments.",
    z.object({ customerId: id }),
    z.object({ customerId: id, openCents: z.number().int(), overdueCents: z.number().int(), overThreshold: z.boolean(), instalments: z.array(scadenzarioRow) }),
  ),
  'invoicing.scadenzarioCsv': query('The scadenzario as CSV for Excel (Italian format).', instalmentFilter, z.object({ fileName: z.string(), text: z.string() })),
  'invoicing.customerSettings': query("A customer's invoicing settings.", z.object({ customerId: id }), customerInvoicing),
  'invoicing.setCustomerSettings': command(
    "Change a customer's invoicing settings.",
    z.object({ customerId: id, wantsInvoice: z.boolean().nullable(), defaultNatura: naturaCode.nullable(), intentDeclaration: z.string().trim().max(200).default('') }),
    customerInvoicing,
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const invoicingRoles = {
  'invoicing.previewMonth': ['office', 'viewer'],
  'invoicing.issueMonth': ['office'],
  'invoicing.createFromOrder': ['office'],
  'invoicing.createDraft': ['office'],
  'invoicing.updateDraft': ['office'],
  'invoicing.deleteDraft': ['office'],
  'invoicing.createCreditNote': ['office'],
  'invoicing.issue': ['office'],
  'invoicing.markSent': ['office'],
  'invoicing.markDelivered': ['office'],
  'invoicing.markRejected': ['office'],
  'invoicing.reissueRejected': ['office'],
  'invoicing.list': ['office', 'viewer'],
  'invoicing.get': ['office', 'viewer'],
  'invoicing.document': ['office', 'viewer'],
  'invoicing.registerPayment': ['office'],
  'invoicing.deletePayment': ['office'],
  'invoicing.instalments': ['office', 'viewer'],
  'invoicing.toCollect': ['office', 'viewer'],
  'invoicing.customerBalance': ['office', 'viewer'],
  'invoicing.scadenzarioCsv': ['office', 'viewer'],
  'invoicing.customerSettings': ['office', 'viewer'],
  'invoicing.setCustomerSettings': ['office'],
} as const satisfies RolesOf<typeof invoicingOps>;
