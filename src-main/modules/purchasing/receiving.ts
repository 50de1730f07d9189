import type { FieldIssue } from '../../../src-shared/contract/errors';
import type { PurchaseOrderStatus } from '../../../src-shared/contract/purchasing';
import type { Ctx } from '../../api/context';
import type { ReceiptLink } from '../inventory/receiptLinks';

interface LineFacts {
  id: number;
  purchaseOrderId: number;
  number: string;
  itemId: number;
  supplierId: number;
  status: PurchaseOrderStatus;
}

/**
 * How a goods receipt delivers purchase order lines: each line must be for the same item
 * and supplier, on an order still expecting goods; what arrives is added to the line's
 * received quantity (more than ordered is accepted: suppliers round up) and the order's
 * state follows its lines.
 */
export const purchaseReceiptLink: ReceiptLink = {
  check: (ctx, receipt, lines) => {
    const stmt = ctx.sqlite.prepare(
      `SELECT l.id, l.purchase_order_id AS purchaseOrderId, p.number, l.item_id AS itemId, p.supplier_id AS supplierId, p.status
       FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.purchase_order_id WHERE l.id = ?`,
    );
    const issues: FieldIssue[] = [];
    for (const l of lines) {
      const path = ['lines', l.index, 'purchaseOrderLineId'];
      const n = l.index + 1;
      const f = stmt.get(l.documentLineId) as LineFacts | undefined;
      if (!f) issues.push({ path, key: 'not_found', message: `Line ${n}: no purchase order line ${l.documentLineId}`, params: { line: n } });
      else if (f.itemId !== l.itemId) issues.push({ path, key: 'po_other_item', message: `Line ${n}: ${f.number} orders another item on that line`, params: { line: n, number: f.number } });
      else if (f.supplierId !== receipt.supplierId) issues.push({ path, key: 'po_other_supplier', message: `Line ${n}: ${f.number} is from another supplier`, params: { line: n, number: f.number } });
      else if (f.status === 'cancelled' || f.status === 'received') {
        issues.push({ path, key: `po_${f.status}`, message: `Line ${n}: ${f.number} is ${f.status}`, params: { line: n, number: f.number } });
      }
    }
    return issues;
  },
  record: (ctx, receipt, lines) => {
    const insert = ctx.sqlite.prepare('INSERT INTO purchase_receipts (purchase_order_line_id, stock_document_id, lot_id, qty_milli, received_on) VALUES (?, ?, ?, ?, ?)');
    const update = ctx.sqlite.prepare('UPDATE purchase_order_lines SET received_milli = received_milli + ?, open_milli = max(qty_milli - received_milli - ?, 0) WHERE id = ?');
    for (const l of lines) {
      insert.run(l.documentLineId, receipt.documentId, l.lotId, l.qtyMilli, receipt.receivedOn);
      update.run(l.qtyMilli, l.qtyMilli, l.documentLineId);
    }
    const orderIds = ctx.sqlite
      .prepare('SELECT DISTINCT purchase_order_id AS id FROM purchase_order_lines WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(lines.map((l) => l.documentLineId))) as { id: number }[];
    for (const { id } of orderIds) refreshOrderStatus(ctx, id);
  },
};

/** received when no line expects anything more, partially received once anything came. */
export function refreshOrderStatus(ctx: Ctx, purchaseOrderId: number): void {
  const s = ctx.sqlite
    .prepare('SELECT sum(open_milli > 0) AS open, sum(received_milli > 0) AS touched FROM purchase_order_lines WHERE purchase_order_id = ?')
    .get(purchaseOrderId) as { open: number; touched: number };
  const status: PurchaseOrderStatus | null = s.open === 0 ? 'received' : s.touched > 0 ? 'partially_received' : null;
  if (status) ctx.sqlite.prepare("UPDATE purchase_orders SET status = ? WHERE id = ? AND status <> 'cancelled'").run(status, purchaseOrderId);
}
