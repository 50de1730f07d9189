/**
 * Prepared INSERTs for the large history: the same rows the inventory, order and
 * production commands write — lots, the ledger, documents, reservations, orders and their
 * lines, production orders, links and genealogy — without a command's per-row reads.
 * The large step keeps the quantities in memory and writes rows that are valid by
 * construction (ids assigned by the step, on-hand and reserved filled in at the end);
 * `bottega check` proves they are.
 */
import type { Ctx } from '../api/context';

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

export interface OrderRowOut {
  id: number;
  number: string;
  customerId: number;
  channel: string;
  externalRef: string | null;
  state: 'draft' | 'confirmed' | 'cancelled';
  orderedOn: string;
  requestedOn: string | null;
  notes: string;
  status: string;
  totalCents: number;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
}

export interface ProductionRowOut {
  id: number;
  number: string;
  itemId: number;
  recipeId: number;
  batches: number;
  plannedQtyMilli: number;
  plannedOn: string;
  status: 'planned' | 'released' | 'in_progress' | 'completed';
  parentId: number | null;
  materialsShort: boolean;
  outputLotId: number | null;
  actualQtyMilli: number | null;
  producedOn: string | null;
  notes: string;
  createdAt: string;
  releasedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export function historyWriter(ctx: Ctx) {
  const db = ctx.sqlite;
  const lot = db.prepare(
    `INSERT INTO lots (id, item_id, code, origin, status, supplier_id, supplier_lot_code, origin_date, expires_on, unit_cost_micros, doc_type, doc_id, on_hand_milli, reserved_milli, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)`,
  );
  const movement = db.prepare(
    `INSERT INTO stock_movements (lot_id, item_id, location_id, kind, qty_milli, doc_type, doc_id, reason, date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const genealogy = db.prepare('INSERT INTO lot_genealogy (input_lot_id, output_lot_id, production_order_id, qty_milli) VALUES (?, ?, ?, ?)');
  const document = db.prepare(
    `INSERT INTO stock_documents (kind, supplier_id, supplier_ddt_number, supplier_ddt_date, date, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const statusChange = db.prepare('INSERT INTO lot_status_changes (lot_id, from_status, to_status, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)');
  const reservation = db.prepare(
    `INSERT INTO reservations (item_id, lot_id, qty_milli, original_milli, doc_type, doc_id, doc_line_id, note, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, NULL)`,
  );
  const order = db.prepare(
    `INSERT INTO customer_orders (id, number, customer_id, channel, external_ref, state, ordered_on, requested_on, promised_on, notes, status, total_cents, created_at, updated_at, confirmed_at, cancelled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO order_lines (id, order_id, position, item_id, qty_milli, unit_price_cents, discount_bp, vat_bp, shipped_milli, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  );
  const production = db.prepare(
    `INSERT INTO production_orders (id, number, item_id, recipe_id, batches, planned_qty_milli, planned_on, status, parent_id, materials_short, output_lot_id,
       actual_qty_milli, produced_on, notes, created_at, released_at, started_at, completed_at, cancelled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const link = db.prepare('INSERT INTO production_links (production_order_id, order_line_id, qty_milli) VALUES (?, ?, ?)');
  const balance = db.prepare('INSERT INTO stock_balances (lot_id, location_id, qty_milli) VALUES (?, ?, ?)');
  const lotTotals = db.prepare('UPDATE lots SET on_hand_milli = ?, reserved_milli = ? WHERE id = ?');
  const sequence = db.prepare('INSERT INTO sequences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)');
  let movements = 0;

  return {
    get movements(): number {
      return movements;
    },
    lot(l: LotRowOut): void {
      lot.run(l.id, l.itemId, l.code, l.origin, l.status, l.supplierId, l.supplierLotCode, l.originDate, l.expiresOn, l.unitCostMicros, l.docType, l.docId, l.createdAt);
    },
    movement(lotId: number, itemId: number, locationId: number, kind: string, qtyMilli: number, docType: string, docId: number, reason: string, date: string, createdAt: string): void {
      movement.run(lotId, itemId, locationId, kind, qtyMilli, docType, docId, reason, date, createdAt);
      movements++;
    },
    document(kind: string, supplierId: number | null, ddtNumber: string | null, ddtDate: string | null, date: string, note: string, createdAt: string): number {
      return Number(document.run(kind, supplierId, ddtNumber, ddtDate, date, note, createdAt).lastInsertRowid);
    },
    statusChange(lotId: number, from: string, to: string, reason: string, by: string, at: string): void {
      statusChange.run(lotId, from, to, reason, by, at);
    },
    reservation(itemId: number, lotId: number, qtyMilli: number, docType: string, docId: number, docLineId: number | null, createdAt: string): void {
      reservation.run(itemId, lotId, qtyMilli, qtyMilli, docType, docId, docLineId, createdAt);
    },
    order(o: OrderRowOut): void {
      order.run(o.id, o.number, o.customerId, o.channel, o.externalRef, o.state, o.orderedOn, o.requestedOn, o.notes, o.status, o.totalCents, o.createdAt, o.updatedAt, o.confirmedAt, o.cancelledAt);
    },
    line(id: number, orderId: number, position: number, itemId: number, qtyMilli: number, priceCents: number, discountBp: number, vatBp: number, shippedMilli: number): void {
      line.run(id, orderId, position, itemId, qtyMilli, priceCents, discountBp, vatBp, shippedMilli);
    },
    production(p: ProductionRowOut): void {
      production.run(
        p.id, p.number, p.itemId, p.recipeId, p.batches, p.plannedQtyMilli, p.plannedOn, p.status, p.parentId, p.materialsShort ? 1 : 0, p.outputLotId,
        p.actualQtyMilli, p.producedOn, p.notes, p.createdAt, p.releasedAt, p.startedAt, p.completedAt,
      );
    },
    link(productionOrderId: number, orderLineId: number, qtyMilli: number): void {
      link.run(productionOrderId, orderLineId, qtyMilli);
    },
    genealogy(inputLotId: number, outputLotId: number, productionOrderId: number, qtyMilli: number): void {
      genealogy.run(inputLotId, outputLotId, productionOrderId, qtyMilli);
    },
    balance(lotId: number, locationId: number, qtyMilli: number): void {
      balance.run(lotId, locationId, qtyMilli);
    },
    lotTotals(lotId: number, onHandMilli: number, reservedMilli: number): void {
      lotTotals.run(onHandMilli, reservedMilli, lotId);
    },
    sequence(key: string, value: number): void {
      sequence.run(key, value);
    },
  };
}

export type HistoryWriter = ReturnType<typeof historyWriter>;
