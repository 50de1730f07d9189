/**
 * The order tiles: ready to ship (every open line ready) and late (promised date passed —
 * the requested date where none was promised). "Late" is the orders list's own filter
 * (orders/late.ts), so the tile's number is the list's total when clicked.
 */
import type { ReadCtx } from '../../api/context';
import { sql } from '../../db/sql';
import { preparedOnce } from '../../db/statementCache';
import { LATE_ORDER } from '../orders/late';
import { rowOf, TILE_ROWS, type RowSql } from './todayRows';

// the earliest due first; orders with no date at all last
const BY_DUE = sql`ORDER BY coalesce(o.promised_on, o.requested_on) IS NULL, coalesce(o.promised_on, o.requested_on), o.id`;

/**
 * The tile's first orders where `where` holds: the few are picked first and only they get
 * their customer's name (not the thousands of ready or late orders of a large file).
 */
function firstOrders(where: ReturnType<typeof sql>) {
  return sql`SELECT o.id, o.title, c.name AS detail, o.date
    FROM (SELECT o.id, o.number AS title, o.customer_id, coalesce(o.promised_on, o.requested_on) AS date FROM customer_orders o ${where} ${BY_DUE} LIMIT @limit) o
    JOIN customers c ON c.id = o.customer_id
    ORDER BY o.date IS NULL, o.date, o.id`;
}

export function ordersToShip(ctx: ReadCtx, today: string) {
  const where = sql`WHERE o.status = 'ready_to_ship' AND o.state = 'confirmed'`;
  const n = preparedOnce(ctx.sqlite, sql`SELECT count(*) AS count, coalesce(sum(coalesce(o.promised_on, o.requested_on) < @today), 0) AS late FROM customer_orders o ${where}`.text).get({ today }) as {
    count: number;
    late: number;
  };
  const rows = preparedOnce(ctx.sqlite, firstOrders(where).text).all({ limit: TILE_ROWS }) as RowSql[];
  return { count: n.count, lateCount: n.late, rows: rows.map((r) => rowOf(r, today)) };
}

export function ordersLate(ctx: ReadCtx, today: string) {
  const count = (preparedOnce(ctx.sqlite, sql`SELECT count(*) AS n FROM customer_orders o WHERE ${LATE_ORDER}`.text).get({ today }) as { n: number }).n;
  const rows = preparedOnce(ctx.sqlite, firstOrders(sql`WHERE ${LATE_ORDER}`).text).all({ today, limit: TILE_ROWS }) as RowSql[];
  return { count, rows: rows.map((r) => rowOf(r, today)) };
}
