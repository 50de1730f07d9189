/**
 * The plan's static part (planning/planStatic.ts: items, recipes, suppliers' lead times)
 * is kept across plans made again after orders change — the benchmark's cold home screen
 * keeps it too — and read again after any write to its tables: this connection's, and
 * another connection's (another process), which the plan cannot see table by table.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { readOnlyCtx } from '../../src-main/api/readOnly';
import { forgetPlan } from '../../src-main/modules/planning/planCache';
import { planStatic } from '../../src-main/modules/planning/planStatic';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
let other: Database.Database | null = null;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  other?.close();
  other = null;
  app.close();
  t.cleanup();
});

/** soap made of oil (1 kg per batch of 10); an order for 20 soaps needs 2 kg of oil, none in stock */
function workshop() {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', leadTimeDays: 5 });
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
  app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', batchMinutes: 240, components: [{ itemId: oil.id, quantity: '1 kg' }] });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
  app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '20' }], confirm: true, requestedOn: '2026-11-02' });
  return { oil, soap, customer };
}

const kept = () => planStatic(readOnlyCtx(app.ctx));
const oilRow = () => {
  const rows = app.call('planning.shortages', {}).rows;
  expect(rows).toHaveLength(1);
  const r = rows[0]!;
  return { name: r.item.name, shortMilli: r.shortMilli, leadTimeDays: r.leadTimeDays };
};

it('a plan made again after an order (or forgotten) keeps the static part and reads the orders again', () => {
  const w = workshop();
  expect(oilRow()).toEqual({ name: 'Olio', shortMilli: 2000, leadTimeDays: 5 });
  const part = kept();
  app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '10' }], confirm: true, requestedOn: '2026-11-03' });
  forgetPlan(app.ctx);
  expect(oilRow().shortMilli).toBe(3000);
  expect(kept()).toBe(part);
});

it("this connection's writes to items, recipes and suppliers' terms are in the next plan", () => {
  const w = workshop();
  expect(oilRow().leadTimeDays).toBe(5);
  app.call('catalog.saveRecipe', { itemId: w.soap.id, yield: '10', batchMinutes: 240, components: [{ itemId: w.oil.id, quantity: '2 kg' }] });
  expect(oilRow().shortMilli).toBe(4000);
  app.ctx.sqlite.prepare("UPDATE items SET lead_time_days = 9, name = 'Olio di oliva' WHERE id = ?").run(w.oil.id);
  expect(oilRow()).toEqual({ name: 'Olio di oliva', shortMilli: 4000, leadTimeDays: 9 });
  const supplier = app.call('parties.createSupplier', { name: 'Oleificio Rossi' });
  app.call('purchasing.saveSupplierTerms', { itemId: w.oil.id, supplierId: supplier.id, preferred: true, leadTimeDays: 3 });
  expect(oilRow().leadTimeDays).toBe(3);
});

it("another connection's commit to a recipe, an item or the work calendar is in the next plan", () => {
  const w = workshop();
  expect(oilRow()).toEqual({ name: 'Olio', shortMilli: 2000, leadTimeDays: 5 });
  const part = kept();
  other = new Database(t.dbPath);
  other.prepare('UPDATE recipe_components SET qty_milli = 3000').run();
  expect(oilRow().shortMilli).toBe(6000);
  expect(kept()).not.toBe(part);
  other.prepare("UPDATE items SET lead_time_days = 12, name = 'Olio extra' WHERE id = ?").run(w.oil.id);
  expect(oilRow()).toEqual({ name: 'Olio extra', shortMilli: 6000, leadTimeDays: 12 });
  const planning = { ...app.call('settings.get', {}).planning, productionMinutesPerDay: 300 };
  other.prepare("INSERT INTO settings (key, value) VALUES ('planning', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(planning));
  expect(app.call('planning.schedule', { days: 1 }).minutesPerDay).toBe(300);
});
