/**
 * The courtesy copy (copia di cortesia) of an issued invoice or credit note, drawn from the
 * same frozen InvoiceDocument as the XML so the two never disagree: company header and
 * logo, customer with its fiscal ids and SdI address, DDT / order / corrected-invoice
 * references, the lines, the VAT summary per rate or Natura, bollo, totals, instalments
 * with the IBAN, and the note that the legal document is the XML sent through the SdI.
 * In the customer's language, with Italian or English number formats.
 */
import type { InvoiceDocument } from '../../src-shared/contract/invoiceDocument';
import { formatMoney } from '../../src-shared/domain/money';
import { companyHeader } from './companyHeader';
import { formatDocDate } from './dates';
import { INVOICE_PDF_LABELS, type InvoicePdfLabels } from './invoicePdfLabels';
import { PAGE, renderPdf, renderPdfSync, tableRow, type Pdf } from './pdfDocument';

const localeOf = (lang: 'it' | 'en') => (lang === 'it' ? 'it-IT' : 'en-GB');

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: 'always' })));
  return f;
}

/** 123456 cents → "1.234,56" (it) / "1,234.56" (en): the amount columns, the € is in the header. */
export const amountText = (cents: number, locale: string) => numberFormat(locale, 2, 2).format(cents / 100);
/** "25.40983607" → "25,40983607": unit prices keep every decimal they were issued with. */
export const priceText = (price: string, locale: string) => numberFormat(locale, 2, 8).format(Number(price));
export const qtyText = (milli: number, locale: string) => numberFormat(locale, 0, 3).format(milli / 1000);
const rateText = (vatBp: number, natura: string | null, locale: string) => (natura ? natura : `${numberFormat(locale, 0, 2).format(vatBp / 100)}%`);

export function invoicePdfFileName(doc: InvoiceDocument): string {
  const L = INVOICE_PDF_LABELS[doc.customer.language];
  return `${L.titles[doc.kind]} ${doc.number.replace(/\//g, '-')}.pdf`;
}

function customerBox(doc: Pdf, L: InvoicePdfLabels, d: InvoiceDocument, x: number, y: number, w: number): void {
  const c = d.customer;
  const lines = [
    c.street,
    [c.postcode, c.city, c.province ? `(${c.province})` : ''].filter(Boolean).join(' '),
    c.country !== 'IT' ? c.country : '',
    c.vatNumber ? `${L.vat} ${c.vatCountry && c.vatCountry !== 'IT' ? c.vatCountry : ''}${c.vatNumber}` : '',
    c.fiscalCode ? `${L.fiscalCode} ${c.fiscalCode}` : '',
    c.recipientCode === '0000000' && c.pec ? `${L.pec} ${c.pec}` : c.recipientCode !== '0000000' && c.recipientCode !== 'XXXXXXX' ? `${L.sdiCode} ${c.recipientCode}` : '',
  ].filter(Boolean);
  const h = 20 + 12 + lines.length * 11;
  doc.rect(x, y, w, h).lineWidth(0.8).strokeColor('#000000').stroke();
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor('#555555').text(L.customer.toUpperCase(), x + 6, y + 5, { width: w - 12 });
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(10).text(c.name, x + 6, doc.y + 2, { width: w - 12 });
  doc.font('Helvetica').fontSize(9);
  for (const l of lines) doc.text(l, x + 6, doc.y, { width: w - 12 });
}

