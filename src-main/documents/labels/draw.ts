/**
 * Drawing one label inside its box. Type scales with the label (typeScale); every line
 * is fitted to the width (shrunk, then cut with "…"), and the barcode takes the height
 * that is left at the bottom so nothing overlaps on the small 70×37 mm labels.
 */
import type { Pdf } from '../pdfDocument';
import { fitText, inset, mm, typeScale, type Box } from './layout';
import type { Barcode, CaseLabel, ProductLabel, ShippingLabel } from './model';
import { drawBarcodeVector, type VectorBarcode } from './barcodes';

/** The barcode as bwip-js drew it: its size in modules decides the bars' proportions. */
export type BarcodeImage = VectorBarcode;

/**
 * Nominal narrow bar: EAN 0.33 mm; GS1-128 on logistic labels 0.495 mm (GS1 General
 * Specifications, table 5.5.2.7.1-2). A symbol narrower labels cannot hold shrinks, quiet zone included.
 */
const MODULE_MM: Record<Barcode['symbology'], number> = { ean13: 0.33, ean8: 0.33, code128: 0.33, 'gs1-128': 0.495, qrcode: 0.33 };

/**
 * Fitting the same line on a thousand copies gives the same answer: measured once per
 * document (pdfkit's glyph widths and kerning are what costs most in a labels PDF).
 */
const fits = new WeakMap<Pdf, Map<string, { text: string; size: number; width: number }>>();
export function fitOnce(doc: Pdf, font: string, text: string, width: number, max: number, min: number): { text: string; size: number; width: number } {
  let memo = fits.get(doc);
  if (!memo) fits.set(doc, (memo = new Map()));
  const key = `${font}\u0000${width}\u0000${max}\u0000${min}\u0000${text}`;
  let fit = memo.get(key);
  if (!fit) {
    const measure = (s: string, sz: number) => doc.font(font).fontSize(sz).widthOfString(s);
    const f = fitText(text, width, max, min, measure);
    fit = { ...f, width: measure(f.text, f.size) };
    memo.set(key, fit);
  }
  return fit;
}

class Cursor {
  y: number;
  constructor(
    private readonly doc: Pdf,
    private readonly box: Box,
    readonly bottom: number,
  ) {
    this.y = box.y;
  }

  /** One fitted line; skipped (false) when it would run into what is below. */
  line(text: string, size: number, opts: { bold?: boolean; width?: number; align?: 'left' | 'center' | 'right'; gap?: number } = {}): boolean {
    const font = opts.bold ? 'Helvetica-Bold' : 'Helvetica';
    const width = opts.width ?? this.box.width;
    const fit = fitOnce(this.doc, font, text, width, size, Math.max(4, size * 0.6));
    const height = fit.size * 1.15;
    if (this.y + height > this.bottom) return false;
    // placed by hand rather than with pdfkit's width/align: those run its line wrapper, which measures again
    const align = opts.align ?? 'left';
    const x = this.box.x + (align === 'left' ? 0 : align === 'right' ? width - fit.width : (width - fit.width) / 2);
    this.doc.font(font).fontSize(fit.size).fillColor('#000000').text(fit.text, x, this.y, { lineBreak: false });
    this.y += height + (opts.gap ?? 0);
    return true;
  }
}

/** Bars centred at the bottom of `box`, human-readable text under them; returns the top used. */
function drawBarcode(doc: Pdf, box: Box, barcode: Barcode, img: BarcodeImage, maxHeight: number, textSize: number): number {
  if (barcode.symbology === 'qrcode') {
    const side = Math.min(maxHeight, box.width, mm(40));
    const x = box.x + (box.width - side) / 2;
    const y = box.y + box.height - side;
    drawBarcodeVector(doc, img, x, y, side, side);
    return y;
  }
  const textH = barcode.humanText ? textSize * 1.2 : 0;
  const natural = (img.width / img.module) * mm(MODULE_MM[barcode.symbology]);
  const width = Math.min(box.width, natural);
  const height = Math.max(mm(6), maxHeight - textH);
  const x = box.x + (box.width - width) / 2;
  const y = box.y + box.height - textH - height;
  drawBarcodeVector(doc, img, x, y, width, height);
  if (barcode.humanText) {
    const fit = fitOnce(doc, 'Helvetica', barcode.humanText, box.width, textSize, 4);
    doc.font('Helvetica').fontSize(fit.size).text(fit.text, box.x + (box.width - fit.width) / 2, y + height + 1, { lineBreak: false });
  }
  return y;
}

/** The open-jar symbol of cosmetics (Reg. CE 1223/2009, annex VII) with "12M" on it. */
function drawPao(doc: Pdf, x: number, y: number, size: number, months: number): void {
  const bodyTop = y + size * 0.32;
  doc.save().lineWidth(Math.max(0.6, size * 0.04)).strokeColor('#000000');
  // lid, lifted and tilted
  doc.moveTo(x + size * 0.12, y + size * 0.22).lineTo(x + size * 0.8, y + size * 0.04).stroke();
  doc.moveTo(x + size * 0.18, y + size * 0.2).lineTo(x + size * 0.16, y + size * 0.3).stroke();
  // jar body
  doc.roundedRect(x + size * 0.05, bodyTop, size * 0.9, size * 0.62, size * 0.08).stroke();
  doc.restore();
  doc.font('Helvetica-Bold').fontSize(size * 0.3).fillColor('#000000').text(`${months}M`, x, bodyTop + size * 0.17, { width: size, align: 'center', lineBreak: false });
}

