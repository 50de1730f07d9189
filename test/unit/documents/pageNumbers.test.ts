import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { numberPages, pageOfText } from '../../../src-main/documents/pageNumbers';

/** Three buffered pages with some text, numbered by `number`, as uncompressed bytes. */
function render(number: (doc: InstanceType<typeof PDFDocument>) => void): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, bufferPages: true, compress: false, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<string>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))));
  for (let p = 0; p < 12; p++) {
    if (p > 0) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).text(`page body ${p}`, 40, 60);
  }
  number(doc);
  doc.end();
  return done;
}

describe('numberPages', () => {
  it("writes each page's number where pdfkit's right-aligned text in the same box puts it, byte for byte (it and en, one and two digits)", async () => {
    for (const lang of ['it', 'en'] as const) {
      const ours = await render((doc) => numberPages(doc, lang, 555, 515));
      const pdfkits = await render((doc) => {
        const range = doc.bufferedPageRange();
        for (let i = range.start; i < range.start + range.count; i++) {
          doc.switchToPage(i);
          const bottom = doc.page.margins.bottom;
          doc.page.margins.bottom = 0;
          doc.font('Helvetica').fontSize(8).fillColor('#555555').text(pageOfText(lang, i + 1, range.count), 40, 814, { width: 515, align: 'right', lineBreak: false });
          doc.fillColor('#000000');
          doc.page.margins.bottom = bottom;
        }
      });
      expect(ours).toBe(pdfkits);
    }
  });
});
