/**
 * reports.today on a real file: every tile of the home screen against data made through
 * the commands (invoices through SQL: no invoicing command exists on this branch yet), and
 * the first-run checklist ticked step by step from an empty database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { sql } from '../../src-main/db/sql';
import { LATE_ORDER } from '../../src-main/modules/orders/late';
import { OVERDUE_PURCHASE_ORDER } from '../../src-main/modules/purchasing/overdue';
import { tempDir } from '../support/tempDir';
import { fillCompany, readyOrder, resetWorkshop } from './shipping/workshop';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
let now = new Date('2026-11-02T08:00:00.000Z');
const at = (day: string) => {
  now = new Date(`${day}T08:00:00.000Z`);
};
beforeEach(() => {
  resetWorkshop();
  t = tempDir();
  at('2026-11-02');
  app = createApp(t.dbPath, { now: () => now });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

const today = () => app.call('reports.today', {});

/** Ships every ready line of an order; a causale other than a sale when given. */
function ship(orderId: number, causale?: string) {
  const proposal = app.call('shipping.proposal', { orderIds: [orderId] });
  const draft = app.call('shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 1 }],
    ...(causale ? { causale } : {}),
  });
  return app.call('shipping.confirm', { id: draft.id });
}

/** An invoice row as the invoicing module will write it (no command yet on this branch). */
function invoiceSql(customerId: number, opts: { state?: string; kind?: string; number: string; instalments?: { due: string; cents: number; paid?: number; state?: 'open' | 'paid' }[]; ddtIds?: number[] }) {
  const db = app.ctx.sqlite;
  const id = Number(
    db
      .prepare("INSERT INTO invoices (kind, state, customer_id, number, date, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-10-31', 'x', 'x')")
      .run(opts.kind ?? 'TD24', opts.state ?? 'issued', customerId, opts.number).lastInsertRowid,
  );
  (opts.instalments ?? []).forEach((s, i) =>
    db.prepare("INSERT INTO invoice_instalments (invoice_id, position, due_date, amount_cents, method, paid_cents, state) VALUES (?, ?, ?, ?, 'MP05', ?, ?)").run(id, i + 1, s.due, s.cents, s.paid ?? 0, s.state ?? 'open'),
  );
  for (const d of opts.ddtIds ?? []) db.prepare('INSERT INTO invoice_ddts (invoice_id, ddt_id) VALUES (?, ?)').run(id, d);
  return id;
}

describe('reports.today: orders', () => {
  it('counts ready orders to ship and late ones: the requested date where nothing was promised, the promised date where one was', () => {
    fillCompany(app);
    const w = readyOrder(app); // ready, no date asked: never late
    const order = (itemId: number, requestedOn: string, fulfil: boolean) => {
      const o = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId, quantity: '5' }], confirm: true, requestedOn });
      if (fulfil) app.call('orders.fulfil', { orderIds: [o.id] });
      return o;
    };
    const readyLate = order(w.soap.id, '2026-11-05', true);
    const readyOnTime = order(w.soap.id, '2026-11-20', true);
    const promisedLater = order(w.soap.id, '2026-11-05', true);
    app.call('orders.setPromisedDate', { id: promisedLater.id, promisedOn: '2026-11-25' });
    const notReadyLate = order(w.cream.id, '2026-11-06', false); // 8 creams left, not reserved: waiting
    const promisedPassed = order(w.cream.id, '2026-11-30', false);
    app.call('orders.setPromisedDate', { id: promisedPassed.id, promisedOn: '2026-11-07' });

    at('2026-11-10');
    const d = today();
    expect(d.today).toBe('2026-11-10');
    expect(d.toShip.count).toBe(4);
    expect(d.toShip.lateCount).toBe(1);
    // earliest due first, the order without a date last
    expect(d.toShip.rows.map((r) => [r.id, r.date, r.past])).toEqual([
      [readyLate.id, '2026-11-05', true],
      [readyOnTime.id, '2026-11-20', false],
      [promisedLater.id, '2026-11-25', false],
      [w.order.id, null, false],
    ]);
    expect(d.late.count).toBe(3);
    expect(d.late.rows.map((r) => [r.title, r.detail, r.date])).toEqual([
      [readyLate.number, 'Erboristeria La Malva', '2026-11-05'],
      [notReadyLate.number, 'Erboristeria La Malva', '2026-11-06'],
      [promisedPassed.number, 'Erboristeria La Malva', '2026-11-07'],
    ]);
    // the tile is the list its click opens
    const list = app.call('orders.list', { lateOnly: true });
    expect(list.total).toBe(d.late.count);
    expect(new Set(list.orders.map((o) => o.id))).toEqual(new Set(d.late.rows.map((r) => r.id)));
    expect(app.call('orders.list', { statuses: ['ready_to_ship'] }).total).toBe(d.toShip.count);

    // shipped, an order is neither to ship nor late
    ship(readyLate.id);
    const after = today();
    expect([after.toShip.count, after.toShip.lateCount, after.late.count]).toEqual([3, 0, 2]);
  });
});

