/**
 * Planning figures (BENCH.md). The plan is remembered per database state, so a figure
 * that must measure the work forgets it before each run: `planning.shortages` and
 * `planning.promise_all` are cold (load + netting + queue every time). `planning.promise`
 * is what typing an order costs with the open orders' plan made: since issue 17 the typed
 * order is planned as it will be saved (queued by its requested date); since issue 18 its
 * lines are netted on top of the plan and promised on the board as the open orders' queue
 * left it (quote.ts), and the plan is made again with them only when they change what another
 * demand gets (about half of these 50 line sets on the large file). The first keystroke after
 * a change also loads the snapshot and promises the open orders (`planning.promise_cold`).
 */
import { forgetPlan } from '../../../src-main/modules/planning/planCache';
import type { BenchEnv } from '../harness';
import { defineFigure } from '../harness';
import { call } from './support';

function fiveLines(env: BenchEnv, i: number): { itemId: number; quantity: string }[] {
  const products = env.app.ctx.sqlite
    .prepare("SELECT i.id FROM items i JOIN recipes r ON r.item_id = i.id AND r.active = 1 WHERE i.kind = 'product' AND i.archived = 0 ORDER BY i.id")
    .pluck()
    .all() as number[];
  return Array.from({ length: 5 }, (_, k) => ({ itemId: products[(i * 5 + k * 13) % products.length]!, quantity: String(12 * (1 + (k % 4))) }));
}

function customerOf(env: BenchEnv): number {
  return env.app.ctx.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
}

export const figures = [
  defineFigure({
    name: 'planning.shortages',
    what: 'shortage list over all open orders and planned production (plan made from scratch)',
    n: 20,
    warmup: 2,
    goal: { median_ms: 150 },
    prepare: (env) => forgetPlan(env.app.ctx),
    run: (env) => {
      call(env, 'planning.shortages', {});
    },
  }),
  defineFigure({
    name: 'planning.promise',
    what: 'delivery promise for a 5-line order being typed (plan of the open orders already made)',
    n: 200,
    warmup: 5,
    goal: { median_ms: 20 },
    setup: (env) => ({ customerId: customerOf(env), lines: Array.from({ length: 50 }, (_, i) => fiveLines(env, i)) }),
    run: (env, s, i) => {
      call(env, 'planning.promise', { customerId: s.customerId, lines: s.lines[i % s.lines.length]! });
    },
  }),
  defineFigure({
    name: 'planning.promise_cold',
    what: 'the first promise after any change: plan of all open orders + the 5-line order',
    n: 20,
    warmup: 2,
    setup: (env) => ({ customerId: customerOf(env), lines: fiveLines(env, 0) }),
    prepare: (env) => forgetPlan(env.app.ctx),
    run: (env, s) => {
      call(env, 'planning.promise', { customerId: s.customerId, lines: s.lines });
    },
  }),
  defineFigure({
    name: 'planning.estimates_page',
    what: "the order list's first page (200 orders) with its Estimated delivery column, the first look after a change (plan and promises made from scratch)",
    n: 10,
    warmup: 1,
    setup: (env) => ({ orderIds: call(env, 'orders.list', { limit: 200, offset: 0 }).orders.map((o) => o.id) }),
    prepare: (env) => forgetPlan(env.app.ctx),
    run: (env, s) => {
      call(env, 'planning.estimates', { orderIds: s.orderIds });
    },
  }),
  defineFigure({
    name: 'planning.promise_all',
    what: 'promise for every open order (plan made from scratch, earliest requested first)',
    n: 10,
    warmup: 1,
    goal: { median_ms: 1000 },
    prepare: (env) => forgetPlan(env.app.ctx),
    run: (env) => {
      call(env, 'planning.promiseAll', {});
    },
  }),
];
