import type { Handler } from '../../api/handlers';
import { likeContains } from '../catalog/items';
import { join, sql, type Sql } from '../../db/sql';
import { localDate } from '../../../src-shared/domain/dates';
import { OVERDUE_PURCHASE_ORDER } from './overdue';

/** The purchase order list, newest first: by status, supplier, an item it orders, overdue (the supplier is late), or number/supplier text. */
export const listPurchaseOrders: Handler<'purchasing.list'> = (ctx, input) => {
  const where: Sql[] = [sql`1`];
  const params: Record<string, unknown> = { limit: input.limit, offset: input.offset };
  if (input.statuses && input.statuses.length > 0) {
    where.push(sql`p.status IN (SELECT value FROM json_each(@statuses))`);
    params.statuses = JSON.stringify(input.statuses);
  }
  if (input.supplierId !== undefined) {
    where.push(sql`p.supplier_id = @supplierId`);
    params.supplierId = input.supplierId;
  }
  if (input.itemId !== undefined) {
    where.push(sql`p.id IN (SELECT purchase_order_id FROM purchase_order_lines WHERE item_id = @itemId)`);
    params.itemId = input.itemId;
  }
  if (input.overdue) {
    where.push(OVERDUE_PURCHASE_ORDER);
    params.today = localDate(ctx.now());
  }
  const q = input.q.trim();
  if (q) {
    where.push(sql`(p.number LIKE @like ESCAPE '\\' OR s.name LIKE @like ESCAPE '\\')`);
    params.like = likeContains(q);
  }
  const from = sql`FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id WHERE ${join(where, ' AND ')}`;
  // the supplier joined for the count only when the search reads its name (every purchase order has one)
  const counted = q ? from : sql`FROM purchase_orders p WHERE ${join(where, ' AND ')}`;
  const total = (ctx.sqlite.prepare(sql`SELECT count(*) AS n ${counted}`.text).get(params) as { n: number }).n;
  const rows = ctx.sqlite
    .prepare(
      sql`SELECT p.id, p.number, p.supplier_id AS supplierId, s.name AS supplierName, p.status, p.ordered_on AS orderedOn, p.expected_on AS expectedOn,
              (SELECT count(*) FROM purchase_order_lines l WHERE l.purchase_order_id = p.id) AS lineCount,
              (SELECT count(*) FROM purchase_order_lines l WHERE l.purchase_order_id = p.id AND l.open_milli > 0) AS openLines,
              (SELECT coalesce(sum((l.qty_milli * l.unit_price_micros + 5000000) / 10000000), 0) FROM purchase_order_lines l WHERE l.purchase_order_id = p.id AND l.unit_price_micros IS NOT NULL) AS totalCents
       ${from} ORDER BY p.ordered_on DESC, p.id DESC LIMIT @limit OFFSET @offset`.text,
    )
    .all(params) as { id: number; number: string; supplierId: number; supplierName: string; status: 'draft'; orderedOn: string; expectedOn: string; lineCount: number; openLines: number; totalCents: number }[];
  return {
    total,
    orders: rows.map(({ supplierId, supplierName, ...r }) => ({ ...r, supplier: { id: supplierId, name: supplierName } })),
  };
};
