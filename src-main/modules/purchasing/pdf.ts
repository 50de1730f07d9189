import { formatQuantity } from '../../../src-shared/domain/quantity';
import { formatMicros, formatMoney } from '../../../src-shared/domain/money';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { readSettings } from '../settings/store';
import { renderPdf, tableRow, toBase64Pdf, PAGE } from '../../documents/pdfDocument';
import { companyHeader } from '../../documents/companyHeader';
import { formatDocDate as documentDate } from '../../documents/dates';
import { loadPurchaseOrder } from './orderRows';
import { PO_LABELS } from './pdfLabels';

interface SupplierAddress {
  name: string;
  street: string;
  postcode: string;
  city: string;
  province: string;
  country: string;
  vatNumber: string | null;
  fiscalCode: string | null;
  email: string | null;
}

function supplierAddress(ctx: ReadCtx, id: number): SupplierAddress {
  return ctx.sqlite
    .prepare('SELECT name, street, postcode, city, province, country, vat_number AS vatNumber, fiscal_code AS fiscalCode, email FROM suppliers WHERE id = ?')
    .get(id) as SupplierAddress;
}

/**
 * The order as the supplier receives it: our company, their address, each line with their
 * code, quantity, price and delivery date, the total, and how to confirm.
 */
export const purchaseOrderPdf: Handler<'purchasing.pdf'> = async (ctx, input) => {
  const po = loadPurchaseOrder(ctx, input.id);
  const settings = readSettings(ctx);
  const lang = input.language ?? po.supplier.language;
  const L = PO_LABELS[lang];
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const s = supplierAddress(ctx, po.supplier.id);

  const pdf = await renderPdf(`${L.title} ${po.number}`, { language: lang }, (doc) => {
    companyHeader(doc, settings.company, L.vat);
    doc.font('Helvetica-Bold').fontSize(16).text(L.title, 330, 40, { width: 225, align: 'right' });
    doc.fontSize(20).text(po.number, 330, doc.y, { width: 225, align: 'right' });
    if (po.status === 'cancelled') doc.fontSize(12).fillColor('#b00020').text(L.cancelled, 330, doc.y, { width: 225, align: 'right' }).fillColor('#000000');

    const top = 120;
    doc.font('Helvetica').fontSize(8.5).fillColor('#555555').text(L.supplier, 330, top, { width: 225 });
    doc.font('Helvetica-Bold').fontSize(10.5).fillColor('#000000').text(s.name, { width: 225 });
    doc.font('Helvetica').fontSize(9.5);
    const place = [s.postcode, s.city, s.province ? `(${s.province})` : ''].filter(Boolean).join(' ');
    for (const l of [s.street, place, s.country && s.country !== 'IT' ? s.country : '', s.vatNumber ? `${L.vat} ${s.vatNumber}` : '', s.fiscalCode ? `${L.fiscalCode} ${s.fiscalCode}` : '', s.email ?? '']) {
      if (l) doc.text(l, { width: 225 });
    }
    const facts: [string, string][] = [
      [L.orderedOn, documentDate(po.orderedOn, locale)],
      [L.expectedOn, documentDate(po.expectedOn, locale)],
    ];
    const addressBottom = doc.y;
    // plain text, not table rows: a row's rule would run through the supplier's address
    facts.forEach(([k, v], i) => {
      const y = top + 10 + i * 16;
      doc.font('Helvetica-Bold').fontSize(10).text(k, PAGE.left, y, { width: 120 });
      doc.font('Helvetica').text(v, PAGE.left + 125, y, { width: 140 });
    });
    doc.x = PAGE.left;
    doc.y = Math.max(addressBottom, top + 10 + facts.length * 16) + 25;

    const widths = [60, 165, 70, 70, 75, 75];
    const right = new Set([2, 3, 4]);
    tableRow(doc, [L.yourCode, L.item, L.qty, L.price, L.total, L.delivery].map((text, i) => ({ text, width: widths[i]!, bold: true, align: right.has(i) ? ('right' as const) : ('left' as const) })));
    for (const l of po.lines) {
      tableRow(doc, [
        { text: l.supplierCode ?? '', width: widths[0]! },
        { text: `${l.item.name}\n${l.item.sku}${l.notes ? `\n${l.notes}` : ''}`, width: widths[1]! },
        { text: formatQuantity(l.qtyMilli, l.item.unit, locale), width: widths[2]!, align: 'right' },
        { text: l.unitPriceMicros === null ? '' : `${formatMicros(l.unitPriceMicros, locale)}/${l.item.unit}`, width: widths[3]!, align: 'right' },
        { text: l.totalCents === null ? '' : formatMoney(l.totalCents, locale), width: widths[4]!, align: 'right' },
        { text: documentDate(l.expectedOn, locale), width: widths[5]! },
      ]);
    }
    tableRow(doc, [
      { text: L.grandTotal, width: widths[0]! + widths[1]! + widths[2]! + widths[3]!, bold: true, align: 'right' },
      { text: formatMoney(po.totalCents, locale), width: widths[4]!, bold: true, align: 'right' },
      { text: '', width: widths[5]! },
    ]);

    if (po.notes) {
      doc.moveDown(1).font('Helvetica-Bold').fontSize(10).text(L.notes, PAGE.left);
      doc.font('Helvetica').fontSize(9.5).text(po.notes, PAGE.left, doc.y, { width: PAGE.width });
    }
    doc.moveDown(1.5).font('Helvetica').fontSize(9.5).text(L.closing, PAGE.left, doc.y, { width: PAGE.width });
    if (doc.y + 60 > PAGE.bottom) doc.addPage();
    const sy = doc.y + 30;
    doc.text(L.signature, PAGE.left + 300, sy);
    doc.moveTo(PAGE.left + 300, sy + 35).lineTo(PAGE.right, sy + 35).lineWidth(0.8).strokeColor('#000000').stroke();
  });
  return toBase64Pdf(`${po.number.replace('/', '-')}.pdf`, pdf);
};
