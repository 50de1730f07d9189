import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src-shared/domain/planning/calendar';
import { Plan } from '../../../src-shared/domain/planning/plan';
import { promiseNewOrder } from '../../../src-shared/domain/planning/promiseAll';
import type { RecipeDef } from '../../../src-shared/domain/recipe';
import type { PlanningSnapshot } from '../../../src-shared/domain/planning/types';

const TODAY = '2026-10-22';
const cal = new WorkCalendar({ workingWeekdays: [1, 2, 3, 4, 5], holidaysOf: () => [], patronDay: null, closures: [], minutesPerDay: 480 });
// 1 soap (item 1) ← 100 g oil (item 2); a batch is 10 soaps
const RECIPES = new Map<number, RecipeDef>([[1, { recipeId: 11, itemId: 1, version: 1, yieldMilli: 10_000, batchMinutes: 60, components: [{ itemId: 2, qtyMilli: 1_000_000, scrapBp: 0 }] }]]);
const line = (orderId: number, itemId: number, openMilli: number) => ({ orderId, orderNumber: `2026/000${orderId}`, lineId: orderId * 10 + itemId, itemId, openMilli, requestedOn: '2026-10-30' });

function snapshot(over: Partial<PlanningSnapshot>): PlanningSnapshot {
  return {
    today: TODAY,
    items: new Map([1, 2].map((id) => [id, { id, sku: `I${id}`, name: `Item ${id}`, leadTimeDays: 5 }])),
    recipeOf: (id) => RECIPES.get(id),
    lots: [],
    unlottedReservedMilli: new Map(),
    supply: { purchases: [], leadTimeDays: () => 5 },
    production: [],
    lines: [],
    ...over,
  };
}

describe('demands that take nothing share no list with the ones that do', () => {
  it('each demand keeps its own takes and children; the empty ones stay empty', () => {
    // 5 soaps in stock: order 1 takes them; order 2 gets nothing and explodes; order 3 also explodes
    const plan = new Plan(snapshot({ lots: [{ itemId: 1, lotId: 1, freeMilli: 5_000, expiresOn: null }], lines: [line(1, 1, 5_000), line(2, 1, 10_000), line(3, 1, 20_000)] }), cal);
    const [d1, d2, d3] = [1, 2, 3].map((o) => plan.lineDemands.get(o)![0]!);
    expect(d1!.takes).toEqual([{ kind: 'stock', qtyMilli: 5_000 }]);
    expect(d1!.children).toEqual([]);
    expect(d2!.takes).toEqual([]);
    // bought materials of a make are netted per item and day (materialGroups.ts): each make's own, as the plan hands them out
    const [m2, m3] = [plan.materialsOf(d2!), plan.materialsOf(d3!)];
    expect(m2.map((c) => [c.itemId, c.qtyMilli])).toEqual([[2, 1_000_000]]);
    expect(m3.map((c) => [c.itemId, c.qtyMilli])).toEqual([[2, 2_000_000]]);
    expect(m2).not.toBe(m3);
    // the oil demands had nothing to take: empty, and not the stock take of order 1
    for (const c of [...m2, ...m3]) expect(c.takes).toEqual([]);
    expect(d1!.takes).toHaveLength(1);
  });

  it('a what-if (an order being typed) leaves the plan’s lists as they were', () => {
    const snap = snapshot({ lots: [{ itemId: 1, lotId: 1, freeMilli: 5_000, expiresOn: null }], lines: [line(1, 1, 3_000)] });
    const plan = new Plan(snap, cal);
    const before = JSON.stringify(plan.lineDemands.get(1)!.map((d) => d.takes));
    const open = [{ orderId: 1, number: '2026/0001', requestedOn: '2026-10-30', transitDays: 1, lines: [{ itemId: 1, qtyMilli: 3_000 }], allocatedMilli: new Map() }];
    const p = promiseNewOrder(snap, cal, open, { lines: [{ itemId: 1, qtyMilli: 2_000 }], requestedOn: '2026-10-31', transitDays: 1 }).promise;
    expect(p.fromStock).toBe(true);
    const more = promiseNewOrder(snap, cal, open, { lines: [{ itemId: 1, qtyMilli: 4_000 }], requestedOn: '2026-10-31', transitDays: 1 }).promise;
    expect(more.fromStock).toBe(false);
    expect(JSON.stringify(plan.lineDemands.get(1)!.map((d) => d.takes))).toBe(before);
    expect(snap.lines).toHaveLength(1);
  });
});
