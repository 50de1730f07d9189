/**
 * The planning tiles, read from planning's own answers (one plan per database state and
 * day, planCache.ts): production today and to the week's end against capacity (the
 * schedule), and materials short with the first day short (the shortage list).
 */
import { addDays } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import { schedule } from '../planning/schedule';
import { shortages } from '../planning/queries';
import { answered, TILE_ROWS } from './todayRows';

/** days from `today` to its week's Sunday (ISO weeks: Monday first) */
function daysToSunday(today: string): number {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return weekday === 0 ? 0 : 7 - weekday;
}

export function productionTiles(ctx: ReadCtx, today: string) {
  const to = addDays(today, daysToSunday(today));
  const s = answered(schedule(ctx, { from: today, days: daysToSunday(today) + 1 }));
  const first = s.days[0]!;
  const jobs = [...first.jobs].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.productionId - b.productionId));
  return {
    today: {
      count: jobs.length,
      rows: jobs.slice(0, TILE_ROWS).map((j) => ({ id: j.productionId, title: j.number, detail: j.item.name, date: j.dueOn, past: j.late })),
      scheduledMinutes: first.scheduledMinutes,
      capacityMinutes: first.capacityMinutes,
      working: first.working,
    },
    week: {
      from: today,
      to,
      scheduledMinutes: s.days.reduce((n, d) => n + d.scheduledMinutes, 0),
      capacityMinutes: s.days.reduce((n, d) => n + d.capacityMinutes, 0),
      overloadDays: s.days.filter((d) => d.overloadMinutes > 0).length,
    },
  };
}

export function shortageTile(ctx: ReadCtx, today: string) {
  const { rows } = answered(shortages(ctx, {}));
  const first = [...rows].sort((a, b) => (a.firstShortOn < b.firstShortOn ? -1 : a.firstShortOn > b.firstShortOn ? 1 : a.item.name.localeCompare(b.item.name)));
  return {
    count: rows.length,
    rows: first.slice(0, TILE_ROWS).map((r) => ({
      id: r.item.id,
      title: r.item.name,
      detail: r.item.sku,
      date: r.firstShortOn,
      past: r.firstShortOn <= today,
      qtyMilli: r.shortMilli,
      unit: r.item.unit,
    })),
  };
}
