import type { Quote } from '../../../src-shared/contract/prices';
import { centsToE8, chainParts, effectivePct, formatUnitPrice, isChainProblem, lineAmountCents, parseDiscountChain, pickStep, type DiscountBp, type PriceStep } from '../../../src-shared/domain/pricing';
import { sql } from '../../db/sql';
import type { ReadCtx } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';

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

const LIST_VALID = sql`l.archived = 0 AND (l.valid_from IS NULL OR l.valid_from <= ?) AND (l.valid_to IS NULL OR l.valid_to >= ?)
  AND EXISTS (SELECT 1 FROM price_list_prices p WHERE p.list_id = l.id AND p.item_id = ?)`;

const CUSTOMER_LIST = sql`SELECT l.id, l.name, l.vat_included AS vatIncluded FROM customer_price_lists c JOIN price_lists l ON l.id = c.list_id
  WHERE c.customer_id = ? AND ${LIST_VALID} ORDER BY l.id LIMIT 1`.text;
const GROUP_LIST = sql`SELECT l.id, l.name, l.vat_included AS vatIncluded FROM group_price_lists g JOIN price_lists l ON l.id = g.list_id
  WHERE g.group_id = ? AND ${LIST_VALID} ORDER BY l.id LIMIT 1`.text;

const STEPS = 'SELECT from_milli AS fromMilli, price_cents AS priceCents FROM price_list_prices WHERE list_id = ? AND item_id = ? ORDER BY from_milli';
const BASE = 'SELECT sale_price_cents AS price FROM items WHERE id = ?';

function customerList(ctx: ReadCtx, customerId: number, itemId: number, date: string): ListRef | undefined {
  return preparedOnce(ctx.sqlite, CUSTOMER_LIST).get(customerId, date, date, itemId) as ListRef | undefined;
}

function groupList(ctx: ReadCtx, groupId: number, itemId: number, date: string): ListRef | undefined {
  return preparedOnce(ctx.sqlite, GROUP_LIST).get(groupId, date, date, itemId) as ListRef | undefined;
}

export function listSteps(ctx: ReadCtx, listId: number, itemId: number): PriceStep[] {
  return preparedOnce(ctx.sqlite, STEPS).all(listId, itemId) as PriceStep[];
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
    const item = preparedOnce(ctx.sqlite, BASE).get(itemId) as { price: number | null } | undefined;
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

/** The SKU of the shipping service item a free-shipping threshold zeroes (shop imports use it too). */
export const SHIPPING_SKU = 'SPEDIZIONE';

const THRESHOLD = sql`SELECT l.free_shipping_over_cents AS t FROM price_lists l
  WHERE l.free_shipping_over_cents IS NOT NULL AND l.archived = 0 AND (l.valid_from IS NULL OR l.valid_from <= ?) AND (l.valid_to IS NULL OR l.valid_to >= ?)
    AND l.id IN (SELECT list_id FROM customer_price_lists WHERE customer_id = ? UNION ALL SELECT list_id FROM group_price_lists WHERE group_id = ?)
  ORDER BY (SELECT 1 FROM customer_price_lists WHERE customer_id = ? AND list_id = l.id) DESC, l.id LIMIT 1`.text;

/** The free-shipping threshold of the customer's list that day (its own first, else its group's), in net cents; null: none. */
export function freeShippingOverCents(ctx: ReadCtx, who: CustomerPricing, date: string): number | null {
  const r = ctx.sqlite.prepare(THRESHOLD).get(date, date, who.customerId, who.groupId, who.customerId) as { t: number } | undefined;
  return r?.t ?? null;
}
