/** Reading invoices: the list (filters, pages), one invoice, and its frozen document. */
import { invoiceDocument } from '../../../src-shared/contract/invoiceDocument';
import { monthEnd } from '../../../src-shared/domain/invoicing/instalments';
import type { Handler } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { sql, where } from '../../db/sql';
import { customerOwes } from './scadenzario';
import { headerSelect, loadDetail, loadInvoiceRow, todayOf, toHeader, type InvoiceRow } from './rows';

export const list: Handler<'invoicing.list'> = (ctx, input) => {
  const today = todayOf(ctx);
  const like = `%${input.q.trim()}%`;
  const cond = where([
    input.state ? sql`i.state = ${input.state}` : null,
    input.kind ? sql`i.kind = ${input.kind}` : null,
    input.month ? sql`i.date >= ${`${input.month}-01`} AND i.date <= ${monthEnd(input.month)}` : null,
    input.customerId !== undefined ? sql`i.customer_id = ${input.customerId}` : null,
    input.overdue ? sql`EXISTS (SELECT 1 FROM invoice_instalments t WHERE t.invoice_id = i.id AND t.state = 'open' AND t.due_date < ${today})` : null,
    input.q.trim() ? sql`(i.number LIKE ${like} OR c.name LIKE ${like})` : null,
  ]);
  const q = sql`${headerSelect(today, false)} ${cond} ORDER BY i.date DESC, i.id DESC LIMIT ${input.limit} OFFSET ${input.offset}`;
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as InvoiceRow[];
  const c = sql`SELECT COUNT(*) AS n FROM invoices i JOIN customers c ON c.id = i.customer_id ${cond}`;
  const total = (ctx.sqlite.prepare(c.text).get(...c.values) as { n: number }).n;
  return { invoices: rows.map((r) => toHeader(ctx, r)), total };
};

export const get: Handler<'invoicing.get'> = (ctx, input) => {
  const inv = loadInvoiceRow(ctx, input.id);
  const owes = inv.kind === 'TD04' ? null : customerOwes(ctx, inv.customerId);
  const warnings = owes?.overThreshold && owes.overdueCents > 0 ? [{ code: 'customer_overdue' as const, message: `The customer has ${owes.overdueCents} cents overdue`, days: null }] : [];
  return loadDetail(ctx, input.id, warnings);
};

export const document: Handler<'invoicing.document'> = (ctx, input) => {
  const inv = loadInvoiceRow(ctx, input.id);
  if (inv.snapshot === null) throw new DomainError('CONFLICT', 'A draft has no document yet: issue it first', { id: input.id, state: inv.state });
  return invoiceDocument.parse(JSON.parse(inv.snapshot));
};
