/**
 * Issuing: every check first (company, customer, lines, a credit note's ceiling), so a
 * refused issue writes nothing and takes no number; then the number N/YYYY (or N/S/YYYY with
 * a sezionale) from the year's gap-free series in this same transaction, the instalments from
 * the payment terms, and the frozen document (DOMAIN.md, "Invoices").
 */
import type { InvoiceProblem } from '../../../src-shared/contract/invoicing';
import type { PaymentTerms } from '../../../src-shared/contract/prices';
import { instalmentsFor } from '../../../src-shared/domain/invoicing/instalments';
import { vatNatureProblem } from '../../../src-shared/domain/invoicing/vatNature';
import { parseUnitPriceE8, parseDiscountChain, isChainProblem } from '../../../src-shared/domain/pricing';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { nextNumber } from '../numbering/next';
import { effectivePaymentTermsId } from '../prices/customerTerms';
import { loadPaymentTerms } from '../prices/paymentTerms';
import { readSettings } from '../settings/store';
import { companyProblems, customerProblems } from './fiscalChecks';
import { loadCustomerFiscal } from './customerFiscal';
import { buildDocument } from './document';
import { loadInvoiceLines, loadInvoiceRow, todayOf, type InvoiceRow } from './rows';

const VAT_MESSAGES: Record<string, string> = {
  natura_missing: 'a 0 % line needs a Natura code (N1…N7 with its sub-code)',
  natura_bare: 'the bare Natura codes N2, N3, N6 are refused by the SdI: use a sub-code (N2.1, N3.2, N6.9…)',
  natura_unknown: 'unknown Natura code',
  natura_on_taxed: 'a line with a VAT rate above 0 takes no Natura',
  rate_invalid: 'the VAT rate is not valid',
};

export function lineProblems(lines: { position: number; description: string; unitPrice: string; discounts: string; vatBp: number; natura: string | null; qtyMilli: number }[]): InvoiceProblem[] {
  const out: InvoiceProblem[] = [];
  const p = (i: number, field: string, code: string, message: string) => out.push({ scope: 'line', field: `lines[${i}].${field}`, code, message, customerId: null });
  if (lines.length === 0) out.push({ scope: 'invoice', field: 'lines', code: 'empty', message: 'The invoice has no lines', customerId: null });
  lines.forEach((l, i) => {
    const vat = vatNatureProblem(l.vatBp, l.natura);
    if (vat) p(i, 'natura', vat, `Line ${l.position} (${l.description}): ${VAT_MESSAGES[vat]}`);
    try {
      parseUnitPriceE8(l.unitPrice);
    } catch {
      p(i, 'unitPrice', 'invalid', `Line ${l.position}: price ${l.unitPrice} is not a number with at most 8 decimals`);
    }
    if (isChainProblem(parseDiscountChain(l.discounts))) p(i, 'discounts', 'invalid', `Line ${l.position}: discount ${l.discounts} is not valid`);
    if (l.qtyMilli <= 0) p(i, 'quantity', 'not_positive', `Line ${l.position}: quantity must be above 0`);
  });
  return out;
}

/** What is left to credit on an invoice: its total less its credit notes (issued or not), this one excluded. */
export function creditableCents(ctx: ReadCtx, invoiceId: number, exceptId: number | null): number {
  const r = ctx.sqlite
    .prepare(
      `SELECT i.total_cents - COALESCE((SELECT SUM(total_cents) FROM invoices WHERE corrects_invoice_id = i.id AND kind = 'TD04' AND id IS NOT ?), 0) AS left
         FROM invoices i WHERE i.id = ?`,
    )
    .get(exceptId, invoiceId) as { left: number } | undefined;
  return r?.left ?? 0;
}

