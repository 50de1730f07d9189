/**
 * The InvoiceDocument of an invoice, built from its rows, the company settings and the
 * customer as they are now: frozen into invoices.snapshot at issue (and taken again when a
 * rejected invoice is corrected), so later changes never rewrite an issued invoice.
 */
import type { InvoiceDocument } from '../../../src-shared/contract/invoiceDocument';
import type { AppSettings } from '../../../src-shared/contract/settings';
import { LEGAL_REFERENCE } from '../../../src-shared/domain/invoicing/vatNature';
import type { ReadCtx } from '../../api/context';
import { readSettings } from '../settings/store';
import type { CustomerFiscal } from './customerFiscal';
import { loadCustomerFiscal } from './customerFiscal';
import { loadInvoiceRow, loadInvoiceLines, loadInvoiceDdts, loadVatRows, loadInstalments } from './rows';

export function documentCompany(c: AppSettings['company']): InvoiceDocument['company'] {
  const country = c.country || 'IT';
  return {
    name: c.name.trim(),
    vatCountry: country,
    vatNumber: c.vatNumber.trim(),
    fiscalCode: c.fiscalCode.trim().toUpperCase(),
    regimeFiscale: c.regimeFiscale,
    street: c.street.trim(),
    postcode: c.postcode.trim(),
    city: c.city.trim(),
    province: c.province.trim().toUpperCase(),
    country,
    email: c.email,
    phone: c.phone,
    rea:
      c.reaOffice && c.reaNumber
        ? { office: c.reaOffice, number: c.reaNumber, capitalCents: c.shareCapitalCents, shareholders: c.soleShareholder, liquidation: c.inLiquidation ? 'LS' : 'LN' }
        : null,
    iban: c.iban.replace(/\s/g, ''),
    bankName: c.bankName,
  };
}

/** CodiceDestinatario: the SDI code; 0000000 with a PEC or for a consumer; XXXXXXX abroad. */
export function recipientCode(c: CustomerFiscal): string {
  if (c.country !== 'IT') return 'XXXXXXX';
  return c.sdiCode ? c.sdiCode.toUpperCase().padEnd(7, '0') : '0000000';
}

export function documentCustomer(c: CustomerFiscal): InvoiceDocument['customer'] {
  const vat = (c.vatNumber ?? '').trim();
  return {
    id: c.id,
    name: c.name,
    vatCountry: vat ? c.country : '',
    vatNumber: vat,
    fiscalCode: (c.fiscalCode ?? '').trim().toUpperCase(),
    street: c.street,
    postcode: c.country === 'IT' ? c.postcode : c.postcode || '00000',
    city: c.city,
    province: c.country === 'IT' ? c.province.toUpperCase() : '',
    country: c.country,
    recipientCode: recipientCode(c),
    pec: c.sdiCode ? '' : (c.pec ?? ''),
    language: c.language,
  };
}

/** DatiOrdineAcquisto: the customer's own order reference (a shop's order number), with the lines it covers. */
function purchaseOrders(ctx: ReadCtx, invoiceId: number, numberOf: Map<number, number>): InvoiceDocument['orders'] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT o.external_ref AS reference, o.ordered_on AS date, il.id AS lineId FROM invoice_lines il
         JOIN order_lines ol ON ol.id = il.order_line_id JOIN customer_orders o ON o.id = ol.order_id
        WHERE il.invoice_id = ? AND o.external_ref IS NOT NULL ORDER BY il.position`,
    )
    .all(invoiceId) as { reference: string; date: string; lineId: number }[];
  const byRef = new Map<string, InvoiceDocument['orders'][number]>();
  for (const r of rows) {
    const o = byRef.get(r.reference) ?? { reference: r.reference.slice(0, 20), date: r.date, lineNumbers: [] };
    o.lineNumbers.push(numberOf.get(r.lineId)!);
    byRef.set(r.reference, o);
  }
  return [...byRef.values()];
}

export function buildDocument(ctx: ReadCtx, id: number): InvoiceDocument {
  const inv = loadInvoiceRow(ctx, id);
  const settings = readSettings(ctx);
  const company = documentCompany(settings.company);
  const customer = loadCustomerFiscal(ctx, inv.customerId);
  const lines = loadInvoiceLines(ctx, id);
  const numberOf = new Map(lines.map((l) => [l.id, l.position]));
  const ddts = loadInvoiceDdts(ctx, id).map((d) => ({
    number: d.number,
    date: d.date,
    lineNumbers: lines.filter((l) => l.ddtId === d.id).map((l) => numberOf.get(l.id)!),
  }));
  const corrects = inv.correctsInvoiceId === null ? null : loadInvoiceRow(ctx, inv.correctsInvoiceId);
  const instalments = loadInstalments(ctx, id);
  const transmitter = settings.company.transmitterId
    ? { country: settings.company.transmitterCountry, idCode: settings.company.transmitterId, email: '' }
    : { country: company.vatCountry, idCode: company.fiscalCode || company.vatNumber, email: company.email };
  const notes = inv.notes ? [inv.notes] : [];
  if (customer.defaultNatura === 'N3.5' && customer.intentDeclaration) notes.push(`Dichiarazione d'intento prot. ${customer.intentDeclaration}`);
  return {
    kind: inv.kind,
    number: inv.number ?? '',
    date: inv.date,
    currency: 'EUR',
    transmitter,
    company,
    customer: documentCustomer(customer),
    lines: lines.map((l) => ({
      number: l.position,
      code: l.code,
      description: l.description,
      qtyMilli: l.qtyMilli,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discounts: l.discounts,
      lineTotalCents: l.lineTotalCents,
      vatBp: l.vatBp,
      natura: l.natura,
    })),
    ddts,
    orders: purchaseOrders(ctx, id, numberOf),
    corrects: corrects ? { number: corrects.number ?? '', date: corrects.date } : null,
    vatRows: loadVatRows(ctx, id).map((r) => ({ ...r, legalReference: r.natura ? (LEGAL_REFERENCE[r.natura] ?? '') : '' })),
    bolloCents: inv.bolloCents > 0 ? inv.bolloCents : null,
    taxableCents: inv.taxableCents,
    vatCents: inv.vatCents,
    totalCents: inv.totalCents,
    payment:
      instalments.length === 0
        ? null
        : {
            condition: instalments.length > 1 ? 'TP01' : 'TP02',
            instalments: instalments.map((i) => ({ dueDate: i.dueDate, amountCents: i.amountCents, method: i.method })),
            iban: company.iban,
            bankName: company.bankName,
          },
    notes,
  };
}
