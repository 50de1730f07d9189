import { localDate } from '../../../src-shared/domain/dates';
import type { OrderHead } from '../../../src-shared/contract/orders';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { nextNumber } from '../numbering/next';
import { reservationsForDoc, reduceReservation } from '../inventory/reservations';
import { assertExternalRefFree, parseOrderLines, type FrozenPrices, type PricedLine } from './orderInput';
import { formatChain, formatUnitPrice } from '../../../src-shared/domain/pricing';
import { effectivePaymentTermsId } from '../prices/customerTerms';
import { loadPaymentTerms } from '../prices/paymentTerms';
import { CUSTOMER_ORDER, loadLineFacts, refreshOrders, statusOf, totalOf, type LineRow } from './lineFacts';
import { loadOrder } from './orderRows';
import { productionForOrders } from './productionPort';
import { sql, trusted } from '../../db/sql';

/** Writes an order's lines; answers them as rows, as a read of them would (ids as written). */
function insertLines(ctx: Ctx, orderId: number, lines: PricedLine[]): LineRow[] {
  const stmt = ctx.sqlite.prepare(
    `INSERT INTO order_lines (order_id, position, item_id, qty_milli, unit_price_cents, unit_price, price_source, discounts, discount_bp, vat_bp, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return linesAsRows(orderId, lines).map((r) => {
    const id = stmt.run(orderId, r.position, r.itemId, r.qtyMilli, r.unitPriceCents, r.unitPrice, r.priceSource, r.discounts, r.discountBp, r.vatBp, r.note).lastInsertRowid;
    return { ...r, id: Number(id) };
  });
}

/** Priced lines as the rows they become (the texts the columns hold), before they have ids. */
function linesAsRows(orderId: number, lines: PricedLine[]): LineRow[] {
  return lines.map((l, i) => ({
    id: 0,
    orderId,
    position: i + 1,
    itemId: l.itemId,
    qtyMilli: l.qtyMilli,
    unitPriceCents: l.unitPriceCents,
    unitPrice: formatUnitPrice(l.unitPriceE8),
    priceSource: l.priceSource,
    discounts: formatChain(l.discounts),
    discountBp: l.discountBp,
    service: l.service ? 1 : 0,
    vatBp: l.vatBp,
    shippedMilli: 0,
    note: l.note,
  }));
}

/** The terms an order carries: the ones asked for, else the customer's; a JSON copy so a later template change leaves the order alone. */
export function orderTerms(ctx: Ctx, customerId: number, asked: number | null): { id: number | null; json: string | null } {
  const id = asked ?? effectivePaymentTermsId(ctx, customerId);
  if (id === null) return { id: null, json: null };
  const t = loadPaymentTerms(ctx, id);
  return { id, json: JSON.stringify({ id: t.id, name: t.name, method: t.method, days: t.days, endOfMonth: t.endOfMonth, cashOnDelivery: t.cashOnDelivery }) };
}

export function orderNumber(ctx: Ctx, date: string): string {
  const year = date.slice(0, 4);
  return `${year}/${String(nextNumber(ctx, `order:${year}`)).padStart(4, '0')}`;
}

export interface NewOrder {
  number: string;
  customerId: number;
  channel: string;
  externalRef: string | null;
  state: 'draft' | 'confirmed';
  orderedOn: string;
  requestedOn: string | null;
  notes: string;
  stamp: string;
  paymentTerms: { id: number | null; json: string | null };
}

/**
 * Writes an order and its lines, already checked (parseOrderLines, a free reference): the one
 * writer of customer_orders rows, for orders.create and a channel import alike. The row
 * carries the status and total refreshOrders would store for it: a new order holds nothing
 * and nothing is made for it yet, so both follow from its lines alone (an import still
 * refreshes its orders a hundred at a time, and finds them as written). Answers the order's
 * id, the status it wrote and its lines as written.
 */
export function insertOrder(ctx: Ctx, o: NewOrder, lines: PricedLine[]): { id: number; status: OrderHead['status']; lines: LineRow[] } {
  // derived on rows of a not yet numbered order (id 0): nothing is allocated or made, so no id is looked at
  const fresh = { lines: linesAsRows(0, lines), allocations: [], production: [] };
  const status = statusOf({ id: 0, state: o.state }, fresh);
  const id = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO customer_orders (number, customer_id, channel, external_ref, state, ordered_on, requested_on, notes, status, total_cents, payment_terms_id, payment_terms, created_at, updated_at, confirmed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        o.number, o.customerId, o.channel, o.externalRef, o.state, o.orderedOn, o.requestedOn, o.notes, status, totalOf(0, fresh),
        o.paymentTerms.id, o.paymentTerms.json, o.stamp, o.stamp, o.state === 'confirmed' ? o.stamp : null,
      )
      .lastInsertRowid,
  );
  return { id, status, lines: insertLines(ctx, id, lines) };
}

export const createOrder: Handler<'orders.create'> = (ctx, input) => {
  const orderedOn = input.orderedOn ?? localDate(ctx.now());
  const lines = parseOrderLines(ctx, { ...input, orderedOn });
  assertExternalRefFree(ctx, input.channel, input.externalRef);
  const stamp = ctx.now().toISOString();
  const state = input.confirm ? 'confirmed' : 'draft';
  const { id, status, lines: written } = insertOrder(
    ctx,
    {
      number: orderNumber(ctx, orderedOn),
      customerId: input.customerId,
      channel: input.channel,
      externalRef: input.externalRef,
      state,
      orderedOn,
      requestedOn: input.requestedOn,
      notes: input.notes,
      stamp,
      paymentTerms: orderTerms(ctx, input.customerId, input.paymentTermsId),
    },
    lines,
  );
  return headAnswer(ctx, id, status, written);
};

/**
 * What orders.create and orders.confirm answer: the order's head and its lines' ids (the
 * screen opens the order, a script fulfils it). Reloading the whole document with every line, price and
 * term to answer was most of a create; orders.get has it.
 */
function headAnswer(ctx: Ctx, id: number, status: OrderHead['status'], read?: readonly LineRow[]): OrderHead {
  const head = ctx.sqlite.prepare('SELECT version, number, state, total_cents AS totalCents FROM customer_orders WHERE id = ?').get(id) as Omit<OrderHead, 'id' | 'status' | 'lines'>;
  // the lines as the caller read them in this transaction (by position), else read here
  const lines = read
    ? read.map((l) => ({ id: l.id, position: l.position, itemId: l.itemId, qtyMilli: l.qtyMilli }))
    : (ctx.sqlite
        .prepare('SELECT id, position, item_id AS itemId, qty_milli AS qtyMilli FROM order_lines WHERE order_id = ? ORDER BY position')
        .all(id) as OrderHead['lines']);
  return { id, ...head, status, lines };
}

/** Nothing has happened to the order yet that a changed line would contradict. */
function untouched(ctx: Ctx, orderId: number): boolean {
  const busy = ctx.sqlite
    .prepare(
      sql`SELECT EXISTS (SELECT 1 FROM reservations WHERE doc_type = '${trusted(CUSTOMER_ORDER)}' AND doc_id = ? AND qty_milli > 0)
           OR EXISTS (SELECT 1 FROM production_links k JOIN order_lines l ON l.id = k.order_line_id WHERE l.order_id = ?)
           OR EXISTS (SELECT 1 FROM order_lines WHERE order_id = ? AND shipped_milli > 0) AS busy`.text,
    )
    .get(orderId, orderId, orderId) as { busy: number };
  return busy.busy === 0;
}

export const updateOrder: Handler<'orders.update'> = (ctx, input) => {
  const before = loadOrder(ctx, input.id);
  if (before.state === 'cancelled' || !untouched(ctx, input.id)) {
    throw new DomainError('CONFLICT', `Order ${before.number} is ${before.status}: it can no longer be changed`, { id: before.id, status: before.status });
  }
  const orderedOn = input.orderedOn ?? before.orderedOn;
  // a draft is re-priced (a quantity crossing a break changes its price); a confirmed order keeps its prices
  const frozen: FrozenPrices | undefined =
    before.state === 'confirmed' ? new Map(before.lines.map((l) => [l.item.id, { unitPrice: l.unitPrice, priceSource: l.priceSource, discounts: l.discounts.join('+') }])) : undefined;
  const lines = parseOrderLines(ctx, { ...input, orderedOn }, frozen);
  assertExternalRefFree(ctx, input.channel, input.externalRef, input.id);
  // a draft takes the customer's current terms unless asked; a confirmed order keeps its own
  const terms =
    input.paymentTermsId === null && before.state === 'confirmed' && before.customer.id === input.customerId
      ? { id: before.paymentTerms?.id ?? null, json: before.paymentTerms ? JSON.stringify(before.paymentTerms) : null }
      : orderTerms(ctx, input.customerId, input.paymentTermsId);
  ctx.sqlite
    .prepare('UPDATE customer_orders SET customer_id = ?, channel = ?, external_ref = ?, ordered_on = ?, requested_on = ?, notes = ?, payment_terms_id = ?, payment_terms = ? WHERE id = ?')
    .run(input.customerId, input.channel, input.externalRef, orderedOn, input.requestedOn, input.notes, terms.id, terms.json, input.id);
  ctx.sqlite.prepare('DELETE FROM order_lines WHERE order_id = ?').run(input.id);
  insertLines(ctx, input.id, lines);
  refreshOrders(ctx, [input.id]);
  return loadOrder(ctx, input.id);
};

export const confirmOrder: Handler<'orders.confirm'> = (ctx, input) => {
  // what confirming needs of the order: its state and its lines' items (not the whole document)
  const o = ctx.sqlite.prepare('SELECT id, number, state FROM customer_orders WHERE id = ?').get(input.id) as { id: number; number: string; state: string } | undefined;
  if (!o) throw notFound('order', input.id);
  if (o.state !== 'draft') throw new DomainError('CONFLICT', `Order ${o.number} is ${o.state}, not a draft`, { id: o.id, state: o.state });
  // items may have been archived since the draft was written (`= +?`: db/sql.ts says why)
  const archived = ctx.sqlite
    .prepare('SELECT l.position, i.sku FROM order_lines l JOIN items i ON i.id = l.item_id WHERE l.order_id = +? AND i.archived = 1 ORDER BY l.position')
    .all(o.id) as { position: number; sku: string }[];
  if (archived.length > 0) {
    throw new DomainError('VALIDATION', `Archived items on the order: ${archived.map((l) => l.sku).join(', ')}`, {
      issues: archived.map((l) => ({ path: ['lines', l.position - 1, 'itemId'], key: 'item_archived', message: `${l.sku} is archived`, params: { sku: l.sku, line: l.position } })),
    });
  }
  // the new state with the status and total refreshOrders would store for it, in one write; the answer's lines are the ones read for them
  const facts = loadLineFacts(ctx, [o.id]);
  const status = statusOf({ id: o.id, state: 'confirmed' }, facts);
  const stamp = ctx.now().toISOString();
  ctx.sqlite
    .prepare("UPDATE customer_orders SET state = 'confirmed', confirmed_at = ?, status = ?, total_cents = ?, updated_at = ? WHERE id = ?")
    .run(stamp, status, totalOf(o.id, facts), stamp, o.id);
  return headAnswer(ctx, o.id, status, facts.lines);
};

/**
 * Cancelling gives back what the order held and unlinks its production orders, which
 * stay as make-to-stock. What has left the building cannot be cancelled (a return can).
 */
export const cancelOrder: Handler<'orders.cancel'> = (ctx, input) => {
  const o = loadOrder(ctx, input.id);
  if (o.state === 'cancelled') throw new DomainError('CONFLICT', `Order ${o.number} is already cancelled`, { id: o.id });
  if (o.lines.some((l) => l.shippedMilli > 0)) {
    throw new DomainError('CONFLICT', `Order ${o.number} has shipped goods: record a return instead`, { id: o.id });
  }
  for (const r of reservationsForDoc(ctx, CUSTOMER_ORDER, o.id)) reduceReservation(ctx, r.id, r.qtyMilli);
  productionForOrders().unlinkOrder(ctx, o.id);
  ctx.sqlite
    .prepare("UPDATE customer_orders SET state = 'cancelled', cancelled_at = ?, notes = CASE WHEN ? = '' THEN notes ELSE notes || char(10) || ? END WHERE id = ?")
    .run(ctx.now().toISOString(), input.reason, `Cancelled: ${input.reason}`, o.id);
  refreshOrders(ctx, [o.id]);
  return loadOrder(ctx, o.id);
};

export function assertOrderExists(ctx: Ctx, id: number): void {
  if (!ctx.sqlite.prepare('SELECT 1 FROM customer_orders WHERE id = ?').get(id)) throw notFound('order', id);
}
