/**
 * One plan per database state and day. Shortages, promises and the schedule all read it;
 * it is rebuilt when something the plan reads was written (planEpoch.ts: this connection's
 * writes to the plan's tables; data_version: any other connection's commit) or the day
 * changed, so the answer is the same as a fresh computation, only faster when typing — and
 * a write the plan does not read (an invoice, a notification) keeps it.
 */
import { localDate } from '../../../src-shared/domain/dates';
import { Plan } from '../../../src-shared/domain/planning/plan';
import { promiseAll, quoteNewOrder, type AllPromises, type OrderToPromise } from '../../../src-shared/domain/planning/promiseAll';
import type { DeliveryPromise } from '../../../src-shared/domain/planning/promise';
import type { WorkCalendarSettings } from '../../../src-shared/contract/workCalendar';
import type { Ctx, ReadCtx } from '../../api/context';
import { connectionUnder } from '../../api/readOnly';
import { connectionOf } from '../../db/statementCache';
import { dataVersion, planEpochs } from './planEpoch';
import { customerNames, loadSnapshot, type LoadedSnapshot } from './snapshot';
import { destinations, transitFor, type Destination } from './transit';
import { workCalendarOf } from './workCalendar';

export interface CurrentPlan {
  key: string;
  snap: LoadedSnapshot;
  plan: Plan;
  settings: WorkCalendarSettings;
  /** promises of every open order, made on first use */
  all(): AllPromises;
  /** the promise of an order being typed, as it will be once saved (the last few asked are remembered); from all()'s queue, not a plan made again */
  quote(lines: { itemId: number; qtyMilli: number }[], requestedOn: string | null, transitDays: number): { promise: DeliveryPromise };
  transitOf(customerId: number | undefined): { days: number; carrier: string | null };
  customerName(customerId: number): string;
}

/** by the connection itself: a query (read-only stand-in) and a command (statement cache) share one plan */
const cache = new WeakMap<object, CurrentPlan>();
/** read only: an order that holds no finished goods */
const NOTHING_HELD: ReadonlyMap<number, number> = new Map();

function connectionKey(sqlite: ReadCtx['sqlite']): object {
  return connectionOf(connectionUnder(sqlite));
}

function stateKey(ctx: ReadCtx, today: string): string {
  const version = dataVersion(ctx.sqlite);
  const epochs = planEpochs(connectionOf(connectionUnder(ctx.sqlite)));
  // without the triggers (first asked inside a transaction): any write counts
  const changes = epochs === null ? `c${(ctx.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n}` : `e${epochs.all}`;
  return `${today}|${version}|${changes}`;
}

export function currentPlan(ctx: ReadCtx): CurrentPlan {
  const today = localDate(ctx.now());
  const key = stateKey(ctx, today);
  const hit = cache.get(connectionKey(ctx.sqlite));
  if (hit && hit.key === key) return hit;
  const { settings, calendar } = workCalendarOf(ctx);
  const snap = loadSnapshot(ctx, today);
  const plan = new Plan(snap, calendar);
  // where the open orders go and whom they are for: only promises read them, so they are read when first asked
  let dest: Map<number, Destination> | null = null;
  let names: Map<number, string> | null = null;
  const transits = new Map<number, { days: number; carrier: string | null }>();
  const destinationOf = (customerId: number): Destination | undefined => {
    dest ??= destinations(ctx, snap.openOrders.map((o) => o.customerId));
    return dest.get(customerId) ?? destinations(ctx, [customerId]).get(customerId);
  };
  let all: ReturnType<CurrentPlan['all']> | null = null;
  let toPromise: OrderToPromise[] | null = null;
  const quotes = new Map<string, ReturnType<CurrentPlan['quote']>>();
  const current: CurrentPlan = {
    key,
    snap,
    plan,
    settings,
    transitOf: (customerId) => {
      if (customerId === undefined) return transitFor(settings, undefined);
      // once per customer and plan: every open order asks it for its promise and again for the carrier shown
      let t = transits.get(customerId);
      if (!t) transits.set(customerId, (t = transitFor(settings, destinationOf(customerId))));
      return t;
    },
    customerName: (customerId) => (names ??= customerNames(ctx)).get(customerId) ?? '',
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
        q = quoteNewOrder(plan, current.all, openToPromise(), { lines, requestedOn, transitDays });
        quotes.set(k, q);
      }
      return q;
    },
  };
  function openToPromise(): OrderToPromise[] {
    toPromise ??= snap.openOrders.map((o) => ({ orderId: o.id, number: o.number, requestedOn: o.requestedOn, transitDays: current.transitOf(o.customerId).days, lines: o.lines, allocatedMilli: snap.allocated.get(o.id) ?? NOTHING_HELD }));
    return toPromise;
  }
  cache.set(connectionKey(ctx.sqlite), current);
  return current;
}

/**
 * Drops the remembered plan (the benchmark measures the plan being made, not a cache hit).
 * One entry per connection, whichever stand-in (read-only for a query, statement cache for
 * a command) made it. The static part (planStatic.ts: items, recipes, lead times) is kept,
 * as it is after a write to orders, stock or production: everything those feed is read again.
 */
export function forgetPlan(ctx: Pick<Ctx, 'sqlite'> | ReadCtx): void {
  cache.delete(connectionKey(ctx.sqlite));
}
