/**
 * Issue 18 made the plan cheaper, not different: on random small workshops the planner
 * answers exactly what the planner before the change answered (a frozen copy of it lives
 * in ./reference). Shortages, every open order's promise (the queue, new production booked
 * on the board, what each order waits for) and the promise of an order being typed are
 * compared whole. The random workshops are built to hit what the speed work touched:
 * orders covered by the surplus of another order's batch, intermediates several levels
 * deep, existing production with parents, batches longer than a day, unknown lead times.
 * Both copies carry one change of meaning made on purpose: a batch whose surplus covers
 * several orders is booked once on the promises' board (it was booked once per order);
 * with the reference booking per order again, this property fails within a few cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src-shared/domain/planning/calendar';
import { Plan } from '../../../src-shared/domain/planning/plan';
import { promiseAll, promiseNewOrder, quoteNewOrder, type OrderToPromise } from '../../../src-shared/domain/planning/promiseAll';
import { plannedMaterials, shortageRows } from '../../../src-shared/domain/planning/shortages';
import type { OpenLine, OpenProduction, PlanningSnapshot } from '../../../src-shared/domain/planning/types';
import type { RecipeDef } from '../../../src-shared/domain/recipe';
import { Plan as RefPlan } from './reference/plan';
import { promiseAll as refPromiseAll, promiseNewOrder as refPromiseNewOrder } from './reference/promiseAll';
import { plannedMaterials as refPlannedMaterials, shortageRows as refShortageRows } from './reference/shortages';

const TODAY = '2026-10-22';
const cal = () => new WorkCalendar({ workingWeekdays: [1, 2, 3, 4, 5], holidaysOf: () => ['2026-11-02'], patronDay: null, closures: [], minutesPerDay: 480 });
const ITEMS = 7;
const date = fc.integer({ min: -5, max: 60 }).map((d) => new Date(Date.UTC(2026, 9, 22 + d)).toISOString().slice(0, 10));

/** Items 1–4 may be made from items numbered higher (so recipes are acyclic); 5–7 are bought. */
const recipes = fc.tuple(
  ...[1, 2, 3, 4].map((itemId) =>
    fc.option(
      fc.record({
        yieldMilli: fc.constantFrom(1_000, 5_000, 12_000, 100_000),
        batchMinutes: fc.constantFrom(0, 30, 120, 300, 700),
        components: fc.uniqueArray(
          fc.record({ itemId: fc.integer({ min: itemId + 1, max: ITEMS }), qtyMilli: fc.integer({ min: 1, max: 20 }).map((q) => q * 500), scrapBp: fc.constantFrom(0, 500), wholeUnits: fc.boolean() }),
          { minLength: 1, maxLength: 3, selector: (c) => c.itemId },
        ),
      }),
      { freq: 4 },
    ),
  ),
);

