import type { CustomerGroup } from '../../../src-shared/contract/prices';
import { chainParts, formatChain, isChainProblem, parseDiscountChain } from '../../../src-shared/domain/pricing';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import { FieldProblems } from '../fieldParsing';
import { loadPaymentTerms } from './paymentTerms';
import { assertNoOverlap, listValidities, parseChainField } from './priceRules';

/** Customer groups ("Erboristerie", "Distributori"): the one writer of customer_groups and group_price_lists. */

export function loadGroup(ctx: ReadCtx, id: number): CustomerGroup {
  const g = ctx.sqlite
    .prepare(
      `SELECT g.id, g.name, g.discounts, g.notes, t.id AS termsId, t.name AS termsName,
              (SELECT COUNT(*) FROM customer_terms c WHERE c.group_id = g.id) AS customerCount
       FROM customer_groups g LEFT JOIN payment_terms t ON t.id = g.payment_terms_id WHERE g.id = ?`,
    )
    .get(id) as { id: number; name: string; discounts: string; notes: string; termsId: number | null; termsName: string | null; customerCount: number } | undefined;
  if (!g) throw notFound('customer group', id);
  const lists = ctx.sqlite.prepare('SELECT l.id, l.name FROM group_price_lists x JOIN price_lists l ON l.id = x.list_id WHERE x.group_id = ? ORDER BY l.id').all(id) as { id: number; name: string }[];
  const chain = parseDiscountChain(g.discounts);
  return {
    id: g.id,
    name: g.name,
    priceLists: lists,
    paymentTerms: g.termsId === null ? null : { id: g.termsId, name: g.termsName! },
    discounts: isChainProblem(chain) ? [] : chainParts(chain),
    notes: g.notes,
    customerCount: g.customerCount,
  };
}

/** Checks the lists exist and do not overlap, the terms exist, the chain parses. */
export function checkAssignments(ctx: ReadCtx, input: { priceListIds: number[]; paymentTermsId: number | null; discounts: string | null }, whose: string): string | null {
  const p = new FieldProblems();
  const chain = input.discounts === null ? null : parseChainField(p, ['discounts'], input.discounts);
  const lists = listValidities(ctx, input.priceListIds);
  for (const [i, id] of input.priceListIds.entries()) {
    if (!lists.some((l) => l.id === id)) p.add(['priceListIds', i], 'not_found', `No price list with id ${id}`, { id });
  }
  if (input.paymentTermsId !== null && !ctx.sqlite.prepare('SELECT 1 FROM payment_terms WHERE id = ?').get(input.paymentTermsId)) {
    p.add(['paymentTermsId'], 'not_found', `No payment terms with id ${input.paymentTermsId}`, { id: input.paymentTermsId });
  }
  p.throwIfAny(`${whose}: invalid fields`);
  assertNoOverlap(lists, 'priceListIds', whose);
  return chain === null ? null : formatChain(chain);
}

function writeLists(ctx: Ctx, groupId: number, listIds: number[]): void {
  ctx.sqlite.prepare('DELETE FROM group_price_lists WHERE group_id = ?').run(groupId);
  const ins = ctx.sqlite.prepare('INSERT INTO group_price_lists (group_id, list_id) VALUES (?, ?)');
  for (const id of new Set(listIds)) ins.run(groupId, id);
}

function assertNameFree(ctx: ReadCtx, name: string, exceptId: number | null): void {
  if (ctx.sqlite.prepare('SELECT 1 FROM customer_groups WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(name, exceptId)) {
    throw new DomainError('CONFLICT', `A group named "${name}" already exists`, { issues: [{ path: ['name'], key: 'name_taken', message: 'Name already used', params: { name } }] });
  }
}

export const createGroup: Handler<'prices.createGroup'> = (ctx, input) => {
  const discounts = checkAssignments(ctx, input, `Group ${input.name}`) ?? '';
  assertNameFree(ctx, input.name, null);
  const stamp = ctx.now().toISOString();
  const id = Number(
    ctx.sqlite
      .prepare('INSERT INTO customer_groups (name, payment_terms_id, discounts, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.name, input.paymentTermsId, discounts, input.notes, stamp, stamp).lastInsertRowid,
  );
  writeLists(ctx, id, input.priceListIds);
  return loadGroup(ctx, id);
};

export const updateGroup: Handler<'prices.updateGroup'> = (ctx, input) => {
  loadGroup(ctx, input.id);
  const discounts = checkAssignments(ctx, input, `Group ${input.name}`) ?? '';
  assertNameFree(ctx, input.name, input.id);
  ctx.sqlite
    .prepare('UPDATE customer_groups SET name = ?, payment_terms_id = ?, discounts = ?, notes = ?, updated_at = ? WHERE id = ?')
    .run(input.name, input.paymentTermsId, discounts, input.notes, ctx.now().toISOString(), input.id);
  writeLists(ctx, input.id, input.priceListIds);
  return loadGroup(ctx, input.id);
};

export const deleteGroup: Handler<'prices.deleteGroup'> = (ctx, input) => {
  loadGroup(ctx, input.id);
  // its customers leave the group and keep their own lists, terms and discount
  ctx.sqlite.prepare('UPDATE customer_terms SET group_id = NULL, updated_at = ? WHERE group_id = ?').run(ctx.now().toISOString(), input.id);
  ctx.sqlite.prepare('DELETE FROM group_price_lists WHERE group_id = ?').run(input.id);
  ctx.sqlite.prepare('DELETE FROM customer_groups WHERE id = ?').run(input.id);
  return { id: input.id };
};

export const listGroups: Handler<'prices.listGroups'> = (ctx) => ({
  groups: (ctx.sqlite.prepare('SELECT id FROM customer_groups ORDER BY name COLLATE NOCASE').all() as { id: number }[]).map((g) => loadGroup(ctx, g.id)),
});

export { loadPaymentTerms };
