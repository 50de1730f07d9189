import { formatQuantity } from '../../../src-shared/domain/quantity';
import type { Handler } from '../../api/handlers';
import { renderPdf, tableRow, checkbox, toBase64Pdf, PAGE } from '../../documents/pdfDocument';
import { companyHeader } from '../../documents/companyHeader';
import { formatDocDate } from '../../documents/dates';
import { readSettings } from '../settings/store';
import { DDT_LABELS } from './ddtLabels';
import { addressLines, localeOf, qtyNumber } from './ddtPdf';
import { loadDdt } from './ddtSnapshot';
import { loadShipment } from './shipmentRows';

/**
 * The packing slip that goes in the box: what is in it, lot by lot, without prices, with
 * a box to tick per line. A confirmed shipment prints its DDT's company data and number.
 */
export const packingSlipPdf: Handler<'shipping.packingSlipPdf'> = async (ctx, input) => {
  const s = loadShipment(ctx, input.id);
  const lang = input.language ?? s.customer.language;
  const L = DDT_LABELS[lang];
  const locale = localeOf(lang);
  const company = s.ddt ? loadDdt(ctx, s.ddt.id).snapshot.company : readSettings(ctx).company;
  const pdf = await renderPdf(`${L.packingSlip} ${s.ddt?.number ?? s.id}`, { language: lang }, (doc) => {
    companyHeader(doc, company, L.vat);
    doc.font('Helvetica-Bold').fontSize(15).text(L.packingSlip, 330, 40, { width: 225, align: 'right' });
    doc.font('Helvetica').fontSize(10).text(s.ddt ? `${L.ddtRef} ${s.ddt.number} — ${formatDocDate(s.ddt.date, locale)}` : `${L.shipment} #${s.id} — ${L.draft}`, 330, doc.y + 2, { width: 225, align: 'right' });
    doc.text(`${L.orders}: ${s.orders.map((o) => o.number).join(', ')}`, 330, doc.y, { width: 225, align: 'right' });
    doc.y = 125;
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#555555').text(L.destination.toUpperCase(), PAGE.left, doc.y).fillColor('#000000');
    doc.font('Helvetica-Bold').fontSize(11).text(s.destination.name, PAGE.left, doc.y + 2);
    doc.font('Helvetica').fontSize(10);
    for (const l of addressLines(s.destination)) doc.text(l, PAGE.left);
    doc.moveDown(1);
    const widths = [75, 200, 90, 65, 60, 25];
    tableRow(doc, [L.sku, L.description, L.lot, L.expiry, L.qty, ''].map((text, i) => ({ text, width: widths[i]!, bold: true, align: i === 4 ? ('right' as const) : ('left' as const) })));
    for (const l of s.lines) {
      const y = doc.y;
      tableRow(doc, [
        { text: l.item.sku, width: widths[0]! },
        { text: l.item.name, width: widths[1]! },
        { text: l.lot.code, width: widths[2]! },
        { text: formatDocDate(l.lot.expiresOn, locale), width: widths[3]! },
        { text: `${qtyNumber(l.qtyMilli, l.item.unit, locale)} ${L.units[l.item.unit]}`, width: widths[4]!, align: 'right' },
        { text: '', width: widths[5]! },
      ]);
      checkbox(doc, PAGE.left + widths.slice(0, 5).reduce((a, b) => a + b, 0) + 8, y + 4);
    }
    doc.moveDown(1).font('Helvetica').fontSize(10);
    doc.text(`${L.packages}: ${s.packageCount}${s.appearance ? ` (${s.appearance})` : ''}`, PAGE.left);
    if (s.grossWeightG !== null) doc.text(`${L.grossWeight}: ${formatQuantity(s.grossWeightG, 'kg', locale)}`, PAGE.left);
    const sy = Math.min(doc.y + 40, PAGE.bottom - 40);
    for (const [i, label] of [L.packedBy, L.checked].entries()) {
      const x = PAGE.left + i * 270;
      doc.text(label, x, sy);
      doc.moveTo(x, sy + 30).lineTo(x + 240, sy + 30).lineWidth(0.8).stroke();
    }
  });
  return toBase64Pdf(`${lang === 'it' ? 'Distinta' : 'PackingSlip'}-${s.ddt ? s.ddt.number.replace('/', '-') : `bozza-${s.id}`}.pdf`, pdf);
};
