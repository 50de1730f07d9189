import type { ShipmentProposal } from '../../../src-shared/contract/shipping';
import { netWeightG } from '../../../src-shared/domain/shipmentWeight';
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { loadCustomer, shippingAddress } from './shipmentRows';
import { sql, trusted } from '../../db/sql';

/** Confirmed orders with at least one line whose allocated lots cover something still to ship. */
export const readyOrders: Handler<'shipping.readyOrders'> = (ctx, input) => {
  const like = `%${input.q.trim()}%`;
  return ctx.sqlite
    .prepare(
      sql`SELECT o.id AS orderId, o.number, o.customer_id AS customerId, c.name AS customerName, o.status, o.ordered_on AS orderedOn, o.requested_on AS requestedOn,
              (SELECT count(*) FROM order_lines ol WHERE ol.order_id = o.id AND ol.qty_milli > ol.shipped_milli
                 AND EXISTS (SELECT 1 FROM reservations r WHERE r.doc_type = '${trusted(CUSTOMER_ORDER)}' AND r.doc_id = o.id AND r.doc_line_id = ol.id AND r.lot_id IS NOT NULL AND r.qty_milli > 0)) AS readyLines
       FROM customer_orders o JOIN customers c ON c.id = o.customer_id
       WHERE o.state = 'confirmed' AND o.status IN ('ready_to_ship', 'partially_shipped', 'in_production', 'waiting', 'materials_short')
         AND (? IS NULL OR o.customer_id = ?) AND (o.number LIKE ? OR c.name LIKE ?)
         AND EXISTS (SELECT 1 FROM reservations r WHERE r.doc_type = '${trusted(CUSTOMER_ORDER)}' AND r.doc_id = o.id AND r.lot_id IS NOT NULL AND r.qty_milli > 0)
       ORDER BY coalesce(o.requested_on, o.ordered_on), o.id LIMIT 200`.text,
    )
    .all(input.customerId ?? null, input.customerId ?? null, like, like) as never;
};

/**
 * What a new shipment of these orders would carry: every open line with lots allocated,
 * those lots earliest expiry first, and the other released lots of the item to switch to.
 */
export const shipmentProposal: Handler<'shipping.proposal'> = (ctx, input) => {
  const ids = JSON.stringify(input.orderIds);
  const orders = ctx.sqlite.prepare('SELECT id, number, customer_id AS customerId, state FROM customer_orders WHERE id IN (SELECT value FROM json_each(?))').all(ids) as { id: number; number: string; customerId: number; state: string }[];
  if (orders.length !== input.orderIds.length) throw new DomainError('NOT_FOUND', 'Some orders do not exist', { orderIds: input.orderIds });
  const customers = new Set(orders.map((o) => o.customerId));
  if (customers.size > 1) throw new DomainError('VALIDATION', 'A shipment carries the orders of one customer', { issues: [{ path: ['orderIds'], key: 'one_customer', message: 'Orders of different customers' }] });
  const c = loadCustomer(ctx, orders[0]!.customerId);
  const lines = ctx.sqlite
    .prepare(
      `SELECT ol.id AS orderLineId, ol.order_id AS orderId, o.number AS orderNumber, ol.qty_milli - ol.shipped_milli AS openMilli,
              i.id AS itemId, i.sku, i.name, i.kind, i.unit, i.gtin, i.net_weight_mg AS netWeightMg
       FROM order_lines ol JOIN customer_orders o ON o.id = ol.order_id JOIN items i ON i.id = ol.item_id
       WHERE ol.order_id IN (SELECT value FROM json_each(?)) AND o.state = 'confirmed' AND ol.qty_milli > ol.shipped_milli
       ORDER BY o.number, ol.position`,
    )
    .all(ids) as { orderLineId: number; orderId: number; orderNumber: string; openMilli: number; itemId: number; sku: string; name: string; kind: 'product'; unit: 'pcs'; gtin: string | null; netWeightMg: number | null }[];
  const allocStmt = ctx.sqlite.prepare(
    sql`SELECT r.lot_id AS lotId, l.code AS lotCode, l.expires_on AS expiresOn, sum(r.qty_milli) AS qtyMilli
     FROM reservations r JOIN lots l ON l.id = r.lot_id
     WHERE r.doc_type = '${trusted(CUSTOMER_ORDER)}' AND r.doc_id = ? AND r.doc_line_id = ? AND r.lot_id IS NOT NULL AND r.qty_milli > 0
     GROUP BY r.lot_id ORDER BY l.expires_on IS NULL, l.expires_on, l.origin_date, l.id`.text,
  );
  const otherStmt = ctx.sqlite.prepare(
    `SELECT id AS lotId, code AS lotCode, expires_on AS expiresOn, on_hand_milli - reserved_milli AS qtyMilli FROM lots
     WHERE item_id = ? AND on_hand_milli <> 0 AND status = 'released' AND (expires_on IS NULL OR expires_on >= ?) AND on_hand_milli > reserved_milli
     ORDER BY expires_on IS NULL, expires_on, origin_date, id LIMIT 20`,
  );
  const today = localDate(ctx.now());
  const out: ShipmentProposal['lines'] = [];
  for (const l of lines) {
    const allocated = allocStmt.all(l.orderId, l.orderLineId) as ShipmentProposal['lines'][number]['lots'];
    const readyMilli = Math.min(l.openMilli, allocated.reduce((s, a) => s + a.qtyMilli, 0));
    if (readyMilli <= 0) continue;
    // the lots to ship: the allocations in FEFO order, up to what is ready
    let left = readyMilli;
    const lots = allocated.flatMap((a) => {
      const take = Math.min(left, a.qtyMilli);
      left -= take;
      return take > 0 ? [{ ...a, qtyMilli: take }] : [];
    });
    out.push({
      orderLineId: l.orderLineId,
      orderId: l.orderId,
      orderNumber: l.orderNumber,
      item: { id: l.itemId, sku: l.sku, name: l.name, kind: l.kind, unit: l.unit, gtin: l.gtin, netWeightMg: l.netWeightMg },
      openMilli: l.openMilli,
      readyMilli,
      lots,
      otherLots: otherStmt.all(l.itemId, today) as ShipmentProposal['lines'][number]['otherLots'],
    });
  }
  return {
    customer: { id: c.id, name: c.name, vatNumber: c.vatNumber, email: c.email, phone: c.phone, language: c.language },
    destination: shippingAddress(c),
    lines: out,
    netWeightG: netWeightG(out.map((l) => ({ qtyMilli: l.readyMilli, netWeightMg: l.item.netWeightMg }))),
  };
};
