/**
 * Planning as the open work grows (issue 18): the shortage list after the open orders are
 * doubled (`planning.shortages_x2`) and quadrupled (`planning.shortages_x4`) through the
 * real commands — each open order entered again as a new confirmed order for what it still
 * needs, and one copy in four fulfilled (stock reserved, production planned and linked), as
 * the flow's orders are. The plan's cost must grow at most linearly with the open lines:
 * x4 < 4 × `planning.shortages`.
 *
 * This file sorts after every other figure file on purpose: the orders it adds stay in the
 * run's working copy, and no other figure should measure on a quadrupled workshop.
 */
import { forgetPlan } from '../../../src-main/modules/planning/planCache';
import type { BenchEnv } from '../harness';
import { defineFigure } from '../harness';
import { call } from './support';

interface OpenOrder {
  customerId: number;
  orderedOn: string;
  requestedOn: string | null;
  lines: { itemId: number; quantity: string }[];
}

/** The open orders as they are now, with what each line still needs (not shipped); a copy keeps the original's dates. */
function openOrders(env: BenchEnv): OpenOrder[] {
  const rows = env.app.ctx.sqlite
    .prepare(
      `SELECT o.id, o.customer_id AS customerId, o.ordered_on AS orderedOn, o.requested_on AS requestedOn, l.item_id AS itemId, l.qty_milli - l.shipped_milli AS open
       FROM customer_orders o JOIN order_lines l ON l.order_id = o.id
       WHERE o.state = 'confirmed' AND o.status IN ('waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped') AND l.qty_milli > l.shipped_milli
       ORDER BY o.id, l.position`,
    )
    .all() as { id: number; customerId: number; orderedOn: string; requestedOn: string | null; itemId: number; open: number }[];
  const byOrder = new Map<number, OpenOrder>();
  for (const r of rows) {
    let o = byOrder.get(r.id);
    if (!o) byOrder.set(r.id, (o = { customerId: r.customerId, orderedOn: r.orderedOn, requestedOn: r.requestedOn, lines: [] }));
    o.lines.push({ itemId: r.itemId, quantity: String(r.open / 1000).replace('.', ',') });
  }
  return [...byOrder.values()];
}

/** Enters every order of `base` again `times` times (confirmed); one copy in four is fulfilled. */
function addCopies(env: BenchEnv, base: OpenOrder[], times: number): void {
  const t0 = performance.now();
  let n = 0;
  for (let c = 0; c < times; c++) {
    for (const o of base) {
      const created = call(env, 'orders.create', { customerId: o.customerId, orderedOn: o.orderedOn, ...(o.requestedOn ? { requestedOn: o.requestedOn } : {}), lines: o.lines, confirm: true });
      if (n++ % 4 === 0) call(env, 'orders.fulfil', { orderIds: [created.id] });
    }
  }
  env.log(`added ${n} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * What the plan nets, for reading the curve: open lines, and the planned production the
 * fulfilled copies added (each is a demand per recipe component). In a full run the copies'
 * fulfil plans production per order line and level, so planned production grows much faster
 * than the lines (3,640 → 41,871 planned orders at x2 after the channel imports).
 */
function logOpenWork(env: BenchEnv): void {
  const db = env.app.ctx.sqlite;
  const lines = db
    .prepare(
      `SELECT count(*) FROM order_lines l JOIN customer_orders o ON o.id = l.order_id
       WHERE o.state = 'confirmed' AND o.status IN ('waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped') AND l.qty_milli > l.shipped_milli`,
    )
    .pluck()
    .get() as number;
  const planned = db.prepare(`SELECT count(*) FROM production_orders WHERE status = 'planned'`).pluck().get() as number;
  const components = db.prepare(`SELECT count(*) FROM production_orders p JOIN recipe_components c ON c.recipe_id = p.recipe_id WHERE p.status = 'planned'`).pluck().get() as number;
  env.log(`open lines ${lines}, planned production orders ${planned} (${components} component demands)`);
}

let original: OpenOrder[] | null = null;
let copies = 0;
/** Makes the workshop hold `k` copies of the original open orders besides them (x2: 1, x4: 3), whichever figure runs first. */
function ensureCopies(env: BenchEnv, k: number): void {
  if (original === null) {
    original = openOrders(env);
    logOpenWork(env);
  }
  if (k > copies) {
    addCopies(env, original, k - copies);
    logOpenWork(env);
  }
  copies = Math.max(copies, k);
}

export const figures = [
  defineFigure({
    name: 'planning.shortages_x2',
    what: 'shortage list (plan from scratch) with the open orders doubled through orders.create/fulfil',
    n: 10,
    warmup: 1,
    goal: { median_ms: 300 },
    setup: (env) => ensureCopies(env, 1),
    prepare: (env) => forgetPlan(env.app.ctx),
    run: (env) => {
      call(env, 'planning.shortages', {});
    },
  }),
  defineFigure({
    name: 'planning.shortages_x4',
    what: 'the same with the open orders quadrupled (goal: < 4 × planning.shortages)',
    n: 10,
    warmup: 1,
    goal: { median_ms: 600 },
    setup: (env) => ensureCopies(env, 3),
    prepare: (env) => forgetPlan(env.app.ctx),
    run: (env) => {
      call(env, 'planning.shortages', {});
    },
  }),
];