describe('reports.today: production, materials, purchasing, stock', () => {
  it('shows today’s production against capacity, the material short from its first day, the purchase order overdue and the lots expiring', () => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio di oliva', kind: 'material', unit: 'kg' });
    const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
    app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', batchMinutes: 240, components: [{ itemId: oil.id, quantity: '5 kg' }] });
    const supplier = app.call('parties.createSupplier', { name: 'Oleificio Toscano' });
    const late = app.call('purchasing.create', { supplierId: supplier.id, lines: [{ itemId: oil.id, quantity: '1 kg', expectedOn: '2026-11-05' }] });
    app.call('purchasing.send', { id: late.id });
    const coming = app.call('purchasing.create', { supplierId: supplier.id, lines: [{ itemId: oil.id, quantity: '1 kg', expectedOn: '2026-11-20' }] });
    app.call('purchasing.send', { id: coming.id });
    app.call('purchasing.create', { supplierId: supplier.id, lines: [{ itemId: oil.id, quantity: '1 kg', expectedOn: '2026-11-05' }] }); // a draft: not sent, not overdue
    app.call('inventory.receive', {
      lines: [
        { itemId: oil.id, quantity: '1 kg', expiresOn: '2026-11-08' },
        { itemId: oil.id, quantity: '1 kg', expiresOn: '2026-12-01' },
        { itemId: oil.id, quantity: '1 kg', expiresOn: '2027-06-01' },
      ],
    });

    at('2026-11-10'); // a Tuesday
    const p = app.call('production.create', { itemId: soap.id, batches: 2, plannedOn: '2026-11-10' });
    const d = today();
    expect(d.production.today).toMatchObject({ count: 1, scheduledMinutes: 480, capacityMinutes: 480, working: true });
    expect(d.production.today.rows.map((r) => [r.id, r.title, r.detail])).toEqual([[p.id, p.number, 'Sapone']]);
    // Tuesday to Sunday: four working days of 480 minutes
    expect(d.production.week).toEqual({ from: '2026-11-10', to: '2026-11-15', scheduledMinutes: 480, capacityMinutes: 1920, overloadDays: 0 });
    // on a Saturday: today is no working day, and "this week" is the coming one (the order, not done, still counts)
    at('2026-11-14');
    const saturday = today().production;
    expect([saturday.today.working, saturday.today.count, saturday.week.from, saturday.week.to, saturday.week.capacityMinutes]).toEqual([false, 1, '2026-11-16', '2026-11-22', 2400]);
    at('2026-11-10');

    // 10 kg of oil needed today (short from today: marked as due now): the lot expired on the 8th does not count, the purchase orders do not cover it
    const shortages = app.call('planning.shortages', {}).rows;
    expect(shortages.length).toBe(1);
    expect(d.shortages.count).toBe(1);
    expect(d.shortages.rows[0]).toMatchObject({ id: oil.id, title: 'Olio di oliva', detail: 'OLIO', date: '2026-11-10', past: true, qtyMilli: shortages[0]!.shortMilli, unit: 'kg' });

    expect(d.purchaseOverdue.count).toBe(1);
    expect(d.purchaseOverdue.rows.map((r) => [r.id, r.title, r.detail, r.date, r.past])).toEqual([[late.id, late.number, 'Oleificio Toscano', '2026-11-05', true]]);
    expect(app.call('purchasing.list', { overdue: true }).orders.map((o) => o.id)).toEqual([late.id]);

    // within the 30 days of Settings → Stock: the expired lot and the one of 1 December
    expect([d.expiring.count, d.expiring.expiredCount, d.expiring.days]).toEqual([2, 1, 30]);
    expect(d.expiring.rows.map((r) => [r.date, r.past])).toEqual([
      ['2026-11-08', true],
      ['2026-12-01', false],
    ]);
    app.call('settings.update', { inventory: { expiringSoonDays: 10 } });
    expect([today().expiring.count, today().expiring.days]).toEqual([1, 10]);
  });
});

