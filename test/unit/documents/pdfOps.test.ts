import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineOps, ruleOps, strokeStyleOps, TextBlock, textOps } from '../../../src-main/documents/pdfOps';
import { measureOnce } from '../../../src-main/documents/textWidths';
import { renderFixed as render, type Pdf } from '../../support/pdfBytes';
import { pdfGreyPage } from '../../support/pdfTools';
import { pdfkitShow, pdfkitShows } from '../../support/pdfShows';
import { tempDir } from '../../support/tempDir';

type Cell = { font: 'Helvetica' | 'Helvetica-Bold'; size: number; text: string; x: number; y: number };

/** Rows of cells and a rule under each, on several pages: once through pdfkit, once as written operators. */
function drawRows(rows: Cell[][], written: boolean) {
  return (doc: Pdf) => {
    measureOnce(doc);
    rows.forEach((cells, r) => {
      if (r > 0 && r % 25 === 0) doc.addPage();
      let ops: string[] = [];
      for (const c of cells) {
        doc.font(c.font).fontSize(c.size);
        const text = written ? textOps(doc, c.text, c.x, c.y) : null;
        if (text === null) {
          // what pdfkit must draw itself comes after what was written before it
          if (ops.length > 0) doc.addContent(ops.join('\n'));
          ops = [];
          doc.text(c.text, c.x, c.y, { lineBreak: false });
        } else if (text !== '') ops.push(text);
      }
      const y = 60 + (r % 25) * 14;
      if (written) {
        ops.push(ruleOps(40, 555, y, 0.5, '#999999'));
        doc.addContent(ops.join('\n'));
      } else doc.moveTo(40, y).lineTo(555, y).lineWidth(0.5).strokeColor('#999999').stroke();
    });
  };
}

const SAMPLES = ['L22351-152', 'Coco glucoside vergine', 'AVATAR WAVE', 'Perché è già così — 12,50 €', 'Sapone…', '', ' ', 'VAVAVA To Ty', 'two\nlines', 'a (b) \\ c) (', 'tab\there', 'ÿ → ok'];
const cell = fc.record({
  font: fc.constantFrom('Helvetica' as const, 'Helvetica-Bold' as const),
  size: fc.constantFrom(8.5, 10, 12),
  text: fc.oneof(fc.constantFrom(...SAMPLES), fc.string({ maxLength: 24 })),
  x: fc.double({ min: 40, max: 500, noNaN: true }),
  y: fc.double({ min: 40, max: 780, noNaN: true }),
});

