/**
 * Bulk loaders for generated data, not commands: the demo's large history writes its
 * customer orders and their lines through these prepared INSERTs — the same rows the
 * order commands write, with the stored status and total the generator computed, without
 * a command's per-row reads. The rows are valid by construction; `bottega check` proves
 * they are (and that the stored statuses are what refreshOrders would say). They live
 * here, beside the schema they write, so orders stay the one writer of their tables.
 *
 * The statements are prepared once, when the loader is made: make one per run and reuse it.
 */
import type { Ctx } from '../../api/context';
import { centsToE8, formatChain, formatUnitPrice } from '../../../src-shared/domain/pricing';

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

export function ordersBulkLoader(ctx: Ctx) {
  const db = ctx.sqlite;
  const order = db.prepare(
    `INSERT INTO customer_orders (id, number, customer_id, channel, external_ref, state, ordered_on, requested_on, promised_on, notes, status, total_cents, created_at, updated_at, confirmed_at, cancelled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO order_lines (id, order_id, position, item_id, qty_milli, unit_price_cents, unit_price, discounts, discount_bp, vat_bp, shipped_milli, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  );
  return {
    order(o: OrderRowOut): void {
      order.run(o.id, o.number, o.customerId, o.channel, o.externalRef, o.state, o.orderedOn, o.requestedOn, o.notes, o.status, o.totalCents, o.createdAt, o.updatedAt, o.confirmedAt, o.cancelledAt);
    },
    line(id: number, orderId: number, position: number, itemId: number, qtyMilli: number, priceCents: number, discountBp: number, vatBp: number, shippedMilli: number): void {
      // the exact price and the one-step chain the order commands would store (price source: manual, the column's default)
      line.run(id, orderId, position, itemId, qtyMilli, priceCents, formatUnitPrice(centsToE8(priceCents)), formatChain(discountBp === 0 ? [] : [discountBp]), discountBp, vatBp, shippedMilli);
    },
  };
}

export type OrdersBulkLoader = ReturnType<typeof ordersBulkLoader>;
