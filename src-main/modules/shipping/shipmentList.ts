import type { Handler } from '../../api/handlers';
import { loadShipment } from './shipmentRows';
import { join, sql, where as whereClause, type Sql } from '../../db/sql';

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
  // ranges of the stored timestamp (its date is its first ten characters), which the created_at index can read
  if (input.from) {
    where.push(sql`s.created_at >= ?`);
    params.push(input.from);
  }
  if (input.to) {
    // every timestamp of that day begins with it, and sorts before it followed by the highest character
    // (not date(to, '+1 day'): there is no day after 9999-12-31, and nothing would be found)
    where.push(sql`s.created_at < ?`);
    params.push(`${input.to}\uffff`);
  }
  const q = input.q.trim();
  if (q) {
    // Each way the text finds a shipment is a set read once, not a test of every shipment with a look-up of its
    // orders (the count of a search over the large dataset's 509,000 shipments took 5 s): its customer's name,
    // its tracking number, the number of an order it carries, the number of its DDT. A DDT number is seq/year
    // (ddtNumber), so only digits and a slash can begin one: it is looked for in the (year, seq) index, not in
    // the DDT rows and their snapshots, and only the shipment's own DDT counts (not a return's).
    const parts = [
      sql`SELECT id FROM shipments WHERE customer_id IN (SELECT id FROM customers WHERE name LIKE ?)`,
      sql`SELECT id FROM shipments WHERE tracking_number LIKE ?`,
      sql`SELECT x.shipment_id FROM shipment_lines x WHERE x.order_id IN (SELECT id FROM customer_orders WHERE number LIKE ?)`,
    ];
    params.push(`%${q}%`, `%${q}%`, `%${q}%`);
    if (/^[\d/]+$/.test(q)) {
      parts.push(sql`SELECT d.shipment_id FROM ddts d INDEXED BY ddts_year_seq JOIN shipments t ON t.id = d.shipment_id AND t.ddt_id = d.id WHERE d.seq || '/' || d.year LIKE ?`);
      params.push(`${q}%`);
    }
    where.push(sql`s.id IN (${join(parts, ' UNION ')})`);
  }
  const from = sql`FROM shipments s JOIN customers c ON c.id = s.customer_id LEFT JOIN ddts d ON d.id = s.ddt_id`;
  const columns = sql`s.id, s.version, s.state, s.customer_id AS customerId, c.name AS customerName, d.number AS ddtNumber, d.date AS ddtDate, s.carrier, s.tracking_number AS trackingNumber,
              s.created_at AS createdAt,
              (SELECT coalesce(sum(count), 0) FROM shipment_packages p WHERE p.shipment_id = s.id) AS packageCount,
              (SELECT count(*) FROM shipment_lines x WHERE x.shipment_id = s.id) AS lineCount,
              (SELECT group_concat(number, ',') FROM (SELECT DISTINCT o.number FROM shipment_lines x JOIN customer_orders o ON o.id = x.order_id WHERE x.shipment_id = s.id ORDER BY o.number)) AS orderNumbers,
              EXISTS (SELECT 1 FROM shipment_returns r WHERE r.shipment_id = s.id) AS returned`;
  type Row = Record<string, unknown> & { orderNumbers: string | null; returned: number };
  let total: number;
  let rows: Row[];
  if (q) {
    // a search's shipments found once, newest first: their number is the total and the page is a slice of them
    // (a count and a page each finding them was twice the ~140 ms of the large dataset's search)
    const ids = ctx.sqlite.prepare(sql`SELECT s.id FROM shipments s ${whereClause(where)} ORDER BY s.id DESC`.text).pluck().all(...params) as number[];
    total = ids.length;
    const page = ids.slice(input.offset, input.offset + input.limit);
    rows = ctx.sqlite.prepare(sql`SELECT ${columns} ${from} WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id DESC`.text).all(JSON.stringify(page)) as Row[];
  } else {
    const w = whereClause(where);
    // counted without the customer and the DDT (every shipment has a customer and at most one DDT, and no condition
    // reads them): with both joins the count of the large dataset's 509,000 shipments took 2 s
    total = (ctx.sqlite.prepare(sql`SELECT count(*) AS n FROM shipments s ${w}`.text).get(...params) as { n: number }).n;
    rows = ctx.sqlite.prepare(sql`SELECT ${columns} ${from} ${w} ORDER BY s.id DESC LIMIT ? OFFSET ?`.text).all(...params, input.limit, input.offset) as Row[];
  }
  return { total, shipments: rows.map((r) => ({ ...r, orderNumbers: r.orderNumbers ? r.orderNumbers.split(',') : [], returned: r.returned === 1 })) as never };
};

/** The shipments that carried lines of one order, oldest first (the order page shows them with their returns). */
export const shipmentsOfOrder: Handler<'shipping.ofOrder'> = (ctx, input) =>
  (ctx.sqlite.prepare("SELECT DISTINCT x.shipment_id AS id FROM shipment_lines x JOIN shipments s ON s.id = x.shipment_id WHERE x.order_id = ? AND s.state <> 'cancelled' ORDER BY x.shipment_id").all(input.orderId) as { id: number }[]).map((r) =>
    loadShipment(ctx, r.id),
  );
