import { formatQuantity } from '../../../src-shared/domain/quantity';
import type { Handler } from '../../api/handlers';
import { readSettings } from '../settings/store';
import { renderPdf, tableRow, checkbox, toBase64Pdf, PAGE } from '../../documents/pdfDocument';
import { companyHeader } from '../../documents/companyHeader';
import { loadProductionOrder } from './productionRows';
import { SHEET_LABELS } from './sheetLabels';
import { formatDocDate as formatDate } from '../../documents/dates';

/**
 * The sheet that goes to the bench: the recipe scaled to this order's batches, the lots
 * to pick (reserved ones, or the FEFO proposal before release) with location, quantity
 * and a box to tick, then room for the actual output, notes and signatures.
 */
export const productionSheetPdf: Handler<'production.sheetPdf'> = async (ctx, input) => {
  const po = loadProductionOrder(ctx, input.id);
  const settings = readSettings(ctx);
  const lang = input.language ?? settings.language ?? 'it';
  const L = SHEET_LABELS[lang];
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const q = (milli: number, unit: typeof po.item.unit) => formatQuantity(milli, unit, locale);

  const pdf = await renderPdf(`${L.title} ${po.number}`, { language: lang }, (doc) => {
    companyHeader(doc, settings.company, L.vat);
    doc.font('Helvetica-Bold').fontSize(16).text(`${L.title}`, 330, 40, { width: 225, align: 'right' });
    doc.fontSize(20).text(po.number, 330, doc.y, { width: 225, align: 'right' });
    doc.y = Math.max(doc.y, 100) + 10;
    doc.x = PAGE.left;

    const facts: [string, string][] = [
      [L.product, `${po.item.name} (${po.item.sku})`],
      [L.recipe, `${L.version} ${po.recipe.version}`],
      [L.batches, `${po.batches} × ${q(po.recipe.yieldMilli, po.item.unit)}`],
      [L.planned, q(po.plannedQtyMilli, po.item.unit)],
      [L.plannedOn, formatDate(po.plannedOn, locale)],
      [L.status, L.statuses[po.status]],
      [L.orders, po.links.length > 0 ? po.links.map((k) => `${k.orderNumber} ${k.customerName} (${q(k.qtyMilli, po.item.unit)})`).join('; ') : L.stock],
    ];
    for (const [k, v] of facts) tableRow(doc, [{ text: k, width: 150, bold: true }, { text: v, width: 365 }], { fontSize: 10 });

    doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(L.materials, PAGE.left);
    doc.moveDown(0.3);
    const widths = [140, 65, 95, 55, 65, 60, 35];
    tableRow(
      doc,
      [L.material, L.needed, L.lot, L.location, L.qty, L.expiry, 'OK'].map((text, i) => ({ text, width: widths[i]!, bold: true, align: i === 1 || i === 4 ? ('right' as const) : ('left' as const) })),
    );
    for (const c of po.components) {
      const picks = c.reservations.length > 0 ? c.reservations : c.proposal.map((p) => ({ ...p, locationCode: null as string | null }));
      const rows = picks.length > 0 ? picks : [null];
      rows.forEach((p, i) => {
        const y = doc.y;
        tableRow(doc, [
          { text: i === 0 ? `${c.item.name}\n${c.item.sku}` : '', width: widths[0]! },
          { text: i === 0 ? q(c.neededMilli, c.item.unit) : '', width: widths[1]!, align: 'right' },
          { text: p ? p.lotCode + (c.reservations.length === 0 ? ` (${L.notReserved})` : '') : '—', width: widths[2]! },
          { text: p?.locationCode ?? '', width: widths[3]! },
          { text: p ? q(p.qtyMilli, c.item.unit) : '', width: widths[4]!, align: 'right' },
          { text: p ? formatDate(p.expiresOn, locale) : '', width: widths[5]! },
          { text: '', width: widths[6]! },
        ]);
        checkbox(doc, PAGE.left + widths.slice(0, 6).reduce((a, b) => a + b, 0) + 12, y + 4);
      });
    }

    doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(L.output, PAGE.left);
    doc.moveDown(0.3);
    const blank = '______________________';
    for (const [k, v] of [
      [L.actualQty, po.actualQtyMilli !== null ? q(po.actualQtyMilli, po.item.unit) : blank],
      [L.outputLot, po.outputLot?.code ?? blank],
      [L.producedOn, po.producedOn ? formatDate(po.producedOn, locale) : blank],
    ] as [string, string][]) {
      tableRow(doc, [{ text: k, width: 150, bold: true }, { text: v, width: 365 }], { fontSize: 10, padding: 5 });
    }
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(10).text(L.notes, PAGE.left);
    const notesTop = doc.y + 4;
    if (notesTop + 140 > PAGE.bottom) doc.addPage();
    const top = Math.min(notesTop, PAGE.bottom - 140);
    doc.rect(PAGE.left, top, PAGE.width, 70).lineWidth(0.8).strokeColor('#000000').stroke();
    if (po.notes) doc.font('Helvetica').fontSize(9).text(po.notes, PAGE.left + 5, top + 5, { width: PAGE.width - 10 });
    const sy = top + 95;
    doc.font('Helvetica').fontSize(9);
    for (const [i, label] of [L.operator, L.checkedBy].entries()) {
      const x = PAGE.left + i * 270;
      doc.text(`${label} — ${L.signature}`, x, sy);
      doc.moveTo(x, sy + 30).lineTo(x + 240, sy + 30).lineWidth(0.8).stroke();
    }
  });
  return toBase64Pdf(`${po.number.replace('/', '-')}.pdf`, pdf);
};
