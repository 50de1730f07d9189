/**
 * Payments against instalments (the scadenzario's writer of invoice_payments and of the
 * instalments' paid amounts): partial payments add up; a payment above what is still due on
 * the instalment is refused; paid_cents and the state move in the same transaction.
 */
import { parseMoneyCents } from '../../../src-shared/domain/money';
import type { Ctx } from '../../api/context';
import { DomainError, fieldError, notFound } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import { loadInstalment } from './rows';

function settle(ctx: Ctx, instalmentId: number): void {
  ctx.sqlite
    .prepare(
      `UPDATE invoice_instalments SET paid_cents = (SELECT COALESCE(SUM(amount_cents), 0) FROM invoice_payments WHERE instalment_id = invoice_instalments.id),
              state = CASE WHEN (SELECT COALESCE(SUM(amount_cents), 0) FROM invoice_payments WHERE instalment_id = invoice_instalments.id) >= amount_cents THEN 'paid' ELSE 'open' END
        WHERE id = ?`,
    )
    .run(instalmentId);
}

export const registerPayment: Handler<'invoicing.registerPayment'> = (ctx, input) => {
  const inst = loadInstalment(ctx, input.instalmentId);
  let amount: number;
  try {
    amount = parseMoneyCents(input.amount);
  } catch {
    throw fieldError(`The amount "${input.amount}" is not a number`, [{ path: ['amount'], message: `"${input.amount}" is not an amount`, key: 'not_a_number' }]);
  }
  if (amount <= 0) throw fieldError('A payment must be above 0', [{ path: ['amount'], message: 'A payment must be above 0', key: 'not_positive' }]);
  const due = inst.amountCents - inst.paidCents;
  if (amount > due) {
    throw new DomainError('VALIDATION', `The payment (${amount} cents) is above what is due on the instalment (${due} cents)`, {
      issues: [{ path: ['amount'], message: `Above what is due (${due} cents)`, key: 'above_due', params: { dueCents: due } }],
      dueCents: due,
    });
  }
  ctx.sqlite
    .prepare('INSERT INTO invoice_payments (instalment_id, invoice_id, date, amount_cents, method, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(inst.id, inst.invoiceId, input.date, amount, input.method, input.notes, ctx.now().toISOString());
  settle(ctx, inst.id);
  return loadInstalment(ctx, inst.id);
};

export const deletePayment: Handler<'invoicing.deletePayment'> = (ctx, input) => {
  const p = ctx.sqlite.prepare('SELECT instalment_id AS instalmentId FROM invoice_payments WHERE id = ?').get(input.id) as { instalmentId: number } | undefined;
  if (!p) throw notFound('payment', input.id);
  ctx.sqlite.prepare('DELETE FROM invoice_payments WHERE id = ?').run(input.id);
  settle(ctx, p.instalmentId);
  return loadInstalment(ctx, p.instalmentId);
};
