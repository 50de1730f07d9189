/**
 * "Pagina 1 di 3" / "Page 1 of 3" at the foot of every page of an A4 document (DDT,
 * packing slip, purchase order, production sheet, recall report): the total is only
 * known once everything is drawn, so the document keeps its pages (pdfkit bufferPages)
 * and this writes the numbers last, going back over each page.
 */
import type PDFDocument from 'pdfkit';

/** pdfkit's document (declared here too: pdfDocument.ts imports this file) */
type Pdf = InstanceType<typeof PDFDocument>;

export type DocLanguage = 'it' | 'en';

export function pageOfText(lang: DocLanguage, page: number, total: number): string {
  return lang === 'it' ? `Pagina ${page} di ${total}` : `Page ${page} of ${total}`;
}

/** Below the content (tables stop at y 800), above the printer's unprintable edge. */
const FOOT_Y = 814;

export function numberPages(doc: Pdf, lang: DocLanguage, right: number, width: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // writing below the bottom margin would make pdfkit open a new page: lift it for this line
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#555555').text(pageOfText(lang, i - range.start + 1, range.count), right - width, FOOT_Y, { width, align: 'right', lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottom;
  }
}