/** REA, share capital, regime: the company's registration facts, printed under its header. */
function companyFacts(L: InvoicePdfLabels, d: InvoiceDocument, locale: string): string {
  const r = d.company.rea;
  return [
    d.company.fiscalCode && d.company.fiscalCode !== d.company.vatNumber ? `${L.fiscalCode} ${d.company.fiscalCode}` : '',
    r ? `${L.rea} ${r.office}-${r.number}` : '',
    r && r.capitalCents !== null ? `${L.capital} ${formatMoney(r.capitalCents, locale)}` : '',
    r?.shareholders === 'SU' ? L.soleShareholder : '',
    r?.liquidation === 'LS' ? L.inLiquidation : '',
    `${L.regime} ${d.company.regimeFiscale}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function references(L: InvoicePdfLabels, d: InvoiceDocument, locale: string): string[] {
  const date = (iso: string | null) => (iso ? ` ${L.of} ${formatDocDate(iso, locale)}` : '');
  return [
    d.corrects ? `${L.corrects} ${d.corrects.number}${date(d.corrects.date)}` : '',
    d.ddts.length ? `${L.ddts}: ${d.ddts.map((x) => `${x.number}${date(x.date)}`).join(', ')}` : '',
    d.orders.length ? `${L.orders}: ${d.orders.map((o) => `${o.reference}${date(o.date)}`).join(', ')}` : '',
  ].filter(Boolean);
}

/**
 * Code, description, quantity, unit, price (up to 8 decimals), discount, amount, VAT: 515 pt.
 * The code column holds a 14-character SKU on one line ("MP-CONSERVANTE" is 75 pt at the
 * code's 8 pt); the description wraps instead.
 */
const LINE_WIDTHS = [84, 120, 45, 28, 82, 46, 70, 40];
const CODE_FONT_SIZE = 8;

function linesTable(doc: Pdf, L: InvoicePdfLabels, d: InvoiceDocument, locale: string): void {
  const head = [L.code, L.description, L.qty, L.unit, `${L.price} €`, L.discount, `${L.amount} €`, L.vatRate];
  const right = new Set([2, 4, 5, 6, 7]);
  tableRow(doc, head.map((text, i) => ({ text, width: LINE_WIDTHS[i]!, bold: true, align: right.has(i) ? ('right' as const) : ('left' as const) })), { fontSize: 8 });
  for (const l of d.lines) {
    const cells = [l.code, l.description, qtyText(l.qtyMilli, locale), l.unit, priceText(l.unitPrice, locale), l.discounts, amountText(l.lineTotalCents, locale), rateText(l.vatBp, l.natura, locale)];
    tableRow(doc, cells.map((text, i) => ({ text, width: LINE_WIDTHS[i]!, align: right.has(i) ? ('right' as const) : ('left' as const), fontSize: i === 0 ? CODE_FONT_SIZE : undefined })), { fontSize: 8.5 });
  }
}

function vatSummary(doc: Pdf, L: InvoicePdfLabels, d: InvoiceDocument, locale: string): void {
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(9).text(L.vatSummary, PAGE.left, doc.y);
  doc.moveDown(0.2);
  const w = [90, 85, 85, 255];
  tableRow(doc, [L.rateOrNature, `${L.taxable} €`, `${L.tax} €`, L.legalReference].map((text, i) => ({ text, width: w[i]!, bold: true, align: i === 1 || i === 2 ? ('right' as const) : ('left' as const) })), { fontSize: 8 });
  for (const r of d.vatRows) {
    tableRow(doc, [
      { text: rateText(r.vatBp, r.natura, locale), width: w[0]! },
      { text: amountText(r.taxableCents, locale), width: w[1]!, align: 'right' },
      { text: amountText(r.vatCents, locale), width: w[2]!, align: 'right' },
      { text: r.natura ? r.legalReference : '', width: w[3]! },
    ], { fontSize: 8.5 });
  }
}

function totals(doc: Pdf, L: InvoicePdfLabels, d: InvoiceDocument, locale: string): void {
  doc.moveDown(0.6);
  const x = PAGE.right - 230;
  const row = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 9.5);
    doc.text(label, x, y, { width: 130 });
    doc.text(value, x + 130, y, { width: 100, align: 'right' });
    doc.x = PAGE.left;
  };
  if (doc.y + 80 > PAGE.bottom) doc.addPage();
  row(L.totalTaxable, formatMoney(d.taxableCents, locale));
  row(L.totalVat, formatMoney(d.vatCents, locale));
  if (d.bolloCents) {
    doc.font('Helvetica').fontSize(8).text(`${L.bollo}: ${formatMoney(d.bolloCents, locale)}`, PAGE.left, doc.y + 2, { width: PAGE.width });
  }
  row(L.total, formatMoney(d.totalCents, locale), true);
}

function payment(doc: Pdf, L: InvoicePdfLabels, d: InvoiceDocument, locale: string): void {
  const p = d.payment;
  if (!p) return;
  doc.moveDown(0.8);
  if (doc.y + 40 + p.instalments.length * 14 > PAGE.bottom) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(9).text(L.payment, PAGE.left, doc.y);
  doc.moveDown(0.2);
  const w = [60, 110, 200, 145];
  tableRow(doc, [L.instalment, L.dueDate, L.method, `${L.amount} €`].map((text, i) => ({ text, width: w[i]!, bold: true, align: i === 3 ? ('right' as const) : ('left' as const) })), { fontSize: 8 });
  p.instalments.forEach((i, n) => {
    tableRow(doc, [
      { text: String(n + 1), width: w[0]! },
      { text: formatDocDate(i.dueDate, locale), width: w[1]! },
      { text: L.methods[i.method] ?? i.method, width: w[2]! },
      { text: amountText(i.amountCents, locale), width: w[3]!, align: 'right' },
    ], { fontSize: 8.5 });
  });
  if (p.iban) doc.font('Helvetica').fontSize(9).text(`${L.iban} ${p.iban}${p.bankName ? ` — ${p.bankName}` : ''}`, PAGE.left, doc.y + 4, { width: PAGE.width });
}

function drawInvoice(doc: Pdf, d: InvoiceDocument, logo: Buffer | null): void {
  const L = INVOICE_PDF_LABELS[d.customer.language];
  const locale = localeOf(d.customer.language);
  let textX = PAGE.left;
  if (logo) {
    try {
      doc.image(logo, PAGE.left, 36, { fit: [110, 56] });
      textX = PAGE.left + 122;
    } catch {
      // a logo pdfkit cannot read is left out rather than blocking the copy
    }
  }
  companyHeader(doc, d.company, L.vat, { x: textX, width: 330 - textX });
  doc.font('Helvetica').fontSize(7.5).fillColor('#333333').text(companyFacts(L, d, locale), textX, doc.y + 1, { width: 330 - textX }).fillColor('#000000');
  doc.font('Helvetica-Bold').fontSize(14).text(L.titles[d.kind], 330, 40, { width: 225, align: 'right' });
  doc.font('Helvetica').fontSize(7.5).fillColor('#555555').text(L.courtesy.toUpperCase(), 330, doc.y, { width: 225, align: 'right' }).fillColor('#000000');
  doc.font('Helvetica-Bold').fontSize(15).text(`${L.number} ${d.number}`, 330, doc.y + 4, { width: 225, align: 'right' });
  doc.font('Helvetica').fontSize(10).text(`${L.date} ${formatDocDate(d.date, locale)}`, 330, doc.y, { width: 225, align: 'right' });

  const top = 130;
  customerBox(doc, L, d, PAGE.right - 260, top, 260);
  doc.x = PAGE.left;
  doc.y = Math.max(doc.y + 10, top + 60);
  const refs = references(L, d, locale);
  if (refs.length) {
    doc.font('Helvetica').fontSize(8.5);
    for (const r of refs) doc.text(r, PAGE.left, doc.y, { width: PAGE.width });
    doc.moveDown(0.5);
  }
  linesTable(doc, L, d, locale);
  vatSummary(doc, L, d, locale);
  totals(doc, L, d, locale);
  payment(doc, L, d, locale);
  if (d.notes.length) {
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(8).text(L.notes, PAGE.left, doc.y);
    doc.font('Helvetica').fontSize(8.5).text(d.notes.join('\n'), PAGE.left, doc.y, { width: PAGE.width });
  }
  doc.moveDown(1);
  if (doc.y + 40 > PAGE.bottom) doc.addPage();
  doc.font('Helvetica-Oblique').fontSize(7.5).fillColor('#444444').text(L.legalNote, PAGE.left, doc.y, { width: PAGE.width }).fillColor('#000000');
}

export function renderInvoicePdf(d: InvoiceDocument, logo: Buffer | null): Promise<Buffer> {
  const L = INVOICE_PDF_LABELS[d.customer.language];
  return renderPdf(`${L.titles[d.kind]} ${d.number}`, { language: d.customer.language }, (doc) => drawInvoice(doc, d, logo));
}

export function renderInvoicePdfSync(d: InvoiceDocument, logo: Buffer | null): Buffer {
  const L = INVOICE_PDF_LABELS[d.customer.language];
  return renderPdfSync(`${L.titles[d.kind]} ${d.number}`, { language: d.customer.language }, (doc) => drawInvoice(doc, d, logo));
}
