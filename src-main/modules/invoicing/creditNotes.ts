/**
 * Credit notes (TD04): the returned quantities of a return at the prices of the invoice they
 * were invoiced on, or a discount after the fact; linked to the invoice they correct, with
 * positive amounts, and never above what is left of it after earlier credit notes.
 */
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { formatUnitPrice, parseUnitPriceE8 } from '../../../src-shared/domain/pricing';
import type { Handler } from '../../api/handlers';
import { DomainError, fieldError, notFound } from '../../api/domainError';
import { loadCustomerFiscal } from './customerFiscal';
import type { SourceLine } from './ddtLines';
import { creditableCents, refuseProblems } from './issue';
import { loadDetail, loadInvoiceLines, loadInvoiceRow, loadVatRows, todayOf } from './rows';
import { insertInvoice } from './write';

function returnLines(ctx: Parameters<Handler<'invoicing.createCreditNote'>>[0], invoiceId: number, returnId: number): SourceLine[] {
  const ret = ctx.sqlite.prepare('SELECT r.id, s.ddt_id AS ddtId FROM shipment_returns r JOIN shipments s ON s.id = r.shipment_id WHERE r.id = ?').get(returnId) as { id: number; ddtId: number | null } | undefined;
  if (!ret) throw notFound('return', returnId);
  const returned = ctx.sqlite
    .prepare('SELECT sl.order_line_id AS orderLineId, SUM(rl.qty_milli) AS qtyMilli FROM shipment_return_lines rl JOIN shipment_lines sl ON sl.id = rl.shipment_line_id WHERE rl.return_id = ? GROUP BY sl.order_line_id')
    .all(returnId) as { orderLineId: number; qtyMilli: number }[];
  const invoiced = loadInvoiceLines(ctx, invoiceId);
  return returned.map((r) => {
    const l = invoiced.find((x) => x.orderLineId === r.orderLineId && (ret.ddtId === null || x.ddtId === ret.ddtId)) ?? invoiced.find((x) => x.orderLineId === r.orderLineId);
    if (!l) throw new DomainError('VALIDATION', `The returned goods (order line ${r.orderLineId}) are not on the invoice this credit note corrects`, { returnId, orderLineId: r.orderLineId });
    return { ddtId: null, orderLineId: l.orderLineId, itemId: l.itemId, code: l.code, description: l.description, qtyMilli: Math.min(r.qtyMilli, l.qtyMilli), unit: l.unit, unitPrice: l.unitPrice, discounts: l.discounts, vatBp: l.vatBp, natura: l.natura };
  });
}

export const createCreditNote: Handler<'invoicing.createCreditNote'> = (ctx, input) => {
  const corrected = loadInvoiceRow(ctx, input.invoiceId);
  if (corrected.kind === 'TD04' || corrected.state === 'draft' || corrected.number === null) {
    throw new DomainError('CONFLICT', 'A credit note corrects an issued invoice (not a draft, not another credit note)', { invoiceId: corrected.id, state: corrected.state });
  }
  if ((input.returnId === null) === (input.discountAmount === null)) {
    throw fieldError('Say either the return or the discount amount', [{ path: ['returnId'], message: 'Give a return or a discount amount (one of the two)', key: 'one_of' }]);
  }
  let lines: SourceLine[];
  if (input.returnId !== null) {
    lines = returnLines(ctx, corrected.id, input.returnId);
  } else {
    let price: string;
    try {
      price = formatUnitPrice(parseUnitPriceE8(input.discountAmount!));
    } catch {
      throw fieldError('The discount amount is not a number', [{ path: ['discountAmount'], message: `"${input.discountAmount}" is not an amount`, key: 'not_a_number' }]);
    }
    // the rate of the corrected invoice's largest row unless one is said
    const top = loadVatRows(ctx, corrected.id).sort((a, b) => b.taxableCents - a.taxableCents)[0];
    const vatBp = input.vatRate !== null ? parseDecimal(input.vatRate, 2) : (top?.vatBp ?? 2200);
    const natura = vatBp === 0 ? (input.natura ?? top?.natura ?? null) : null;
    lines = [{ ddtId: null, orderLineId: null, itemId: null, code: '', description: input.description ?? `Sconto su fattura ${corrected.number}`, qtyMilli: 1000, unit: '', unitPrice: price, discounts: '', vatBp, natura }];
  }
  const customer = loadCustomerFiscal(ctx, corrected.customerId);
  const id = insertInvoice(ctx, {
    kind: 'TD04',
    customerId: corrected.customerId,
    date: corrected.date > todayOf(ctx) ? corrected.date : todayOf(ctx),
    periodMonth: null,
    orderId: null,
    correctsInvoiceId: corrected.id,
    returnId: input.returnId,
    language: customer.language,
    paymentTerms: null,
    notes: input.notes,
    lines,
    ddtIds: [],
  });
  const total = loadInvoiceRow(ctx, id).totalCents;
  const left = creditableCents(ctx, corrected.id, id);
  if (total > left) {
    refuseProblems(
      [{ scope: 'invoice', field: input.returnId !== null ? 'returnId' : 'discountAmount', code: 'above_invoiced', message: `The credit note (${total} cents) is above what is left of invoice ${corrected.number} (${left} cents)`, customerId: null }],
      'The credit note',
    );
  }
  return loadDetail(ctx, id);
};
