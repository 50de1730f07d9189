import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { elementString, parseElementString } from '../../src-main/documents/labels/gs1';
import { LABEL_LAYOUTS } from '../../src-shared/contract/labels';
import { fixedClock, tempDir } from '../support/tempDir';
import { decodeBarcodes, pdfPages, pdfText } from '../support/pdfTools';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
// PNGs stay here for a person to look at (test-results is kept by the test runner)
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

function workshop() {
  const biscuits = app.call('catalog.createItem', { sku: 'BISC', name: 'Biscotti al farro', kind: 'product', unit: 'pcs', gtin: '8012345678907', netWeight: '250 g' });
  const cream = app.call('catalog.createItem', { sku: 'CREMA', name: 'Crema viso alla calendula', kind: 'product', unit: 'pcs' });
  const jam = app.call('catalog.createItem', { sku: 'MARM', name: 'Marmellata di albicocche', kind: 'product', unit: 'pcs', gtin: '8000000000019' });
  app.call('labels.saveItemInfo', { itemId: biscuits.id, labelKind: 'food', expiryWording: 'best_before', unitsPerCase: 12 });
  app.call('labels.saveItemInfo', { itemId: cream.id, labelKind: 'cosmetic', paoMonths: 12, netContent: '50 ml' });
  app.call('labels.saveItemInfo', { itemId: jam.id, labelKind: 'food', expiryWording: 'use_by' });
  const lots = app.call('inventory.receive', {
    lines: [
      { itemId: biscuits.id, quantity: '120', expiresOn: '2027-03-31' },
      { itemId: cream.id, quantity: '40', expiresOn: '2028-05-15' },
      { itemId: jam.id, quantity: '10', expiresOn: '2026-12-01' },
    ],
  }).lots;
  return { biscuits, cream, jam, biscuitLot: lots[0]!, creamLot: lots[1]!, jamLot: lots[2]! };
}

function decodeAll(base64: string, name: string) {
  const pages = pdfPages(Buffer.from(base64, 'base64'), artifacts, name);
  return { pages, symbols: pages.flatMap((p) => decodeBarcodes(p)) };
}

