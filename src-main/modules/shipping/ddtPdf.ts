import { formatMoney } from '../../../src-shared/domain/money';
import { formatQuantity } from '../../../src-shared/domain/quantity';
import { renderPdf, renderPdfSync, tableRow, PAGE, type Pdf } from '../../documents/pdfDocument';
import { companyHeader } from '../../documents/companyHeader';
import { formatDocDate, formatDocDateTime } from '../../documents/dates';
import type { Address } from '../../../src-shared/contract/shipping';
import { DDT_LABELS, type DdtLabels } from './ddtLabels';
import type { DdtSnapshot, Party } from './ddtSnapshot';

export const localeOf = (lang: 'it' | 'en') => (lang === 'it' ? 'it-IT' : 'en-GB');

/** The number alone, e.g. "2,5" (the unit has its own column, in the document's language). */
export function qtyNumber(milli: number, unit: DdtSnapshot['lines'][number]['unit'], locale: string): string {
  return formatQuantity(milli, unit, locale).replace(/\s*(pcs|pz|g|kg|ml|l)$/, '');
}

export function addressLines(a: Address): string[] {
  return [a.street, [a.postcode, a.city, a.province ? `(${a.province})` : ''].filter(Boolean).join(' '), a.country && a.country !== 'IT' ? a.country : ''].filter(Boolean);
}

/** A titled box with a party's name, address and P.IVA. */
function partyBox(doc: Pdf, L: DdtLabels, title: string, party: Party | Address, x: number, y: number, w: number, h: number): void {
  doc.rect(x, y, w, h).lineWidth(0.8).strokeColor('#000000').stroke();
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor('#555555').text(title.toUpperCase(), x + 6, y + 5, { width: w - 12 });
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(10).text(party.name, x + 6, doc.y + 2, { width: w - 12 });
  doc.font('Helvetica').fontSize(9);
  for (const l of addressLines(party)) doc.text(l, x + 6, doc.y, { width: w - 12 });
  if ('vatNumber' in party && party.vatNumber) doc.text(`${L.vat} ${party.vatNumber}`, x + 6, doc.y, { width: w - 12 });
}

/** A row of labelled cells in boxes (the transport facts, the totals). */
function factBoxes(doc: Pdf, cells: { label: string; value: string; width: number }[], height = 30): void {
  const y = doc.y;
  let x = PAGE.left;
  for (const c of cells) {
    doc.rect(x, y, c.width, height).lineWidth(0.8).strokeColor('#000000').stroke();
    doc.font('Helvetica-Bold').fontSize(7).fillColor('#555555').text(c.label.toUpperCase(), x + 4, y + 4, { width: c.width - 8, lineBreak: false, ellipsis: true });
    doc.fillColor('#000000').font('Helvetica').fontSize(9).text(c.value || '—', x + 4, y + 14, { width: c.width - 8, height: height - 15, ellipsis: true });
    x += c.width;
  }
  doc.x = PAGE.left;
  doc.y = y + height;
}

/**
 * The delivery note (DPR 472/1996) from its frozen snapshot: number and date, sender with
 * P.IVA, recipient and destination, goods line by line with lot and expiry, causale,
 * transport by and carrier, packages, appearance, gross weight, start of transport and
 * the two signatures.
 */
export function renderDdt(s: DdtSnapshot, logo: Buffer | null): Promise<Buffer> {
  return renderPdf(`DDT ${s.number}`, { language: s.language }, (doc) => drawDdt(doc, s, logo));
}

export function renderDdtSync(s: DdtSnapshot, logo: Buffer | null): Buffer {
  return renderPdfSync(`DDT ${s.number}`, { language: s.language }, (doc) => drawDdt(doc, s, logo));
}

