/**
 * The issued invoices as their frozen documents (invoices.snapshot), which is all the XML,
 * the register and the PDF are made from: a draft has no document yet and is never here.
 */
import type { ReadCtx } from '../../../api/context';
import { DomainError, notFound } from '../../../api/domainError';
import { invoiceDocument, type InvoiceDocument } from '../../../../src-shared/contract/invoiceDocument';

export interface IssuedInvoice {
  id: number;
  state: 'issued' | 'sent' | 'delivered' | 'rejected';
  doc: InvoiceDocument;
}

interface Row {
  id: number;
  state: IssuedInvoice['state'] | 'draft';
  number: string | null;
  snapshot: string | null;
}

function parse(r: Row): IssuedInvoice {
  if (r.state === 'draft' || !r.snapshot) throw new DomainError('CONFLICT', `Invoice ${r.number ?? r.id} is a draft: issue it first`, { id: r.id });
  const doc = invoiceDocument.safeParse(JSON.parse(r.snapshot));
  if (!doc.success) throw new DomainError('INTERNAL', `The frozen document of invoice ${r.number ?? r.id} is not readable`, { id: r.id, issues: doc.error.issues.slice(0, 5) });
  return { id: r.id, state: r.state, doc: doc.data };
}

/**
 * The issued invoices and credit notes dated in a month (YYYY-MM), in register order. A
 * rejected one (scarto) counts as not issued until it is corrected (invoicing.reissueRejected
 * makes it issued again), so it is left out.
 */
export function issuedInMonth(ctx: ReadCtx, month: string): IssuedInvoice[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, state, number, snapshot FROM invoices
       WHERE date >= ? AND date <= ? AND state IN ('issued', 'sent', 'delivered')
       ORDER BY date, sezionale, year, seq, id`,
    )
    .all(`${month}-01`, `${month}-31`) as Row[];
  return rows.map(parse);
}

/** An issued invoice of any state after issue (the PDF and the checks of a rejected one are still wanted). */
export function issuedInvoice(ctx: ReadCtx, id: number): IssuedInvoice {
  const r = ctx.sqlite.prepare('SELECT id, state, number, snapshot FROM invoices WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound('invoice', id);
  return parse(r);
}
