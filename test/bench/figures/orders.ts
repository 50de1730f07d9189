/**
 * Orders and production figures (BENCH.md): confirm and fulfil, the order list, a
 * completion consuming 30 lots; and the make-to-order flow's helpers (its figures are in
 * flow.ts). Each works on the run's own copy of the database and sets up what it needs there.
 */
import { addDays } from '../../../src-shared/domain/dates';
import type { BenchEnv } from '../harness';
import { defineFigure } from '../harness';
import { call, dataToday } from './support';

export function customerId(env: BenchEnv): number {
  return env.app.ctx.sqlite.prepare("SELECT id FROM customers ORDER BY id LIMIT 1").pluck().get() as number;
}

/** A product made through one level of intermediates from bought materials: the usual make-to-order tree. */
export function twoLevelProduct(env: BenchEnv): { itemId: number; yieldMilli: number; leaves: { id: number; unit: string }[] } {
  const db = env.app.ctx.sqlite;
  const rows = db
    .prepare(
      `SELECT p.id AS itemId, r.yield_milli AS yieldMilli FROM items p JOIN recipes r ON r.item_id = p.id AND r.active = 1
       WHERE p.kind = 'product' AND p.archived = 0
         AND EXISTS (SELECT 1 FROM recipe_components c JOIN recipes r2 ON r2.item_id = c.item_id AND r2.active = 1 WHERE c.recipe_id = r.id)
         AND NOT EXISTS (SELECT 1 FROM recipe_components c JOIN recipes r2 ON r2.item_id = c.item_id AND r2.active = 1
                         JOIN recipe_components c2 ON c2.recipe_id = r2.id JOIN recipes r3 ON r3.item_id = c2.item_id AND r3.active = 1
                         WHERE c.recipe_id = r.id)
       ORDER BY p.id`,
    )
    .all() as { itemId: number; yieldMilli: number }[];
  if (rows.length === 0) throw new Error('no product made through one level of intermediates');
  const pick = rows[env.rng.int(0, rows.length - 1)]!;
  const leaves = db
    .prepare(
      `WITH RECURSIVE tree(item_id) AS (
         SELECT c.item_id FROM recipe_components c JOIN recipes r ON r.id = c.recipe_id AND r.active = 1 WHERE r.item_id = ?
         UNION SELECT c.item_id FROM tree t JOIN recipes r ON r.item_id = t.item_id AND r.active = 1 JOIN recipe_components c ON c.recipe_id = r.id
       )
       SELECT i.id, i.unit FROM tree t JOIN items i ON i.id = t.item_id WHERE NOT EXISTS (SELECT 1 FROM recipes r WHERE r.item_id = i.id AND r.active = 1) ORDER BY i.id`,
    )
    .all(pick.itemId) as { id: number; unit: string }[];
  return { ...pick, leaves };
}

/** One order through the whole flow; returns it, with how many commands (each one transaction) it took. */
export function makeToOrder(env: BenchEnv, s: { itemId: number; yieldMilli: number; customerId: number }) {
  const order = call(env, 'orders.create', { customerId: s.customerId, channel: 'shopify', lines: [{ itemId: s.itemId, quantity: String(s.yieldMilli / 1000) }], confirm: true });
  const done = call(env, 'orders.fulfil', { orderIds: [order.id] });
  // created parent first, then its intermediates: backwards, every batch comes after what it uses
  for (const id of [...done.productionOrderIds].reverse()) {
    call(env, 'production.release', { id });
    call(env, 'production.complete', { id });
  }
  return { id: order.id, number: order.number, commits: 2 + 2 * done.productionOrderIds.length };
}

export const plenty = (unit: string) => (unit === 'pcs' ? '2000000' : unit === 'g' || unit === 'ml' ? '50000000' : '50000');

export const figures = [
  defineFigure({
    name: 'orders.confirm_fulfil',
    what: 'confirm a 5-line draft order and fulfil it (stock reserved FEFO, production planned)',
    n: 200,
    warmup: 20,
    goal: { median_ms: 2 },
    setup: (env) => {
      const products = env.app.ctx.sqlite
        .prepare("SELECT id FROM items WHERE kind = 'product' AND archived = 0 AND sale_price_cents IS NOT NULL ORDER BY id")
        .pluck()
        .all() as number[];
      return { customerId: customerId(env), products };
    },
    prepare: (env, s, i) =>
      call(env, 'orders.create', {
        customerId: s.customerId,
        channel: 'phone',
        lines: Array.from({ length: 5 }, (_, k) => ({ itemId: s.products[(i * 5 + k * 7) % s.products.length]!, quantity: String(6 * (1 + (k % 3))) })),
      }).id,
    run: (env, _s, _i, orderId) => {
      call(env, 'orders.confirm', { id: orderId });
      call(env, 'orders.fulfil', { orderIds: [orderId] });
    },
  }),
  defineFigure({
    name: 'orders.list_page',
    what: 'first page of the order list, filtered by status and the last 90 days',
    n: 300,
    warmup: 30,
    goal: { median_ms: 20 },
    setup: (env) => {
      const to = dataToday(env);
      return { from: addDays(to, -90), to };
    },
    run: (env, s, i) => {
      const statuses = i % 2 === 0 ? (['shipped'] as const) : (['waiting', 'materials_short', 'in_production', 'ready_to_ship'] as const);
      call(env, 'orders.list', { statuses: [...statuses], from: s.from, to: s.to, limit: 50 });
    },
  }),
  defineFigure({
    name: 'production.complete',
    what: 'complete a released production order consuming 30 lots (3 materials × 10 lots)',
    n: 60,
    warmup: 5,
    goal: { median_ms: 3 },
    setup: (env) => {
      const mats = ['A', 'B', 'C'].map(
        (x) => call(env, 'catalog.createItem', { sku: `BENCH-MP-${x}`, name: `Bench material ${x}`, kind: 'material', unit: 'kg', unitCost: '3,5' }).id,
      );
      const product = call(env, 'catalog.createItem', { sku: 'BENCH-PF', name: 'Bench product', kind: 'product', unit: 'pcs', shelfLifeDays: 365, salePrice: '9,90' }).id;
      call(env, 'catalog.saveRecipe', { itemId: product, yield: '100', components: mats.map((itemId) => ({ itemId, quantity: '10 kg' })) });
      const supplierId = env.app.ctx.sqlite.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
      return { mats, product, supplierId };
    },
    prepare: (env, s, i) => {
      call(env, 'inventory.receive', {
        supplierId: s.supplierId,
        supplierDdtNumber: `BENCH-PC ${i}`,
        lines: s.mats.flatMap((itemId, m) => Array.from({ length: 10 }, (_, k) => ({ itemId, quantity: '1', supplierLotCode: `PC-${i}-${m}-${k}`, unitCost: '3,5' }))),
      });
      const po = call(env, 'production.create', { itemId: s.product, batches: 1 });
      const released = call(env, 'production.release', { id: po.id });
      const lots = released.reserved.length;
      if (lots !== 30) throw new Error(`the production order reserved ${lots} lots, not 30`);
      return po.id;
    },
    run: (env, _s, _i, id) => {
      call(env, 'production.complete', { id });
    },
  }),
];
