import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';

/**
 * Issue 14: a shop order imported into Bottega comes to what the customer paid, to the
 * cent (Shopify #1001 used to come to 31,51 € against 31,50 €). The expected totals are
 * read from the sample files themselves, every order of them.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'channels');
const cents = (t: string) => Math.round(Number(t.replace(',', '.')) * 100);

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  for (const [sku, name] of [
    ['SAP-LAV-100', 'Sapone alla lavanda'],
    ['CAN-ARA-200', 'Candela soia e arancia'],
    ['SAP-MIE-100', 'Sapone al miele'],
  ]) {
    app.call('catalog.createItem', { sku: sku!, name: name!, kind: 'product', unit: 'pcs', salePrice: '1,00' });
  }
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function importFile(name: string) {
  const bytes = readFileSync(join(FIXTURES, name));
  return app.call('channels.import', { fileBase64: bytes.toString('base64'), fileName: name, createCustomers: true });
}

function imported(externalRef: string) {
  const row = app.ctx.sqlite.prepare('SELECT id FROM customer_orders WHERE external_ref = ?').get(externalRef) as { id: number } | undefined;
  if (!row) throw new Error(`order ${externalRef} not imported`);
  return app.call('orders.get', { id: row.id });
}

describe('shop imports come to the shop’s total to the cent', () => {
  it('every Shopify sample order: net lines + VAT = the file’s Total; shipping is a service line; prices manual with up to 8 decimals', () => {
    const rows = parse(readFileSync(join(FIXTURES, 'shopify-orders-export.csv')), { columns: true, bom: true }) as Record<string, string>[];
    const totals = rows.filter((r) => r['Total'] !== '' && r['Cancelled at'] === '');
    expect(totals.length).toBe(2);
    const r = importFile('shopify-orders-export.csv');
    expect(r.created).toBe(totals.length);
    for (const f of totals) {
      const o = imported(f['Name']!);
      expect({ ref: f['Name'], total: o.totalCents + o.vatCents }).toEqual({ ref: f['Name'], total: cents(f['Total']!) });
      const ship = o.lines.filter((l) => l.item.kind === 'service');
      expect(ship.reduce((s, l) => s + l.netCents, 0) > 0).toBe(cents(f['Shipping']!) > 0);
      for (const l of o.lines) {
        expect(l.priceSource).toBe('manual');
        expect(l.unitPrice).toMatch(/^\d+\.\d{2,8}$/);
      }
    }
    // the reported case: #1001 = 2 × 6,50 + 18,50 + 6,90 shipping = 38,40 paid
    const o1001 = imported('#1001');
    expect(o1001.totalCents + o1001.vatCents).toBe(3840);
    expect(o1001.lines.map((l) => [l.item.sku, l.unitPrice])).toEqual([
      ['SAP-LAV-100', '5.32786885'],
      ['CAN-ARA-200', '15.16393443'],
      ['SPEDIZIONE', '5.6557377'],
    ]);
  });

  it('every Etsy sample order: item totals + shipping − shipping discount = the imported total, shipping as a SPEDIZIONE line', () => {
    const rows = parse(readFileSync(join(FIXTURES, 'etsy-sold-order-items.csv')), { columns: true, bom: true }) as Record<string, string>[];
    const byOrder = new Map<string, number>();
    for (const f of rows) byOrder.set(f['Order ID']!, (byOrder.get(f['Order ID']!) ?? cents(f['Order Shipping']!) - cents(f['Shipping Discount']!)) + cents(f['Item Total']!));
    const r = importFile('etsy-sold-order-items.csv');
    expect(r.created).toBe(byOrder.size);
    for (const [ref, paid] of byOrder) {
      const o = imported(ref);
      expect({ ref, total: o.totalCents + o.vatCents }).toEqual({ ref, total: paid });
      expect(o.lines.filter((l) => l.item.sku === 'SPEDIZIONE').length).toBe(1);
    }
  });
});