/** A random workshop; `lines` bounds its open order lines (many: an item's list is long enough to be sorted by counting). */
const workshopArb = (lines: { minLength: number; maxLength: number }) =>
  fc
  .record({
    recipes,
    lots: fc.array(fc.record({ itemId: fc.integer({ min: 1, max: ITEMS }), freeMilli: fc.integer({ min: 0, max: 40 }).map((q) => q * 1_000), expiresOn: fc.option(date) }), { maxLength: 8 }),
    purchases: fc.array(fc.record({ itemId: fc.integer({ min: 1, max: ITEMS }), openMilli: fc.integer({ min: 1, max: 30 }).map((q) => q * 1_000), expectedDate: fc.option(date, { freq: 4 }) }), { maxLength: 4 }),
    production: fc.array(
      fc.record({ itemId: fc.integer({ min: 1, max: 4 }), batches: fc.integer({ min: 1, max: 4 }), plannedOn: date, status: fc.constantFrom('planned', 'released', 'in_progress'), parent: fc.option(fc.nat(), { freq: 3 }), order: fc.option(fc.integer({ min: 1, max: 6 })) }),
      { maxLength: 5 },
    ),
    lines: fc.array(fc.record({ orderId: fc.integer({ min: 1, max: 6 }), itemId: fc.integer({ min: 1, max: ITEMS }), openMilli: fc.integer({ min: 0, max: 15 }).map((q) => q * 1_000) }), lines),
    requested: fc.array(fc.option(date, { freq: 5 }), { minLength: 6, maxLength: 6 }),
    leadTimes: fc.array(fc.option(fc.integer({ min: 0, max: 15 }), { freq: 4 }), { minLength: ITEMS, maxLength: ITEMS }),
    typed: fc.record({ lines: fc.array(fc.record({ itemId: fc.integer({ min: 1, max: ITEMS }), qtyMilli: fc.integer({ min: 0, max: 15 }).map((q) => q * 1_000) }), { maxLength: 4 }), requestedOn: fc.option(date) }),
  })
  .map((r) => {
    const active = new Map<number, RecipeDef>();
    r.recipes.forEach((rec, i) => {
      if (rec) active.set(i + 1, { recipeId: 100 + i, itemId: i + 1, version: 1, yieldMilli: rec.yieldMilli, batchMinutes: rec.batchMinutes, components: rec.components });
    });
    const orderNumber = (id: number) => `2026/${String(id).padStart(4, '0')}`;
    const production: OpenProduction[] = [];
    r.production.forEach((p, i) => {
      const recipe = active.get(p.itemId);
      if (!recipe) return;
      const parentId = p.parent !== null && production.length > 0 ? production[p.parent % production.length]!.id : null;
      production.push({
        id: 500 + i,
        number: `OP${500 + i}`,
        itemId: p.itemId,
        recipe,
        batches: p.batches,
        qtyMilli: p.batches * recipe.yieldMilli,
        plannedOn: p.plannedOn,
        status: p.status as OpenProduction['status'],
        parentId,
        orders: p.order === null ? [] : [{ id: p.order, number: orderNumber(p.order) }],
        dueOn: p.order === null ? null : r.requested[p.order - 1]!,
      });
    });
    const lines: OpenLine[] = r.lines
      .map((l, i) => ({ orderId: l.orderId, orderNumber: orderNumber(l.orderId), lineId: i + 1, itemId: l.itemId, openMilli: l.openMilli, requestedOn: r.requested[l.orderId - 1]! }))
      .sort((a, b) => a.orderId - b.orderId || a.lineId - b.lineId);
    const snap: PlanningSnapshot = {
      today: TODAY,
      items: new Map(Array.from({ length: ITEMS }, (_, i) => [i + 1, { id: i + 1, sku: `I${i + 1}`, name: `Item ${i + 1}`, leadTimeDays: r.leadTimes[i]! }])),
      recipeOf: (id) => active.get(id),
      lots: r.lots.map((l, i) => ({ ...l, lotId: i + 1 })),
      unlottedReservedMilli: new Map(),
      supply: {
        purchases: r.purchases.map((p, i) => ({ ...p, purchaseOrderId: 700 + i, purchaseOrderNumber: `OF${700 + i}` })),
        leadTimeDays: (id) => r.leadTimes[id - 1] ?? null,
      },
      production,
      lines,
    };
    const orders: OrderToPromise[] = [...new Set(lines.map((l) => l.orderId))].map((orderId) => ({
      orderId,
      number: orderNumber(orderId),
      requestedOn: r.requested[orderId - 1]!,
      transitDays: orderId % 3,
      lines: lines.filter((l) => l.orderId === orderId).map((l) => ({ itemId: l.itemId, qtyMilli: l.openMilli })),
      allocatedMilli: new Map(orderId % 2 === 0 ? [[lines.find((l) => l.orderId === orderId)!.itemId, 1_000]] : []),
    }));
    return { snap, orders, typed: { ...r.typed, transitDays: 2 } };
  });
