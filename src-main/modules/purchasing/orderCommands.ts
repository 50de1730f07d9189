import { parseQuantity } from '../../../src-shared/domain/quantity';
import { lineWithinBounds, parseUnitCostMicros } from '../../../src-shared/domain/money';
import { localDate } from '../../../src-shared/domain/dates';
import type { ParsedInputOf, Contract } from '../../../src-shared/contract';
import type { PurchaseOrder } from '../../../src-shared/contract/purchasing';
import type { Unit } from '../../../src-shared/domain/units';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { nextNumber } from '../numbering/next';
import { loadPurchaseOrder } from './orderRows';
import { termsFor } from './terms';
import { afterLeadTime } from './workingDays';

export interface NewPurchaseLine {
  itemId: number;
  qtyMilli: number;
  unitPriceMicros: number | null;
  expectedOn: string;
  notes?: string;
}

export interface NewPurchaseOrder {
  supplierId: number;
  orderedOn: string;
  expectedOn: string;
  notes: string;
  lines: NewPurchaseLine[];
}

/** Writes a draft purchase order; its number (`OF2026/0001`) is taken in this same transaction. */
export function insertPurchaseOrder(ctx: Ctx, po: NewPurchaseOrder): { id: number; number: string; lineIds: number[] } {
  const year = po.orderedOn.slice(0, 4);
  const number = `OF${year}/${String(nextNumber(ctx, `purchase:${year}`)).padStart(4, '0')}`;
  const id = Number(
    ctx.sqlite
      .prepare(`INSERT INTO purchase_orders (number, supplier_id, status, ordered_on, expected_on, notes, created_at) VALUES (?, ?, 'draft', ?, ?, ?, ?)`)
      .run(number, po.supplierId, po.orderedOn, po.expectedOn, po.notes, ctx.now().toISOString()).lastInsertRowid,
  );
  return { id, number, lineIds: insertLines(ctx, id, po.lines) };
}

