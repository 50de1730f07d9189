/**
 * Bulk loaders for generated data, not commands: the demo's large history writes its lots,
 * ledger, documents, reservations and balances through these prepared INSERTs — the same
 * rows the inventory commands write, without a command's per-row reads. The generator
 * keeps the quantities in memory and writes rows that are valid by construction (ids
 * assigned by it, on-hand and reserved filled in at the end); `bottega check` proves they
 * are. They live here, beside the schema they write, so inventory stays the one writer
 * of its tables.
 *
 * The statements are prepared once, when the loader is made: make one per run and reuse it.
 */
import type { Ctx } from '../../api/context';

export interface LotRowOut {
  id: number;
  itemId: number;
  code: string;
  origin: 'receipt' | 'production' | 'adjustment';
  status: 'quarantine' | 'released';
  supplierId: number | null;
  supplierLotCode: string | null;
  originDate: string;
  expiresOn: string | null;
  unitCostMicros: number | null;
  docType: string;
  docId: number;
  createdAt: string;
}

export function inventoryBulkLoader(ctx: Ctx) {
  const db = ctx.sqlite;
  const lot = db.prepare(
    `INSERT INTO lots (id, item_id, code, origin, status, supplier_id, supplier_lot_code, origin_date, expires_on, unit_cost_micros, doc_type, doc_id, on_hand_milli, reserved_milli, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)`,
  );
  const movement = db.prepare(
    `INSERT INTO stock_movements (lot_id, item_id, location_id, kind, qty_milli, doc_type, doc_id, reason, date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const document = db.prepare(
    `INSERT INTO stock_documents (kind, supplier_id, supplier_ddt_number, supplier_ddt_date, date, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const statusChange = db.prepare('INSERT INTO lot_status_changes (lot_id, from_status, to_status, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)');
  const reservation = db.prepare(
    `INSERT INTO reservations (item_id, lot_id, qty_milli, original_milli, doc_type, doc_id, doc_line_id, note, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, NULL)`,
  );
  const balance = db.prepare('INSERT INTO stock_balances (lot_id, location_id, qty_milli) VALUES (?, ?, ?)');
  const lotTotals = db.prepare('UPDATE lots SET on_hand_milli = ?, reserved_milli = ? WHERE id = ?');

  return {
    /** a lot with nothing on hand or reserved yet (lotTotals fills them in) */
    lot(l: LotRowOut): void {
      lot.run(l.id, l.itemId, l.code, l.origin, l.status, l.supplierId, l.supplierLotCode, l.originDate, l.expiresOn, l.unitCostMicros, l.docType, l.docId, l.createdAt);
    },
    movement(lotId: number, itemId: number, locationId: number, kind: string, qtyMilli: number, docType: string, docId: number, reason: string, date: string, createdAt: string): void {
      movement.run(lotId, itemId, locationId, kind, qtyMilli, docType, docId, reason, date, createdAt);
    },
    /** a stock document; its new id */
    document(kind: string, supplierId: number | null, ddtNumber: string | null, ddtDate: string | null, date: string, note: string, createdAt: string): number {
      return Number(document.run(kind, supplierId, ddtNumber, ddtDate, date, note, createdAt).lastInsertRowid);
    },
    statusChange(lotId: number, from: string, to: string, reason: string, by: string, at: string): void {
      statusChange.run(lotId, from, to, reason, by, at);
    },
    /** an open reservation of its whole original quantity */
    reservation(itemId: number, lotId: number, qtyMilli: number, docType: string, docId: number, docLineId: number | null, createdAt: string): void {
      reservation.run(itemId, lotId, qtyMilli, qtyMilli, docType, docId, docLineId, createdAt);
    },
    balance(lotId: number, locationId: number, qtyMilli: number): void {
      balance.run(lotId, locationId, qtyMilli);
    },
    lotTotals(lotId: number, onHandMilli: number, reservedMilli: number): void {
      lotTotals.run(onHandMilli, reservedMilli, lotId);
    },
  };
}

export type InventoryBulkLoader = ReturnType<typeof inventoryBulkLoader>;

/**
 * Every 'ship' movement written against a customer order re-filed against the shipment of
 * the same id, as shipping's confirm files them — for a generator that wrote what left
 * against the orders first and then one shipment per order with the order's id (shipping's
 * bulk loader). Set-based, once per run; how many movements it moved.
 */
export function pointShipMovementsAtShipments(ctx: Ctx): number {
  return ctx.sqlite.prepare("UPDATE stock_movements SET doc_type = 'shipment' WHERE doc_type = 'customer_order' AND kind = 'ship'").run().changes;
}
