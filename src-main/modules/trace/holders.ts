/**
 * Who still holds stock of the affected lots: open reservations (qty > 0) of order
 * lines and production orders, named for a person. Read through the partial index on
 * open reservations per lot, so a closed history of thousands costs nothing. CROSS JOIN
 * keeps the list of lots as the outer loop: with few open reservations left, SQLite would
 * otherwise rather scan them all and probe the list.
 */
import type { TraceReservation } from '../../../src-shared/contract/trace';
import type { ReadCtx } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';
import { documentLabel } from '../inventory/documents';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { PRODUCTION_ORDER } from '../production/productionRows';

export const OPEN_RESERVATIONS_SQL = `SELECT r.id AS reservationId, r.lot_id AS lotId, r.qty_milli AS qtyMilli, r.doc_type AS docType, r.doc_id AS docId,
    r.doc_line_id AS docLineId, o.id AS orderId, o.number AS orderNumber, c.id AS customerId, c.name AS customerName,
    p.id AS productionId, p.number AS productionNumber, p.status AS productionStatus
  FROM json_each(@ids) j
  CROSS JOIN reservations r ON r.lot_id = j.value AND r.qty_milli > 0
  LEFT JOIN customer_orders o ON r.doc_type = '${CUSTOMER_ORDER}' AND o.id = r.doc_id
  LEFT JOIN customers c ON c.id = o.customer_id
  LEFT JOIN production_orders p ON r.doc_type = '${PRODUCTION_ORDER}' AND p.id = r.doc_id
  ORDER BY r.id`;

interface Row {
  reservationId: number;
  lotId: number;
  qtyMilli: number;
  docType: string;
  docId: number;
  docLineId: number | null;
  orderId: number | null;
  orderNumber: string | null;
  customerId: number | null;
  customerName: string | null;
  productionId: number | null;
  productionNumber: string | null;
  productionStatus: string | null;
}

export function openReservations(ctx: ReadCtx, lotIds: number[]): TraceReservation[] {
  if (lotIds.length === 0) return [];
  const rows = preparedOnce(ctx.sqlite, OPEN_RESERVATIONS_SQL).all({ ids: JSON.stringify(lotIds) }) as Row[];
  return rows.map((r) => ({
    reservationId: r.reservationId,
    lotId: r.lotId,
    qtyMilli: r.qtyMilli,
    docType: r.docType,
    docId: r.docId,
    docLineId: r.docLineId,
    order: r.orderId === null ? null : { id: r.orderId, number: r.orderNumber!, customerId: r.customerId!, customerName: r.customerName ?? '' },
    productionOrder: r.productionId === null ? null : { id: r.productionId, number: r.productionNumber!, status: r.productionStatus! },
    label: r.orderId !== null ? `${r.orderNumber} ${r.customerName ?? ''}`.trim() : r.productionId !== null ? `${r.productionNumber}` : documentLabel(ctx, r.docType, r.docId),
  }));
}
