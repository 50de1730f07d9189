import { lotUnusableReason } from '../../../src-shared/domain/fefo';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import type { Unit } from '../../../src-shared/domain/units';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { sql, trusted } from '../../db/sql';

export interface PlannedLine {
  orderLineId: number;
  orderId: number;
  itemId: number;
  lotId: number;
  qtyMilli: number;
}

interface OrderLineFacts {
  id: number;
  orderId: number;
  orderNumber: string;
  customerId: number;
  state: string;
  itemId: number;
  sku: string;
  unit: Unit;
  openMilli: number;
  readyMilli: number;
}

interface LotFacts {
  id: number;
  itemId: number;
  code: string;
  status: 'quarantine' | 'released' | 'blocked' | 'recalled';
  expiresOn: string | null;
  originDate: string;
  onHandMilli: number;
  reservedMilli: number;
}

/** Open and ready (allocated) quantity of order lines, with their order and item. */
export function orderLineFacts(ctx: Ctx, lineIds: number[]): Map<number, OrderLineFacts> {
  const rows = ctx.sqlite
    .prepare(
      sql`SELECT ol.id, ol.order_id AS orderId, o.number AS orderNumber, o.customer_id AS customerId, o.state, ol.item_id AS itemId, i.sku, i.unit,
              ol.qty_milli - ol.shipped_milli AS openMilli,
              coalesce((SELECT sum(r.qty_milli) FROM reservations r WHERE r.doc_type = '${trusted(CUSTOMER_ORDER)}' AND r.doc_id = ol.order_id AND r.doc_line_id = ol.id AND r.lot_id IS NOT NULL AND r.qty_milli > 0), 0) AS readyMilli
       FROM order_lines ol JOIN customer_orders o ON o.id = ol.order_id JOIN items i ON i.id = ol.item_id
       WHERE ol.id IN (SELECT value FROM json_each(?))`.text,
    )
    .all(JSON.stringify(lineIds)) as OrderLineFacts[];
  return new Map(rows.map((r) => [r.id, r]));
}

function lotFacts(ctx: Ctx, lotIds: number[]): Map<number, LotFacts> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, item_id AS itemId, code, status, expires_on AS expiresOn, origin_date AS originDate, on_hand_milli AS onHandMilli, reserved_milli AS reservedMilli
       FROM lots WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(lotIds)) as LotFacts[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Checks what a shipment would carry, line by line, and names every problem by its row:
 * lines of confirmed orders of one customer, lots of the line's item that can leave on
 * `date` (released, not expired), no more than each order line has ready.
 * Quantities come typed ("24") from the form, or already in thousandths at confirmation.
 */
export function checkShipmentLines(ctx: Ctx, lines: readonly { orderLineId: number; lotId: number; quantity: string | number }[], date: string): { customerId: number; lines: PlannedLine[] } {
  const p = new FieldProblems();
  const facts = orderLineFacts(ctx, lines.map((l) => l.orderLineId));
  const lotMap = lotFacts(ctx, lines.map((l) => l.lotId));
  const customers = new Set<number>();
  const planned: PlannedLine[] = [];
  const perOrderLine = new Map<number, number>();
  lines.forEach((l, i) => {
    const f = facts.get(l.orderLineId);
    if (!f) return p.add(['lines', i, 'orderLineId'], 'not_found', `No order line with id ${l.orderLineId}`);
    if (f.state !== 'confirmed') return p.add(['lines', i, 'orderLineId'], 'order_not_confirmed', `Order ${f.orderNumber} is ${f.state}, not confirmed`, { order: f.orderNumber });
    customers.add(f.customerId);
    const lot = lotMap.get(l.lotId);
    if (!lot) return p.add(['lines', i, 'lotId'], 'not_found', `No lot with id ${l.lotId}`);
    if (lot.itemId !== f.itemId) return p.add(['lines', i, 'lotId'], 'lot_other_item', `Lot ${lot.code} is not a lot of ${f.sku}`, { code: lot.code, sku: f.sku });
    const why = lotUnusableReason({ ...lot, lotId: lot.id }, date);
    if (why) p.add(['lines', i, 'lotId'], `lot.${why}`, `Lot ${lot.code} cannot be shipped: it is ${why}`, { code: lot.code });
    const qty = typeof l.quantity === 'number' ? l.quantity : p.parse(['lines', i, 'quantity'], 'quantity', () => parseQuantity(l.quantity as string, f.unit), { unit: f.unit });
    if (qty === null) return;
    if (qty <= 0) return p.add(['lines', i, 'quantity'], 'positive', 'The quantity must be more than zero');
    const total = (perOrderLine.get(f.id) ?? 0) + qty;
    perOrderLine.set(f.id, total);
    const ready = Math.min(f.readyMilli, f.openMilli);
    if (total > ready) {
      p.add(['lines', i, 'quantity'], 'more_than_ready', `${f.sku} of order ${f.orderNumber}: ${total / 1000} ${f.unit} to ship, ${ready / 1000} ${f.unit} ready`, {
        sku: f.sku,
        order: f.orderNumber,
        unit: f.unit,
        readyMilli: ready,
        ready: ready / 1000,
        requestedMilli: total,
      });
    }
    planned.push({ orderLineId: f.id, orderId: f.orderId, itemId: f.itemId, lotId: lot.id, qtyMilli: qty });
  });
  if (customers.size > 1) p.add(['lines'], 'one_customer', 'A shipment carries the orders of one customer');
  const lotIssues = p.issues.filter((x) => x.key?.startsWith('lot.'));
  if (lotIssues.length > 0 && lotIssues.length === p.issues.length) throw new DomainError('LOT_NOT_RELEASED', 'Some lots cannot be shipped', { issues: p.issues });
  p.throwIfAny('The shipment lines have problems');
  return { customerId: [...customers][0]!, lines: planned };
}
