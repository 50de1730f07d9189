import type { Quote } from '../../../src-shared/contract/prices';
import { centsToE8, chainParts, effectivePct, formatUnitPrice, isChainProblem, lineAmountCents, parseDiscountChain, pickStep, type DiscountBp, type PriceStep } from '../../../src-shared/domain/pricing';
import type { ReadCtx } from '../../api/context';

/**
 * THE price decision: for a customer, an item, a quantity and a date, the unit price,
 * the discount chain and where they come from. Order lines, channel imports, the CLI and
 * the editor's quotes all come here. Rule: a list of the customer's own valid that day
 * and pricing the item, else one of its group's, else the item's sale price (the base);
 * the discount is the customer's chain, else the group's.
 */

export interface CustomerPricing {
  customerId: number;
  groupId: number | null;
  discounts: DiscountBp[];
}

interface ListRef {
  id: number;
  name: string;
  vatIncluded: number;
}

/** The customer's group and effective discount chain (one read per order, not per line). */
export function customerPricing(ctx: ReadCtx, customerId: number): CustomerPricing {
  const row = ctx.sqlite
    .prepare(
      `SELECT t.group_id AS groupId, t.discounts AS own, g.discounts AS groupDiscounts
       FROM customer_terms t LEFT JOIN customer_groups g ON g.id = t.group_id WHERE t.customer_id = ?`,
    )
    .get(customerId) as { groupId: number | null; own: string | null; groupDiscounts: string | null } | undefined;
  const text = row?.own ?? row?.groupDiscounts ?? '';
  const chain = parseDiscountChain(text);
  return { customerId, groupId: row?.groupId ?? null, discounts: isChainProblem(chain) ? [] : chain };
}

const LIST_VALID = `l.archived = 0 AND (l.valid_from IS NULL OR l.valid_from <= ?) AND (l.valid_to IS NULL OR l.valid_to >= ?)
  AND EXISTS (SELECT 1 FROM price_list_prices p WHERE p.list_id = l.id AND p.item_id = ?)`;

function customerList(ctx: ReadCtx, customerId: number, itemId: number, date: string): ListRef | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT l.id, l.name, l.vat_included AS vatIncluded FROM customer_price_lists c JOIN price_lists l ON l.id = c.list_id
       WHERE c.customer_id = ? AND ${LIST_VALID} ORDER BY l.id LIMIT 1`,
    )
    .get(customerId, date, date, itemId) as ListRef | undefined;
}

function groupList(ctx: ReadCtx, groupId: number, itemId: number, date: string): ListRef | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT l.id, l.name, l.vat_included AS vatIncluded FROM group_price_lists g JOIN price_lists l ON l.id = g.list_id
       WHERE g.group_id = ? AND ${LIST_VALID} ORDER BY l.id LIMIT 1`,
    )
    .get(groupId, date, date, itemId) as ListRef | undefined;
}

export function listSteps(ctx: ReadCtx, listId: number, itemId: number): PriceStep[] {
  return ctx.sqlite
    .prepare('SELECT from_milli AS fromMilli, price_cents AS priceCents FROM price_list_prices WHERE list_id = ? AND item_id = ? ORDER BY from_milli')
    .all(listId, itemId) as PriceStep[];
}

/** The decision for one line, given the customer's pricing read once. */
export function decide(ctx: ReadCtx, who: CustomerPricing, itemId: number, qtyMilli: number, date: string): Quote {
  const own = customerList(ctx, who.customerId, itemId, date);
  const list = own ?? (who.groupId === null ? undefined : groupList(ctx, who.groupId, itemId, date));
  let priceCents: number;
  let breakFromMilli: number | null = null;
  let next: PriceStep | null = null;
  if (list) {
    const picked = pickStep(listSteps(ctx, list.id, itemId), qtyMilli);
    // the first step is from 0, so a positive quantity always finds one
    priceCents = picked.step?.priceCents ?? 0;
    breakFromMilli = picked.step && picked.step.fromMilli > 0 ? picked.step.fromMilli : null;
    next = picked.next;
  } else {
    const item = ctx.sqlite.prepare('SELECT sale_price_cents AS price FROM items WHERE id = ?').get(itemId) as { price: number | null } | undefined;
    priceCents = item?.price ?? 0;
  }
  const e8 = centsToE8(priceCents);
  return {
    itemId,
    unitPrice: formatUnitPrice(e8),
    discounts: chainParts(who.discounts),
    discountPct: effectivePct(who.discounts),
    source: list ? (own ? 'customer_list' : 'group_list') : 'base',
    listName: list?.name ?? null,
    listId: list?.id ?? null,
    vatIncluded: list ? list.vatIncluded === 1 : false,
    breakFromMilli,
    nextBreak: next,
    lineCents: lineAmountCents(qtyMilli, e8, who.discounts),
  };
}
