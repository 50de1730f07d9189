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
  it('a customer who got the lot in 150 DDTs: one line per DDT with its five-digit number, date and lot, the customer named atop each page the list goes on over, in Italian and English (a row taller than a page overflowed the stack)', async () => {
    const w = soapWorkshopWithGenealogy(app);
    // the year's DDTs already run to five digits: "12345/2026 22/10/2026" once wrapped onto two lines
    app.ctx.sqlite.prepare("INSERT INTO sequences (key, value) VALUES ('ddt:2026', 12344) ON CONFLICT(key) DO UPDATE SET value = 12344").run();
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
    expect(ddts[0]).toBe('12345/2026');
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    for (const [language, header, shipmentsHeading] of [
      ['it', /^Cliente +DDT +Data +Lotti$/, 'Spedizioni'],
      ['en', /^Customer +DDT +Date +Lots$/, 'Shipments'],
    ] as const) {
      const pdf = Buffer.from((await app.callAsync('trace.recallReportPdf', { lotId: lot.id, language })).base64, 'base64');
      const pages = pdfPageTexts(pdf, t.dir, `recall-long-${language}`).map((p) => p.split('\n').map((l) => l.trim()));
      expect(pages.length, language).toBeGreaterThanOrEqual(3);
      // the customers table: from its header on the first page to the shipments' heading; each page's lines after its header
      const tablePages: string[][] = [];
      for (const lines of pages) {
        const top = lines.findIndex((l) => header.test(l));
        if (top < 0) break;
        const end = lines.findIndex((l, i) => i > top && l === shipmentsHeading);
        tablePages.push(lines.slice(top + 1, end < 0 ? undefined : end));
        if (end >= 0) break;
      }
      expect(tablePages.length, `${language}: pages the customers table takes`).toBeGreaterThanOrEqual(2);
      const table = tablePages.flat();
      // one line per DDT: its number, its date and its lot on that line, and no other line names it
      for (const n of ddts) {
        const on = table.filter((l) => new RegExp(`(^| )${esc(n)} `).test(l));
        expect(on, `${language}: lines with DDT ${n}`).toHaveLength(1);
        expect(on[0], `${language}: DDT ${n}`).toMatch(new RegExp(`(^| )${esc(n)} +22/10/2026 +${esc(lot.code)}$`));
      }
      // the first line under the header names the customer, on the first page and on each one the list goes on over
      tablePages.forEach((lines, i) => expect(lines[0], `${language}: customers table, page ${i + 1}`).toMatch(/^Farmacia Bianchi +12\d{3}\/2026 /));
      // the e-mail right under the name, in the customer's column; nothing cut with "…"
      expect(table.slice(1, 3), language).toContain('acquisti@bianchi.example');
      expect(table.join('\n')).not.toContain('…');
    }
  });
});
