import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src-shared/domain/planning/calendar';
import { Plan } from '../../../src-shared/domain/planning/plan';
import { promiseAll, promiseNewOrder } from '../../../src-shared/domain/planning/promiseAll';
import { shortageRows } from '../../../src-shared/domain/planning/shortages';
import type { RecipeDef } from '../../../src-shared/domain/recipe';
import type { PlanningSnapshot } from '../../../src-shared/domain/planning/types';

const TODAY = '2026-10-22'; // a Thursday
const cal = new WorkCalendar({ workingWeekdays: [1, 2, 3, 4, 5], holidaysOf: () => [], patronDay: null, closures: [], minutesPerDay: 480 });
// 1 cream (pcs) ← 50 g base (item 2) + 1 jar (3); base: 1000 g batch ← 800 g oil (4), 60 min
const RECIPES = new Map<number, RecipeDef>([
  [1, { recipeId: 11, itemId: 1, version: 1, yieldMilli: 10_000, batchMinutes: 120, components: [{ itemId: 2, qtyMilli: 500_000, scrapBp: 0 }, { itemId: 3, qtyMilli: 10_000, scrapBp: 0 }] }],
  [2, { recipeId: 12, itemId: 2, version: 1, yieldMilli: 1_000_000, batchMinutes: 60, components: [{ itemId: 4, qtyMilli: 800_000, scrapBp: 0 }] }],
]);

function snapshot(over: Partial<PlanningSnapshot> = {}): PlanningSnapshot {
  return {
    today: TODAY,
    items: new Map([1, 2, 3, 4].map((id) => [id, { id, sku: `I${id}`, name: `Item ${id}`, leadTimeDays: id === 4 ? 3 : null }])),
    recipeOf: (id) => RECIPES.get(id),
    lots: [],
    unlottedReservedMilli: new Map(),
    supply: { purchases: [], leadTimeDays: (id) => (id === 4 ? 3 : null) },
    production: [],
    lines: [],
    ...over,
  };
}
const line = (orderId: number, itemId: number, openMilli: number, requestedOn: string | null) => ({ orderId, orderNumber: `2026/000${orderId}`, lineId: orderId * 10, itemId, openMilli, requestedOn });

