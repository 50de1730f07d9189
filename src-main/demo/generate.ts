/**
 * The demo workshop, "Saponificio Bottega": what the first-run screen offers to load
 * (small) and what the benchmark measures on (large). Deterministic by seed.
 *
 * Runs inside the caller's transaction (the CLI's `bottega demo`, the `system.loadDemo`
 * command) and never opens its own: all of it lands, or none. Each step gets its own
 * generator seeded by (seed, step name), so adding a step later leaves the data of the
 * earlier ones as they were.
 *
 * A later issue adds its data (lots, movements, orders…) by appending a step to
 * DEMO_STEPS and bumping DEMO_GENERATOR_VERSION.
 */
import type { Ctx } from '../api/context';
import { Rng } from './rng';
import type { DemoScale, DemoState, DemoStep } from './types';
import { partiesStep } from './steps/parties';
import { workshopCatalogStep } from './steps/workshopCatalog';
import { largeCatalogStep } from './steps/largeCatalog';
import { workshopHistoryStep } from './steps/workshopHistory';
import { largeHistoryStep } from './steps/largeHistory';
import { purchasingStep } from './steps/purchasing';
import { workshopShipmentsStep } from './steps/workshopShipments';
import { largeShipmentsStep } from './steps/largeShipments';
import { labelFactsStep } from './steps/labelFacts';
import { workCalendarStep } from './steps/workCalendar';
import { pricesStep } from './steps/prices';
import { invoicingStep } from './steps/invoicing';

export interface DemoOptions {
  scale: DemoScale;
  seed: number;
}

/** Bump when the data a seed gives changes: the benchmark rebuilds its cached database. */
export const DEMO_GENERATOR_VERSION = 7;

/**
 * The catalog's and parties' reference date (created one or ten years before it). The
 * history steps (lots, orders, production) end on the caller's clock instead — ctx.now()
 * — so a demo loaded today has today's open orders; the benchmark builds at 2026-01-01.
 */
export const DEMO_BASE_DATE = new Date('2026-01-01T00:00:00.000Z');

const HISTORY_YEARS: Record<DemoScale, number> = { small: 1, large: 10 };

export const DEMO_STEPS: readonly DemoStep[] = [
  partiesStep,
  workshopCatalogStep,
  largeCatalogStep,
  workshopHistoryStep,
  largeHistoryStep,
  purchasingStep,
  workshopShipmentsStep,
  largeShipmentsStep,
  labelFactsStep,
  workCalendarStep,
  pricesStep,
  invoicingStep,
];

export function newDemoState(opts: DemoOptions): DemoState {
  const historyStart = new Date(DEMO_BASE_DATE);
  historyStart.setUTCFullYear(historyStart.getUTCFullYear() - HISTORY_YEARS[opts.scale]);
  return {
    scale: opts.scale,
    seed: opts.seed,
    baseDate: DEMO_BASE_DATE,
    historyStart,
    items: [],
    itemsBySku: new Map(),
    itemsById: new Map(),
    recipes: new Map(),
    suppliers: [],
    customers: [],
  };
}

/**
 * Fills an empty database with the demo. Returns what it made, by kind: the counts of
 * every step added up (a step reports only what it added), plus the deepest recipe.
 */
export function generateDemo(ctx: Ctx, opts: DemoOptions, steps: readonly DemoStep[] = DEMO_STEPS): Record<string, number> {
  if (!ctx.sqlite.inTransaction) throw new Error('generateDemo runs inside the caller’s transaction');
  const state = newDemoState(opts);
  const counts: Record<string, number> = {};
  for (const step of steps) {
    const made = step.run(ctx, Rng.forStep(opts.seed, step.name), state);
    for (const [key, n] of Object.entries(made)) counts[key] = (counts[key] ?? 0) + n;
  }
  counts.maxRecipeDepth = Math.max(0, ...state.items.map((i) => i.level));
  return counts;
}
