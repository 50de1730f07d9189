import type { ReadCtx } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';

/** One confirmed shipment line that carried a lot: who got it, with which DDT, how much came back. */
export interface ShippedLot {
  lotId: number;
  shipmentId: number;
  shipmentLineId: number;
  /** '12/2026' */
  ddtNumber: string;
  /** YYYY-MM-DD */
  ddtDate: string;
  customerId: number;
  customerName: string;
  customerEmail: string | null;
  customerPhone: string | null;
  orderId: number;
  orderNumber: string;
  shippedMilli: number;
  returnedMilli: number;
}

/**
 * Forward trace, last step: which customers received these lots. One query over the
 * `shipment_lines_lot` index; draft and cancelled shipments never left, so they are not here.
 */
export function shipmentsOfLots(ctx: ReadCtx, lotIds: number[]): ShippedLot[] {
  if (lotIds.length === 0) return [];
  return preparedOnce(ctx.sqlite, SHIPPED_LOTS_SQL).all(JSON.stringify(lotIds)) as ShippedLot[];
}

/**
 * Driven by the lots: CROSS JOIN keeps shipment_lines the outer loop (SQLite never
 * reorders it), so the plan starts at the lot index whatever the statistics say.
 */
export const SHIPPED_LOTS_SQL = `SELECT sl.lot_id AS lotId, s.id AS shipmentId, sl.id AS shipmentLineId, d.number AS ddtNumber, d.date AS ddtDate,
              c.id AS customerId, c.name AS customerName, c.email AS customerEmail, c.phone AS customerPhone,
              o.id AS orderId, o.number AS orderNumber, sl.qty_milli AS shippedMilli,
              coalesce((SELECT sum(r.qty_milli) FROM shipment_return_lines r WHERE r.shipment_line_id = sl.id), 0) AS returnedMilli
       FROM shipment_lines sl
       CROSS JOIN shipments s ON s.id = sl.shipment_id
       JOIN ddts d ON d.id = s.ddt_id
       JOIN customers c ON c.id = s.customer_id
       JOIN customer_orders o ON o.id = sl.order_id
       WHERE sl.lot_id IN (SELECT value FROM json_each(?)) AND s.state = 'confirmed'
       ORDER BY d.date, s.id, sl.position`;
