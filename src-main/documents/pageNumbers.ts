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
    const text = pageOfText(lang, i - range.start + 1, range.count);
    doc.font('Helvetica').fontSize(8).fillColor('#555555');
    // right-aligned by hand where pdfkit's line wrapper puts it (x + (width - text width)):
    // the wrapper, made anew for each page's one line, was most of this on a 580-page report
    doc.text(text, right - width + (width - doc.widthOfString(text)), FOOT_Y, { lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottom;
  }
}
