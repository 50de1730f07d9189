import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { shopifyExport } from '../builders/shopifyExport';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
beforeAll(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterAll(() => {
  app.close();
  t.cleanup();
});

/** Thousands of rows, as a shop with a year of orders exports them (speed is the bench's business, not this test's). */
describe('a 10,000-line Shopify export', () => {
  it('previews, imports in one go, and re-imports as duplicates', () => {
    const skus = Array.from({ length: 30 }, (_, i) => `PRD-${String(i).padStart(3, '0')}`);
    for (const sku of skus) app.call('catalog.createItem', { sku, name: `Prodotto ${sku}`, kind: 'product', unit: 'pcs' });
    const text = shopifyExport({ lines: 10_000, skus, seed: 7, customers: 1500 });
    const file = { fileBase64: Buffer.from(text, 'utf8').toString('base64'), fileName: 'orders_export.csv' };

    const p = app.call('channels.previewImport', file);
    expect(p).toMatchObject({ canImport: true, problemCount: 0, file: { rows: 10_000 } });
    expect(p.counts.lines).toBe(10_000);
    expect(p.counts.new + p.counts.cancelled_new).toBe(p.counts.orders);
    expect(p.orders.at(-1)!.lastRow).toBe(10_001);

    const r = app.call('channels.import', file);
    expect(r.created).toBe(p.counts.new);
    expect(r.skipped).toBe(p.counts.cancelled_new);
    expect(r.customersCreated).toBe(p.customers.toCreate);
    expect(new Set(r.orderNumbers).size).toBe(r.created);
    // the goods lines as previewed, plus one shipping-charge line (service item) per order that paid shipping
    const count = (where: string) => (app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM order_lines l JOIN items i ON i.id = l.item_id WHERE ${where}`).get() as { n: number }).n;
    expect(count("i.kind <> 'service'")).toBe(p.orders.filter((o) => o.state === 'new').reduce((s, o) => s + o.lines.length, 0));
    const charged = (app.ctx.sqlite.prepare("SELECT count(DISTINCT order_id) AS n FROM order_lines l JOIN items i ON i.id = l.item_id WHERE i.sku = 'SPEDIZIONE'").get() as { n: number }).n;
    expect(count("i.sku = 'SPEDIZIONE'")).toBe(charged);
    expect(charged).toBeGreaterThan(0);
    expect(runCheck(app.ctx).ok).toBe(true);

    const again = app.call('channels.import', file);
    expect(again).toMatchObject({ created: 0, updated: 0, duplicates: r.created, customersCreated: 0 });
  });
});
