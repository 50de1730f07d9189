/**
 * Inventory figures (BENCH.md): goods receipt, stock overview, lot page, FEFO, check.
 * The writing ones work on the run's own copy of the database (dataset.ts makes it).
 */
import { checkThreads, runCheck } from '../../../src-main/db/check';
import { DATASET_COUNTERS } from '../dataset';
import { defineFigure } from '../harness';
import { call, dataToday } from './support';

// The history tables the demo generator fills since version 2, for the report's "dataset".
// (They belong in DATASET_COUNTERS of dataset.ts; added from here while that file is not ours.)
for (const c of [
  { key: 'lots', table: 'lots', sql: 'SELECT count(*) FROM lots' },
  { key: 'open_lots', table: 'lots', sql: 'SELECT count(*) FROM lots WHERE on_hand_milli <> 0' },
  { key: 'movements', table: 'stock_movements', sql: 'SELECT count(*) FROM stock_movements' },
  { key: 'orders', table: 'customer_orders', sql: 'SELECT count(*) FROM customer_orders' },
  { key: 'open_orders', table: 'customer_orders', sql: "SELECT count(*) FROM customer_orders WHERE state = 'confirmed' AND status <> 'shipped'" },
  { key: 'order_lines', table: 'order_lines', sql: 'SELECT count(*) FROM order_lines' },
  { key: 'production_orders', table: 'production_orders', sql: 'SELECT count(*) FROM production_orders' },
]) {
  if (!DATASET_COUNTERS.some((x) => x.key === c.key)) DATASET_COUNTERS.push(c);
}

export const figures = [
  defineFigure({
    name: 'inventory.receipt',
    what: 'goods receipt of 10 lines (10 new lots with supplier lot codes)',
    n: 200,
    warmup: 20,
    goal: { median_ms: 2 },
    setup: (env) => {
      const db = env.app.ctx.sqlite;
      const supplierId = db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
      const items = db
        .prepare("SELECT id, unit FROM items WHERE kind = 'material' AND archived = 0 AND lot_tracked = 1 ORDER BY id")
        .all() as { id: number; unit: string }[];
      env.log(`${items.length} materials to receive, supplier ${supplierId}`);
      return { supplierId, items };
    },
    run: (env, s, i) => {
      const lines = Array.from({ length: 10 }, (_, k) => {
        const item = s.items[(i * 10 + k) % s.items.length]!;
        return { itemId: item.id, quantity: item.unit === 'pcs' ? '500' : '25', supplierLotCode: `BENCH-${i}-${k}`, unitCost: '2,35' };
      });
      call(env, 'inventory.receive', { supplierId: s.supplierId, supplierDdtNumber: `BENCH ${i}/2026`, lines });
    },
  }),
  defineFigure({
    name: 'inventory.stock_overview',
    what: 'stock overview of every item (on hand, reserved, available, alerts)',
    n: 30,
    warmup: 3,
    goal: { median_ms: 100 },
    run: (env) => {
      call(env, 'inventory.stockOverview', {});
    },
  }),
  defineFigure({
    name: 'inventory.lot_page',
    what: 'one random lot with balances, full movement history, reservations',
    n: 500,
    warmup: 50,
    goal: { median_ms: 10 },
    setup: (env) => {
      const db = env.app.ctx.sqlite;
      const max = db.prepare('SELECT max(id) FROM lots').pluck().get() as number;
      const ids = Array.from({ length: 500 }, () => env.rng.int(1, max));
      const moves = db.prepare('SELECT avg(n) FROM (SELECT count(*) AS n FROM stock_movements WHERE lot_id IN (SELECT value FROM json_each(?)) GROUP BY lot_id)').pluck().get(JSON.stringify(ids)) as number;
      env.log(`500 random lots of ${max}, ${moves.toFixed(1)} movements each on average`);
      return ids;
    },
    run: (env, ids, i) => {
      call(env, 'inventory.lot', { lotId: ids[i % ids.length]! });
    },
  }),
  defineFigure({
    name: 'inventory.fefo',
    what: 'FEFO proposal for the item with the most open lots',
    n: 1000,
    warmup: 50,
    goal: { median_ms: 2 },
    setup: (env) => {
      const db = env.app.ctx.sqlite;
      const top = db
        .prepare('SELECT item_id AS itemId, count(*) AS lots, sum(on_hand_milli) AS onHand FROM lots WHERE on_hand_milli <> 0 GROUP BY item_id ORDER BY lots DESC LIMIT 1')
        .get() as { itemId: number; lots: number; onHand: number };
      const needDate = dataToday(env);
      env.log(`item ${top.itemId}: ${top.lots} open lots; need date ${needDate}`);
      // a quantity that takes about half the open lots
      return { itemId: top.itemId, quantity: String(Math.max(1, Math.floor(top.onHand / 2000))), needDate };
    },
    run: (env, s) => {
      call(env, 'inventory.fefo', s);
    },
  }),
  defineFigure({
    name: 'inventory.check',
    what: '`bottega check`: every invariant on the whole database, on one read-only connection per core (as the CLI runs it)',
    n: 3,
    warmup: 0,
    goal: { median_ms: 10_000 },
    run: (env) => {
      const cpu = process.cpuUsage();
      const r = runCheck(env.app.ctx, undefined, { threads: checkThreads(env.app.ctx.dbPath) });
      // the process's CPU time, worker threads included: comparable between runs on a loaded machine, where the wall clock is not
      const used = process.cpuUsage(cpu);
      env.log(`check ${r.ms} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms) on ${r.threads} connections: ${r.checks.map((c) => `${c.name} ${c.ms}`).join(', ')}`);
      if (!r.ok) throw new Error(`check failed: ${r.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')}`);
    },
  }),
];
