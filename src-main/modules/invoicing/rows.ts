/**
 * Reading invoices back: the header with its customer and payment facts, its lines, DDTs,
 * VAT rows, instalments, payments and files. Shared by every handler that answers an invoice.
 */
import type { InvoiceDetail, InvoiceHeader, InvoiceInstalment } from '../../../src-shared/contract/invoicing';
import type { InvoiceKind } from '../../../src-shared/contract/invoiceDocument';
import { localDate } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { sql, type Sql } from '../../db/sql';

export interface InvoiceRow {
  id: number;
  kind: InvoiceKind;
  state: InvoiceHeader['state'];
  customerId: number;
  customerName: string;
  year: number | null;
  sezionale: string;
  number: string | null;
  date: string;
  periodMonth: string | null;
  orderId: number | null;
  correctsInvoiceId: number | null;
  returnId: number | null;
  language: 'it' | 'en';
  taxableCents: number;
  vatCents: number;
  bolloCents: number;
  totalCents: number;
  paymentTerms: string | null;
  notes: string;
  /** the frozen document (null: a draft; null also in a list row, which does not read it: headerSelect) */
  snapshot: string | null;
  rejectedReason: string;
  issuedAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  rejectedAt: string | null;
  paidCents: number;
  overdueCents: number;
}

/** Header columns; `?` is today (for the overdue amount). */
export const HEADER = sql`i.id, i.kind, i.state, i.customer_id AS customerId, c.name AS customerName, i.year, i.sezionale, i.number, i.date,
  i.period_month AS periodMonth, i.order_id AS orderId, i.corrects_invoice_id AS correctsInvoiceId, i.return_id AS returnId, i.language,
  i.taxable_cents AS taxableCents, i.vat_cents AS vatCents, i.bollo_cents AS bolloCents, i.total_cents AS totalCents,
  i.payment_terms AS paymentTerms, i.notes, i.rejected_reason AS rejectedReason, i.issued_at AS issuedAt, i.sent_at AS sentAt,
  i.delivered_at AS deliveredAt, i.rejected_at AS rejectedAt`;

/**
 * The header's SELECT; with the frozen document (`snapshot`) only when one invoice is read: a list
 * does not show it, and 200 of them are ~6 MB to read (the list's page 58 → 37 ms on the large dataset; the
 * rest is reaching the columns stored after it, past its overflow pages).
 */
export function headerSelect(today: string, withSnapshot = true): Sql {
  return sql`SELECT ${HEADER}, ${withSnapshot ? sql`i.snapshot` : sql`NULL AS snapshot`},
    COALESCE((SELECT SUM(paid_cents) FROM invoice_instalments WHERE invoice_id = i.id), 0) AS paidCents,
    COALESCE((SELECT SUM(amount_cents - paid_cents) FROM invoice_instalments WHERE invoice_id = i.id AND state = 'open' AND due_date < ${today}), 0) AS overdueCents
    FROM invoices i JOIN customers c ON c.id = i.customer_id`;
}

export const todayOf = (ctx: ReadCtx) => localDate(ctx.now());

export function loadInvoiceRow(ctx: ReadCtx, id: number): InvoiceRow {
  const q = sql`${headerSelect(todayOf(ctx))} WHERE i.id = ${id}`;
  const r = ctx.sqlite.prepare(q.text).get(...q.values) as InvoiceRow | undefined;
  if (!r) throw notFound('invoice', id);
  return r;
}

export function toHeader(ctx: ReadCtx, r: InvoiceRow, correctsRow?: { id: number; number: string | null; date: string } | null): InvoiceHeader {
  let corrects = correctsRow ?? null;
  if (correctsRow === undefined && r.correctsInvoiceId !== null) {
    corrects = ctx.sqlite.prepare('SELECT id, number, date FROM invoices WHERE id = ?').get(r.correctsInvoiceId) as { id: number; number: string | null; date: string };
  }
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    number: r.number,
    date: r.date,
    customer: { id: r.customerId, name: r.customerName },
    periodMonth: r.periodMonth,
    orderId: r.orderId,
    returnId: r.returnId,
    corrects,
    taxableCents: r.taxableCents,
    vatCents: r.vatCents,
    bolloCents: r.bolloCents,
    totalCents: r.totalCents,
    paidCents: r.paidCents,
    overdueCents: r.overdueCents,
    rejectedReason: r.rejectedReason,
    notes: r.notes,
    issuedAt: r.issuedAt,
    sentAt: r.sentAt,
    deliveredAt: r.deliveredAt,
    rejectedAt: r.rejectedAt,
  };
}

