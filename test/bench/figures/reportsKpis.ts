/**
 * Report figures (issue 16): the KPIs of one whole year of the large dataset (its last
 * complete one, ≈ 70,000 orders and 250,000 lines), grouped by channel and by product,
 * through the registry as the screen and `bottega call reports.kpis` ask for them.
 */
import { defineFigure, type BenchEnv } from '../harness';

function lastFullYear(env: BenchEnv): { from: string; to: string } {
  const last = env.app.ctx.sqlite.prepare('SELECT max(ordered_on) FROM customer_orders').pluck().get() as string;
  const year = Number(last.slice(0, 4)) - 1;
  env.log(`year ${year}`);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function kpis(env: BenchEnv, period: { from: string; to: string }, by: 'channel' | 'product'): void {
  const res = env.app.invoke('reports.kpis', { ...period, by });
  if (!res.ok) throw new Error(`reports.kpis: ${res.error.code} ${res.error.message}`);
}

export const figures = [
  defineFigure({
    name: 'reports.kpis_year_channel',
    what: 'reports.kpis of one year by channel (every section), registry',
    n: 10,
    warmup: 2,
    goal: { median_ms: 500 },
    setup: lastFullYear,
    run: (env, period) => kpis(env, period, 'channel'),
  }),
  defineFigure({
    name: 'reports.kpis_year_product',
    what: 'reports.kpis of one year by product (every section), registry',
    n: 10,
    warmup: 2,
    goal: { median_ms: 1000 },
    setup: lastFullYear,
    run: (env, period) => kpis(env, period, 'product'),
  }),
];