const snapshotArb = workshopArb({ minLength: 0, maxLength: 14 });

/** Maps become entries so that toEqual compares what they hold. */
function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v)));
}

// a few hundred random workshops planned twice: seconds on a quiet machine, more when 2 cores are shared
const PROPERTY_TIMEOUT_MS = 60_000;

/**
 * What the plan and the reference plan of one snapshot must answer alike: the whole shortage
 * list and each order's, the promise of every order with the board it leaves, and the
 * promise of an order typed on top of them.
 */
function expectSameAnswers(plan: Plan, ref: RefPlan, snap: PlanningSnapshot, orders: OrderToPromise[], typed: Parameters<typeof quoteNewOrder>[3]): void {
  expect(plain(shortageRows(plan))).toEqual(plain(refShortageRows(ref)));
  for (const o of orders) {
    const mine = (d: { sources: { kind: string; id: number }[] }) => d.sources.some((s) => s.kind === 'order' && s.id === o.orderId);
    expect(plain(shortageRows(plan, mine))).toEqual(plain(refShortageRows(ref, mine)));
  }
  const all = promiseAll(plan, orders);
  const before = refPromiseAll(ref, orders);
  expect(plain(all.promises)).toEqual(plain(before.promises));
  expect([...Array(60).keys()].map((i) => all.board.usedOn(addDays(TODAY, i)))).toEqual([...Array(60).keys()].map((i) => before.board.usedOn(addDays(TODAY, i))));
  expect(plain(quoteNewOrder(plan, () => all, orders, typed).promise)).toEqual(plain(refPromiseNewOrder(snap, cal(), orders, typed).promise));
}

