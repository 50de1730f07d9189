import type { Handler } from '../../api/handlers';
import { loadShipment } from './shipmentRows';
import { sql, where as whereClause, type Sql } from '../../db/sql';

/** The shipments list: newest first, filtered by state, customer, date, text (DDT, order, customer, tracking). */
export const listShipments: Handler<'shipping.list'> = (ctx, input) => {
  const where: Sql[] = [];
  const params: unknown[] = [];
  if (input.states && input.states.length > 0) {
    where.push(sql`s.state IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(input.states));
  }
  if (input.customerId !== undefined) {
    where.push(sql`s.customer_id = ?`);
    params.push(input.customerId);
  }
  if (input.from) {
    where.push(sql`substr(s.created_at, 1, 10) >= ?`);
    params.push(input.from);
  }
  if (input.to) {
    where.push(sql`substr(s.created_at, 1, 10) <= ?`);
    params.push(input.to);
  }
  const q = input.q.trim();
  if (q) {
    where.push(sql`(c.name LIKE ? OR d.number LIKE ? OR s.tracking_number LIKE ? OR EXISTS (SELECT 1 FROM shipment_lines x JOIN customer_orders o ON o.id = x.order_id WHERE x.shipment_id = s.id AND o.number LIKE ?))`);
    params.push(`%${q}%`, `${q}%`, `%${q}%`, `%${q}%`);
  }
  const w = whereClause(where);
  const from = sql`FROM shipments s JOIN customers c ON c.id = s.customer_id LEFT JOIN ddts d ON d.id = s.ddt_id`;
  const total = (ctx.sqlite.prepare(sql`SELECT count(*) AS n ${from} ${w}`.text).get(...params) as { n: number }).n;
  const rows = ctx.sqlite
    .prepare(
      sql`SELECT s.id, s.version, s.state, s.customer_id AS customerId, c.name AS customerName, d.number AS ddtNumber, d.date AS ddtDate, s.carrier, s.tracking_number AS trackingNumber,
              s.created_at AS createdAt,
              (SELECT coalesce(sum(count), 0) FROM shipment_packages p WHERE p.shipment_id = s.id) AS packageCount,
              (SELECT count(*) FROM shipment_lines x WHERE x.shipment_id = s.id) AS lineCount,
              (SELECT group_concat(number, ',') FROM (SELECT DISTINCT o.number FROM shipment_lines x JOIN customer_orders o ON o.id = x.order_id WHERE x.shipment_id = s.id ORDER BY o.number)) AS orderNumbers,
              EXISTS (SELECT 1 FROM shipment_returns r WHERE r.shipment_id = s.id) AS returned
       ${from} ${w} ORDER BY s.id DESC LIMIT ? OFFSET ?`.text,
    )
    .all(...params, input.limit, input.offset) as (Record<string, unknown> & { orderNumbers: string | null; returned: number })[];
  return { total, shipments: rows.map((r) => ({ ...r, orderNumbers: r.orderNumbers ? r.orderNumbers.split(',') : [], returned: r.returned === 1 })) as never };
};

/** The shipments that carried lines of one order, oldest first (the order page shows them with their returns). */
export const shipmentsOfOrder: Handler<'shipping.ofOrder'> = (ctx, input) =>
  (ctx.sqlite.prepare("SELECT DISTINCT x.shipment_id AS id FROM shipment_lines x JOIN shipments s ON s.id = x.shipment_id WHERE x.order_id = ? AND s.state <> 'cancelled' ORDER BY x.shipment_id").all(input.orderId) as { id: number }[]).map((r) =>
    loadShipment(ctx, r.id),
  );
