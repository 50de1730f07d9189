/**
 * The home screen (BENCH.md `reports.today`): every tile's query together, through the
 * registry, on the demo's own "today" (the day its history ends, so the open orders,
 * the plan and last month's DDTs are the data's; the bench process's clock is not).
 * `reports.today` is cold — the plan forgotten before each run, so it includes making the
 * plan as the first visit after a change to orders, stock or production does (orders, lots,
 * holds, production and purchases read again and netted; the static part — items, recipes,
 * suppliers' lead times, planning/planStatic.ts — kept, as it is after such a change, and
 * read again only after a write to its own tables); `reports.today_warm` is the screen asked
 * again with nothing changed (planning's plan of this state remembered).
 * The "last month not invoiced" tile finds the month's DDTs by the index ddts_kind_date
 * (migration 0012); without it the tile read every DDT of the year, snapshots and all.
 */
import { invoke } from '../../../src-main/api/registry';
import { readOnlyConnection } from '../../../src-main/api/readOnly';
import { forgetPlan } from '../../../src-main/modules/planning/planCache';
import type { TodayOut } from '../../../src-shared/contract/today';
import type { BenchEnv } from '../harness';
import { defineFigure } from '../harness';
import { dataToday } from './support';

/** reports.today with the clock at the data's last day, 10:00 */
function today(env: BenchEnv, day: string): TodayOut {
  const res = invoke({ ...env.app.ctx, now: () => new Date(`${day}T09:00:00Z`) }, 'reports.today', {});
  if (!res.ok) throw new Error(`reports.today: ${res.error.code} ${res.error.message}`);
  return res.data as TodayOut;
}

function logTiles(env: BenchEnv, d: TodayOut): void {
  env.log(
    `today ${d.today}: to ship ${d.toShip.count} (late ${d.toShip.lateCount}), late ${d.late.count}, production today ${d.production.today.count}, ` +
      `short ${d.shortages.count}, POs overdue ${d.purchaseOverdue.count}, lots expiring ${d.expiring.count}, invoices overdue ${d.invoicesOverdue.count}, ` +
      `not invoiced ${d.notInvoiced ? `${d.notInvoiced.count} of ${d.notInvoiced.month}` : '—'}`,
  );
}

export const figures = [
  defineFigure({
    name: 'reports.today',
    what: 'every home-screen tile at once, the plan made from scratch (the first visit after a change)',
    n: 20,
    warmup: 2,
    goal: { median_ms: 100 },
    setup: (env) => {
      const day = dataToday(env);
      logTiles(env, today(env, day));
      return { day };
    },
    // queries run on the connection's read-only stand-in, and planning remembers its plan per
    // connection object: forget the stand-in's plan too, or the "cold" run finds it made
    prepare: (env) => {
      forgetPlan(env.app.ctx);
      forgetPlan({ ...env.app.ctx, sqlite: readOnlyConnection(env.app.ctx.sqlite) });
    },
    run: (env, s) => {
      today(env, s.day);
    },
  }),
  defineFigure({
    name: 'reports.today_warm',
    what: 'the home screen asked again with nothing changed (the plan of this state remembered)',
    n: 50,
    warmup: 3,
    setup: (env) => ({ day: dataToday(env) }),
    run: (env, s) => {
      today(env, s.day);
    },
  }),
];
