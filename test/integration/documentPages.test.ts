/**
 * Every A4 document numbers its pages at the foot, "Pagina n di N" / "Page n of N",
 * in the document's language: read back page by page with pdftotext.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { renderDdt } from '../../src-main/modules/shipping/ddtPdf';
import { loadDdt } from '../../src-main/modules/shipping/ddtSnapshot';
import { soapWorkshopWithGenealogy } from '../builders/traceScenario';
import { fixedClock, tempDir } from '../support/tempDir';
import { pdfPageTexts } from '../support/pdfTools';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

/** The text of each page, in order. */
const pagesText = (pdf: Buffer, name: string) => pdfPageTexts(pdf, t.dir, name);

describe('page numbers', () => {
  it('a DDT over several pages says "Pagina n di N" on each page (and "Page n of N" in English)', async () => {
    const w = soapWorkshopWithGenealogy(app);
    const base = loadDdt(app.ctx, w.shipment.ddt!.id).snapshot;
    const lines = Array.from({ length: 70 }, (_, i) => ({ ...base.lines[0]!, lotCode: `LX${String(i).padStart(3, '0')}` }));
    for (const [language, words] of [['it', (n: number, of: number) => `Pagina ${n} di ${of}`], ['en', (n: number, of: number) => `Page ${n} of ${of}`]] as const) {
      const pages = pagesText(await renderDdt({ ...base, language, lines }, null), `ddt-long-${language}`);
      expect(pages.length, language).toBeGreaterThanOrEqual(3);
      pages.forEach((text, i) => {
        expect(text, `${language} page ${i + 1}`).toContain(words(i + 1, pages.length));
        // one number per page, none of another page's
        expect(text.match(language === 'it' ? /Pagina \d+ di \d+/g : /Page \d+ of \d+/g)).toHaveLength(1);
      });
    }
  });

  it('the packing slip, purchase order, production sheet and recall report carry their page numbers too', async () => {
    const w = soapWorkshopWithGenealogy(app);
    const po = app.call('purchasing.create', { supplierId: w.supplier.id, lines: [{ itemId: w.items.oil.id, quantity: '10 kg' }] });
    app.call('trace.recall', { lotId: w.lots.SL1.id, reason: 'Odore anomalo' });
    const docs = {
      'packing slip': await app.callAsync('shipping.packingSlipPdf', { id: w.shipment.id, language: 'it' }),
      'purchase order': await app.callAsync('purchasing.pdf', { id: po.id, language: 'it' }),
      'production sheet': await app.callAsync('production.sheetPdf', { id: w.production.S3.id, language: 'it' }),
      'recall report': await app.callAsync('trace.recallReportPdf', { lotId: w.lots.SL1.id, language: 'it' }),
    };
    for (const [name, doc] of Object.entries(docs)) {
      const pages = pagesText(Buffer.from(doc.base64, 'base64'), name.replace(' ', '-'));
      pages.forEach((text, i) => expect(text, `${name} page ${i + 1}`).toContain(`Pagina ${i + 1} di ${pages.length}`));
    }
    const english = pagesText(Buffer.from((await app.callAsync('purchasing.pdf', { id: po.id, language: 'en' })).base64, 'base64'), 'po-en');
    expect(english[0]).toContain(`Page 1 of ${english.length}`);
  });
});