describe('pdfOps', () => {
  it('writes the very bytes pdfkit writes for plain text and rules, its hex strings as literal ones (fonts, sizes, kerning, accents, escapes, empty cells, pages)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 60 }), async (rows) => {
        const plain = await render(drawRows(rows, false));
        const written = await render(drawRows(rows, true));
        // the glyph codes and adjustments read back from the literal strings are pdfkit's, byte for byte
        expect(pdfkitShows(written)).toBe(pdfkitShows(plain));
      }),
      { numRuns: 40 },
    );
  });

  it('writes a text as literal strings, half the bytes of pdfkit\'s hex, escaping what a literal string must', async () => {
    const ops = (text: string) => {
      let line = '';
      void render((doc) => {
        measureOnce(doc);
        doc.font('Helvetica').fontSize(10);
        line = textOps(doc, text, 40, 40)!.split('\n')[5]!;
      });
      return line;
    };
    expect(ops('L22351-152')).toBe('(L22351-152) Tj');
    // kerned pairs end a run, as pdfkit's hex runs end
    expect(ops('AVATAR')).toBe('[(A) 70 (V) 80 (A) 120 (T) 120 (AR)] TJ');
    // delimiters and backslash escaped, WinAnsi bytes as they are
    expect(ops('a (b) \\ €')).toBe('(a \\(b\\) \\\\ \x80) Tj');
    expect(pdfkitShow(ops('a (b) \\ €'))).toBe('[<6120286229205c2080> 0] TJ');
    // a character WinAnsi lacks: pdfkit's hex, as pdfkit writes it
    expect(ops('→')).toBe('[<2192> 0] TJ');
  });

  it('rules stroked after one width and colour (strokeStyleOps, lineOps) put the same pixels as pdfkit setting both for each', async () => {
    const ys = Array.from({ length: 40 }, (_, i) => 60 + i * 17.5);
    const colour = (i: number) => (i % 3 === 0 ? '#999999' : '#dddddd');
    const plain = await render((doc) => {
      ys.forEach((y, i) => doc.moveTo(40 + (i % 2) * 150, y).lineTo(555, y).lineWidth(0.5).strokeColor(colour(i)).stroke());
      // what pdfkit strokes next without setting anything keeps the last rule's width and colour
      doc.moveTo(40, 780).lineTo(555, 780).stroke();
    });
    const written = await render((doc) => {
      const ops: string[] = [];
      let last = '';
      ys.forEach((y, i) => {
        if (colour(i) !== last) ops.push(strokeStyleOps(0.5, (last = colour(i))));
        ops.push(lineOps(40 + (i % 2) * 150, 555, y));
      });
      doc.addContent(ops.join('\n'));
      doc.moveTo(40, 780).lineTo(555, 780).stroke();
    });
    // the width and colour written twice per colour run here (3 and 2 lines), not once per rule
    const states = (pdf: Buffer) => (pdf.toString('latin1').match(/ SCN$/gm) ?? []).length;
    expect(states(plain)).toBe(ys.length);
    expect(states(written)).toBe(ys.filter((_, i) => i === 0 || colour(i) !== colour(i - 1)).length);
    const t = tempDir();
    try {
      const a = pdfGreyPage(plain, t.dir, 'plain', 1, 100);
      const b = pdfGreyPage(written, t.dir, 'written', 1, 100);
      expect(Buffer.from(b.pixels).equals(Buffer.from(a.pixels))).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it('a page that only the written operators use still lists the font in its resources', async () => {
    const pdf = (await render(drawRows([[{ font: 'Helvetica-Bold', size: 9, text: 'Lotto', x: 43, y: 63 }]], true))).toString('latin1');
    const font = /\/Font <<\n\/(F\d+) \d+ 0 R\n>>/.exec(pdf)?.[1];
    expect(font).toBeDefined();
    expect(pdf).toContain(`/${font} 9 Tf`);
  });

  it("a page's texts in one text object (TextBlock) put every glyph where pdfkit's own text() does: the same pixels, in far fewer text objects", async () => {
    // every sample in both fonts and three sizes, a row each, over two pages; a multi-line text falls back to pdfkit
    const rows: Cell[][] = SAMPLES.flatMap((text, i) =>
      (['Helvetica', 'Helvetica-Bold'] as const).flatMap((font, f) => [8.5, 10, 12].map((size, s) => [{ font, size, text, x: 43 + ((i * 37) % 300), y: 40 + ((i * 6 + f * 3 + s) % 25) * 30 }])),
    );
    const draw = (written: boolean) => (doc: Pdf) => {
      measureOnce(doc);
      const block = new TextBlock();
      const flush = () => {
        const ops = block.take(doc.page.height);
        if (ops !== '') doc.addContent(ops);
      };
      rows.forEach((cells, r) => {
        if (r > 0 && r % 25 === 0) {
          flush();
          doc.addPage();
        }
        for (const c of cells) {
          doc.font(c.font).fontSize(c.size);
          if (!written || !block.add(doc, c.text, c.x, c.y)) {
            flush();
            doc.text(c.text, c.x, c.y, { lineBreak: false });
          }
        }
      });
      flush();
    };
    const plain = await render(draw(false));
    const block = await render(draw(true));
    const t = tempDir();
    try {
      const pages = Number(/\/Count (\d+)/.exec(plain.toString('latin1'))![1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      for (let p = 1; p <= pages; p++) {
        const a = pdfGreyPage(plain, t.dir, 'plain', p, 72);
        const b = pdfGreyPage(block, t.dir, 'block', p, 72);
        expect(Buffer.from(b.pixels).equals(Buffer.from(a.pixels)), `page ${p}`).toBe(true);
      }
    } finally {
      t.cleanup();
    }
    // the multi-line sample is drawn by pdfkit in its own text objects; the rest share one per page
    const objects = (pdf: Buffer) => (pdf.toString('latin1').match(/^BT$/gm) ?? []).length;
    expect(objects(block)).toBeLessThan(objects(plain) / 3);
  });
});
