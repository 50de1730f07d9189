import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { likeContains } from '../catalog/items';
import { isLate } from './lineFacts';
import { LATE_ORDER } from './late';
import { sql, where as whereClause, type Sql } from '../../db/sql';

/**
 * The order list reads the stored derived status, so a filter on status or dates is an
 * index search, not a recomputation over half a million orders.
 */
export const listOrders: Handler<'orders.list'> = (ctx, input) => {
  const where: Sql[] = [];
  const params: Record<string, unknown> = { limit: input.limit, offset: input.offset, today: localDate(ctx.now()) };
  if (input.statuses && input.statuses.length > 0) {
    where.push(sql`o.status IN (SELECT value FROM json_each(@statuses))`);
    params.statuses = JSON.stringify(input.statuses);
  }
  if (input.customerId) {
    where.push(sql`o.customer_id = @customerId`);
    params.customerId = input.customerId;
  }
  if (input.channel) {
    where.push(sql`o.channel = @channel`);
    params.channel = input.channel;
  }
  if (input.from) {
    where.push(sql`o.ordered_on >= @from`);
    params.from = input.from;
  }
  if (input.to) {
    where.push(sql`o.ordered_on <= @to`);
    params.to = input.to;
  }
  if (input.lateOnly) {
    where.push(LATE_ORDER);
  }
  const q = input.q.trim();
  if (q) {
    where.push(sql`(o.number LIKE @like ESCAPE '\\' OR o.external_ref LIKE @like ESCAPE '\\' OR o.customer_id IN (SELECT id FROM customers WHERE name LIKE @like ESCAPE '\\'))`);
    params.like = likeContains(q);
  }
  const cond = whereClause(where);
  const rows = ctx.sqlite
    .prepare(
      sql`SELECT o.id, o.version, o.number, o.customer_id AS customerId, c.name AS customerName, o.channel, o.external_ref AS externalRef, o.status,
              o.ordered_on AS orderedOn, o.requested_on AS requestedOn, o.promised_on AS promisedOn, o.total_cents AS totalCents,
              (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lineCount
       FROM customer_orders o JOIN customers c ON c.id = o.customer_id
       ${cond} ORDER BY o.ordered_on DESC, o.id DESC LIMIT @limit OFFSET @offset`.text,
    )
    .all(params) as { id: number; version: number; number: string; customerId: number; customerName: string; channel: 'manual'; externalRef: string | null; status: 'waiting'; orderedOn: string; requestedOn: string | null; promisedOn: string | null; totalCents: number; lineCount: number }[];
  const { limit: _l, offset: _o, ...countParams } = params;
  const total = (ctx.sqlite.prepare(sql`SELECT count(*) AS n FROM customer_orders o ${cond}`.text).get(countParams) as { n: number }).n;
  return { orders: rows.map((r) => ({ ...r, late: isLate(r.status, r.requestedOn, r.promisedOn, params.today as string) })), total };
};
