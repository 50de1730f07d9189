/**
 * The one writer of invoices, invoice_lines, invoice_ddts and invoice_vat_rows: an invoice
 * is saved (created or its lines replaced) with its amounts computed here from its lines,
 * so the stored totals and summary are always those of its lines.
 */
import type { Ctx } from '../../api/context';
import type { InvoiceKind } from '../../../src-shared/contract/invoiceDocument';
import type { InvoicingSettings } from '../../../src-shared/contract/settings';
import { effectiveBp, isChainProblem, parseDiscountChain } from '../../../src-shared/domain/pricing';
import { invoiceAmounts } from '../../../src-shared/domain/invoicing/totals';
import { BOLLO_CENTS } from '../../../src-shared/domain/invoicing/vatNature';
import { readSettings } from '../settings/store';
import type { SourceLine } from './ddtLines';

/** The line that charges the bollo to the customer: out of the VAT's scope (N1, art. 15). */
export const BOLLO_LINE_CODE = 'BOLLO';

export interface InvoiceDraft {
  kind: InvoiceKind;
  customerId: number;
  date: string;
  periodMonth: string | null;
  orderId: number | null;
  correctsInvoiceId: number | null;
  returnId: number | null;
  language: 'it' | 'en';
  /** JSON copy of the payment terms (null: the customer's at issue) */
  paymentTerms: string | null;
  notes: string;
  lines: SourceLine[];
  ddtIds: number[];
}

const isBolloLine = (l: SourceLine) => l.code === BOLLO_LINE_CODE && l.orderLineId === null && l.itemId === null;

/** The lines with the bollo line added when it is due and charged to the customer (computed on the other lines). */
export function withBollo(s: InvoicingSettings, kind: InvoiceKind, lines: SourceLine[]): { lines: SourceLine[]; bolloCents: number } {
  const own = lines.filter((l) => !isBolloLine(l));
  const bollo = safeAmounts(own, s.bolloNature).bolloCents;
  if (bollo === 0 || !s.bolloChargedToCustomer || kind === 'TD04') return { lines: own, bolloCents: bollo };
  const line: SourceLine = { ddtId: null, orderLineId: null, itemId: null, code: BOLLO_LINE_CODE, description: 'Imposta di bollo assolta in modo virtuale', qtyMilli: 1000, unit: '', unitPrice: (BOLLO_CENTS / 100).toFixed(2), discounts: '', vatBp: 0, natura: 'N1' };
  return { lines: [...own, line], bolloCents: bollo };
}

/** Amounts of lines that may still be wrong (a draft): an unparsable price counts as 0 here; issue refuses it. */
export function safeAmounts(lines: SourceLine[], bolloNature: readonly string[]) {
  try {
    return invoiceAmounts(lines, bolloNature);
  } catch {
    return invoiceAmounts([], bolloNature);
  }
}

export function insertInvoice(ctx: Ctx, d: InvoiceDraft): number {
  const stamp = ctx.now().toISOString();
  const id = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO invoices (kind, state, customer_id, date, period_month, order_id, corrects_invoice_id, return_id, language, payment_terms, notes, created_at, updated_at)
         VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.kind, d.customerId, d.date, d.periodMonth, d.orderId, d.correctsInvoiceId, d.returnId, d.language, d.paymentTerms, d.notes, stamp, stamp).lastInsertRowid,
  );
  const link = ctx.sqlite.prepare('INSERT INTO invoice_ddts (invoice_id, ddt_id) VALUES (?, ?)');
  for (const ddtId of d.ddtIds) link.run(id, ddtId);
  writeLines(ctx, id, d.kind, d.lines);
  return id;
}

/** Replace a draft's lines (and header fields) and recompute its amounts. */
export function updateDraftInvoice(ctx: Ctx, id: number, d: Pick<InvoiceDraft, 'customerId' | 'date' | 'paymentTerms' | 'notes' | 'lines' | 'language'>, kind: InvoiceKind): void {
  ctx.sqlite
    .prepare('UPDATE invoices SET customer_id = ?, date = ?, payment_terms = ?, notes = ?, language = ?, updated_at = ? WHERE id = ? AND state = ?')
    .run(d.customerId, d.date, d.paymentTerms, d.notes, d.language, ctx.now().toISOString(), id, 'draft');
  writeLines(ctx, id, kind, d.lines);
}

export function writeLines(ctx: Ctx, id: number, kind: InvoiceKind, given: SourceLine[]): void {
  const settings = readSettings(ctx).invoicing;
  const { lines, bolloCents } = withBollo(settings, kind, given);
  const amounts = safeAmounts(lines, settings.bolloNature);
  ctx.sqlite.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(id);
  ctx.sqlite.prepare('DELETE FROM invoice_vat_rows WHERE invoice_id = ?').run(id);
  const ins = ctx.sqlite.prepare(
    `INSERT INTO invoice_lines (invoice_id, position, ddt_id, order_line_id, item_id, code, description, qty_milli, unit, unit_price, discounts, discount_bp, line_total_cents, vat_bp, natura)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => {
    const chain = parseDiscountChain(l.discounts);
    ins.run(id, i + 1, l.ddtId, l.orderLineId, l.itemId, l.code, l.description, l.qtyMilli, l.unit, l.unitPrice, l.discounts, isChainProblem(chain) ? 0 : effectiveBp(chain), amounts.lineTotals[i] ?? 0, l.vatBp, l.natura);
  });
  const row = ctx.sqlite.prepare('INSERT INTO invoice_vat_rows (invoice_id, vat_bp, natura, taxable_cents, vat_cents) VALUES (?, ?, ?, ?, ?)');
  for (const r of amounts.vatRows) row.run(id, r.vatBp, r.natura ?? '', r.taxableCents, r.vatCents);
  ctx.sqlite
    .prepare('UPDATE invoices SET taxable_cents = ?, vat_cents = ?, bollo_cents = ?, total_cents = ?, updated_at = ? WHERE id = ?')
    .run(amounts.taxableCents, amounts.vatCents, bolloCents, amounts.totalCents, ctx.now().toISOString(), id);
}
