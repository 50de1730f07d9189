/**
 * The planner's snapshot names the orders each open production order serves, by number,
 * with the earliest date they ask (planning/snapshot.ts). Open orders' numbers and dates
 * come from the open orders already read; an order no longer open (shipped while its
 * production is still planned) is read on its own and still named.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { readOnlyCtx } from '../../src-main/api/readOnly';
import { currentPlan } from '../../src-main/modules/planning/planCache';
import { fixedClock, tempDir } from '../support/tempDir';

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

it('open production names every order it serves by number, an order no longer open too, with the earliest date asked', () => {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', leadTimeDays: 5 });
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
  app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', batchMinutes: 240, components: [{ itemId: oil.id, quantity: '1 kg' }] });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
  const orders = (
    [
      ['20', '2026-11-05'],
      ['30', '2026-11-02'],
      ['10', undefined],
    ] as const
  ).map(([quantity, requestedOn]) =>
    app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity }, { itemId: soap.id, quantity: '5' }], confirm: true, requestedOn }),
  );
  const { productionOrderIds } = app.call('orders.fulfil', { orderIds: orders.map((o) => o.id) });
  expect(productionOrderIds).toHaveLength(1);
  // the order asking earliest leaves the open orders (as once shipped); its production stays planned
  app.ctx.sqlite.prepare("UPDATE customer_orders SET status = 'shipped' WHERE id = ?").run(orders[1]!.id);
  const production = currentPlan(readOnlyCtx(app.ctx)).snap.production;
  expect(production.map((p) => ({ id: p.id, orders: p.orders, dueOn: p.dueOn }))).toEqual([
    { id: productionOrderIds[0], orders: orders.map((o) => ({ id: o.id, number: o.number })), dueOn: '2026-11-02' },
  ]);
});

it('reads the same open lines whether it seeks each open order or reads the range of ids they span, lines of orders not open skipped', () => {
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
  const cream = app.call('catalog.createItem', { sku: 'CREMA', name: 'Crema', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
  const order = (confirm: boolean, quantity: string) =>
    app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity }, { itemId: cream.id, quantity: '2' }], confirm, requestedOn: '2026-11-05' });
  const linesOf = (o: { id: number; number: string }, quantity: number) => [
    { orderId: o.id, orderNumber: o.number, itemId: soap.id, openMilli: quantity * 1000, requestedOn: '2026-11-05' },
    { orderId: o.id, orderNumber: o.number, itemId: cream.id, openMilli: 2000, requestedOn: '2026-11-05' },
  ];
  const read = () => currentPlan(readOnlyCtx(app.ctx)).snap.lines.map(({ lineId: _line, ...l }) => l);
  // two open orders with three drafts between them: fewer than every other id open, each open order's lines sought
  const first = order(true, '3');
  for (let i = 0; i < 3; i++) order(false, '7');
  const fifth = order(true, '4');
  expect(read()).toEqual([...linesOf(first, 3), ...linesOf(fifth, 4)]);
  // one more open order: half the ids are open, read as a range, the drafts' lines passed over
  const sixth = order(true, '5');
  expect(read()).toEqual([...linesOf(first, 3), ...linesOf(fifth, 4), ...linesOf(sixth, 5)]);
});
