/**
 * One plan per database state and day. Shortages, promises and the schedule all read it;
 * it is rebuilt when anything was written (SQLite's change counters say so) or the day
 * changed, so the answer is the same as a fresh computation, only faster when typing.
 */
import { localDate } from '../../../src-shared/domain/dates';
import { Plan } from '../../../src-shared/domain/planning/plan';
import { promiseAll, promiseNewOrder, type OrderToPromise } from '../../../src-shared/domain/planning/promiseAll';
import type { CapacityBoard } from '../../../src-shared/domain/planning/capacity';
import type { DeliveryPromise } from '../../../src-shared/domain/planning/promise';
import type { WorkCalendarSettings } from '../../../src-shared/contract/workCalendar';
import type { Ctx, ReadCtx } from '../../api/context';
import { readOnlyConnection } from '../../api/readOnly';
import { loadSnapshot, type LoadedSnapshot } from './snapshot';
import { destinations, transitFor, type Destination } from './transit';
import { workCalendarOf } from './workCalendar';

export interface CurrentPlan {
  key: string;
  snap: LoadedSnapshot;
  plan: Plan;
  settings: WorkCalendarSettings;
  destinations: Map<number, Destination>;
  /** promises of every open order, made on first use */
  all(): { board: CapacityBoard; promises: Map<number, DeliveryPromise> };
  /** the promise of an order being typed, as it will be once saved (the last few asked are remembered) */
  quote(lines: { itemId: number; qtyMilli: number }[], requestedOn: string | null, transitDays: number): { plan: Plan; promise: DeliveryPromise };
  transitOf(customerId: number | undefined): { days: number; carrier: string | null };
}

const cache = new WeakMap<ReadCtx['sqlite'], CurrentPlan>();
/** read only: an order that holds no finished goods */
const NOTHING_HELD: ReadonlyMap<number, number> = new Map();

function stateKey(ctx: ReadCtx, today: string): string {
  const changes = (ctx.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = ctx.sqlite.pragma('data_version', { simple: true }) as number;
  return `${today}|${version}|${changes}`;
}

export function currentPlan(ctx: ReadCtx): CurrentPlan {
  const today = localDate(ctx.now());
  const key = stateKey(ctx, today);
  const hit = cache.get(ctx.sqlite);
  if (hit && hit.key === key) return hit;
  const { settings, calendar } = workCalendarOf(ctx);
  const snap = loadSnapshot(ctx, today);
  const plan = new Plan(snap, calendar);
  const dest = destinations(ctx, snap.openOrders.map((o) => o.customerId));
  let all: ReturnType<CurrentPlan['all']> | null = null;
  let toPromise: OrderToPromise[] | null = null;
  const quotes = new Map<string, ReturnType<CurrentPlan['quote']>>();
  const current: CurrentPlan = {
    key,
    snap,
    plan,
    settings,
    destinations: dest,
    transitOf: (customerId) => transitFor(settings, customerId === undefined ? undefined : dest.get(customerId) ?? destinations(ctx, [customerId]).get(customerId)),
    all: () => {
      all ??= promiseAll(plan, openToPromise());
      return all;
    },
    quote: (lines, requestedOn, transitDays) => {
      const k = JSON.stringify([lines, requestedOn, transitDays]);
      let q = quotes.get(k);
      if (!q) {
        // the same state, typed again (or the panel asking twice): the answer is the same
        if (quotes.size >= 8) quotes.delete(quotes.keys().next().value!);
        q = promiseNewOrder(snap, calendar, openToPromise(), { lines, requestedOn, transitDays });
        quotes.set(k, q);
      }
      return q;
    },
  };
  function openToPromise(): OrderToPromise[] {
    toPromise ??= snap.openOrders.map((o) => ({ orderId: o.id, number: o.number, requestedOn: o.requestedOn, transitDays: current.transitOf(o.customerId).days, lines: o.lines, allocatedMilli: snap.allocated.get(o.id) ?? NOTHING_HELD }));
    return toPromise;
  }
  cache.set(ctx.sqlite, current);
  return current;
}

/**
 * Drops the remembered plan (the benchmark measures the plan being made, not a cache hit).
 * A query's handler runs on the read-only stand-in of the connection, so the plan it made
 * is kept under the stand-in: forgetting only the raw connection forgot nothing, and the
 * "cold" planning figures measured a cache hit.
 */
export function forgetPlan(ctx: Ctx): void {
  cache.delete(ctx.sqlite);
  cache.delete(readOnlyConnection(ctx.sqlite));
}
