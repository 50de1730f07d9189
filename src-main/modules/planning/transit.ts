import type { WorkCalendarSettings } from '../../../src-shared/contract/workCalendar';
import type { ReadCtx } from '../../api/context';

export interface Destination {
  province: string;
  country: string;
}

/**
 * Transit days to a destination: the first rule whose zone is the destination's
 * province, else the first for its country, else the first with no zone, else the default.
 */
export function transitFor(s: WorkCalendarSettings, to: Destination | undefined): { days: number; carrier: string | null } {
  const eq = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
  const pick =
    (to && to.province && s.transit.find((t) => t.zone && eq(t.zone, to.province))) ||
    (to && to.country && s.transit.find((t) => t.zone && eq(t.zone, to.country))) ||
    s.transit.find((t) => !t.zone);
  return pick ? { days: pick.days, carrier: pick.carrier || null } : { days: s.defaultTransitDays, carrier: null };
}

/** Where each customer's goods go: the shipping address when there is one. */
export function destinations(ctx: ReadCtx, customerIds: number[]): Map<number, Destination> {
  if (customerIds.length === 0) return new Map();
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, CASE WHEN ship_country <> '' THEN ship_province ELSE province END AS province,
              CASE WHEN ship_country <> '' THEN ship_country ELSE country END AS country
       FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(customerIds)])) as ({ id: number } & Destination)[];
  return new Map(rows.map((r) => [r.id, { province: r.province, country: r.country }]));
}
