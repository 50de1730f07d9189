/**
 * Fulfil takes items and recipes from the plan's kept static part (planning/planStatic.ts),
 * so a fulfil after a catalog change must plan with the change: this connection's write to
 * a recipe or an item, and another connection's commit (another process), alike.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
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

it("a fulfil after a catalog change plans with it: this connection's recipe and item writes, and another connection's commit", () => {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg' });
  const lye = app.call('catalog.createItem', { sku: 'SODA', name: 'Soda', kind: 'material', unit: 'kg' });
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
  app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: oil.id, quantity: '1 kg' }, { itemId: lye.id, quantity: '1 kg' }] });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
  const fulfilOne = () => {
    const o = app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '10' }], confirm: true });
    const [p] = app.call('orders.fulfil', { orderIds: [o.id] }).proposals;
    return { version: p!.recipeVersion, materials: p!.materials.map((m) => [m.item.name, m.neededMilli]) };
  };
  expect(fulfilOne()).toEqual({ version: 1, materials: [['Olio', 1000], ['Soda', 1000]] });

  app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: oil.id, quantity: '2 kg' }, { itemId: lye.id, quantity: '1 kg' }] });
  app.ctx.sqlite.prepare("UPDATE items SET name = 'Olio di oliva' WHERE id = ?").run(oil.id);
  expect(fulfilOne()).toEqual({ version: 2, materials: [['Olio di oliva', 2000], ['Soda', 1000]] });

  other = new Database(t.dbPath);
  other.prepare("UPDATE items SET name = 'Soda caustica' WHERE id = ?").run(lye.id);
  other.prepare('UPDATE recipe_components SET qty_milli = 3000 WHERE item_id = ?').run(oil.id);
  expect(fulfilOne()).toEqual({ version: 2, materials: [['Olio di oliva', 3000], ['Soda caustica', 1000]] });
});
