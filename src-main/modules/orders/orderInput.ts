import type { z } from 'zod';
import type { orderInput } from '../../../src-shared/contract/orders';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { MICROS_PER_CENT, lineWithinBounds, parseMoneyCents } from '../../../src-shared/domain/money';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';

type OrderInput = Omit<z.output<typeof orderInput>, 'confirm'>;

/** Checks an order as typed: every line names a live item, a positive quantity, sane prices. */
export function parseOrderLines(ctx: Ctx, input: OrderInput) {
  const p = new FieldProblems();
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) {
    p.add(['customerId'], 'not_found', `No customer with id ${input.customerId}`, { id: input.customerId });
  }
  const itemStmt = ctx.sqlite.prepare('SELECT id, sku, unit, archived, sale_price_cents AS price FROM items WHERE id = ?');
  const lines = input.lines.map((l, i) => {
    const item = itemStmt.get(l.itemId) as { id: number; sku: string; unit: 'kg'; archived: number; price: number | null } | undefined;
    if (!item) {
      p.add(['lines', i, 'itemId'], 'not_found', `Line ${i + 1}: no item with id ${l.itemId}`, { line: i + 1, id: l.itemId });
      return null;
    }
    if (item.archived) p.add(['lines', i, 'itemId'], 'item_archived', `Line ${i + 1}: ${item.sku} is archived`, { line: i + 1, sku: item.sku });
    const qty = p.parse(['lines', i, 'quantity'], 'quantity', () => parseQuantity(l.quantity, item.unit), { line: i + 1, unit: item.unit });
    if (qty !== null && qty <= 0) p.add(['lines', i, 'quantity'], 'positive', `Line ${i + 1}: the quantity must be more than zero`, { line: i + 1 });
    const price = l.unitPrice === null ? (item.price ?? 0) : p.parse(['lines', i, 'unitPrice'], 'money', () => parseMoneyCents(l.unitPrice!), { line: i + 1 });
    if (price !== null && price < 0) p.add(['lines', i, 'unitPrice'], 'negative', `Line ${i + 1}: the price cannot be negative`, { line: i + 1 });
    if (qty !== null && price !== null && !lineWithinBounds(qty, price * MICROS_PER_CENT)) {
      p.add(['lines', i, 'unitPrice'], 'money.line_too_large', `Line ${i + 1}: quantity × price is over a billion euros`, { line: i + 1 });
    }
    const discount = l.discountPct === null ? 0 : p.parse(['lines', i, 'discountPct'], 'number', () => parseDecimal(l.discountPct!, 2), { line: i + 1 });
    if (discount !== null && (discount < 0 || discount > 10_000)) p.add(['lines', i, 'discountPct'], 'percent_range', `Line ${i + 1}: discount from 0 to 100 %`, { line: i + 1 });
    const vat = l.vatPct === null ? 2200 : p.parse(['lines', i, 'vatPct'], 'number', () => parseDecimal(l.vatPct!, 2), { line: i + 1 });
    if (vat !== null && (vat < 0 || vat > 10_000)) p.add(['lines', i, 'vatPct'], 'percent_range', `Line ${i + 1}: VAT from 0 to 100 %`, { line: i + 1 });
    return { itemId: item.id, qtyMilli: qty, unitPriceCents: price, discountBp: discount, vatBp: vat, note: l.note };
  });
  if (input.requestedOn && input.orderedOn && input.requestedOn < input.orderedOn) {
    p.add(['requestedOn'], 'requested_before_order', 'The requested date is before the order date');
  }
  p.throwIfAny('The order has invalid fields');
  return lines.map((l) => ({ ...l!, qtyMilli: l!.qtyMilli!, unitPriceCents: l!.unitPriceCents!, discountBp: l!.discountBp!, vatBp: l!.vatBp! }));
}

export function assertExternalRefFree(ctx: Ctx, channel: string, ref: string | null, exceptId?: number): void {
  if (ref === null) return;
  const clash = ctx.sqlite
    .prepare('SELECT id, number FROM customer_orders WHERE channel = ? AND external_ref = ? AND id IS NOT ?')
    .get(channel, ref, exceptId ?? null) as { id: number; number: string } | undefined;
  if (clash) {
    throw new DomainError('CONFLICT', `Order ${clash.number} already has the ${channel} reference ${ref}`, {
      existingId: clash.id,
      issues: [{ path: ['externalRef'], key: 'external_ref_taken', message: `Already used by order ${clash.number}`, params: { number: clash.number, ref } }],
    });
  }
}
