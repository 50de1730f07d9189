/**
 * The planning tiles, read from planning's own answers (one plan per database state and
 * day, planCache.ts): production today and to the week's end against capacity (the
 * schedule), and materials short with the first day short (the shortage list).
 */
import { addDays, daysBetween } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import { dayLoads } from '../planning/schedule';
import { shortages } from '../planning/queries';
import { Sql, sql } from '../../db/sql';
import { preparedOnce } from '../../db/statementCache';
import { answered, rowOf, TILE_ROWS, type RowSql } from './todayRows';

/**
 * "This week": from today to its Sunday (ISO weeks, Monday first); on a Saturday or a
 * Sunday, the coming week — what is left of this one has no working day to show.
 */
export function weekOf(today: string): { from: string; to: string } {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  if (weekday === 6 || weekday === 0) {
    const monday = addDays(today, weekday === 6 ? 2 : 1);
    return { from: monday, to: addDays(monday, 6) };
  }
  return { from: today, to: addDays(today, 7 - weekday) };
}

/** the first few of one open status from production_orders_status_date, in its order (planned date, id): no sort of them all */
const firstOf = (status: 'planned' | 'released' | 'in_progress') =>
  new Sql(`SELECT * FROM (SELECT id, planned_on FROM production_orders WHERE status = '${status}' AND planned_on <= @today ORDER BY planned_on, id LIMIT @limit)`, []);
/** the tile's open production orders planned for today or before: the first few of each status, then the first of those */
const FIRST_PRODUCTION = sql`SELECT p.id, p.number AS title, i.name AS detail, p.planned_on AS date
  FROM (${firstOf('planned')} UNION ALL ${firstOf('released')} UNION ALL ${firstOf('in_progress')}) f
  JOIN production_orders p ON p.id = f.id JOIN items i ON i.id = p.item_id
  ORDER BY f.planned_on, f.id LIMIT @limit`;

/**
 * Production today: the open production orders planned for today or before (what the
 * board shows filtered to today: those left from earlier days are still to do), and the
 * minutes the finite queue puts on today and on this week (weekOf) against capacity.
 */
export function productionTiles(ctx: ReadCtx, today: string) {
  const week = weekOf(today);
  // the schedule's minutes of these days only: the queue is not placed past them (a cold plan's backlog is years long)
  const days = dayLoads(ctx, today, daysBetween(today, week.to) + 1);
  const first = days[0]!;
  const weekDays = days.filter((d) => d.date >= week.from);
  // production_orders_status_date: the open statuses, then the planned date
  const open = sql`p.status IN ('planned', 'released', 'in_progress') AND p.planned_on <= @today`;
  const count = (preparedOnce(ctx.sqlite, sql`SELECT count(*) AS n FROM production_orders p WHERE ${open}`.text).get({ today }) as { n: number }).n;
  const rows = preparedOnce(ctx.sqlite, FIRST_PRODUCTION.text).all({ today, limit: TILE_ROWS }) as RowSql[];
  return {
    today: {
      count,
      rows: rows.map((r) => rowOf(r, today)),
      scheduledMinutes: first.scheduledMinutes,
      capacityMinutes: first.capacityMinutes,
      working: first.working,
    },
    week: {
      ...week,
      scheduledMinutes: weekDays.reduce((n, d) => n + d.scheduledMinutes, 0),
      capacityMinutes: weekDays.reduce((n, d) => n + d.capacityMinutes, 0),
      overloadDays: weekDays.filter((d) => d.overloadMinutes > 0).length,
    },
  };
}

export function shortageTile(ctx: ReadCtx, today: string) {
  const { rows } = answered(shortages(ctx, {}));
  const first = firstFew(rows, TILE_ROWS, (a, b) => (a.firstShortOn < b.firstShortOn ? -1 : a.firstShortOn > b.firstShortOn ? 1 : a.item.name.localeCompare(b.item.name)));
  return {
    count: rows.length,
    rows: first.map((r) => ({
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

/**
 * The first `n` of `list` as a stable sort by `cmp` would list them, without sorting them
 * all: a row goes after those it is not before (ties keep the list's order), and only
 * rows before the n-th so far are kept — hundreds of shortages, a tile of five.
 */
export function firstFew<T>(list: readonly T[], n: number, cmp: (a: T, b: T) => number): T[] {
  const few: T[] = [];
  if (n <= 0) return few;
  for (const x of list) {
    if (few.length === n && cmp(x, few[n - 1]!) >= 0) continue;
    let at = few.length;
    while (at > 0 && cmp(x, few[at - 1]!) < 0) at--;
    few.splice(at, 0, x);
    if (few.length > n) few.pop();
  }
  return few;
}
