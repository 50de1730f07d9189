import type { z } from 'zod';
import type { inventoryOps } from '../../../src-shared/contract/inventory';
import { addDays, localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { readSettings } from '../settings/store';
import { likeContains } from '../catalog/items';
import { incomingByItem } from './incoming';
import { join, sql, type Sql } from '../../db/sql';

type Row = z.infer<(typeof inventoryOps)['inventory.stockOverview']['output']>['rows'][number];
type Filter = 'all' | 'in_stock' | 'below_reorder' | 'expiring' | 'expired' | 'quarantine';

/**
 * One pass over the open lots (a partial index keeps closed lots out of it) grouped by
 * item, joined to every item: what the stock screen and the reorder alert both read.
 */
export function stockRows(ctx: ReadCtx, opts: { q?: string; kinds?: string[]; filter: Filter; today: string; soonDays: number }): Row[] {
  const where: Sql[] = [sql`i.archived = 0`];
  const params: Record<string, unknown> = { today: opts.today, soon: addDays(opts.today, opts.soonDays) };
  if (opts.q) {
    where.push(sql`(i.sku LIKE @like ESCAPE '\\' OR i.name LIKE @like ESCAPE '\\')`);
    params.like = likeContains(opts.q);
  }
  if (opts.kinds && opts.kinds.length > 0) {
    where.push(sql`i.kind IN (SELECT value FROM json_each(@kinds))`);
    params.kinds = JSON.stringify(opts.kinds);
  }
  const outer: Record<Filter, Sql> = {
    all: sql`1`,
    in_stock: sql`onHand > 0`,
    below_reorder: sql`reorderPoint IS NOT NULL AND available < reorderPoint`,
    expiring: sql`expiringSoon = 1`,
    expired: sql`hasExpired = 1`,
    quarantine: sql`quarantined = 1`,
  };
  const rows = ctx.sqlite
    .prepare(
      sql`SELECT * FROM (
         SELECT i.id, i.sku, i.name, i.kind, i.unit, i.reorder_point_milli AS reorderPoint,
                coalesce(a.onHand, 0) AS onHand,
                coalesce(a.reservedLots, 0) + coalesce(r.held, 0) AS reserved,
                coalesce(a.freeLots, 0) - coalesce(r.held, 0) AS available,
                coalesce(a.openLots, 0) AS openLots, a.nextExpiry,
                coalesce(a.hasExpired, 0) AS hasExpired, coalesce(a.expiringSoon, 0) AS expiringSoon, coalesce(a.quarantined, 0) AS quarantined
         FROM items i
         LEFT JOIN (
           SELECT item_id,
                  sum(on_hand_milli) AS onHand,
                  sum(reserved_milli) AS reservedLots,
                  sum(CASE WHEN status = 'released' AND (expires_on IS NULL OR expires_on >= @today) THEN max(on_hand_milli - reserved_milli, 0) ELSE 0 END) AS freeLots,
                  count(*) AS openLots,
                  min(expires_on) AS nextExpiry,
                  max(expires_on < @today) AS hasExpired,
                  max(expires_on >= @today AND expires_on <= @soon) AS expiringSoon,
                  max(status = 'quarantine') AS quarantined
           FROM lots WHERE on_hand_milli <> 0 GROUP BY item_id
         ) a ON a.item_id = i.id
         LEFT JOIN (
           SELECT item_id, sum(qty_milli) AS held FROM reservations WHERE lot_id IS NULL AND qty_milli > 0 GROUP BY item_id
         ) r ON r.item_id = i.id
         WHERE ${join(where, ' AND ')}
       ) WHERE ${outer[opts.filter]}
       ORDER BY name, id`.text,
    )
    .all(params) as {
    id: number;
    sku: string;
    name: string;
    kind: Row['item']['kind'];
    unit: Row['item']['unit'];
    reorderPoint: number | null;
    onHand: number;
    reserved: number;
    available: number;
    openLots: number;
    nextExpiry: string | null;
    hasExpired: number;
    expiringSoon: number;
    quarantined: number;
  }[];
  const incoming = incomingByItem(ctx);
  return rows.map((r) => ({
    item: { id: r.id, sku: r.sku, name: r.name, kind: r.kind, unit: r.unit },
    onHandMilli: r.onHand,
    reservedMilli: r.reserved,
    availableMilli: r.available,
    incomingMilli: incoming.get(r.id) ?? 0,
    reorderPointMilli: r.reorderPoint,
    openLots: r.openLots,
    nextExpiry: r.nextExpiry,
    belowReorder: r.reorderPoint !== null && r.available < r.reorderPoint,
    expiringSoon: r.expiringSoon === 1,
    expired: r.hasExpired === 1,
    quarantined: r.quarantined === 1,
  }));
}

export const stockOverview: Handler<'inventory.stockOverview'> = (ctx, input) => {
  const days = readSettings(ctx).inventory.expiringSoonDays;
  return {
    rows: stockRows(ctx, { q: input.q.trim(), kinds: input.kinds, filter: input.filter, today: localDate(ctx.now()), soonDays: days }),
    expiringSoonDays: days,
  };
};
