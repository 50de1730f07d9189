/**
 * Bulk loaders for generated data, not commands: the demo's large purchasing writes its
 * supplier terms, purchase orders, their lines and the receipts that closed them through
 * these prepared INSERTs — the same rows the purchasing commands write, without a
 * command's per-row reads. The rows are valid by construction (each line received by
 * exactly the lots of its receipt); `bottega check` proves they are. They live here,
 * beside the schema they write, so purchasing stays the one writer of its tables.
 *
 * The statements are prepared once, when the loader is made: make one per run and reuse it.
 */
import type { Ctx } from '../../api/context';

export function purchasingBulkLoader(ctx: Ctx) {
  const db = ctx.sqlite;
  const terms = db.prepare(
    `INSERT INTO supplier_items (item_id, supplier_id, preferred, supplier_code, min_qty_milli, multiple_milli, lead_time_days, price_micros, created_at, updated_at)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const order = db.prepare(
    `INSERT INTO purchase_orders (number, supplier_id, status, ordered_on, expected_on, notes, created_at, sent_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO purchase_order_lines (purchase_order_id, position, item_id, qty_milli, received_milli, open_milli, unit_price_micros, expected_on, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')`,
  );
  const receipt = db.prepare('INSERT INTO purchase_receipts (purchase_order_line_id, stock_document_id, lot_id, qty_milli, received_on) VALUES (?, ?, ?, ?, ?)');
  return {
    /** the preferred supplier's terms for an item */
    terms(itemId: number, supplierId: number, supplierCode: string, minQtyMilli: number, multipleMilli: number, leadTimeDays: number | null, priceMicros: number | null, at: string): void {
      terms.run(itemId, supplierId, supplierCode, minQtyMilli, multipleMilli, leadTimeDays, priceMicros, at, at);
    },
    /** a purchase order; its new id */
    order(number: string, supplierId: number, status: 'draft' | 'sent' | 'received', orderedOn: string, expectedOn: string, createdAt: string, sentAt: string | null): number {
      return Number(order.run(number, supplierId, status, orderedOn, expectedOn, createdAt, sentAt).lastInsertRowid);
    },
    /** a line of a purchase order; its new id */
    line(orderId: number, position: number, itemId: number, qtyMilli: number, receivedMilli: number, openMilli: number, unitPriceMicros: number | null, expectedOn: string): number {
      return Number(line.run(orderId, position, itemId, qtyMilli, receivedMilli, openMilli, unitPriceMicros, expectedOn).lastInsertRowid);
    },
    /** the lot of a receipt that (partly) received a line */
    receipt(lineId: number, stockDocumentId: number, lotId: number, qtyMilli: number, receivedOn: string): void {
      receipt.run(lineId, stockDocumentId, lotId, qtyMilli, receivedOn);
    },
  };
}

export type PurchasingBulkLoader = ReturnType<typeof purchasingBulkLoader>;
