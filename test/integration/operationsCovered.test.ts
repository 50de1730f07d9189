/**
 * One test for each contract operation no other test named, and a rule that keeps it so:
 * every operation is named by some test (scripts/untestedOperations.ts lists the others).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { untestedOperations } from '../../scripts/untestedOperations';
import { aCustomer, aProduct, aSupplier, demoApp, removeTempDbs, testApp } from '../builders';

afterAll(removeTempDbs);

// a real 1×1 PNG
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('operations each named by a test', () => {
  const demo = demoApp();
  const db = demo.ctx.sqlite;
  const one = (sql: string): number => db.prepare(sql).pluck().get() as number;
  afterAll(() => demo.close());

  it('every contract operation is named by at least one test', () => {
    expect(untestedOperations()).toEqual([]);
  });

  it('system.startEmpty marks a fresh database as past its first run and leaves it empty', () => {
    const app = testApp();
    expect(app.call('system.status', {}).firstRun).toBe(true);
    const s = app.call('system.startEmpty', {});
    expect([s.firstRun, s.counts.items, s.counts.customers]).toEqual([false, 0, 0]);
    app.close();
  });

  it('parties.updateCustomer and parties.archiveCustomer change a customer; an archived one leaves the search until restored', () => {
    const app = testApp();
    const c = aCustomer().name('Erboristeria La Malva').create(app);
    const changed = app.call('parties.updateCustomer', { id: c.id, name: 'Erboristeria La Malva srl', city: 'Firenze', postcode: '50123', province: 'FI' });
    expect([changed.name, changed.city]).toEqual(['Erboristeria La Malva srl', 'Firenze']);
    expect(app.call('parties.getCustomer', { id: c.id }).city).toBe('Firenze');
    expect(app.call('parties.archiveCustomer', { id: c.id, archived: true }).archived).toBe(true);
    expect(app.call('parties.searchCustomers', { q: 'Malva' }).total).toBe(0);
    expect(app.call('parties.searchCustomers', { q: 'Malva', includeArchived: true }).total).toBe(1);
    app.call('parties.archiveCustomer', { id: c.id, archived: false });
    expect(app.call('parties.searchCustomers', { q: 'Malva' }).parties.map((p) => p.id)).toEqual([c.id]);
    app.close();
  });

  it('parties.updateSupplier, parties.archiveSupplier, parties.getSupplier and parties.searchSuppliers do the same for suppliers', () => {
    const app = testApp();
    const s = aSupplier().name('Oleificio Bianchi').create(app);
    expect(app.call('parties.updateSupplier', { id: s.id, name: 'Oleificio Bianchi snc', email: 'ordini@bianchi.example' }).email).toBe('ordini@bianchi.example');
    expect(app.call('parties.getSupplier', { id: s.id }).name).toBe('Oleificio Bianchi snc');
    expect(app.call('parties.searchSuppliers', { q: 'Bianchi' }).parties.map((p) => p.id)).toEqual([s.id]);
    app.call('parties.archiveSupplier', { id: s.id, archived: true });
    expect(app.call('parties.searchSuppliers', { q: 'Bianchi' }).total).toBe(0);
    expect(app.call('parties.searchSuppliers', { q: 'Bianchi', includeArchived: true }).total).toBe(1);
    app.close();
  });

  it('orders.update changes a draft order’s notes and lines', () => {
    const app = testApp();
    const c = aCustomer().create(app);
    const p = aProduct().sku('SAP-1').price('5').create(app);
    const o = app.call('orders.create', { customerId: c.id, lines: [{ itemId: p.id, quantity: '2' }] });
    const u = app.call('orders.update', { id: o.id, customerId: c.id, notes: 'consegna al mattino', lines: [{ itemId: p.id, quantity: '5' }] });
    expect(u.notes).toBe('consegna al mattino');
    expect(u.lines.map((l) => l.qtyMilli)).toEqual([5000]);
    app.close();
  });

  it('production.update changes the batches of a planned production order, and its planned quantity with them', () => {
    const id = one("SELECT id FROM production_orders WHERE status = 'planned' ORDER BY id LIMIT 1");
    const before = demo.call('production.get', { id });
    const after = demo.call('production.update', { id, batches: before.batches + 1 });
    expect(after.batches).toBe(before.batches + 1);
    expect(after.plannedQtyMilli).toBe((before.plannedQtyMilli / before.batches) * (before.batches + 1));
  });

  it('purchasing.deleteSupplierTerms removes one supplier’s terms for an item', () => {
    const app = testApp();
    const s = aSupplier().create(app);
    const p = aProduct().create(app);
    const terms = app.call('purchasing.saveSupplierTerms', { itemId: p.id, supplierId: s.id, supplierCode: 'X-1' });
    expect(app.call('purchasing.listSupplierTerms', { itemId: p.id }).map((t) => t.id)).toEqual([terms.id]);
    expect(app.call('purchasing.deleteSupplierTerms', { id: terms.id })).toEqual({ id: terms.id });
    expect(app.call('purchasing.listSupplierTerms', { itemId: p.id })).toEqual([]);
    app.close();
  });

  it('purchasing.openSupply lists exactly the open quantity of purchase order lines, by item', () => {
    const lines = demo.call('purchasing.openSupply', {});
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.reduce((s, l) => s + l.openMilli, 0)).toBe(one('SELECT coalesce(sum(open_milli), 0) FROM purchase_order_lines WHERE open_milli > 0'));
    const itemId = lines[0]!.itemId;
    expect(demo.call('purchasing.openSupply', { itemIds: [itemId] }).every((l) => l.itemId === itemId)).toBe(true);
  });

  it('shipping.readyOrders lists confirmed orders that hold lots for a line still to ship', () => {
    const ready = demo.call('shipping.readyOrders', {});
    expect(ready.length).toBeGreaterThan(0);
    for (const o of ready.slice(0, 20)) {
      const held = db.prepare("SELECT count(*) FROM reservations WHERE doc_type = 'customer_order' AND doc_id = ? AND lot_id IS NOT NULL AND qty_milli > 0").pluck().get(o.orderId) as number;
      expect(held, o.number).toBeGreaterThan(0);
    }
    const customerId = ready[0]!.customerId;
    expect(demo.call('shipping.readyOrders', { customerId }).every((o) => o.customerId === customerId)).toBe(true);
  });

  it('shipping.setTracking sets the carrier and tracking number of a shipment', () => {
    const id = one('SELECT id FROM shipments ORDER BY id LIMIT 1');
    const s = demo.call('shipping.setTracking', { id, carrier: 'BRT', carrierService: 'Express', trackingNumber: 'BRT0000123' });
    expect([s.carrier, s.carrierService, s.trackingNumber]).toEqual(['BRT', 'Express', 'BRT0000123']);
    expect(demo.call('shipping.get', { id }).trackingNumber).toBe('BRT0000123');
  });

  it('settings.logo is null until a logo is uploaded, then the logo documents print', () => {
    const app = testApp();
    expect(app.call('settings.logo', {})).toBeNull();
    app.call('settings.setLogo', { contentType: 'image/png', base64: PNG_1X1 });
    expect(app.call('settings.logo', {})).toMatchObject({ contentType: 'image/png', width: 1, height: 1 });
    app.close();
  });
});
