/**
 * Labels figure (BENCH.md): 1,000 product labels of one lot in one A4 PDF (42 sheets of
 * 3×8), built through the same content builders the label queries use. The barcode is
 * rendered once by bwip-js and replayed on every label, so the time is pdfkit's page
 * and text work.
 */
import { loadLot } from '../../../src-main/modules/inventory/lotRows';
import { labelItem } from '../../../src-main/modules/labels/pdfs';
import { productLabel } from '../../../src-main/modules/labels/build';
import { loadItemLabelInfo } from '../../../src-main/modules/labels/itemInfo';
import { renderLabelsPdfSync } from '../../../src-main/documents/labels/render';
import { defineFigure } from '../harness';

export const figures = [
  defineFigure({
    name: 'shipping.labels_1000',
    what: '1,000 product labels of one lot in one PDF (A4 3×8, EAN-13 or Code 128)',
    n: 10,
    warmup: 2,
    goal: { median_ms: 3000 },
    setup: (env) => {
      const lotId = env.app.ctx.sqlite.prepare("SELECT l.id FROM lots l JOIN items i ON i.id = l.item_id WHERE i.kind = 'product' AND l.expires_on IS NOT NULL ORDER BY l.id DESC LIMIT 1").pluck().get() as number;
      return { lotId };
    },
    run: (env, s) => {
      const ctx = env.app.ctx;
      const lot = loadLot(ctx, s.lotId);
      const label = productLabel(labelItem(ctx, lot.item.id), loadItemLabelInfo(ctx, lot.item.id), lot, 'it');
      const pdf = renderLabelsPdfSync(
        Array.from({ length: 1000 }, () => label),
        'a4_3x8',
      );
      if (pdf.length < 10_000) throw new Error('the PDF is too small to hold 1,000 labels');
    },
  }),
];
