import type { PaymentTerms } from '../../../src-shared/contract/prices';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import type { Handler } from '../../api/handlers';

/** Payment-terms templates: the one writer of payment_terms. */

type Row = Omit<PaymentTerms, 'days' | 'endOfMonth' | 'cashOnDelivery' | 'archived'> & { days: string; endOfMonth: number; cashOnDelivery: number; archived: number };
const COLUMNS = 'id, name, method, days, end_of_month AS endOfMonth, cash_on_delivery AS cashOnDelivery, archived';

function toTerms(r: Row): PaymentTerms {
  return { ...r, days: r.days.split(',').map(Number), endOfMonth: r.endOfMonth === 1, cashOnDelivery: r.cashOnDelivery === 1, archived: r.archived === 1 };
}

export function loadPaymentTerms(ctx: ReadCtx, id: number): PaymentTerms {
  const r = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM payment_terms WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound('payment terms', id);
  return toTerms(r);
}

/** Instalment days in order (30, 60), so "30/60" and "60/30" are the same template. */
const daysText = (days: number[]) => [...days].sort((a, b) => a - b).join(',');

export const createPaymentTerms: Handler<'prices.createPaymentTerms'> = (ctx, input) => {
  const stamp = ctx.now().toISOString();
  const id = Number(
    ctx.sqlite
      .prepare('INSERT INTO payment_terms (name, method, days, end_of_month, cash_on_delivery, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.name, input.method, daysText(input.days), input.endOfMonth ? 1 : 0, input.cashOnDelivery ? 1 : 0, stamp, stamp).lastInsertRowid,
  );
  return loadPaymentTerms(ctx, id);
};

export const updatePaymentTerms: Handler<'prices.updatePaymentTerms'> = (ctx, input) => {
  loadPaymentTerms(ctx, input.id);
  ctx.sqlite
    .prepare('UPDATE payment_terms SET name = ?, method = ?, days = ?, end_of_month = ?, cash_on_delivery = ?, updated_at = ? WHERE id = ?')
    .run(input.name, input.method, daysText(input.days), input.endOfMonth ? 1 : 0, input.cashOnDelivery ? 1 : 0, ctx.now().toISOString(), input.id);
  return loadPaymentTerms(ctx, input.id);
};

export const archivePaymentTerms: Handler<'prices.archivePaymentTerms'> = (ctx, input) => {
  loadPaymentTerms(ctx, input.id);
  ctx.sqlite.prepare('UPDATE payment_terms SET archived = ?, updated_at = ? WHERE id = ?').run(input.archived ? 1 : 0, ctx.now().toISOString(), input.id);
  return loadPaymentTerms(ctx, input.id);
};

export const listPaymentTerms: Handler<'prices.listPaymentTerms'> = (ctx, input) => ({
  terms: (ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM payment_terms WHERE (? = 1 OR archived = 0) ORDER BY name COLLATE NOCASE`).all(input.includeArchived ? 1 : 0) as Row[]).map(toTerms),
});
