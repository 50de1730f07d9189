/**
 * Immediate invoices (TD01): from a shipped order (its DDTs not yet invoiced, at the order's
 * frozen prices), or with free lines for goods or services without DDT. Both start as drafts;
 * `invoicing.issue` numbers them. An immediate invoice is due within 12 days of the sale
 * (a setting): later than that the answer carries a warning.
 */
import { type z } from 'zod';
import type { draftInput, InvoiceDetail } from '../../../src-shared/contract/invoicing';
import { daysBetween } from '../../../src-shared/domain/dates';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { formatUnitPrice, parseUnitPriceE8 } from '../../../src-shared/domain/pricing';
import type { Ctx } from '../../api/context';
import { DomainError, fieldError, notFound } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import type { FieldIssue } from '../../../src-shared/contract/errors';
import { loadPaymentTerms } from '../prices/paymentTerms';
import { readSettings } from '../settings/store';
import { loadCustomerFiscal } from './customerFiscal';
import { linesForDdts, SALE_CAUSALE, type SourceLine } from './ddtLines';
import { applyCustomerNature } from './monthRun';
import { loadDetail, loadInvoiceRow, todayOf } from './rows';
import { insertInvoice, updateDraftInvoice } from './write';
import { sql } from '../../db/sql';

type DraftInput = z.output<typeof draftInput>;

/** Free lines as typed → invoice lines; every unreadable field named by its row. */
export function parseDraftLines(lines: DraftInput['lines']): SourceLine[] {
  const issues: FieldIssue[] = [];
  const out = lines.map((l, i) => {
    const num = (field: string, text: string, scale: number): number => {
      try {
        return parseDecimal(text, scale);
      } catch {
        issues.push({ path: ['lines', i, field], message: `Line ${i + 1}: ${field} "${text}" is not a number`, key: 'not_a_number' });
        return 0;
      }
    };
    let unitPrice = '0.00';
    try {
      unitPrice = formatUnitPrice(parseUnitPriceE8(l.unitPrice));
    } catch {
      issues.push({ path: ['lines', i, 'unitPrice'], message: `Line ${i + 1}: price "${l.unitPrice}" is not a number with at most 8 decimals`, key: 'not_a_number' });
    }
    const qtyMilli = num('quantity', l.quantity, 3);
    if (qtyMilli <= 0) issues.push({ path: ['lines', i, 'quantity'], message: `Line ${i + 1}: quantity must be above 0`, key: 'not_positive' });
    const vatBp = num('vatRate', l.vatRate, 2);
    if (vatBp === 0 && !l.natura) issues.push({ path: ['lines', i, 'natura'], message: `Line ${i + 1}: a 0 % line needs a Natura code (N2.1, N3.2, N4…)`, key: 'natura_missing' });
    return { ddtId: null, orderLineId: null, itemId: l.itemId, code: l.code, description: l.description, qtyMilli, unit: l.unit, unitPrice, discounts: l.discounts, vatBp, natura: vatBp === 0 ? l.natura : null };
  });
  if (issues.length > 0) throw fieldError(issues.map((x) => x.message).join('; '), issues);
  return out;
}

function termsJson(ctx: Ctx, id: number | null): string | null {
  return id === null ? null : JSON.stringify(loadPaymentTerms(ctx, id));
}

export const createDraft: Handler<'invoicing.createDraft'> = (ctx, input) => {
  const customer = loadCustomerFiscal(ctx, input.customerId);
  const lines = parseDraftLines(input.lines);
  const id = insertInvoice(ctx, {
    kind: 'TD01',
    customerId: customer.id,
    date: input.date ?? todayOf(ctx),
    periodMonth: null,
    orderId: null,
    correctsInvoiceId: null,
    returnId: null,
    language: customer.language,
    paymentTerms: termsJson(ctx, input.paymentTermsId),
    notes: input.notes,
    lines,
    ddtIds: [],
  });
  return loadDetail(ctx, id);
};

function loadDraft(ctx: Ctx, id: number) {
  const inv = loadInvoiceRow(ctx, id);
  if (inv.state !== 'draft') throw new DomainError('CONFLICT', `Invoice ${inv.number} is issued: only a draft can be changed or deleted (correct an issued invoice with a credit note)`, { id, state: inv.state });
  return inv;
}

