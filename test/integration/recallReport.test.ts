/**
 * After a recall the lot it was raised against says Recalled everywhere — even used up
 * (its page, the trace, the report's PDF and CSV) — and the CSV keeps phone numbers as
 * text for Excel (leading apostrophe: "055…" keeps its 0, "+39…" is no formula).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { aCustomer } from '../builders/parties';
import { aProduct } from '../builders/items';
import { soapWorkshopWithGenealogy } from '../builders/traceScenario';
import { fixedClock, tempDir } from '../support/tempDir';
import { pdfPageTexts, pdfText } from '../support/pdfTools';

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

describe('recall report', () => {
  it('a used-up source lot becomes Recalled on its page, in the trace and in the report', async () => {
    const w = soapWorkshopWithGenealogy(app);
    // BL1 went all into the pastes: nothing left on hand
    expect(app.call('inventory.lot', { lotId: w.lots.BL1.id }).lot.status).toBe('released');
    const r = app.call('trace.recall', { lotId: w.lots.BL1.id, reason: 'Soda fuori specifica' });
    expect(r.blocked.map((l) => l.code)).toContain(w.lots.BL1.code);
    expect(app.call('inventory.lot', { lotId: w.lots.BL1.id }).lot.status).toBe('recalled');
    expect(app.call('trace.lot', { lotId: w.lots.BL1.id, direction: 'forward' }).lots.find((l) => l.id === w.lots.BL1.id)!.status).toBe('recalled');

    const pdf = await app.callAsync('trace.recallReportPdf', { lotId: w.lots.BL1.id, language: 'it' });
    const text = pdfText(Buffer.from(pdf.base64, 'base64'), t.dir, 'recall');
    expect(text).toContain(`${w.lots.BL1.code} — richiamato`);
    expect(text).not.toContain(`${w.lots.BL1.code} — rilasciato`);
    const csv = Buffer.from(app.call('trace.recallReportCsv', { lotId: w.lots.BL1.id, locale: 'it' }).base64, 'base64').toString('utf8');
    const bl1 = csv.split('\r\n').find((l) => l.includes(`;${w.lots.BL1.code};`))!;
    expect(bl1).toContain(';richiamato;');
  });

  it('the CSV writes phone numbers with a leading apostrophe, so Excel keeps them as text', () => {
    const w = soapWorkshopWithGenealogy(app);
    app.call('parties.updateCustomer', { ...aCustomer().name('Farmacia Bianchi').email('acquisti@bianchi.example').phone('055 765432').input(), id: w.shop.id });
    app.call('trace.recall', { lotId: w.lots.SL1.id, reason: 'Odore anomalo' });
    const csv = Buffer.from(app.call('trace.recallReportCsv', { lotId: w.lots.SL1.id, locale: 'it' }).base64, 'base64').toString('utf8');
    const shipped = csv.split('\r\n').filter((l) => l.includes('Farmacia Bianchi'));
    expect(shipped.length).toBeGreaterThan(0);
    for (const row of shipped) expect(row).toContain(";acquisti@bianchi.example;'055 765432;");
  });
  it('a customer who got the lot in 150 DDTs: the report goes on over the pages, lists every DDT and names the customer on each page (a row taller than a page overflowed the stack)', async () => {
    const w = soapWorkshopWithGenealogy(app);
    // a bought-in gift box: one lot of 150, each box shipped to the shop on its own DDT
    const box = aProduct().sku('CESTO').name('Cesto regalo').create(app);
    const lot = app.call('inventory.receive', { supplierId: w.supplier.id, receivedOn: '2026-10-01', lines: [{ itemId: box.id, quantity: '150', supplierLotCode: 'CR-1' }] }).lots[0]!;
    if (app.call('inventory.lot', { lotId: lot.id }).lot.status === 'quarantine') app.call('inventory.releaseLot', { lotId: lot.id });
    const ddts: string[] = [];
    for (let i = 0; i < 150; i++) {
      const order = app.call('orders.create', { customerId: w.shop.id, lines: [{ itemId: box.id, quantity: '1' }], confirm: true });
      app.call('orders.fulfil', { orderIds: [order.id] });
      const shipment = app.call('shipping.create', { lines: [{ orderLineId: order.lines[0]!.id, lotId: lot.id, quantity: '1' }], packages: [{ count: 1, appearance: 'busta' }], grossWeight: '0,2' });
      ddts.push(app.call('shipping.confirm', { id: shipment.id }).ddt!.number);
    }
    const pdf = Buffer.from((await app.callAsync('trace.recallReportPdf', { lotId: lot.id, language: 'it' })).base64, 'base64');
    const text = pdfText(pdf, t.dir, 'recall-long');
    const pages = pdfPageTexts(pdf, t.dir, 'recall-long-pages');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // every DDT in the customer's row and again in the shipments' table: none dropped where the row was cut
    for (const n of ddts) expect(text.split(n).length - 1, n).toBeGreaterThanOrEqual(2);
    // each page the customer's row goes on over names the customer again (the shipments' table starts after it)
    let continued = 0;
    for (let n = 2; !pages[n - 1]!.includes('Data DDT'); n++, continued++) expect(pages[n - 1], `page ${n}`).toContain('Farmacia Bianchi');
    expect(continued).toBeGreaterThanOrEqual(1);
  });
});
