/**
 * The GS1-128 case label scans when printed: rendered at 300 dpi (pdftoppm), zbarimg
 * reads it back, and on every row through the bars the light margin each side — up to
 * the label's 2 mm printing margin or the nearest other mark — is at least 10 narrow bars (GS1 General
 * Specifications 5.4.4), measured in the image itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';
import { decodeBarcodes, measureBarcodeRow, pdfGreyPage, pdfPages, type BarcodeRowMeasure } from '../support/pdfTools';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
const artifacts = join(process.cwd(), 'test-results', 'labels');
beforeEach(() => {
  t = tempDir();
  mkdirSync(artifacts, { recursive: true });
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

const DPI = 300;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

describe('GS1-128 case label quiet zone', () => {
  it('scans at 300 dpi and keeps ≥ 10 narrow bars of light margin each side, in every layout', async () => {
    const biscuits = app.call('catalog.createItem', { sku: 'BISC', name: 'Biscotti al farro', kind: 'product', unit: 'pcs', gtin: '8012345678907' });
    app.call('labels.saveItemInfo', { itemId: biscuits.id, labelKind: 'food', expiryWording: 'best_before', unitsPerCase: 12 });
    const lot = app.call('inventory.receive', { lines: [{ itemId: biscuits.id, quantity: '120', expiresOn: '2027-03-31' }] }).lots[0]!;
    // the first label's printable box: its width less the 2 mm margin a printer may not
    // hit exactly (a thermal label drifts on the roll), so the quiet zone is the symbol's own
    const labelWidthMm = { a4_3x8: 70, thermal_100x150: 100, roll_62: 62 } as const;
    const x0 = px(2);
    for (const layout of ['a4_3x8', 'thermal_100x150', 'roll_62'] as const) {
      const pdf = Buffer.from((await app.callAsync('labels.lotPdf', { lotId: lot.id, kind: 'case', copies: 1, layout })).base64, 'base64');
      const [png] = pdfPages(pdf, artifacts, `quiet-${layout}`, DPI);
      expect(decodeBarcodes(png!).map((s) => [s.symbology, s.gs1, s.data])).toEqual([['CODE-128', true, `0208012345678907152703313712\u001d10${lot.code}`]]);

      const page = pdfGreyPage(pdf, t.dir, `quiet-${layout}`, 1, DPI);
      const barRows: BarcodeRowMeasure[] = [];
      for (let y = 0; y + px(4) < page.height; y += 4) {
        // a row through the bars reads the same 4 mm lower (text is shorter than that)
        const row = measureBarcodeRow(page, y, x0, px(labelWidthMm[layout] - 2));
        const below = measureBarcodeRow(page, y + px(4), x0, px(labelWidthMm[layout] - 2));
        if (row && row.bars >= 40 && JSON.stringify(row) === JSON.stringify(below)) barRows.push(row);
      }
      expect(barRows.length, `${layout}: rows through the bars`).toBeGreaterThan(20);
      for (const row of barRows) {
        expect(row.quietLeft, `${layout}: left quiet zone vs narrow bar ${row.narrowBar.toFixed(2)}px`).toBeGreaterThanOrEqual(10 * row.narrowBar);
        expect(row.quietRight, `${layout}: right quiet zone vs narrow bar ${row.narrowBar.toFixed(2)}px`).toBeGreaterThanOrEqual(10 * row.narrowBar);
      }
    }
  });
});