describe('plan after the speed work (issue 18)', () => {
  it('answers exactly what the plan before it answered: shortages, every promise and the board they leave', () => {
    fc.assert(
      fc.property(snapshotArb, ({ snap, orders }) => {
        const plan = new Plan(snap, cal());
        const ref = new RefPlan(snap, cal());
        expect(plain(shortageRows(plan))).toEqual(plain(refShortageRows(ref)));
        const now = promiseAll(plan, orders);
        const before = refPromiseAll(ref, orders);
        expect(plain(now.promises)).toEqual(plain(before.promises));
        expect([...Array(60).keys()].map((i) => now.board.usedOn(addDays(TODAY, i)))).toEqual([...Array(60).keys()].map((i) => before.board.usedOn(addDays(TODAY, i))));
      }),
      { numRuns: 400 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('answers exactly as before when an item has dozens of demands on several days (sorted by counting, not by comparing), its first causes too', () => {
    fc.assert(
      fc.property(workshopArb({ minLength: 60, maxLength: 160 }), ({ snap, orders }) => {
        const plan = new Plan(snap, cal());
        const ref = new RefPlan(snap, cal());
        expect(plain(shortageRows(plan))).toEqual(plain(refShortageRows(ref)));
        // the whole list as the app answers it: each row's first causes (picked, not sorted) and the count of all
        expect(plain(shortageRows(plan, undefined, { causesShown: 3 }))).toEqual(plain(refShortageRows(ref).map((r) => ({ ...r, causes: r.causes.slice(0, 3) }))));
        expect(plain(promiseAll(plan, orders).promises)).toEqual(plain(refPromiseAll(ref, orders).promises));
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('nets the bought materials of production planned on one day together and hands each order exactly its own share', () => {
    // every production order planned and on one of two days: several share a bought material's group
    fc.assert(
      fc.property(workshopArb({ minLength: 0, maxLength: 20 }), fc.boolean(), ({ snap, orders }, oneDay) => {
        const production = snap.production.map((p, i) => ({ ...p, status: 'planned' as const, plannedOn: oneDay || i % 2 === 0 ? TODAY : '2026-10-27' }));
        const grouped: PlanningSnapshot = { ...snap, production: [...production, ...production.map((p) => ({ ...p, id: p.id + 100, number: `OP${p.id + 100}`, parentId: null }))] };
        const plan = new Plan(grouped, cal());
        const ref = new RefPlan(grouped, cal());
        expect(plain(shortageRows(plan))).toEqual(plain(refShortageRows(ref)));
        for (const p of grouped.production) {
          expect(plain(shortageRows(plan, (d) => d.sources.some((s) => s.kind === 'production' && s.id === p.id)))).toEqual(plain(refShortageRows(ref, (d) => d.sources.some((s) => s.kind === 'production' && s.id === p.id))));
          expect(plain(plannedMaterials(plan, p.id))).toEqual(plain(refPlannedMaterials(ref, p.id)));
        }
        expect(plain(promiseAll(plan, orders).promises)).toEqual(plain(refPromiseAll(ref, orders).promises));
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("hands each planned production order its own materials whether the snapshot lists them by id (binary search) or not (map), and none to an order it does not plan", () => {
    fc.assert(
      fc.property(workshopArb({ minLength: 0, maxLength: 12 }), fc.boolean(), ({ snap, orders }, byId) => {
        const planned = snap.production.map((p) => ({ ...p, status: 'planned' as const, plannedOn: TODAY }));
        // ids with gaps; by id, or reversed (a fixture's or another reader's order)
        const production = planned.map((p) => ({ ...p, id: p.id * 3, number: `OP${p.id * 3}`, parentId: p.parentId === null ? null : p.parentId * 3 }));
        const shaped: PlanningSnapshot = { ...snap, production: byId ? production : production.slice().reverse() };
        const plan = new Plan(shaped, cal());
        const ref = new RefPlan(shaped, cal());
        for (const id of [...production.map((p) => p.id), 1, 1_502, 99_999]) expect(plain(plannedMaterials(plan, id))).toEqual(plain(refPlannedMaterials(ref, id)));
        expect(plain(promiseAll(plan, orders).promises)).toEqual(plain(refPromiseAll(ref, orders).promises));
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('nets the bought materials of new makes needed on one day together and hands each make exactly its own share', () => {
    // every order asks for one of two days: the makes of several orders explode into the same bought materials on the same day
    const typedArb = fc.record({ lines: fc.array(fc.record({ itemId: fc.integer({ min: 1, max: 4 }), qtyMilli: fc.integer({ min: 1, max: 15 }).map((q) => q * 1_000) }), { minLength: 1, maxLength: 3 }), requestedOn: fc.constantFrom(null, '2026-10-26', '2026-10-28'), transitDays: fc.constant(2) });
    let shared = 0;
    fc.assert(
      fc.property(workshopArb({ minLength: 4, maxLength: 30 }), fc.boolean(), typedArb, ({ snap, orders }, oneDay, typed) => {
        const on = (orderId: number) => (oneDay || orderId % 2 === 1 ? '2026-10-26' : '2026-10-28');
        const daily: PlanningSnapshot = { ...snap, lines: snap.lines.map((l) => ({ ...l, requestedOn: on(l.orderId) })) };
        const dailyOrders = orders.map((o) => ({ ...o, requestedOn: on(o.orderId) }));
        const plan = new Plan(daily, cal());
        const ref = new RefPlan(daily, cal());
        for (const list of plan.netting.demands.values()) for (const d of list) if ((plan.groupOf(d)?.seqs?.length ?? 0) > 1) shared++;
        // (an order typed on top: its materials may land among a group's members, then the plan is made again)
        expectSameAnswers(plan, ref, daily, dailyOrders, typed);
        expect(plain(shortageRows(plan, undefined, { causesShown: 3 }))).toEqual(plain(refShortageRows(ref).map((r) => ({ ...r, causes: r.causes.slice(0, 3) }))));
        for (const p of daily.production) expect(plain(plannedMaterials(plan, p.id))).toEqual(plain(refPlannedMaterials(ref, p.id)));
      }),
      { numRuns: 200 },
    );
    // groups of several makes' materials are there, not only groups of one
    expect(shared).toBeGreaterThan(100);
  }, PROPERTY_TIMEOUT_MS);

  it('nets the open lines of a made item needed on one day together and hands each line exactly what it got alone: on time, late, a batch\'s surplus or a make', () => {
    // every order asks for one of two days (or a day past): lines of one made item share a group, and a group not all on time goes on line by line
    const typedArb = fc.record({ lines: fc.array(fc.record({ itemId: fc.integer({ min: 1, max: 4 }), qtyMilli: fc.integer({ min: 1, max: 15 }).map((q) => q * 1_000) }), { minLength: 1, maxLength: 3 }), requestedOn: fc.constantFrom(null, '2026-10-26'), transitDays: fc.constant(2) });
    const seen = { grouped: 0, surplus: 0, made: 0, late: 0 };
    fc.assert(
      fc.property(workshopArb({ minLength: 6, maxLength: 30 }), fc.constantFrom('2026-10-19', '2026-10-26'), typedArb, ({ snap, orders }, other, typed) => {
        const on = (orderId: number) => (orderId % 2 === 1 ? '2026-10-26' : other);
        const daily: PlanningSnapshot = { ...snap, lines: snap.lines.map((l) => ({ ...l, requestedOn: on(l.orderId) })) };
        const dailyOrders = orders.map((o) => ({ ...o, requestedOn: on(o.orderId) }));
        const plan = new Plan(daily, cal());
        const ref = new RefPlan(daily, cal());
        for (const list of plan.netting.demands.values()) {
          for (const d of list) {
            const members = plan.lineMembersOf(d);
            if (!members || members.length < 2) continue;
            seen.grouped++;
            seen.surplus += members.filter((m) => m.fromMakeOf).length;
            seen.made += members.filter((m) => m.make).length;
            seen.late += members.filter((m) => m.takes.some((t) => t.kind === 'incoming' && t.late)).length;
          }
        }
        // (an order typed on top nets among the group's lines, each in its place)
        expectSameAnswers(plan, ref, daily, dailyOrders, typed);
      }),
      { numRuns: 150 },
    );
    // every way a line of a group can go is there: groups of several lines, lines covered by a batch's surplus, made, taking late supply
    expect(seen.grouped).toBeGreaterThan(50);
    expect(seen.surplus).toBeGreaterThan(20);
    expect(seen.made).toBeGreaterThan(20);
    expect(seen.late).toBeGreaterThan(5);
  }, PROPERTY_TIMEOUT_MS);

  it('nets an order typed on top among the members of such a group, and plans again when it takes what one of them had', () => {
    // soap 1 ← base 2 ← oil 5, and soap 3 ← oil 5: order 2's soap 3 explodes oil first (item 3 nets before item 2), order 1's
    // base after it, both on one day: one group of two. A typed soap 3 on that day explodes its oil between them: in the
    // plan made again it takes the stock order 1's base had, so it cannot be promised on top of the plan.
    const D = '2026-10-26';
    const unit = (itemId: number, component: number): RecipeDef => ({ recipeId: 100 + itemId, itemId, version: 1, yieldMilli: 1_000, batchMinutes: 30, components: [{ itemId: component, qtyMilli: 1_000, scrapBp: 0 }] });
    const recipes = new Map([[1, unit(1, 2)], [2, unit(2, 5)], [3, unit(3, 5)]]);
    const snap: PlanningSnapshot = {
      today: TODAY,
      items: new Map(),
      recipeOf: (id) => recipes.get(id),
      lots: [{ itemId: 5, lotId: 1, freeMilli: 2_000, expiresOn: null }],
      unlottedReservedMilli: new Map(),
      supply: { purchases: [], leadTimeDays: () => 10 },
      production: [],
      lines: [
        { orderId: 1, orderNumber: '2026/0001', lineId: 1, itemId: 1, openMilli: 1_000, requestedOn: D },
        { orderId: 2, orderNumber: '2026/0002', lineId: 2, itemId: 3, openMilli: 1_000, requestedOn: D },
      ],
    };
    const orders: OrderToPromise[] = snap.lines.map((l) => ({ orderId: l.orderId, number: l.orderNumber, requestedOn: D, transitDays: 1, lines: [{ itemId: l.itemId, qtyMilli: l.openMilli }], allocatedMilli: new Map() }));
    const plan = new Plan(snap, cal());
    const oil = plan.netting.demands.get(5)!;
    expect(oil).toHaveLength(1);
    expect(plan.groupOf(oil[0]!)?.seqs).toHaveLength(2);
    const typed = { lines: [{ itemId: 3, qtyMilli: 1_000 }], requestedOn: D, transitDays: 1 };
    const quoted = quoteNewOrder(plan, () => promiseAll(plan, orders), orders, typed);
    expect(quoted.replanned).toBe(true);
    expect(plain(quoted.promise)).toEqual(plain(refPromiseNewOrder(snap, cal(), orders, typed).promise));
    // with oil for all three, the typed order's oil between the two takes nothing either had: promised on top
    const plenty: PlanningSnapshot = { ...snap, lots: [{ itemId: 5, lotId: 1, freeMilli: 3_000, expiresOn: null }] };
    const enough = new Plan(plenty, cal());
    const onTop = quoteNewOrder(enough, () => promiseAll(enough, orders), orders, typed);
    expect(onTop.replanned).toBe(false);
    expect(plain(onTop.promise)).toEqual(plain(refPromiseNewOrder(plenty, cal(), orders, typed).promise));
  });

  it('lists a hundred causes of one shortage in the same order as before (orders, then production orders, by number)', () => {
    // numbers not in id order, and production orders among them: the long list is sorted by number, not by the comparator
    const lines: OpenLine[] = Array.from({ length: 120 }, (_, i) => ({ orderId: i + 1, orderNumber: `2026/${String((i * 37) % 120).padStart(4, '0')}`, lineId: i + 1, itemId: 7, openMilli: 1_000, requestedOn: TODAY }));
    const recipe: RecipeDef = { recipeId: 100, itemId: 1, version: 1, yieldMilli: 1_000, batchMinutes: 30, components: [{ itemId: 7, qtyMilli: 500, scrapBp: 0 }] };
    const production: OpenProduction[] = Array.from({ length: 30 }, (_, i) => ({ id: 500 + i, number: `OP${(i * 7) % 30}`, itemId: 1, recipe, batches: 1, qtyMilli: 1_000, plannedOn: TODAY, status: 'planned', parentId: null, orders: [], dueOn: null }));
    const snap: PlanningSnapshot = {
      today: TODAY,
      items: new Map(),
      recipeOf: (id) => (id === 1 ? recipe : undefined),
      lots: [],
      unlottedReservedMilli: new Map(),
      supply: { purchases: [], leadTimeDays: () => 3 },
      production,
      lines,
    };
    const rows = shortageRows(new Plan(snap, cal()));
    expect(rows[0]!.causes).toHaveLength(150);
    const ref = refShortageRows(new RefPlan(snap, cal()));
    expect(plain(rows)).toEqual(plain(ref));
    // capped: the first ten of that same list, picked without sorting it, and the count of all
    const capped = shortageRows(new Plan(snap, cal()), undefined, { causesShown: 10 });
    expect(plain(capped)).toEqual(plain(ref.map((r) => ({ ...r, causes: r.causes.slice(0, 10) }))));
    expect(capped[0]!.causeCount).toBe(150);
    expect(plain(shortageRows(new Plan(snap, cal()), undefined, { itemId: 7 }))).toEqual(plain(ref.filter((r) => r.itemId === 7)));
  });

  it("promises an order being typed exactly as before (its place in the queue, the replan with it)", () => {
    fc.assert(
      fc.property(snapshotArb, ({ snap, orders, typed }) => {
        const now = promiseNewOrder(snap, cal(), orders, typed);
        const before = refPromiseNewOrder(snap, cal(), orders, typed);
        expect(plain(now.promise)).toEqual(plain(before.promise));
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('promises an order being typed on top of the open orders’ plan exactly as the plan made again with it', () => {
    // several typed orders on one plan: a quote must leave the plan and its promises as they were
    const typedArb = fc.array(
      fc.record({ lines: fc.array(fc.record({ itemId: fc.integer({ min: 1, max: ITEMS }), qtyMilli: fc.integer({ min: 0, max: 15 }).map((q) => q * 1_000) }), { maxLength: 4 }), requestedOn: fc.option(date), transitDays: fc.constant(2) }),
      { minLength: 1, maxLength: 3 },
    );
    let onTop = 0;
    let again = 0;
    fc.assert(
      fc.property(workshopArb({ minLength: 0, maxLength: 40 }), typedArb, ({ snap, orders }, typedOrders) => {
        const plan = new Plan(snap, cal());
        const all = promiseAll(plan, orders);
        const allBefore = JSON.stringify(plain(all.promises));
        for (const typed of typedOrders) {
          const quoted = quoteNewOrder(plan, () => all, orders, typed);
          if (quoted.replanned) again++;
          else onTop++;
          expect(plain(quoted.promise)).toEqual(plain(promiseNewOrder(snap, cal(), orders, typed).promise));
        }
        expect(JSON.stringify(plain(all.promises))).toBe(allBefore);
        expect(plain(shortageRows(plan))).toEqual(plain(shortageRows(new Plan(snap, cal()))));
      }),
      { numRuns: 300 },
    );
    // both ways are exercised: most typed orders change nothing else, some take what a later demand had
    expect(onTop).toBeGreaterThan(200);
    expect(again).toBeGreaterThan(10);
  }, PROPERTY_TIMEOUT_MS);

  it("reads a few days' queued minutes before the rest of the queue is placed, and they and every promise after are the whole queue's", () => {
    let stoppedEarly = 0;
    fc.assert(
      fc.property(workshopArb({ minLength: 0, maxLength: 14 }), fc.integer({ min: -3, max: 20 }), fc.integer({ min: 1, max: 9 }), ({ snap, orders }, start, count) => {
        const dates = [...Array(count).keys()].map((i) => addDays(TODAY, start + i));
        const plan = new Plan(snap, cal());
        const ref = new RefPlan(snap, cal());
        const minutes = plan.queuedMinutesOn(dates);
        if (plan.jobs.size < snap.production.length) stoppedEarly++;
        const whole = dates.map((d) => snap.production.reduce((n, p) => n + (ref.job(p.id)?.slot.days.find((x) => x.date === d)?.minutes ?? 0), 0));
        expect(minutes).toEqual(whole);
        // the queue goes on from where it stopped: the same jobs, the same promises, the same board
        expect(plain(snap.production.map((p) => plan.job(p.id)?.slot))).toEqual(plain(snap.production.map((p) => ref.job(p.id)?.slot)));
        const now = promiseAll(plan, orders);
        const before = refPromiseAll(ref, orders);
        expect(plain(now.promises)).toEqual(plain(before.promises));
        expect([...Array(60).keys()].map((i) => now.board.usedOn(addDays(TODAY, i)))).toEqual([...Array(60).keys()].map((i) => before.board.usedOn(addDays(TODAY, i))));
      }),
      // a fixed seed: how many runs stop early is a count over random workshops (19 of 300 once
      // failed CI); with the seed the count below is the same on every run
      { numRuns: 300, seed: 18_029 },
    );
    // the early stop is exercised, not only the whole queue
    expect(stoppedEarly).toBeGreaterThan(20);
  }, PROPERTY_TIMEOUT_MS);
});

function addDays(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day + n)).toISOString().slice(0, 10);
}
