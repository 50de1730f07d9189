/**
 * The schedule and the board, through the registry: a day's hours are what its batches
 * add up to; overload is what was planned on a working day beyond its capacity (never on
 * a day off); an order planned for a past day is overdue and late, not piled onto today;
 * the board lists the earliest planned date first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { aMaterial, aProduct } from '../builders/items';
import { aRecipe } from '../builders/recipes';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
// Thursday 22 October 2026; the clock moves so that an order can be planned "yesterday"
let now = new Date('2026-10-20T08:00:00.000Z');
beforeEach(() => {
  now = new Date('2026-10-20T08:00:00.000Z');
  t = tempDir();
  app = createApp(t.dbPath, { now: () => now });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function workshop() {
  const wax = aMaterial().sku('CERA').unit('kg').cost('6,00').create(app);
  const candle = aProduct().sku('CAND').name('Candela').create(app);
  aRecipe(candle).yield('10').component(wax, '1 kg').minutes(90).save(app);
  app.call('inventory.receive', { lines: [{ itemId: wax.id, quantity: '100 kg' }] });
  return candle;
}

describe('schedule', () => {
  it('today: hours = its batches, planned beyond capacity is the overload; yesterday\'s order is overdue and late; a Saturday carries no overload', () => {
    const candle = workshop();
    const yesterday = app.call('production.create', { itemId: candle.id, batches: 1, plannedOn: '2026-10-21' });
    now = new Date('2026-10-22T08:00:00.000Z');
    // 6 × 90 = 540 minutes planned today, more than a working day holds
    const today = app.call('production.create', { itemId: candle.id, batches: 6, plannedOn: '2026-10-22' });
    const saturday = app.call('production.create', { itemId: candle.id, batches: 1, plannedOn: '2026-10-24' });

    const s = app.call('planning.schedule', { from: '2026-10-22', days: 7 });
    expect(s.today).toBe('2026-10-22');
    const day = (d: string) => s.days.find((x) => x.date === d)!;
    const thu = day('2026-10-22');
    expect(thu.scheduledMinutes).toBe(thu.jobs.reduce((m, j) => m + j.minutes, 0));
    expect(thu.scheduledMinutes).toBeLessThanOrEqual(thu.capacityMinutes);
    // only what was planned for today, not yesterday's order on top
    expect(thu.plannedMinutes).toBe(540);
    expect(thu.capacityMinutes).toBe(s.minutesPerDay);
    expect(thu.capacityMinutes).toBeLessThan(540);
    expect(thu.overloadMinutes).toBe(540 - thu.capacityMinutes);

    const sat = day('2026-10-24');
    expect(sat.working).toBe(false);
    expect(sat.overloadMinutes).toBe(0);
    expect(sat.jobs).toEqual([]);
    // what was planned on Saturday is queued on a working day
    expect(s.days.flatMap((d) => d.jobs).filter((j) => j.productionId === saturday.id).every((j) => day(j.from).working)).toBe(true);

    const late = s.days.flatMap((d) => d.jobs).find((j) => j.productionId === yesterday.id)!;
    expect(late).toMatchObject({ plannedOn: '2026-10-21', overdue: true, late: true });
    const onTime = s.days.flatMap((d) => d.jobs).filter((j) => j.productionId === today.id);
    expect(onTime.length).toBeGreaterThan(0);
    expect(onTime.every((j) => !j.overdue)).toBe(true);
    for (const d of s.days) expect(d.scheduledMinutes, d.date).toBe(d.jobs.reduce((m, j) => m + j.minutes, 0));
  });
});

describe('production board', () => {
  it('lists the earliest planned date first', () => {
    const candle = workshop();
    for (const plannedOn of ['2026-11-05', '2026-10-21', '2026-10-28', '2026-10-21']) app.call('production.create', { itemId: candle.id, batches: 1, plannedOn });
    const board = app.call('production.list', {}).orders;
    expect(board.map((o) => o.plannedOn)).toEqual(['2026-10-21', '2026-10-21', '2026-10-28', '2026-11-05']);
    // same day: by number
    expect(board[0]!.id).toBeLessThan(board[1]!.id);
  });
});