function drawDdt(doc: Pdf, s: DdtSnapshot, logo: Buffer | null): void {
  const L = DDT_LABELS[s.language];
  const locale = localeOf(s.language);
  let textX = PAGE.left;
  if (logo) {
    try {
      doc.image(logo, PAGE.left, 36, { fit: [110, 56] });
      textX = PAGE.left + 122;
    } catch {
      // a logo pdfkit cannot read is left out rather than blocking the DDT
    }
  }
  companyHeader(doc, s.company, L.vat, { x: textX, width: 330 - textX });
  doc.font('Helvetica-Bold').fontSize(13).text(s.kind === 'return' ? L.returnTitle : L.title, 330, 40, { width: 225, align: 'right' });
  doc.font('Helvetica').fontSize(7.5).fillColor('#555555').text(L.law, 330, doc.y, { width: 225, align: 'right' }).fillColor('#000000');
  doc.font('Helvetica-Bold').fontSize(16).text(`${L.number} ${s.number}`, 330, doc.y + 4, { width: 225, align: 'right' });
  doc.font('Helvetica').fontSize(10).text(`${L.date} ${formatDocDate(s.date, locale)}`, 330, doc.y, { width: 225, align: 'right' });

  const top = 118;
  const boxW = s.destination ? 168 : 254;
  partyBox(doc, L, L.sender, s.sender, PAGE.left, top, boxW, 78);
  partyBox(doc, L, L.recipient, s.recipient, PAGE.left + boxW + 5, top, boxW, 78);
  if (s.destination) partyBox(doc, L, L.destination, s.destination, PAGE.left + 2 * (boxW + 5), top, PAGE.width - 2 * (boxW + 5), 78);
  doc.x = PAGE.left;
  doc.y = top + 86;

  const carrier = [s.carrier, s.carrierService].filter(Boolean).join(' — ');
  factBoxes(doc, [
    { label: L.causale, value: L.causali[s.causale] ?? s.causale, width: 115 },
    { label: L.transportBy, value: L.by[s.transportBy], width: 120 },
    { label: L.carrier, value: carrier, width: 160 },
    { label: L.start, value: formatDocDateTime(s.transportStart, locale), width: 120 },
  ]);
  const refs = [`${L.orders}: ${s.orderNumbers.join(', ')}`, s.originalDdt ? `${L.originalDdt}: ${s.originalDdt}` : '', s.trackingNumber ? `${L.tracking}: ${s.trackingNumber}` : ''].filter(Boolean).join('   ');
  doc.font('Helvetica').fontSize(8.5).text(refs, PAGE.left, doc.y + 5, { width: PAGE.width });
  if (s.cashOnDeliveryCents) {
    doc.font('Helvetica-Bold').fontSize(11).text(`${L.cashOnDelivery}: ${formatMoney(s.cashOnDeliveryCents, locale)}`, PAGE.left, doc.y + 4, { width: PAGE.width });
  }
  doc.moveDown(0.6);

  const widths = [70, 185, 80, 60, 80, 40];
  tableRow(doc, [L.sku, L.description, L.lot, L.expiry, L.qty, L.unit].map((text, i) => ({ text, width: widths[i]!, bold: true, align: i === 4 ? ('right' as const) : ('left' as const) })), { fontSize: 8.5 });
  for (const l of s.lines) {
    tableRow(doc, [
      { text: l.sku, width: widths[0]! },
      { text: l.name, width: widths[1]! },
      { text: l.lotCode, width: widths[2]! },
      { text: formatDocDate(l.expiresOn, locale), width: widths[3]! },
      { text: qtyNumber(l.qtyMilli, l.unit, locale), width: widths[4]!, align: 'right' },
      { text: L.units[l.unit], width: widths[5]! },
    ]);
  }

  const footer = 190;
  if (doc.y + 10 > PAGE.bottom - footer) doc.addPage();
  doc.y = PAGE.bottom - footer;
  factBoxes(doc, [
    { label: L.packages, value: String(s.packageCount), width: 90 },
    { label: L.appearance, value: s.appearance, width: 245 },
    { label: L.grossWeight, value: `${formatQuantity(s.grossWeightG, 'kg', locale)}`, width: 180 },
  ]);
  doc.moveDown(0.4);
  const notesY = doc.y;
  doc.rect(PAGE.left, notesY, PAGE.width, 50).lineWidth(0.8).stroke();
  doc.font('Helvetica-Bold').fontSize(7).fillColor('#555555').text(L.notes.toUpperCase(), PAGE.left + 4, notesY + 4);
  doc.fillColor('#000000').font('Helvetica').fontSize(8.5).text(s.notes, PAGE.left + 4, notesY + 14, { width: PAGE.width - 8, height: 34, ellipsis: true });
  const sy = notesY + 60;
  for (const [i, label] of [L.driverSignature, L.recipientSignature].entries()) {
    const x = PAGE.left + i * 262;
    doc.rect(x, sy, 253, 62).lineWidth(0.8).stroke();
    doc.font('Helvetica-Bold').fontSize(7).fillColor('#555555').text(label.toUpperCase(), x + 4, sy + 4);
    doc.fillColor('#000000');
  }
}