export function loadInvoiceLines(ctx: ReadCtx, id: number): InvoiceDetail['lines'] {
  return ctx.sqlite
    .prepare(
      `SELECT id, position, ddt_id AS ddtId, order_line_id AS orderLineId, item_id AS itemId, code, description, qty_milli AS qtyMilli, unit,
              unit_price AS unitPrice, discounts, line_total_cents AS lineTotalCents, vat_bp AS vatBp, natura
         FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
    )
    .all(id) as InvoiceDetail['lines'];
}

export function loadInvoiceDdts(ctx: ReadCtx, id: number): InvoiceDetail['ddts'] {
  return ctx.sqlite
    .prepare('SELECT d.id, d.number, d.date FROM invoice_ddts x JOIN ddts d ON d.id = x.ddt_id WHERE x.invoice_id = ? ORDER BY d.date, d.year, d.seq')
    .all(id) as InvoiceDetail['ddts'];
}

export function loadVatRows(ctx: ReadCtx, id: number): InvoiceDetail['vatRows'] {
  const rows = ctx.sqlite
    .prepare("SELECT vat_bp AS vatBp, NULLIF(natura, '') AS natura, taxable_cents AS taxableCents, vat_cents AS vatCents FROM invoice_vat_rows WHERE invoice_id = ? ORDER BY vat_bp DESC, natura")
    .all(id) as InvoiceDetail['vatRows'];
  return rows;
}

type InstalmentRow = Omit<InvoiceInstalment, 'state'> & { state: 'open' | 'paid' };
export const instalmentState = (r: { state: 'open' | 'paid'; dueDate: string }, today: string): InvoiceInstalment['state'] =>
  r.state === 'paid' ? 'paid' : r.dueDate < today ? 'overdue' : 'open';

export function loadInstalments(ctx: ReadCtx, invoiceId: number): InvoiceInstalment[] {
  const today = todayOf(ctx);
  return (
    ctx.sqlite
      .prepare(
        'SELECT id, invoice_id AS invoiceId, position, due_date AS dueDate, amount_cents AS amountCents, method, paid_cents AS paidCents, state FROM invoice_instalments WHERE invoice_id = ? ORDER BY position',
      )
      .all(invoiceId) as InstalmentRow[]
  ).map((r) => ({ ...r, state: instalmentState(r, today) }));
}

export function loadInstalment(ctx: ReadCtx, id: number): InvoiceInstalment {
  const r = ctx.sqlite
    .prepare('SELECT id, invoice_id AS invoiceId, position, due_date AS dueDate, amount_cents AS amountCents, method, paid_cents AS paidCents, state FROM invoice_instalments WHERE id = ?')
    .get(id) as InstalmentRow | undefined;
  if (!r) throw notFound('instalment', id);
  return { ...r, state: instalmentState(r, todayOf(ctx)) };
}

export function loadDetail(ctx: ReadCtx, id: number, warnings: InvoiceDetail['warnings'] = []): InvoiceDetail {
  const r = loadInvoiceRow(ctx, id);
  return {
    ...toHeader(ctx, r),
    lines: loadInvoiceLines(ctx, id),
    ddts: loadInvoiceDdts(ctx, id),
    vatRows: loadVatRows(ctx, id),
    instalments: loadInstalments(ctx, id),
    payments: ctx.sqlite
      .prepare('SELECT id, instalment_id AS instalmentId, invoice_id AS invoiceId, date, amount_cents AS amountCents, method, notes FROM invoice_payments WHERE invoice_id = ? ORDER BY date, id')
      .all(id) as InvoiceDetail['payments'],
    files: ctx.sqlite.prepare('SELECT id, progressivo, file_name AS fileName, created_at AS createdAt FROM invoice_files WHERE invoice_id = ? ORDER BY id').all(id) as InvoiceDetail['files'],
    creditNotes: ctx.sqlite
      .prepare("SELECT id, number, date, state, total_cents AS totalCents FROM invoices WHERE corrects_invoice_id = ? AND kind = 'TD04' ORDER BY id")
      .all(id) as InvoiceDetail['creditNotes'],
    warnings,
  };
}
