import type { CustomerTerms } from '../../../src-shared/contract/prices';
import { chainParts, effectivePct, isChainProblem, parseDiscountChain } from '../../../src-shared/domain/pricing';
import { localDate } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import { fieldError, notFound } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import { checkAssignments } from './groups';
import { loadPaymentTerms } from './paymentTerms';

/** A customer's group and overrides: the one writer of customer_terms and customer_price_lists. */

interface TermsRow {
  groupId: number | null;
  groupName: string | null;
  ownTerms: number | null;
  groupTerms: number | null;
  own: string | null;
  groupDiscounts: string | null;
}

const chainOf = (text: string | null) => {
  const c = parseDiscountChain(text ?? '');
  return isChainProblem(c) ? [] : c;
};

/** The terms template that applies to a customer (own, else the group's), or null. */
export function effectivePaymentTermsId(ctx: ReadCtx, customerId: number): number | null {
  const r = ctx.sqlite
    .prepare('SELECT COALESCE(t.payment_terms_id, g.payment_terms_id) AS id FROM customer_terms t LEFT JOIN customer_groups g ON g.id = t.group_id WHERE t.customer_id = ?')
    .get(customerId) as { id: number | null } | undefined;
  return r?.id ?? null;
}

export function loadCustomerTerms(ctx: ReadCtx, customerId: number): CustomerTerms {
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) throw notFound('customer', customerId);
  const r = ctx.sqlite
    .prepare(
      `SELECT t.group_id AS groupId, g.name AS groupName, t.payment_terms_id AS ownTerms, g.payment_terms_id AS groupTerms, t.discounts AS own, g.discounts AS groupDiscounts
       FROM customer_terms t LEFT JOIN customer_groups g ON g.id = t.group_id WHERE t.customer_id = ?`,
    )
    .get(customerId) as TermsRow | undefined;
  const lists = ctx.sqlite
    .prepare(`SELECT l.id, l.name, l.valid_from AS validFrom, l.valid_to AS validTo FROM customer_price_lists x JOIN price_lists l ON l.id = x.list_id WHERE x.customer_id = ? ORDER BY l.id`)
    .all(customerId) as CustomerTerms['priceLists'];
  const today = localDate(ctx.now());
  const validToday = `l.archived = 0 AND (l.valid_from IS NULL OR l.valid_from <= ?) AND (l.valid_to IS NULL OR l.valid_to >= ?)`;
  const ownList = ctx.sqlite
    .prepare(`SELECT l.id, l.name FROM customer_price_lists x JOIN price_lists l ON l.id = x.list_id WHERE x.customer_id = ? AND ${validToday} ORDER BY l.id LIMIT 1`)
    .get(customerId, today, today) as { id: number; name: string } | undefined;
  const groupList =
    r?.groupId == null
      ? undefined
      : (ctx.sqlite
          .prepare(`SELECT l.id, l.name FROM group_price_lists x JOIN price_lists l ON l.id = x.list_id WHERE x.group_id = ? AND ${validToday} ORDER BY l.id LIMIT 1`)
          .get(r.groupId, today, today) as { id: number; name: string } | undefined);
  const termsId = r?.ownTerms ?? r?.groupTerms ?? null;
  const terms = termsId === null ? null : loadPaymentTerms(ctx, termsId);
  const chain = r?.own != null ? chainOf(r.own) : chainOf(r?.groupDiscounts ?? null);
  return {
    customerId,
    group: r?.groupId == null ? null : { id: r.groupId, name: r.groupName! },
    priceLists: lists,
    paymentTermsId: r?.ownTerms ?? null,
    discounts: r?.own == null ? null : chainParts(chainOf(r.own)),
    effective: {
      priceList: ownList ? { ...ownList, source: 'customer_list' } : groupList ? { ...groupList, source: 'group_list' } : null,
      paymentTerms: terms && { id: terms.id, name: terms.name, method: terms.method, cashOnDelivery: terms.cashOnDelivery, source: r?.ownTerms != null ? 'customer' : 'group' },
      discounts: chainParts(chain),
      discountPct: effectivePct(chain),
      discountSource: r?.own != null ? 'customer' : r?.groupDiscounts ? 'group' : 'none',
    },
  };
}

export const getCustomerTerms: Handler<'prices.getCustomerTerms'> = (ctx, input) => loadCustomerTerms(ctx, input.customerId);

export const setCustomerTerms: Handler<'prices.setCustomerTerms'> = (ctx, input) => {
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) throw notFound('customer', input.customerId);
  if (input.groupId !== null && !ctx.sqlite.prepare('SELECT 1 FROM customer_groups WHERE id = ?').get(input.groupId)) {
    throw fieldError('No such group', [{ path: ['groupId'], key: 'not_found', message: `No customer group with id ${input.groupId}`, params: { id: input.groupId } }]);
  }
  const discounts = checkAssignments(ctx, input, 'Customer');
  ctx.sqlite
    .prepare(
      `INSERT INTO customer_terms (customer_id, group_id, payment_terms_id, discounts, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET group_id = excluded.group_id, payment_terms_id = excluded.payment_terms_id, discounts = excluded.discounts, updated_at = excluded.updated_at`,
    )
    .run(input.customerId, input.groupId, input.paymentTermsId, discounts, ctx.now().toISOString());
  ctx.sqlite.prepare('DELETE FROM customer_price_lists WHERE customer_id = ?').run(input.customerId);
  const ins = ctx.sqlite.prepare('INSERT INTO customer_price_lists (customer_id, list_id) VALUES (?, ?)');
  for (const id of new Set(input.priceListIds)) ins.run(input.customerId, id);
  return loadCustomerTerms(ctx, input.customerId);
};