export const updateDraft: Handler<'invoicing.updateDraft'> = (ctx, input) => {
  const inv = loadDraft(ctx, input.id);
  if (inv.orderId !== null || inv.kind !== 'TD01' || ctx.sqlite.prepare('SELECT 1 FROM invoice_ddts WHERE invoice_id = ?').get(inv.id)) {
    throw new DomainError('CONFLICT', 'Only a draft of free lines can be edited: delete this draft and make it again from its order or return', { id: inv.id });
  }
  const customer = loadCustomerFiscal(ctx, input.customerId);
  updateDraftInvoice(ctx, inv.id, { customerId: customer.id, date: input.date ?? inv.date, paymentTerms: termsJson(ctx, input.paymentTermsId), notes: input.notes, lines: parseDraftLines(input.lines), language: customer.language }, 'TD01');
  return loadDetail(ctx, inv.id);
};

export const deleteDraft: Handler<'invoicing.deleteDraft'> = (ctx, input) => {
  loadDraft(ctx, input.id);
  ctx.sqlite.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(input.id);
  ctx.sqlite.prepare('DELETE FROM invoice_vat_rows WHERE invoice_id = ?').run(input.id);
  ctx.sqlite.prepare('DELETE FROM invoice_ddts WHERE invoice_id = ?').run(input.id);
  ctx.sqlite.prepare("DELETE FROM invoices WHERE id = ? AND state = 'draft'").run(input.id);
  return { id: input.id };
};

export const createFromOrder: Handler<'invoicing.createFromOrder'> = (ctx, input) => {
  const order = ctx.sqlite.prepare('SELECT id, number, customer_id AS customerId, state, payment_terms AS paymentTerms FROM customer_orders WHERE id = ?').get(input.orderId) as
    | { id: number; number: string; customerId: number; state: string; paymentTerms: string | null }
    | undefined;
  if (!order) throw notFound('order', input.orderId);
  const q = sql`SELECT d.id, d.number, d.date, (SELECT x.invoice_id FROM invoice_ddts x WHERE x.ddt_id = d.id) AS invoiceId
     FROM ddts d JOIN shipments s ON s.id = d.shipment_id
    WHERE d.kind = 'shipment' AND s.state = 'confirmed' AND ${SALE_CAUSALE}
      AND EXISTS (SELECT 1 FROM shipment_lines sl WHERE sl.shipment_id = s.id AND sl.order_id = ${order.id})
    ORDER BY d.date, d.year, d.seq`;
  const ddts = ctx.sqlite.prepare(q.text).all(...q.values) as { id: number; number: string; date: string; invoiceId: number | null }[];
  const free = ddts.filter((d) => d.invoiceId === null);
  if (free.length === 0) {
    const taken = ddts[0];
    throw new DomainError(
      'CONFLICT',
      taken ? `Every DDT of order ${order.number} is already invoiced (DDT ${taken.number})` : `Order ${order.number} has no sale DDT yet: ship it first`,
      { orderId: order.id, ddts: ddts.map((d) => ({ id: d.id, number: d.number, invoiceId: d.invoiceId })) },
    );
  }
  const customer = loadCustomerFiscal(ctx, order.customerId);
  // only this order's lines of those DDTs (a DDT may carry several orders: the others stay out)
  const orderLineIds = new Set((ctx.sqlite.prepare('SELECT id FROM order_lines WHERE order_id = ?').all(order.id) as { id: number }[]).map((r) => r.id));
  const lines = applyCustomerNature(
    linesForDdts(ctx, free.map((d) => d.id)).filter((l) => l.orderLineId !== null && orderLineIds.has(l.orderLineId)),
    customer,
  );
  const id = insertInvoice(ctx, {
    kind: 'TD01',
    customerId: customer.id,
    date: todayOf(ctx),
    periodMonth: null,
    orderId: order.id,
    correctsInvoiceId: null,
    returnId: null,
    language: customer.language,
    paymentTerms: order.paymentTerms,
    notes: '',
    lines,
    ddtIds: free.map((d) => d.id),
  });
  const late = daysBetween(free[0]!.date, todayOf(ctx));
  const limit = readSettings(ctx).invoicing.immediateInvoiceDays;
  const warnings: InvoiceDetail['warnings'] =
    late > limit ? [{ code: 'late_immediate', message: `The first DDT (${free[0]!.number}) is ${late} days old: an immediate invoice is due within ${limit} days of the sale`, days: late }] : [];
  return loadDetail(ctx, id, warnings);
};
