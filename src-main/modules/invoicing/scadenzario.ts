/**
 * The scadenzario: instalments of issued invoices by state and due date — open (not paid,
 * overdue included), overdue (open and past due), paid — with totals; what comes in a month;
 * what a customer owes; and the same list as CSV for Excel. Open instalments are found through
 * the partial index on due dates of open instalments, so the first page is quick on a large file.
 */
import { type z } from 'zod';
import type { instalmentFilter, ScadenzarioRow } from '../../../src-shared/contract/invoicing';
import { daysBetween } from '../../../src-shared/domain/dates';
import { monthEnd } from '../../../src-shared/domain/invoicing/instalments';
import type { ReadCtx } from '../../api/context';
import type { Handler } from '../../api/handlers';
import { sql, where, type Sql } from '../../db/sql';
import { CSV_STYLES, writeCsv, type CsvColumn } from '../channels/csvWrite';
import { readSettings } from '../settings/store';
import { instalmentState, todayOf } from './rows';

type Filter = z.output<typeof instalmentFilter>;

const FROM = sql`FROM invoice_instalments t JOIN invoices i ON i.id = t.invoice_id JOIN customers c ON c.id = i.customer_id`;

function conditions(f: Filter, today: string): Sql {
  return where([
    f.state === 'open' ? sql`t.state = 'open'` : null,
    f.state === 'overdue' ? sql`t.state = 'open' AND t.due_date < ${today}` : null,
    f.state === 'paid' ? sql`t.state = 'paid'` : null,
    f.dueFrom ? sql`t.due_date >= ${f.dueFrom}` : null,
    f.dueTo ? sql`t.due_date <= ${f.dueTo}` : null,
    f.customerId !== undefined ? sql`i.customer_id = ${f.customerId}` : null,
  ]);
}

type Row = Omit<ScadenzarioRow, 'state' | 'customer' | 'dueCents' | 'daysOverdue'> & { state: 'open' | 'paid'; customerId: number; customerName: string };

function toRow(r: Row, today: string): ScadenzarioRow {
  const state = instalmentState(r, today);
  return {
    id: r.id,
    invoiceId: r.invoiceId,
    position: r.position,
    dueDate: r.dueDate,
    amountCents: r.amountCents,
    method: r.method,
    paidCents: r.paidCents,
    state,
    invoiceNumber: r.invoiceNumber,
    invoiceDate: r.invoiceDate,
    customer: { id: r.customerId, name: r.customerName },
    dueCents: r.amountCents - r.paidCents,
    daysOverdue: state === 'overdue' ? daysBetween(r.dueDate, today) : 0,
  };
}

const COLUMNS = sql`t.id, t.invoice_id AS invoiceId, t.position, t.due_date AS dueDate, t.amount_cents AS amountCents, t.method, t.paid_cents AS paidCents, t.state,
  i.number AS invoiceNumber, i.date AS invoiceDate, i.customer_id AS customerId, c.name AS customerName`;

function rows(ctx: ReadCtx, f: Filter, limit: number, offset: number): ScadenzarioRow[] {
  const today = todayOf(ctx);
  const q = sql`SELECT ${COLUMNS} ${FROM} ${conditions(f, today)} ORDER BY t.due_date, t.id LIMIT ${limit} OFFSET ${offset}`;
  return (ctx.sqlite.prepare(q.text).all(...q.values) as Row[]).map((r) => toRow(r, today));
}

function totals(ctx: ReadCtx, f: Filter) {
  const today = todayOf(ctx);
  const q = sql`SELECT COUNT(*) AS count, COALESCE(SUM(t.amount_cents), 0) AS amountCents, COALESCE(SUM(t.paid_cents), 0) AS paidCents,
      COALESCE(SUM(CASE WHEN t.state = 'open' AND t.due_date < ${today} THEN t.amount_cents - t.paid_cents ELSE 0 END), 0) AS overdueCents
    ${FROM} ${conditions(f, today)}`;
  const r = ctx.sqlite.prepare(q.text).get(...q.values) as { count: number; amountCents: number; paidCents: number; overdueCents: number };
  return { ...r, dueCents: r.amountCents - r.paidCents };
}

export const instalments: Handler<'invoicing.instalments'> = (ctx, input) => {
  const t = totals(ctx, input);
  return { instalments: rows(ctx, input, input.limit, input.offset), total: t.count, totals: t };
};

export const toCollect: Handler<'invoicing.toCollect'> = (ctx, input) => {
  const f: Filter = { state: 'all', dueFrom: `${input.month}-01`, dueTo: monthEnd(input.month) };
  return { instalments: rows(ctx, f, 100_000, 0), totals: totals(ctx, f) };
};

/** Open and overdue amounts of a customer (the order editor and shipment form warn above the threshold). */
export function customerOwes(ctx: ReadCtx, customerId: number): { openCents: number; overdueCents: number; overThreshold: boolean } {
  const t = totals(ctx, { state: 'open', customerId });
  const threshold = readSettings(ctx).invoicing.overdueWarnCents;
  return { openCents: t.dueCents, overdueCents: t.overdueCents, overThreshold: t.overdueCents > threshold };
}

export const customerBalance: Handler<'invoicing.customerBalance'> = (ctx, input) => ({
  customerId: input.customerId,
  ...customerOwes(ctx, input.customerId),
  instalments: rows(ctx, { state: 'open', customerId: input.customerId }, 1000, 0),
});

const LABELS = {
  it: { due: 'Scadenza', invoice: 'Fattura', date: 'Data fattura', customer: 'Cliente', method: 'Modalità', amount: 'Importo', paid: 'Pagato', left: 'Da incassare', state: 'Stato', days: 'Giorni di ritardo', states: { open: 'aperta', overdue: 'scaduta', paid: 'pagata' }, file: 'scadenzario' },
  en: { due: 'Due date', invoice: 'Invoice', date: 'Invoice date', customer: 'Customer', method: 'Method', amount: 'Amount', paid: 'Paid', left: 'To collect', state: 'State', days: 'Days overdue', states: { open: 'open', overdue: 'overdue', paid: 'paid' }, file: 'payments-due' },
};

export const scadenzarioCsv: Handler<'invoicing.scadenzarioCsv'> = (ctx, input) => {
  const lang = readSettings(ctx).language ?? 'it';
  const L = LABELS[lang];
  const columns: CsvColumn[] = [
    { header: L.due, kind: 'date' },
    { header: L.invoice, kind: 'text' },
    { header: L.date, kind: 'date' },
    { header: L.customer, kind: 'text' },
    { header: L.method, kind: 'text' },
    { header: L.amount, kind: 'cents' },
    { header: L.paid, kind: 'cents' },
    { header: L.left, kind: 'cents' },
    { header: L.state, kind: 'text' },
    { header: L.days, kind: 'int' },
  ];
  const list = rows(ctx, input, 1_000_000, 0).map((r) => [r.dueDate, r.invoiceNumber, r.invoiceDate, r.customer.name, r.method, r.amountCents, r.paidCents, r.dueCents, L.states[r.state], r.daysOverdue]);
  return { fileName: `${L.file}-${todayOf(ctx)}.csv`, text: writeCsv(columns, list, CSV_STYLES[lang]) };
};