describe('labels', () => {
  it('product labels in every layout: each barcode decodes back to what was encoded, wording per kind', () => {
    const w = workshop();
    return (async () => {
      for (const layout of LABEL_LAYOUTS) {
        const food = await app.callAsync('labels.lotPdf', { lotId: w.biscuitLot.id, copies: 3, layout, language: 'it' });
        expect(food.labels).toBe(3);
        expect(food.pages).toBe(layout === 'a4_3x8' ? 1 : 3);
        const { pages, symbols } = decodeAll(food.base64, `food-${layout}`);
        expect(pages).toHaveLength(food.pages);
        // identical symbols on one page are reported once by zbar: at least one per page, all the EAN of the GTIN
        expect(symbols.length).toBeGreaterThanOrEqual(pages.length);
        expect(new Set(symbols.map((s) => `${s.symbology}:${s.data}`))).toEqual(new Set(['EAN-13:8012345678907']));
        const text = pdfText(Buffer.from(food.base64, 'base64'), t.dir, `food-${layout}`);
        expect(text).toContain('Biscotti al farro');
        // a code that begins with L is printed alone: "L. L26…" repeated the L (issue 17)
        expect(text).toContain(w.biscuitLot.code);
        expect(text).not.toContain(`L. ${w.biscuitLot.code}`);
        expect(text).toContain('Da consumarsi preferibilmente entro il 31/03/2027');
        expect(text).toContain('Peso netto 250 g');

        const cream = await app.callAsync('labels.lotPdf', { lotId: w.creamLot.id, copies: 1, layout, language: 'it' });
        const c = decodeAll(cream.base64, `cosmetic-${layout}`);
        // no GTIN: a Code 128 of the lot code
        expect(c.symbols.map((s) => [s.symbology, s.data])).toEqual([['CODE-128', w.creamLot.code]]);
        const ct = pdfText(Buffer.from(cream.base64, 'base64'), t.dir, `cosmetic-${layout}`);
        expect(ct).toContain(`Lotto ${w.creamLot.code}`);
        expect(ct).toContain('12M');
        expect(ct).toContain('Volume netto 50 ml');
      }
    })();
  });

  it('use-by wording in Italian and English', async () => {
    const w = workshop();
    const it = await app.callAsync('labels.lotPdf', { lotId: w.jamLot.id, layout: 'roll_62', language: 'it' });
    expect(pdfText(Buffer.from(it.base64, 'base64'), t.dir, 'jam-it')).toContain('Da consumarsi entro il 01/12/2026');
    const en = await app.callAsync('labels.lotPdf', { lotId: w.jamLot.id, layout: 'roll_62', language: 'en' });
    const text = pdfText(Buffer.from(en.base64, 'base64'), t.dir, 'jam-en');
    expect(text).toContain('Use by 01/12/2026');
    expect(text).not.toContain('consumarsi');
  });

  it('case labels: GS1-128 with (02) GTIN-14, (15) best before, (37) count and (10) lot, decoded back', async () => {
    const w = workshop();
    for (const layout of ['a4_3x8', 'thermal_100x150'] as const) {
      const pdf = await app.callAsync('labels.lotPdf', { lotId: w.biscuitLot.id, kind: 'case', copies: 2, layout });
      const { pages, symbols } = decodeAll(pdf.base64, `case-${layout}`);
      expect(symbols.length).toBeGreaterThanOrEqual(pages.length);
      expect(new Set(symbols.map((x) => x.data)).size).toBe(1);
      const [s] = symbols;
      expect(s!.symbology).toBe('CODE-128');
      expect(s!.gs1).toBe(true);
      const expected = [
        { ai: '02', value: '08012345678907' },
        { ai: '15', value: '270331' },
        { ai: '37', value: '12' },
        { ai: '10', value: w.biscuitLot.code },
      ];
      expect(parseElementString(s!.data)).toEqual(expected);
      expect(s!.data).toBe(elementString(expected));
      const text = pdfText(Buffer.from(pdf.base64, 'base64'), t.dir, `case-${layout}`);
      expect(text).toContain(`(02)08012345678907(15)270331(37)12(10)${w.biscuitLot.code}`);
    }
  });

  it('refuses case labels without units per case, and labels for a blocked lot', async () => {
    const w = workshop();
    await expect(app.callAsync('labels.lotPdf', { lotId: w.jamLot.id, kind: 'case' })).rejects.toMatchObject({ envelope: { error: { code: 'VALIDATION', details: { issues: [{ key: 'units_per_case_missing' }] } } } });
    app.call('inventory.blockLot', { lotId: w.jamLot.id, reason: 'controllo' });
    await expect(app.callAsync('labels.lotPdf', { lotId: w.jamLot.id })).rejects.toMatchObject({ envelope: { error: { code: 'LOT_NOT_RELEASED' } } });
  });

  it('item label facts: defaults until saved; PAO only for cosmetics; layouts in settings', () => {
    const item = app.call('catalog.createItem', { sku: 'X', name: 'X', kind: 'product', unit: 'pcs' });
    expect(app.call('labels.itemInfo', { itemId: item.id })).toMatchObject({ labelKind: 'other', saved: false });
    expect(() => app.call('labels.saveItemInfo', { itemId: item.id, labelKind: 'food', paoMonths: 6 })).toThrow(/cosmetics only/);
    expect(app.call('labels.itemInfo', { itemId: item.id }).saved).toBe(false);
    expect(app.call('labels.settings', {})).toEqual({ product: 'a4_3x8', case: 'thermal_100x150', shipping: 'thermal_100x150' });
    expect(app.call('labels.saveSettings', { product: 'roll_62' }).product).toBe('roll_62');
    expect(app.call('labels.settings', {}).case).toBe('thermal_100x150');
  });
});