describe('netting', () => {
  it('nets the intermediate at its own level before exploding it', () => {
    // 20 creams → 2 batches → 1000 g base; 400 g base in stock → 600 g → 1 batch → 800 g oil
    const plan = new Plan(snapshot({ lines: [line(1, 1, 20_000, '2026-10-30')], lots: [{ itemId: 2, lotId: 1, freeMilli: 400_000, expiresOn: null }, { itemId: 3, lotId: 2, freeMilli: 100_000, expiresOn: null }] }), cal);
    expect(shortageRows(plan).map((r) => [r.itemId, r.neededMilli, r.shortMilli, r.firstShortOn])).toEqual([[4, 800_000, 800_000, '2026-10-30']]);
  });

  it('two orders competing for one lot: the earlier date of need gets it', () => {
    const lots = [{ itemId: 1, lotId: 1, freeMilli: 10_000, expiresOn: null }];
    const plan = new Plan(snapshot({ lots, lines: [line(1, 1, 8_000, '2026-11-10'), line(2, 1, 8_000, '2026-10-26')] }), cal);
    const orders = [1, 2].map((id) => ({ orderId: id, number: `2026/000${id}`, requestedOn: id === 1 ? '2026-11-10' : '2026-10-26', transitDays: 1, lines: [{ itemId: 1, qtyMilli: 8_000 }], allocatedMilli: new Map() }));
    const { promises } = promiseAll(plan, orders);
    expect(promises.get(2)).toMatchObject({ fromStock: true, shipOn: TODAY, deliveryOn: '2026-10-23' });
    expect(promises.get(1)!.fromStock).toBe(false);
    // the jar has no lead time: the later order cannot be dated, and says why
    expect(promises.get(1)).toMatchObject({ deliveryOn: null, unknown: [{ reason: 'no_lead_time', itemId: 3 }] });
  });

  it('a lot that expires before the date of need does not count', () => {
    const lots = [{ itemId: 4, lotId: 1, freeMilli: 800_000, expiresOn: '2026-10-27' }, { itemId: 3, lotId: 2, freeMilli: 100_000, expiresOn: null }];
    const early = new Plan(snapshot({ lots, lines: [line(1, 1, 10_000, '2026-10-26')] }), cal);
    expect(shortageRows(early)).toEqual([]);
    const late = new Plan(snapshot({ lots, lines: [line(1, 1, 10_000, '2026-10-28')] }), cal);
    expect(shortageRows(late).map((r) => [r.itemId, r.shortMilli])).toEqual([[4, 800_000]]);
  });

  it('an open purchase order before the date of need covers it; the promise names it', () => {
    const purchases = [{ itemId: 4, purchaseOrderId: 7, purchaseOrderNumber: 'OF2026/0007', openMilli: 1_000_000, expectedDate: '2026-10-27' }];
    const lots = [{ itemId: 3, lotId: 2, freeMilli: 100_000, expiresOn: null }];
    const snap = snapshot({ lots, supply: { purchases, leadTimeDays: () => 3 } });
    expect(shortageRows(new Plan(snap, cal))).toEqual([]);
    const p = promiseNewOrder(snap, cal, [], { lines: [{ itemId: 1, qtyMilli: 10_000 }], requestedOn: '2026-11-02', transitDays: 2 }).promise;
    // oil Tue 27 → base Wed 28 → cream Thu 29 → ships Fri 30 → delivered Tue 3 Nov
    expect(p).toMatchObject({ materialsOn: '2026-10-27', materialsBy: 'OF2026/0007', production: { from: '2026-10-28', to: '2026-10-29' }, shipOn: '2026-10-30', deliveryOn: '2026-11-03' });
  });

  it('an order being typed is queued like the saved order: by requested date, not behind every open order', () => {
    // one lot of 10 creams; an open order wants it on 1 Dec. Before, a typed order was served only from
    // what all open orders left (no stock) while the same order once saved came first (stock): two dates.
    const lots = [{ itemId: 1, lotId: 1, freeMilli: 10_000, expiresOn: null }];
    const snap = snapshot({ lots, lines: [line(1, 1, 10_000, '2026-12-01')] });
    const open = [{ orderId: 1, number: '2026/0001', requestedOn: '2026-12-01', transitDays: 1, lines: [{ itemId: 1, qtyMilli: 10_000 }], allocatedMilli: new Map() }];
    const earlier = promiseNewOrder(snap, cal, open, { lines: [{ itemId: 1, qtyMilli: 5_000 }], requestedOn: '2026-10-23', transitDays: 1 }).promise;
    expect(earlier.fromStock).toBe(true);
    expect(earlier.lines[0]!.fromStockMilli).toBe(5_000);
    // the same order saved (id 2, requested 23 Oct): the same promise
    const saved = new Plan(snapshot({ lots, lines: [line(1, 1, 10_000, '2026-12-01'), line(2, 1, 5_000, '2026-10-23')] }), cal);
    const { promises } = promiseAll(saved, [...open, { orderId: 2, number: '2026/0002', requestedOn: '2026-10-23', transitDays: 1, lines: [{ itemId: 1, qtyMilli: 5_000 }], allocatedMilli: new Map() }]);
    expect(promises.get(2)).toEqual(earlier);
    // requested after the open order: it gets what that order leaves (nothing in stock)
    const later = promiseNewOrder(snap, cal, open, { lines: [{ itemId: 1, qtyMilli: 5_000 }], requestedOn: '2026-12-02', transitDays: 1 }).promise;
    expect(later.fromStock).toBe(false);
    expect(later.lines[0]!.fromStockMilli).toBe(0);
  });
});
