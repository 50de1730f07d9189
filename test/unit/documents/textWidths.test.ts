import PDFDocument from 'pdfkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureOnce } from '../../../src-main/documents/textWidths';
import { renderFixed as render, type Pdf } from '../../support/pdfBytes';


const FONTS = ['Helvetica', 'Helvetica-Bold'] as const;
const SAMPLES = ['L22351-152', 'Coco glucoside vergine', 'AVATAR WAVE', 'Perché è già così — 12,50 €', '', ' ', 'VAVAVA To Ty'];

describe('measureOnce', () => {
  it('gives the widths pdfkit gives, for every font and size, the second time as the first', () => {
    const plain = new PDFDocument({ size: 'A4' });
    const cached = new PDFDocument({ size: 'A4' });
    measureOnce(cached);
    fc.assert(
      fc.property(fc.constantFrom(...FONTS), fc.constantFrom(8.5, 10, 14), fc.oneof(fc.constantFrom(...SAMPLES), fc.string({ maxLength: 30 })), (font, size, text) => {
        plain.font(font).fontSize(size);
        cached.font(font).fontSize(size);
        const expected = plain.widthOfString(text);
        expect(cached.widthOfString(text)).toBe(expected);
        expect(cached.widthOfString(text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('does not serve a width measured in another font or size', () => {
    const doc = new PDFDocument({ size: 'A4' });
    measureOnce(doc);
    const regular = doc.font('Helvetica').fontSize(10).widthOfString('street');
    const bold = doc.font('Helvetica-Bold').fontSize(10).widthOfString('street');
    const bigger = doc.font('Helvetica').fontSize(20).widthOfString('street');
    expect(bold).not.toBe(regular);
    expect(bigger).toBeCloseTo(regular * 2, 6);
  });

  it('passes spacing to pdfkit unchanged', () => {
    const doc = new PDFDocument({ size: 'A4' });
    measureOnce(doc);
    doc.font('Helvetica').fontSize(10);
    const tight = doc.widthOfString('abc');
    expect(doc.widthOfString('abc', { characterSpacing: 2 })).toBeCloseTo(tight + 4, 6);
    expect(doc.widthOfString('abc')).toBe(tight);
  });

  it('draws exactly the document pdfkit draws without it', async () => {
    const draw = (doc: Pdf) => {
      for (let row = 0; row < 120; row++) {
        doc.font(row % 3 === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
        const text = SAMPLES[row % SAMPLES.length]!;
        doc.text(text, 40, 40 + (row % 60) * 12, { lineBreak: false });
        doc.text(text, 300 - doc.widthOfString(text), 40 + (row % 60) * 12, { lineBreak: false });
        doc.text(`${text} ${row}`, 320, 40 + (row % 60) * 12, { width: 120, align: 'right' });
        if (row % 60 === 59) doc.addPage();
      }
    };
    const plain = await render(draw);
    const cached = await render((doc) => {
      measureOnce(doc);
      draw(doc);
    });
    expect(cached.length).toBeGreaterThan(10_000);
    expect(cached.equals(plain)).toBe(true);
  });
});