export function drawProductLabel(doc: Pdf, outer: Box, label: ProductLabel, img: BarcodeImage): void {
  const box = inset(outer, mm(2));
  const s = typeScale(box);
  const barcodeH = Math.min(box.height * 0.45, mm(22) * s);
  const c = new Cursor(doc, box, box.y + box.height - barcodeH - 2);
  const paoSize = label.paoMonths !== null ? Math.min(mm(9) * s, box.height * 0.3) : 0;
  const textWidth = box.width - (paoSize > 0 ? paoSize + 4 : 0);
  c.line(label.name, 10.5 * s, { bold: true, width: textWidth, gap: 1 });
  if (label.netLine) c.line(label.netLine, 7.5 * s, { width: textWidth });
  c.line(label.lotLine, 8 * s, { bold: true, width: textWidth });
  if (label.expiryLine) c.line(label.expiryLine, 7 * s);
  if (label.paoMonths !== null) {
    drawPao(doc, box.x + box.width - paoSize, box.y, paoSize, label.paoMonths);
    if (label.paoWord) c.line(`${label.paoWord}: ${label.paoMonths}M`, 6.5 * s);
  }
  drawBarcode(doc, box, label.barcode, img, barcodeH, 6.5 * s);
}

export function drawCaseLabel(doc: Pdf, outer: Box, label: CaseLabel, img: BarcodeImage): void {
  const box = inset(outer, mm(2));
  const s = typeScale(box);
  const barcodeH = Math.min(box.height * 0.42, mm(25) * s);
  const c = new Cursor(doc, box, box.y + box.height - barcodeH - 2);
  c.line(label.name, 10 * s, { bold: true });
  c.line(label.sku, 6.5 * s);
  c.line(label.countLine, 9 * s, { bold: true });
  c.line(label.lotLine, 8 * s, { bold: true });
  if (label.expiryLine) c.line(label.expiryLine, 7 * s);
  drawBarcode(doc, box, label.barcode, img, barcodeH, 6 * s);
}

export function drawShippingLabel(doc: Pdf, outer: Box, label: ShippingLabel, img: BarcodeImage): void {
  if (outer.height < mm(60)) return drawCompactShippingLabel(doc, outer, label, img);
  const box = inset(outer, mm(3));
  const s = typeScale(box);
  const barcodeH = Math.min(box.height * 0.25, mm(20) * s);
  const c = new Cursor(doc, box, box.y + box.height - barcodeH - 4);
  for (const l of label.senderLines) c.line(l, 6.5 * s);
  c.y += 3 * s;
  doc.moveTo(box.x, c.y).lineTo(box.x + box.width, c.y).lineWidth(0.8).strokeColor('#000000').stroke();
  c.y += 3 * s;
  label.recipientLines.forEach((l, i) => c.line(l, (i === 0 ? 13 : 11) * s, { bold: i === 0 }));
  if (label.phoneLine) c.line(label.phoneLine, 11 * s);
  c.y += 3 * s;
  doc.moveTo(box.x, c.y).lineTo(box.x + box.width, c.y).lineWidth(0.8).stroke();
  c.y += 3 * s;
  const top = c.y;
  c.line(label.packageLine, 16 * s, { bold: true, align: 'right' });
  c.y = top;
  c.line(label.documentLine, 8 * s, { bold: true, width: box.width * 0.6 });
  if (label.codLine) c.line(label.codLine, 9 * s, { bold: true, width: box.width * 0.6 });
  if (label.carrierLine) c.line(label.carrierLine, 8 * s, { width: box.width * 0.6 });
  if (label.weightLine) c.line(label.weightLine, 8 * s, { bold: true, width: box.width * 0.6 });
  if (label.trackingLine) c.line(label.trackingLine, 8 * s);
  drawBarcode(doc, box, label.barcode, img, barcodeH, 7 * s);
}

/**
 * A 70×37 mm sheet label has room for less: what the courier and the warehouse need
 * first — recipient and phone, DDT and package n/N on one line, weight and tracking —
 * and the sender on one line.
 */
function drawCompactShippingLabel(doc: Pdf, outer: Box, label: ShippingLabel, img: BarcodeImage): void {
  const box = inset(outer, mm(2));
  const barcodeH = box.height * 0.24;
  const c = new Cursor(doc, box, box.y + box.height - barcodeH - 1);
  c.line(label.senderLines.join(' · '), 5);
  label.recipientLines.forEach((l, i) => c.line(l, i === 0 ? 8.5 : 7, { bold: i === 0 }));
  if (label.phoneLine) c.line(label.phoneLine, 7);
  c.line(`${label.documentLine} · ${label.packageLine}`, 7.5, { bold: true });
  const last = [label.weightLine, label.trackingLine].filter((l): l is string => l !== null).join(' · ');
  if (last) c.line(last, 6);
  drawBarcode(doc, box, label.barcode, img, barcodeH, 5);
}
