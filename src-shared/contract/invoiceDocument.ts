import { z } from 'zod';

/**
 * An issued invoice as a frozen document: everything the FatturaPA XML, the courtesy PDF and
 * the accountant's register need, copied at issue time (invoices.snapshot), so a later change
 * to the company, the customer or a price never rewrites an issued invoice. Amounts are
 * integer cents, quantities thousandths, VAT rates hundredths of a percent (22 % = 2200).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const invoiceKind = z.enum(['TD01', 'TD24', 'TD04']);
export type InvoiceKind = z.infer<typeof invoiceKind>;

/** RF01 ordinario, RF19 forfettario, and the other RegimeFiscale codes of the schema */
export const regimeFiscale = z.string().regex(/^RF(0[1-9]|1[0-9]|20)$/);

export const invoiceCompany = z.object({
  name: z.string().min(1),
  vatCountry: z.string().length(2),
  vatNumber: z.string().min(1),
  fiscalCode: z.string(),
  regimeFiscale,
  street: z.string().min(1),
  postcode: z.string().min(1),
  city: z.string().min(1),
  province: z.string(),
  country: z.string().length(2),
  email: z.string(),
  phone: z.string(),
  /** Iscrizione REA: office (province) and number; capital in cents; SU sole shareholder / SM more; LS in liquidation / LN not */
  rea: z
    .object({
      office: z.string().length(2),
      number: z.string().min(1),
      capitalCents: z.number().int().nullable(),
      shareholders: z.enum(['SU', 'SM']).nullable(),
      liquidation: z.enum(['LS', 'LN']),
    })
    .nullable(),
  iban: z.string(),
  bankName: z.string(),
});
export type InvoiceCompany = z.infer<typeof invoiceCompany>;

export const invoiceCustomer = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  /** IdFiscaleIVA; empty for a consumer */
  vatCountry: z.string(),
  vatNumber: z.string(),
  fiscalCode: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  province: z.string(),
  country: z.string().length(2),
  /** CodiceDestinatario as it goes in the file: the SDI code, 0000000 (PEC or consumer) or XXXXXXX (abroad) */
  recipientCode: z.string().length(7),
  pec: z.string(),
  language: z.enum(['it', 'en']),
});
export type InvoiceCustomer = z.infer<typeof invoiceCustomer>;

export const invoiceDocLine = z.object({
  /** NumeroLinea, from 1 */
  number: z.number().int().positive(),
  code: z.string(),
  description: z.string().min(1),
  qtyMilli: z.number().int(),
  unit: z.string(),
  /** exact net unit price in euros, up to 8 decimals ("4.20", "25.40983607") */
  unitPrice: z.string(),
  /** the discount chain as typed ("10+5"), '' none */
  discounts: z.string(),
  /** PrezzoTotale in cents */
  lineTotalCents: z.number().int(),
  vatBp: z.number().int().min(0),
  /** N1, N2.1, N2.2, N3.1…N3.6, N4, N5, N6.1…N6.9, N7 for 0 % lines; null when taxed */
  natura: z.string().nullable(),
});
export type InvoiceDocLine = z.infer<typeof invoiceDocLine>;

export const invoiceVatRow = z.object({
  vatBp: z.number().int().min(0),
  natura: z.string().nullable(),
  taxableCents: z.number().int(),
  vatCents: z.number().int(),
  /** RiferimentoNormativo, needed by the SdI on rows with a Natura */
  legalReference: z.string(),
});
export type InvoiceVatRow = z.infer<typeof invoiceVatRow>;

export const invoiceDocInstalment = z.object({
  dueDate: isoDate,
  amountCents: z.number().int().positive(),
  /** ModalitaPagamento: MP01, MP02, MP05, MP08, MP12, MP19, MP21… */
  method: z.string().regex(/^MP\d{2}$/),
});

export const invoiceDocument = z.object({
  kind: invoiceKind,
  number: z.string().min(1),
  date: isoDate,
  currency: z.literal('EUR'),
  /** IdTrasmittente: the company itself or its intermediary */
  transmitter: z.object({ country: z.string().length(2), idCode: z.string().min(1), email: z.string() }),
  company: invoiceCompany,
  customer: invoiceCustomer,
  lines: z.array(invoiceDocLine).min(1),
  /** DatiDDT: each DDT with the invoice lines it covers */
  ddts: z.array(z.object({ number: z.string(), date: isoDate, lineNumbers: z.array(z.number().int().positive()) })),
  /** DatiOrdineAcquisto: the customer's order reference, when there is one */
  orders: z.array(z.object({ reference: z.string(), date: isoDate.nullable(), lineNumbers: z.array(z.number().int().positive()) })),
  /** DatiFattureCollegate: a credit note names the invoice it corrects */
  corrects: z.object({ number: z.string(), date: isoDate }).nullable(),
  vatRows: z.array(invoiceVatRow).min(1),
  /** bollo virtuale: 200 cents when due, null otherwise */
  bolloCents: z.number().int().nullable(),
  taxableCents: z.number().int(),
  vatCents: z.number().int(),
  /** ImportoTotaleDocumento */
  totalCents: z.number().int(),
  payment: z
    .object({
      /** TP01 in instalments, TP02 in full */
      condition: z.enum(['TP01', 'TP02']),
      instalments: z.array(invoiceDocInstalment).min(1),
      iban: z.string(),
      bankName: z.string(),
    })
    .nullable(),
  /** Causale lines (each at most 200 characters in the file) */
  notes: z.array(z.string()),
});
export type InvoiceDocument = z.infer<typeof invoiceDocument>;
