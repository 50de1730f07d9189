/**
 * InvoiceDocuments as the backend freezes them at issue, for the XML, checks and PDF
 * tests: a company, Italian / consumer / foreign customers, and `invoiceDoc` which derives
 * line totals, the VAT summary, bollo, total and a single instalment from the lines the
 * way the backend does. Tests that assert amounts compare with numbers computed by hand.
 */
import type { InvoiceDocument, InvoiceDocLine } from '../../src-shared/contract/invoiceDocument';
import { isChainProblem, lineAmountCents, parseDiscountChain, parseUnitPriceE8 } from '../../src-shared/domain/pricing';
import { expectedTaxCents } from '../../src-main/modules/invoicing/fatturapa/sdiChecks';
import { BOLLO_CENTS, LEGAL_REFERENCE, bolloDue } from '../../src-shared/domain/invoicing/vatNature';
import { DEFAULT_BOLLO_NATURE } from '../../src-shared/contract/settings';

export const COMPANY: InvoiceDocument['company'] = {
  name: 'Laboratorio Dolce Arte S.r.l.',
  vatCountry: 'IT',
  vatNumber: '01234567897',
  fiscalCode: '01234567897',
  regimeFiscale: 'RF01',
  street: 'Via dei Mulini 12',
  postcode: '50122',
  city: 'Firenze',
  province: 'FI',
  country: 'IT',
  email: 'amministrazione@dolcearte.it',
  phone: '055 123 4567',
  rea: { office: 'FI', number: '612345', capitalCents: 1_000_000, shareholders: 'SU', liquidation: 'LN' },
  iban: 'IT60 X054 2811 1010 0000 0123 456',
  bankName: 'Banca di Firenze',
};

export const BUSINESS: InvoiceDocument['customer'] = {
  id: 1,
  name: 'Bottega del Gusto S.n.c. di Rossi & Bianchi',
  vatCountry: 'IT',
  vatNumber: '09876543217',
  fiscalCode: '',
  street: 'Corso Italia 4',
  postcode: '20122',
  city: 'Milano',
  province: 'MI',
  country: 'IT',
  recipientCode: 'M5UXCR1',
  pec: '',
  language: 'it',
};

export const PEC_CUSTOMER: InvoiceDocument['customer'] = { ...BUSINESS, id: 2, name: 'Forno Verdi S.r.l.', vatNumber: '12345678903', recipientCode: '0000000', pec: 'fornoverdi@pec.it' };

export const CONSUMER: InvoiceDocument['customer'] = {
  ...BUSINESS,
  id: 3,
  name: 'Giovanni Bianchi',
  vatCountry: '',
  vatNumber: '',
  fiscalCode: 'BNCGVN80A01H501J',
  street: 'Via Roma 1',
  postcode: '00184',
  city: 'Roma',
  province: 'RM',
  recipientCode: '0000000',
};

export const FOREIGN: InvoiceDocument['customer'] = {
  ...BUSINESS,
  id: 4,
  name: 'Feinkost Müller GmbH',
  vatCountry: 'DE',
  vatNumber: '123456789',
  street: 'Hauptstraße 5',
  postcode: '80331',
  city: 'München',
  province: '',
  country: 'DE',
  recipientCode: 'XXXXXXX',
  language: 'en',
};

export type LineInput = Partial<InvoiceDocLine> & { description: string; qtyMilli: number; unitPrice: string };

export function line(n: number, l: LineInput): InvoiceDocLine {
  const chain = parseDiscountChain(l.discounts ?? '');
  if (isChainProblem(chain)) throw new Error(`bad chain ${l.discounts}`);
  return {
    number: n,
    code: `SKU-${n}`,
    unit: 'pz',
    discounts: '',
    vatBp: 2200,
    natura: null,
    lineTotalCents: lineAmountCents(l.qtyMilli, parseUnitPriceE8(l.unitPrice), chain),
    ...l,
  };
}

export interface DocInput extends Partial<Omit<InvoiceDocument, 'lines'>> {
  lines: LineInput[];
}

/** The document the backend would freeze: derived amounts from the lines, one bank transfer at 30 days. */
export function invoiceDoc(input: DocInput): InvoiceDocument {
  const lines = input.lines.map((l, i) => line(i + 1, l));
  const rows = new Map<string, InvoiceDocument['vatRows'][number]>();
  for (const l of lines) {
    const key = `${l.vatBp}|${l.natura ?? ''}`;
    const r = rows.get(key) ?? { vatBp: l.vatBp, natura: l.natura, taxableCents: 0, vatCents: 0, legalReference: l.natura ? (LEGAL_REFERENCE[l.natura] ?? '') : '' };
    r.taxableCents += l.lineTotalCents;
    rows.set(key, r);
  }
  const vatRows = [...rows.values()].map((r) => ({ ...r, vatCents: expectedTaxCents(r.taxableCents, r.vatBp) }));
  const taxableCents = vatRows.reduce((s, r) => s + r.taxableCents, 0);
  const vatCents = vatRows.reduce((s, r) => s + r.vatCents, 0);
  const bolloCents = bolloDue(vatRows, DEFAULT_BOLLO_NATURE) ? BOLLO_CENTS : null;
  const totalCents = taxableCents + vatCents;
  const date = input.date ?? '2026-10-31';
  const doc: InvoiceDocument = {
    kind: 'TD01',
    number: '1/2026',
    date,
    currency: 'EUR',
    transmitter: { country: 'IT', idCode: COMPANY.vatNumber, email: COMPANY.email },
    company: COMPANY,
    customer: BUSINESS,
    ddts: [],
    orders: [],
    corrects: null,
    vatRows,
    bolloCents,
    taxableCents,
    vatCents,
    totalCents,
    payment: { condition: 'TP02', instalments: [{ dueDate: '2026-11-30', amountCents: totalCents, method: 'MP05' }], iban: COMPANY.iban, bankName: COMPANY.bankName },
    notes: [],
    ...input,
    lines,
  };
  return doc;
}
