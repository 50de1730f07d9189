import type { z } from 'zod';
import type { orderInput } from '../../../src-shared/contract/orders';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { lineWithinBounds } from '../../../src-shared/domain/money';
import type { PriceSource } from '../../../src-shared/contract/prices';
import {
  e8ToCents,
  effectiveBp,
  isChainProblem,
  lineAmountCents,
  netOfVatE8,
  parseDiscountChain,
  parseUnitPriceE8,
  type DiscountBp,
} from '../../../src-shared/domain/pricing';
import { customerPricing, decide, freeShippingOverCents, SHIPPING_SKU } from '../prices/decide';
import { parseChainField } from '../prices/priceRules';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';

type OrderInput = Omit<z.output<typeof orderInput>, 'confirm'>;

/** A checked line, priced: the exact net unit price, where it came from, the discount chain. */
export interface PricedLine {
  itemId: number;
  qtyMilli: number;
  unitPriceE8: bigint;
  unitPriceCents: number;
  priceSource: PriceSource;
  discounts: DiscountBp[];
  discountBp: number;
  vatBp: number;
  netCents: number;
  note: string;
  /** a service item (shipping, a surcharge): never stocked, made nor shipped, so no part of the order's status */
  service: boolean;
}

/** What a confirmed order had: its lines' prices stay when a line comes back without a typed price. */
export type FrozenPrices = Map<number, { unitPrice: string; priceSource: PriceSource; discounts: string }>;

/**
 * Checks an order as typed: every line names a live item, a positive quantity, sane prices,
 * and prices each line. A line without a typed price gets THE price decision (prices.quote's:
 * customer list > group list > the item's sale price; a VAT-included list's price is turned
 * into a net price with up to 8 decimals); a line without a typed discount gets the
 * customer's (or group's) chain. A typed price is kept and marked manual. `frozen` (a
 * confirmed order being edited) keeps the prices the order already had.
 */
export function parseOrderLines(ctx: Ctx, input: OrderInput & { orderedOn: string }, frozen?: FrozenPrices): PricedLine[] {
  const p = new FieldProblems();
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) {
    p.add(['customerId'], 'not_found', `No customer with id ${input.customerId}`, { id: input.customerId });
    p.throwIfAny('The order has invalid fields');
  }
  const who = customerPricing(ctx, input.customerId);
  const itemStmt = ctx.sqlite.prepare('SELECT id, sku, unit, archived, kind FROM items WHERE id = ?');
  const shippingAt: number[] = [];
  const lines = input.lines.map((l, i) => {
    const at = (field: string) => ['lines', i, field];
    const item = itemStmt.get(l.itemId) as { id: number; sku: string; unit: 'kg'; archived: number; kind: string } | undefined;
    if (!item) {
      p.add(at('itemId'), 'not_found', `Line ${i + 1}: no item with id ${l.itemId}`, { line: i + 1, id: l.itemId });
      return null;
    }
    if (item.archived) p.add(at('itemId'), 'item_archived', `Line ${i + 1}: ${item.sku} is archived`, { line: i + 1, sku: item.sku });
    const qty = p.parse(at('quantity'), 'quantity', () => parseQuantity(l.quantity, item.unit), { line: i + 1, unit: item.unit });
    if (qty !== null && qty <= 0) p.add(at('quantity'), 'positive', `Line ${i + 1}: the quantity must be more than zero`, { line: i + 1 });
    const vat = l.vatPct === null ? 2200 : p.parse(at('vatPct'), 'number', () => parseDecimal(l.vatPct!, 2), { line: i + 1 });
    if (vat !== null && (vat < 0 || vat > 10_000)) p.add(at('vatPct'), 'percent_range', `Line ${i + 1}: VAT from 0 to 100 %`, { line: i + 1 });
    let chain: DiscountBp[] | null = who.discounts;
    if (l.discountPct !== null) {
      chain = parseChainField(p, at('discountPct'), l.discountPct);
    }
    if (qty === null || qty <= 0 || vat === null) return null;
    let price: bigint | null;
    let source: PriceSource = 'manual';
    const kept = l.unitPrice === null ? frozen?.get(item.id) : undefined;
    if (kept) {
      price = parseUnitPriceE8(kept.unitPrice);
      source = kept.priceSource;
      if (l.discountPct === null) chain = chainOrEmpty(kept.discounts);
    } else if (l.unitPrice === null) {
      if (item.sku === SHIPPING_SKU && item.kind === 'service') shippingAt.push(i);
      const q = decide(ctx, who, item.id, qty, input.orderedOn);
      const gross = parseUnitPriceE8(q.unitPrice);
      price = q.vatIncluded ? netOfVatE8(gross, vat) : gross;
      source = q.source;
    } else {
      price = p.parse(at('unitPrice'), 'money', () => parseUnitPriceE8(l.unitPrice!), { line: i + 1 });
      if (price !== null && price < 0n) {
        p.add(at('unitPrice'), 'negative', `Line ${i + 1}: the price cannot be negative`, { line: i + 1 });
        price = null;
      }
    }
    if (price === null || chain === null) return null;
    if (!lineWithinBounds(qty, Number(price / 100n))) {
      p.add(at('unitPrice'), 'money.line_too_large', `Line ${i + 1}: quantity × price is over a billion euros`, { line: i + 1 });
      return null;
    }
    return {
      itemId: item.id,
      qtyMilli: qty,
      unitPriceE8: price,
      unitPriceCents: e8ToCents(price),
      priceSource: source,
      discounts: chain,
      discountBp: effectiveBp(chain),
      vatBp: vat,
      netCents: lineAmountCents(qty, price, chain),
      note: l.note,
      service: item.kind === 'service',
    };
  });
  if (input.requestedOn && input.orderedOn && input.requestedOn < input.orderedOn) {
    p.add(['requestedOn'], 'requested_before_order', 'The requested date is before the order date');
  }
  p.throwIfAny('The order has invalid fields');
  const priced = lines as PricedLine[];
  // the list's free-shipping threshold: a shipping line the decision priced becomes free
  // when the goods (net, the service lines aside) reach it
  if (shippingAt.length > 0) {
    const over = freeShippingOverCents(ctx, who, input.orderedOn);
    const goods = priced.reduce((s, l, i) => (shippingAt.includes(i) ? s : s + l.netCents), 0);
    if (over !== null && goods >= over) {
      for (const i of shippingAt) priced[i] = { ...priced[i]!, unitPriceE8: 0n, unitPriceCents: 0, netCents: 0 };
    }
  }
  return priced;
}

function chainOrEmpty(text: string): DiscountBp[] {
  const c = parseDiscountChain(text);
  return isChainProblem(c) ? [] : c;
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
