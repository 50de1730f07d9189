/**
 * After issue: sent (by the export or by hand) → delivered, or rejected by the SdI (scarto)
 * with its reason; a rejected invoice is corrected (customer or company data fixed) and its
 * document taken again with the same number and date, ready to be exported with a new file
 * name. A delivered invoice is never changed: corrections go through a credit note.
 */
import type { InvoiceState } from '../../../src-shared/contract/invoicing';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import { companyProblems, customerProblems } from './fiscalChecks';
import { freezeDocument, refuseProblems } from './issue';
import { readSettings } from '../settings/store';
import { loadCustomerFiscal } from './customerFiscal';
import { loadDetail, loadInvoiceRow } from './rows';

function move(ctx: Ctx, id: number, from: InvoiceState[], to: InvoiceState, column: string, what: string): void {
  const inv = loadInvoiceRow(ctx, id);
  if (!from.includes(inv.state)) {
    throw new DomainError('CONFLICT', `Invoice ${inv.number ?? id} is ${inv.state}: it cannot be marked ${what}`, { id, state: inv.state, allowedFrom: from });
  }
  const stamp = ctx.now().toISOString();
  const set = { sent_at: 'UPDATE invoices SET state = ?, sent_at = ?, updated_at = ? WHERE id = ?', delivered_at: 'UPDATE invoices SET state = ?, delivered_at = ?, updated_at = ? WHERE id = ?', rejected_at: 'UPDATE invoices SET state = ?, rejected_at = ?, updated_at = ? WHERE id = ?' }[column]!;
  ctx.sqlite.prepare(set).run(to, stamp, stamp, id);
}

export const markSent: Handler<'invoicing.markSent'> = (ctx, input) => {
  move(ctx, input.id, ['issued', 'sent'], 'sent', 'sent_at', 'sent');
  return loadDetail(ctx, input.id);
};

export const markDelivered: Handler<'invoicing.markDelivered'> = (ctx, input) => {
  move(ctx, input.id, ['sent', 'issued'], 'delivered', 'delivered_at', 'delivered');
  return loadDetail(ctx, input.id);
};

export const markRejected: Handler<'invoicing.markRejected'> = (ctx, input) => {
  move(ctx, input.id, ['sent', 'issued'], 'rejected', 'rejected_at', 'rejected');
  ctx.sqlite.prepare('UPDATE invoices SET rejected_reason = ? WHERE id = ?').run(input.reason, input.id);
  return loadDetail(ctx, input.id);
};

/** The corrected invoice goes back to "issued" (to export again); its number, date, lines and instalments stay. */
export const reissueRejected: Handler<'invoicing.reissueRejected'> = (ctx, input) => {
  const inv = loadInvoiceRow(ctx, input.id);
  if (inv.state !== 'rejected') throw new DomainError('CONFLICT', `Invoice ${inv.number ?? input.id} is ${inv.state}: only a rejected invoice is corrected and sent again`, { id: input.id, state: inv.state });
  refuseProblems([...companyProblems(readSettings(ctx).company), ...customerProblems(loadCustomerFiscal(ctx, inv.customerId))], 'The corrected invoice');
  freezeDocument(ctx, input.id);
  ctx.sqlite.prepare("UPDATE invoices SET state = 'issued', updated_at = ? WHERE id = ?").run(ctx.now().toISOString(), input.id);
  return loadDetail(ctx, input.id);
};