export function issueProblems(ctx: ReadCtx, inv: InvoiceRow): InvoiceProblem[] {
  const problems = [...companyProblems(readSettings(ctx).company), ...customerProblems(loadCustomerFiscal(ctx, inv.customerId)), ...lineProblems(loadInvoiceLines(ctx, inv.id))];
  if (inv.kind === 'TD04' && inv.correctsInvoiceId !== null) {
    const left = creditableCents(ctx, inv.correctsInvoiceId, inv.id);
    if (inv.totalCents > left) {
      problems.push({ scope: 'invoice', field: 'totalCents', code: 'above_invoiced', message: `The credit note (${inv.totalCents} cents) is above what is left of the invoice it corrects (${left} cents)`, customerId: null });
    }
  }
  if (inv.totalCents < 0) problems.push({ scope: 'invoice', field: 'totalCents', code: 'negative', message: 'An invoice total cannot be negative (a credit note carries positive amounts)', customerId: null });
  return problems;
}

export function refuseProblems(problems: InvoiceProblem[], what: string): void {
  if (problems.length === 0) return;
  throw new DomainError('VALIDATION', `${what} cannot be issued: ${problems.map((p) => p.message).join('; ')}`, {
    problems,
    issues: problems.map((p) => ({ path: [p.scope, ...p.field.split('.')], message: p.message, key: `invoice.${p.scope}.${p.code}` })),
  });
}

const DEFAULT_TERMS: Pick<PaymentTerms, 'method' | 'days' | 'endOfMonth'> = { method: 'MP05', days: [0], endOfMonth: false };

function termsFor(ctx: Ctx, inv: InvoiceRow): Pick<PaymentTerms, 'method' | 'days' | 'endOfMonth'> {
  if (inv.paymentTerms) return JSON.parse(inv.paymentTerms) as PaymentTerms;
  const id = effectivePaymentTermsId(ctx, inv.customerId);
  return id === null ? DEFAULT_TERMS : loadPaymentTerms(ctx, id);
}

/** The invoice's number text: "12/2026", or "12/A/2026" with a sezionale. */
export const numberText = (seq: number, sezionale: string, year: number) => (sezionale ? `${seq}/${sezionale}/${year}` : `${seq}/${year}`);

/** Issue a draft (the caller runs in a command's transaction). Returns nothing: read it back. */
export function issueInvoice(ctx: Ctx, id: number, sezionaleOverride?: string): void {
  const inv = loadInvoiceRow(ctx, id);
  if (inv.state !== 'draft') throw new DomainError('CONFLICT', `Invoice ${inv.number ?? id} is already issued`, { id, state: inv.state });
  refuseProblems(issueProblems(ctx, inv), inv.kind === 'TD04' ? 'The credit note' : 'The invoice');
  const settings = readSettings(ctx);
  const today = todayOf(ctx);
  // an immediate invoice or a credit note is dated the day it is issued (unless a later date was set); a deferred one keeps its month's last day
  const date = inv.kind === 'TD24' || inv.date > today ? inv.date : today;
  const year = Number(date.slice(0, 4));
  const sezionale = sezionaleOverride ?? settings.company.defaultSezionale;
  const seq = nextNumber(ctx, `invoice:${year}:${sezionale}`);
  const number = numberText(seq, sezionale, year);
  const terms = termsFor(ctx, inv);
  const stamp = ctx.now().toISOString();
  ctx.sqlite
    .prepare("UPDATE invoices SET state = 'issued', year = ?, sezionale = ?, seq = ?, number = ?, date = ?, payment_terms = ?, issued_at = ?, updated_at = ? WHERE id = ? AND state = 'draft'")
    .run(year, sezionale, seq, number, date, JSON.stringify(terms), stamp, stamp, id);
  if (inv.kind !== 'TD04' && inv.totalCents > 0) {
    const ins = ctx.sqlite.prepare('INSERT INTO invoice_instalments (invoice_id, position, due_date, amount_cents, method) VALUES (?, ?, ?, ?, ?)');
    instalmentsFor(date, inv.totalCents, terms, settings.invoicing.skipMonths, settings.invoicing.skipMonthDay)
      .filter((i) => i.amountCents > 0)
      .forEach((i, k) => ins.run(id, k + 1, i.dueDate, i.amountCents, terms.method));
  }
  freezeDocument(ctx, id);
}

/** Take (or take again, for a corrected rejected invoice) the invoice's frozen document. */
export function freezeDocument(ctx: Ctx, id: number): void {
  const doc = buildDocument(ctx, id);
  ctx.sqlite.prepare('UPDATE invoices SET snapshot = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(doc), ctx.now().toISOString(), id);
}
