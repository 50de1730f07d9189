/**
 * The plan is kept across writes it does not read and made again after every write it
 * does (planning/planEpoch.ts): a command that touches neither demand nor supply (a
 * customer's invoicing settings) keeps it; an order entered, a raw write to a lot on the
 * same connection, or a plan made inside a transaction that was then rolled back do not.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { readOnlyCtx } from '../../src-main/api/readOnly';
import { currentPlan } from '../../src-main/modules/planning/planCache';
import { shortages } from '../../src-main/modules/planning/queries';
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

function workshop() {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', leadTimeDays: 5 });
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
  app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', batchMinutes: 240, components: [{ itemId: oil.id, quantity: '1 kg' }] });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
  return { oil, soap, customer };
}

const plan = () => currentPlan(readOnlyCtx(app.ctx));

it('a command that writes nothing the plan reads keeps the plan; an order entered makes it again, with the order in it', () => {
  const w = workshop();
  expect(app.invoke('planning.shortages', {}).ok).toBe(true);
  const made = plan();
  app.call('invoicing.setCustomerSettings', { customerId: w.customer.id, wantsInvoice: true, defaultNatura: null, intentDeclaration: 'Dichiarazione 12/2026' });
  expect(plan()).toBe(made);
  const o = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '20' }], confirm: true, requestedOn: '2026-11-02' });
  const again = plan();
  expect(again).not.toBe(made);
  expect(again.snap.openOrders.map((x) => x.id)).toEqual([o.id]);
  expect(app.call('planning.shortages', {}).rows.map((r) => r.shortMilli)).toEqual([2000]);
});

it('a raw write to a lot on the same connection (no command) makes the plan again', () => {
  const w = workshop();
  app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '5 kg' }] });
  const made = plan();
  app.ctx.sqlite.prepare('UPDATE lots SET on_hand_milli = on_hand_milli + 1000 WHERE item_id = ?').run(w.oil.id);
  expect(plan()).not.toBe(made);
});

it('a plan made inside a transaction that was rolled back is not taken for the state after it', () => {
  const w = workshop();
  const before = plan();
  let inside: ReturnType<typeof plan> | null = null;
  expect(() =>
    app.ctx.sqlite.transaction(() => {
      app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '20' }], confirm: true });
      inside = plan();
      expect(inside.snap.openOrders).toHaveLength(1);
      throw new Error('rolled back');
    })(),
  ).toThrow('rolled back');
  expect(inside).not.toBe(before);
  const after = plan();
  expect(after).not.toBe(inside);
  expect(after.snap.openOrders).toEqual([]);
});

it('the whole shortage list is kept with its plan: asked again it is the same, and a receipt of the short material changes it', () => {
  const w = workshop();
  app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '20' }], confirm: true, requestedOn: '2026-11-02' });
  const first = app.call('planning.shortages', {});
  expect(first.rows.map((r) => [r.item.sku, r.shortMilli])).toEqual([['OLIO', 2000]]);
  expect(app.call('planning.shortages', {})).toEqual(first);
  // not worked out again: the same answer object while the plan is the same
  expect(shortages(readOnlyCtx(app.ctx), {})).toBe(shortages(readOnlyCtx(app.ctx), {}));
  // one item's row, asked after the whole list was kept, is worked out for that item
  expect(app.call('planning.shortages', { itemId: w.oil.id }).rows.map((r) => r.shortMilli)).toEqual([2000]);
  app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '0.5 kg' }] });
  expect(app.call('planning.shortages', {}).rows.map((r) => r.shortMilli)).toEqual([1500]);
});