describe('reports.today: money and backups', () => {
  it('sums the open instalments of issued invoices due before today, not drafts, credit notes, paid ones or ones still to come', () => {
    const customer = app.call('parties.createCustomer', { name: 'Bottega Verde' });
    at('2026-11-10');
    const inv = invoiceSql(customer.id, {
      number: '7/2026',
      instalments: [
        { due: '2026-11-01', cents: 10000, paid: 2500 },
        { due: '2026-12-01', cents: 10000 },
        { due: '2026-10-01', cents: 5000, paid: 5000, state: 'paid' },
      ],
    });
    invoiceSql(customer.id, { number: '8/2026', instalments: [{ due: '2026-10-15', cents: 3000 }] });
    invoiceSql(customer.id, { number: '', state: 'draft', instalments: [{ due: '2026-10-01', cents: 99900 }] });
    invoiceSql(customer.id, { number: '1/NC/2026', kind: 'TD04', instalments: [{ due: '2026-10-01', cents: 1200 }] });
    const d = today().invoicesOverdue;
    expect([d.count, d.amountCents]).toEqual([2, 10500]);
    expect(d.rows.map((r) => [r.title, r.detail, r.date, r.cents, r.past])).toEqual([
      ['8/2026', 'Bottega Verde', '2026-10-15', 3000, true],
      ['7/2026', 'Bottega Verde', '2026-11-01', 7500, true],
    ]);
    expect(d.rows[1]!.id).toBe(inv);
  });

  it('from the 1st to the 15th reminds of last month’s sale DDTs not invoiced — not return DDTs, not other causali — and says nothing after the 15th', () => {
    fillCompany(app);
    at('2026-11-20');
    const a = readyOrder(app, { soaps: 5 });
    const uninvoiced = ship(a.order.id);
    const b = readyOrder(app, { soaps: 5 });
    const invoiced = ship(b.order.id);
    const c = readyOrder(app, { soaps: 5 });
    ship(c.order.id, 'Conto visione');
    app.call('shipping.createReturn', {
      shipmentId: invoiced.id,
      reason: 'Rotto',
      collected: true,
      packageCount: 1,
      lines: [{ shipmentLineId: invoiced.lines[0]!.id, quantity: '1', disposition: 'scrap' }],
    });
    invoiceSql(b.customer.id, { number: '9/2026', ddtIds: [invoiced.ddt!.id] });
    at('2026-12-02');
    const december = readyOrder(app, { soaps: 5 });
    const decemberDdt = ship(december.order.id);

    at('2026-12-03');
    const early = today().notInvoiced!;
    expect([early.month, early.count]).toEqual(['2026-11', 1]);
    expect(early.rows.map((r) => [r.id, r.title, r.date])).toEqual([[uninvoiced.ddt!.id, uninvoiced.ddt!.number, '2026-11-20']]);
    at('2026-12-15');
    expect(today().notInvoiced?.count).toBe(1);
    at('2026-12-16');
    expect(today().notInvoiced).toBeNull();
    // across the year: in January, December's DDTs
    at('2027-01-05');
    const january = today().notInvoiced!;
    expect([january.month, january.rows.map((r) => r.id)]).toEqual(['2026-12', [decemberDdt.ddt!.id]]);
  });

  it('names the last good backup once one is made', async () => {
    expect(today().backup).toEqual({ lastGoodAt: null, overdue: true });
    const made = await app.callAsync('backups.runNow', {});
    expect(today().backup).toEqual({ lastGoodAt: made.at, overdue: false });
  });
});

describe('reports.today: the first-run checklist', () => {
  // a real 1×1 PNG
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const ticked = () =>
    today()
      .setup.steps.filter((s) => s.done)
      .map((s) => s.key);

  it('ticks each step when what it asks for exists, from an empty database to done', () => {
    app.call('system.startEmpty', {});
    expect(today().setup).toEqual({
      companyName: '',
      done: false,
      steps: ['company', 'logo', 'materials', 'recipe', 'customer', 'calendar'].map((key) => ({ key, done: false })),
    });
    // a name alone is not enough for a DDT, but the header shows it
    app.call('settings.update', { company: { name: 'Saponificio Aurora' } });
    expect([today().setup.companyName, ticked()]).toEqual(['Saponificio Aurora', []]);
    fillCompany(app);
    expect(ticked()).toEqual(['company']);
    app.call('settings.setLogo', { contentType: 'image/png', base64: PNG });
    expect(ticked()).toEqual(['company', 'logo']);
    // a product is not a material
    const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs' });
    expect(ticked()).toEqual(['company', 'logo']);
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg' });
    expect(ticked()).toEqual(['company', 'logo', 'materials']);
    app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', batchMinutes: 60, components: [{ itemId: oil.id, quantity: '1 kg' }] });
    expect(ticked()).toEqual(['company', 'logo', 'materials', 'recipe']);
    app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
    expect(ticked()).toEqual(['company', 'logo', 'materials', 'recipe', 'customer']);
    app.call('settings.update', { planning: { workingWeekdays: [1, 2, 3, 4, 5, 6] } });
    expect(today().setup.done).toBe(true);
    // a removed logo is a step to do again
    app.call('settings.removeLogo', {});
    expect(today().setup.steps.find((s) => s.key === 'logo')!.done).toBe(false);
  });
});

describe('reports.today: query plans', () => {
  const planOf = (text: string, params: Record<string, unknown>) =>
    (app.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('finds late orders, overdue purchase orders and open production through their status indexes, not by reading every row', () => {
    const late = planOf(sql`SELECT count(*) FROM customer_orders o WHERE ${LATE_ORDER}`.text, { today: '2026-11-10' });
    expect(late).toContain('customer_orders_status_date');
    expect(late).not.toMatch(/SCAN o\b/);
    const overdue = planOf(sql`SELECT count(*) FROM purchase_orders p WHERE ${OVERDUE_PURCHASE_ORDER}`.text, { today: '2026-11-10' });
    expect(overdue).toContain('purchase_orders_status');
    expect(overdue).not.toMatch(/SCAN p\b/);
    const expiring = planOf('SELECT count(*) FROM lots WHERE on_hand_milli <> 0 AND on_hand_milli > 0 AND expires_on <= @until', { until: '2026-12-10' });
    expect(expiring).toContain('COVERING INDEX lots_open_item');
  });
});
