import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';

// Thursday 22 October 2026
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

/** Candle (pcs) ← wax + wick; 20 candles a batch, 3 h. */
function candles() {
  const wax = app.call('catalog.createItem', { sku: 'CERA', name: 'Cera di soia', kind: 'material', unit: 'kg' });
  const wick = app.call('catalog.createItem', { sku: 'STOP', name: 'Stoppino', kind: 'packaging', unit: 'pcs', leadTimeDays: 2 });
  const candle = app.call('catalog.createItem', { sku: 'CAND', name: 'Candela', kind: 'product', unit: 'pcs' });
  app.call('catalog.saveRecipe', { itemId: candle.id, yield: '20', batchMinutes: 180, components: [{ itemId: wax.id, quantity: '4 kg' }, { itemId: wick.id, quantity: '20' }] });
  const supplier = app.call('parties.createSupplier', { name: 'Cerificio Rossi' });
  app.call('purchasing.saveSupplierTerms', { itemId: wax.id, supplierId: supplier.id, preferred: true, leadTimeDays: 10, multiple: '25 kg' });
  app.call('inventory.receive', { lines: [{ itemId: wick.id, quantity: '500' }] });
  const customer = app.call('parties.createCustomer', { name: 'Bottega del Dono' });
  const order = app.call('orders.create', { customerId: customer.id, lines: [{ itemId: candle.id, quantity: '40' }], confirm: true, requestedOn: '2026-11-06' });
  return { wax, wick, candle, supplier, customer, order };
}

describe('planning with purchase orders', () => {
  it('a short material without a purchase order: today + the supplier lead time in working days', () => {
    const c = candles();
    const [row] = app.call('planning.shortages', {}).rows;
    expect(row).toMatchObject({ item: { sku: 'CERA' }, shortMilli: 8000, toOrderMilli: 8000, incomingLateMilli: 0, leadTimeDays: 10, firstShortOn: '2026-11-06' });
    const p = app.call('planning.promise', { orderId: c.order.id });
    // 22 Oct + 10 working days = 5 Nov; production Fri 6 Nov (2 batches = 6 h); ships Mon 9; delivered Wed 11
    expect(p).toMatchObject({ materialsOn: '2026-11-05', materialsBy: null, production: { from: '2026-11-06', to: '2026-11-06' }, shipOn: '2026-11-09', deliveryOn: '2026-11-11', late: true });
  });

  it('a short material with a purchase order: its expected date, named, and no longer to order', () => {
    const c = candles();
    const po = app.call('purchasing.create', { supplierId: c.supplier.id, expectedOn: '2026-10-28', lines: [{ itemId: c.wax.id, quantity: '25 kg' }] });
    expect(app.call('planning.shortages', {}).rows).toEqual([]);
    const p = app.call('planning.promise', { orderId: c.order.id });
    // wax arrives Wed 28 → production Thu 29 → ships Fri 30 → delivered Tue 3 Nov (2 carrier days, weekend skipped)
    expect(p).toMatchObject({ materialsOn: '2026-10-28', materialsBy: po.number, production: { from: '2026-10-29', to: '2026-10-29' }, shipOn: '2026-10-30', deliveryOn: '2026-11-03', late: false });
  });

  it('a purchase order due after the date of need: short until it comes, nothing more to order', () => {
    const c = candles();
    app.call('purchasing.create', { supplierId: c.supplier.id, expectedOn: '2026-11-20', lines: [{ itemId: c.wax.id, quantity: '25 kg' }] });
    const [row] = app.call('planning.shortages', {}).rows;
    expect(row).toMatchObject({ item: { sku: 'CERA' }, shortMilli: 8000, incomingLateMilli: 8000, toOrderMilli: 0 });
  });

  it('one click from the shortage list makes the purchase orders, and the shortage is gone', () => {
    candles();
    const rows = app.call('planning.shortages', {}).rows;
    const made = app.call('purchasing.createFromShortages', { lines: rows.map((r) => ({ itemId: r.item.id, qtyMilli: r.toOrderMilli, neededBy: r.firstShortOn })) });
    expect(made.purchaseOrders).toHaveLength(1);
    expect(app.call('planning.shortages', {}).rows).toEqual([]);
  });
});

describe('bottega call planning.*', () => {
  it('gives the shortage list and a promise as JSON', () => {
    const c = candles();
    app.close();
    const call = (name: string, input: unknown) => {
      const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, 'call', name, JSON.stringify(input)], { encoding: 'utf8', env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' } });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const s = call('planning.shortages', {});
    expect(s.rows.map((r: { item: { sku: string }; shortMilli: number }) => [r.item.sku, r.shortMilli])).toEqual([['CERA', 8000]]);
    const p = call('planning.promise', { orderId: c.order.id });
    expect(p.orderNumber).toBe(c.order.number);
    expect(p.materialsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  });
});
