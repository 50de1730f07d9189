/**
 * Stock and supply tiles: lots expiring within the days of Settings → Stock (or expired,
 * still in stock) — the same lots as the inventory list's "expiring" filter — and purchase
 * orders the supplier is late with (purchasing/overdue.ts, the purchase list's filter).
 */
import { addDays } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import { sql } from '../../db/sql';
import { OVERDUE_PURCHASE_ORDER } from '../purchasing/overdue';
import { readSettings } from '../settings/store';
import { rowOf, TILE_ROWS, type RowSql } from './todayRows';
import { preparedOnce } from '../../db/statementCache';

export function expiringTile(ctx: ReadCtx, today: string) {
  const days = readSettings(ctx).inventory.expiringSoonDays;
  const until = addDays(today, days);
  // lots_open_item, the partial index of the lots in stock, covers it (`on_hand_milli <> 0` lets the planner take it)
  const n = preparedOnce(ctx.sqlite, 'SELECT count(*) AS count, coalesce(sum(expires_on < @today), 0) AS expired FROM lots WHERE on_hand_milli <> 0 AND on_hand_milli > 0 AND expires_on <= @until')
    .get({ until, today }) as { count: number; expired: number };
  const rows = preparedOnce(
    ctx.sqlite,
    `SELECT l.id, l.code AS title, i.name AS detail, l.expires_on AS date
     FROM lots l JOIN items i ON i.id = l.item_id
     WHERE l.on_hand_milli <> 0 AND l.on_hand_milli > 0 AND l.expires_on <= @until ORDER BY l.expires_on, l.code LIMIT @limit`,
  ).all({ until, limit: TILE_ROWS }) as RowSql[];
  return { count: n.count, expiredCount: n.expired, days, rows: rows.map((r) => rowOf(r, today)) };
}

export function purchaseOverdueTile(ctx: ReadCtx, today: string) {
  const count = (preparedOnce(ctx.sqlite, sql`SELECT count(*) AS n FROM purchase_orders p WHERE ${OVERDUE_PURCHASE_ORDER}`.text).get({ today }) as { n: number }).n;
  // the date that matters: the earliest line still expected
  const rows = preparedOnce(
    ctx.sqlite,
    sql`SELECT p.id, p.number AS title, s.name AS detail,
            (SELECT min(ol.expected_on) FROM purchase_order_lines ol WHERE ol.purchase_order_id = p.id AND ol.open_milli > 0) AS date
     FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id
     WHERE ${OVERDUE_PURCHASE_ORDER} ORDER BY date, p.id LIMIT @limit`.text,
  ).all({ today, limit: TILE_ROWS }) as RowSql[];
  return { count, rows: rows.map((r) => rowOf(r, today)) };
}
