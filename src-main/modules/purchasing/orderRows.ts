import type { PurchaseOrder } from '../../../src-shared/contract/purchasing';
import { lineTotalCents } from '../../../src-shared/domain/purchasing';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';

interface Head {
  id: number;
  number: string;
  supplierId: number;
  supplierName: string;
  language: 'it' | 'en';
  email: string | null;
  status: PurchaseOrder['status'];
  orderedOn: string;
  expectedOn: string;
  notes: string;
  sentAt: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  createdAt: string;
}

interface LineRow {
  id: number;
  position: number;
  itemId: number;
  sku: string;
  name: string;
  kind: PurchaseOrder['lines'][number]['item']['kind'];
  unit: Unit;
  supplierCode: string | null;
  qtyMilli: number;
  receivedMilli: number;
  openMilli: number;
  unitPriceMicros: number | null;
  expectedOn: string;
  notes: string;
}

export function loadPurchaseOrder(ctx: ReadCtx, id: number): PurchaseOrder {
  const h = ctx.sqlite
    .prepare(
      `SELECT p.id, p.number, p.supplier_id AS supplierId, s.name AS supplierName, s.language, s.email, p.status, p.ordered_on AS orderedOn,
              p.expected_on AS expectedOn, p.notes, p.sent_at AS sentAt, p.cancelled_at AS cancelledAt, p.cancel_reason AS cancelReason, p.created_at AS createdAt
       FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ?`,
    )
    .get(id) as Head | undefined;
  if (!h) throw notFound('purchase order', id);
  const lines = ctx.sqlite
    .prepare(
      `SELECT l.id, l.position, l.item_id AS itemId, i.sku, i.name, i.kind, i.unit, si.supplier_code AS supplierCode, l.qty_milli AS qtyMilli,
              l.received_milli AS receivedMilli, l.open_milli AS openMilli, l.unit_price_micros AS unitPriceMicros, l.expected_on AS expectedOn, l.notes
       FROM purchase_order_lines l JOIN items i ON i.id = l.item_id
       LEFT JOIN supplier_items si ON si.item_id = l.item_id AND si.supplier_id = ?
       WHERE l.purchase_order_id = ? ORDER BY l.position`,
    )
    .all(h.supplierId, id) as LineRow[];
  const receipts = ctx.sqlite
    .prepare(
      `SELECT r.stock_document_id AS stockDocumentId, r.purchase_order_line_id AS lineId, r.lot_id AS lotId, lt.code AS lotCode, r.qty_milli AS qtyMilli, r.received_on AS receivedOn
       FROM purchase_receipts r JOIN purchase_order_lines l ON l.id = r.purchase_order_line_id JOIN lots lt ON lt.id = r.lot_id
       WHERE l.purchase_order_id = ? ORDER BY r.id`,
    )
    .all(id) as PurchaseOrder['receipts'];
  const outLines = lines.map((l) => ({
    id: l.id,
    position: l.position,
    item: { id: l.itemId, sku: l.sku, name: l.name, kind: l.kind, unit: l.unit },
    supplierCode: l.supplierCode,
    qtyMilli: l.qtyMilli,
    receivedMilli: l.receivedMilli,
    openMilli: l.openMilli,
    unitPriceMicros: l.unitPriceMicros,
    totalCents: l.unitPriceMicros === null ? null : lineTotalCents(l.qtyMilli, l.unitPriceMicros),
    expectedOn: l.expectedOn,
    notes: l.notes,
  }));
  return {
    id: h.id,
    number: h.number,
    supplier: { id: h.supplierId, name: h.supplierName, language: h.language, email: h.email },
    status: h.status,
    orderedOn: h.orderedOn,
    expectedOn: h.expectedOn,
    notes: h.notes,
    lines: outLines,
    totalCents: outLines.reduce((s, l) => s + (l.totalCents ?? 0), 0),
    receipts,
    sentAt: h.sentAt,
    cancelledAt: h.cancelledAt,
    cancelReason: h.cancelReason,
    createdAt: h.createdAt,
  };
}