function insertLines(ctx: Ctx, purchaseOrderId: number, lines: NewPurchaseLine[], firstPosition = 1): number[] {
  const stmt = ctx.sqlite.prepare(
    `INSERT INTO purchase_order_lines (purchase_order_id, position, item_id, qty_milli, open_milli, unit_price_micros, expected_on, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return lines.map((l, i) => Number(stmt.run(purchaseOrderId, firstPosition + i, l.itemId, l.qtyMilli, l.qtyMilli, l.unitPriceMicros, l.expectedOn, l.notes ?? '').lastInsertRowid));
}

/**
 * Adds lines after the last one of a draft purchase order (the shortage list's lines for a
 * supplier that already has a draft); the order's expected date moves later if a line needs it.
 */
export function appendToDraft(ctx: Ctx, purchaseOrderId: number, lines: NewPurchaseLine[], expectedOn: string): number[] {
  if (statusOf(ctx, purchaseOrderId) !== 'draft') throw refuseStatus(purchaseOrderId, statusOf(ctx, purchaseOrderId), 'changed');
  const last = ctx.sqlite.prepare('SELECT coalesce(max(position), 0) AS last FROM purchase_order_lines WHERE purchase_order_id = ?').get(purchaseOrderId) as { last: number };
  ctx.sqlite.prepare('UPDATE purchase_orders SET expected_on = max(expected_on, ?) WHERE id = ?').run(expectedOn, purchaseOrderId);
  return insertLines(ctx, purchaseOrderId, lines, last.last + 1);
}

type OrderInput = ParsedInputOf<Contract['purchasing.create']>;

/** Checks a typed purchase order whole (every bad line named) and fills the defaults: price from the supplier's terms, dates from lead times. */
function parseOrder(ctx: Ctx, input: OrderInput): NewPurchaseOrder {
  if (!ctx.sqlite.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId)) throw notFound('supplier', input.supplierId);
  const p = new FieldProblems();
  const orderedOn = input.orderedOn ?? localDate(ctx.now());
  const itemStmt = ctx.sqlite.prepare('SELECT id, unit, lead_time_days AS leadTimeDays FROM items WHERE id = ?');
  let longestLead = 0;
  const parsed = input.lines.map((line, i) => {
    const item = itemStmt.get(line.itemId) as { id: number; unit: Unit; leadTimeDays: number | null } | undefined;
    if (!item) {
      p.add(['lines', i, 'itemId'], 'not_found', `Line ${i + 1}: no item with id ${line.itemId}`, { id: line.itemId, line: i + 1 });
      return null;
    }
    const terms = termsFor(ctx, item.id, input.supplierId);
    longestLead = Math.max(longestLead, terms?.leadTimeDays ?? item.leadTimeDays ?? 0);
    const qty = p.parse(['lines', i, 'quantity'], 'quantity', () => parseQuantity(line.quantity, item.unit), { unit: item.unit, line: i + 1 });
    if (qty !== null && qty <= 0) p.add(['lines', i, 'quantity'], 'positive', `Line ${i + 1}: the quantity must be more than zero`, { line: i + 1 });
    const price = line.unitPrice === null ? (terms?.priceMicros ?? null) : p.parse(['lines', i, 'unitPrice'], 'money', () => parseUnitCostMicros(line.unitPrice!), { line: i + 1 });
    if (price !== null && price < 0) p.add(['lines', i, 'unitPrice'], 'negative', `Line ${i + 1}: the price cannot be negative`, { line: i + 1 });
    if (qty !== null && price !== null && !lineWithinBounds(qty, price)) {
      p.add(['lines', i, 'unitPrice'], 'money.line_too_large', `Line ${i + 1}: quantity × price is over a billion euros`, { line: i + 1 });
    }
    if (line.expectedOn !== undefined && line.expectedOn < orderedOn) {
      p.add(['lines', i, 'expectedOn'], 'before_order', `Line ${i + 1}: expected ${line.expectedOn} is before the order date ${orderedOn}`, { line: i + 1 });
    }
    return { itemId: item.id, qtyMilli: qty ?? 0, unitPriceMicros: price, expectedOn: line.expectedOn, notes: line.notes };
  });
  const expectedOn = input.expectedOn ?? afterLeadTime(ctx, orderedOn, longestLead);
  if (expectedOn < orderedOn) p.add(['expectedOn'], 'before_order', `Expected ${expectedOn} is before the order date ${orderedOn}`);
  p.throwIfAny('The purchase order has invalid fields');
  return {
    supplierId: input.supplierId,
    orderedOn,
    expectedOn,
    notes: input.notes,
    lines: parsed.map((l) => ({ ...l!, expectedOn: l!.expectedOn ?? expectedOn })),
  };
}

function statusOf(ctx: Ctx, id: number): PurchaseOrder['status'] {
  const r = ctx.sqlite.prepare('SELECT status FROM purchase_orders WHERE id = ?').get(id) as { status: PurchaseOrder['status'] } | undefined;
  if (!r) throw notFound('purchase order', id);
  return r.status;
}

function refuseStatus(id: number, status: string, action: string): DomainError {
  return new DomainError('CONFLICT', `A ${status.replace('_', ' ')} purchase order cannot be ${action}`, { id, status, action, issues: [{ path: [], key: `cannot_${action}`, message: `Cannot be ${action} when ${status}`, params: { status } }] });
}

export const createPurchaseOrder: Handler<'purchasing.create'> = (ctx, input) => loadPurchaseOrder(ctx, insertPurchaseOrder(ctx, parseOrder(ctx, input)).id);

/** A draft, or a sent order nothing has been received against yet, can be changed whole. */
export const updatePurchaseOrder: Handler<'purchasing.update'> = (ctx, input) => {
  const status = statusOf(ctx, input.id);
  if (status !== 'draft' && status !== 'sent') throw refuseStatus(input.id, status, 'changed');
  const po = parseOrder(ctx, input);
  const current = ctx.sqlite.prepare('SELECT ordered_on AS orderedOn FROM purchase_orders WHERE id = ?').get(input.id) as { orderedOn: string };
  if (current.orderedOn.slice(0, 4) !== po.orderedOn.slice(0, 4)) {
    throw new DomainError('VALIDATION', 'The order date cannot move to another year: its number belongs to its year', {
      issues: [{ path: ['orderedOn'], key: 'other_year', message: 'The order date cannot move to another year' }],
    });
  }
  ctx.sqlite
    .prepare('UPDATE purchase_orders SET supplier_id = ?, ordered_on = ?, expected_on = ?, notes = ? WHERE id = ?')
    .run(po.supplierId, po.orderedOn, po.expectedOn, po.notes, input.id);
  ctx.sqlite.prepare('DELETE FROM purchase_order_lines WHERE purchase_order_id = ?').run(input.id);
  insertLines(ctx, input.id, po.lines);
  return loadPurchaseOrder(ctx, input.id);
};

export const sendPurchaseOrder: Handler<'purchasing.send'> = (ctx, input) => {
  const status = statusOf(ctx, input.id);
  if (status === 'cancelled') throw refuseStatus(input.id, status, 'sent');
  // sending again (a reminder, a lost email) is allowed and keeps the first date
  if (status === 'draft') ctx.sqlite.prepare("UPDATE purchase_orders SET status = 'sent', sent_at = ? WHERE id = ?").run(ctx.now().toISOString(), input.id);
  return loadPurchaseOrder(ctx, input.id);
};

/** What was received stays received; what is still open is no longer expected. */
export const cancelPurchaseOrder: Handler<'purchasing.cancel'> = (ctx, input) => {
  const status = statusOf(ctx, input.id);
  if (status === 'cancelled' || status === 'received') throw refuseStatus(input.id, status, 'cancelled');
  ctx.sqlite.prepare("UPDATE purchase_orders SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ?").run(ctx.now().toISOString(), input.reason, input.id);
  ctx.sqlite.prepare('UPDATE purchase_order_lines SET open_milli = 0 WHERE purchase_order_id = ?').run(input.id);
  return loadPurchaseOrder(ctx, input.id);
};
