/**
 * "Invoice the month" (TD24, DOMAIN.md "Invoices"): per customer, the month's sale DDTs not
 * yet invoiced — not returns, not other causali, not consumers who asked for no invoice —
 * one deferred invoice each, dated the month's last day and numbered in that year (December's
 * DDTs invoiced in January are dated 31 December). The preview and the run share one plan,
 * so what the preview shows is what the run issues.
 */
import type { InvoiceProblem, ProposedInvoice } from '../../../src-shared/contract/invoicing';
import type { AppSettings } from '../../../src-shared/contract/settings';
import { monthEnd } from '../../../src-shared/domain/invoicing/instalments';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { DomainError, fieldError } from '../../api/domainError';
import { readSettings } from '../settings/store';
import { loadCustomersFiscal, type CustomerFiscal } from './customerFiscal';
import { linesForDdts, uninvoicedDdts, type CandidateDdt, type SourceLine } from './ddtLines';
import { companyProblems, customerProblems } from './fiscalChecks';
import { issueInvoice, lineProblems, refuseProblems } from './issue';
import { insertInvoice, safeAmounts, withBollo } from './write';
import { loadInvoiceRow, todayOf } from './rows';

interface PlannedInvoice {
  customer: CustomerFiscal;
  ddts: CandidateDdt[];
  lines: SourceLine[];
  proposal: ProposedInvoice;
}

/** A consumer (no P.IVA) of a web shop gets an invoice only when asked; anyone may say no. */
export function wantsInvoice(c: CustomerFiscal, channels: string[], s: AppSettings['invoicing']): boolean {
  if (c.wantsInvoice !== null) return c.wantsInvoice;
  if ((c.vatNumber ?? '').trim() !== '') return true;
  return !(channels.length > 0 && channels.every((ch) => s.consumerChannelsWithoutInvoice.includes(ch)));
}

/** A customer with a default Natura (N3.2 intra-EU, N3.1 export, N3.5 intent…) is invoiced at 0 % with it. */
export function applyCustomerNature(lines: SourceLine[], c: CustomerFiscal): SourceLine[] {
  return c.defaultNatura ? lines.map((l) => ({ ...l, vatBp: 0, natura: c.defaultNatura })) : lines;
}

function plan(ctx: ReadCtx, month: string, customerId: number | null) {
  const settings = readSettings(ctx);
  const date = monthEnd(month);
  const all = uninvoicedDdts(ctx, `${month}-01`, date, customerId);
  const customers = loadCustomersFiscal(ctx, [...new Set(all.map((d) => d.customerId))]);
  const byCustomer = new Map<number, CandidateDdt[]>();
  for (const d of all) {
    const c = customers.get(d.customerId)!;
    if (!wantsInvoice(c, d.channels, settings.invoicing)) continue;
    const list = byCustomer.get(d.customerId);
    if (list) list.push(d);
    else byCustomer.set(d.customerId, [d]);
  }
  const ddtCustomer = new Map(all.map((d) => [d.id, d.customerId]));
  const linesOf = new Map<number, SourceLine[]>();
  for (const l of linesForDdts(ctx, [...byCustomer.values()].flat().map((d) => d.id))) {
    const cid = ddtCustomer.get(l.ddtId!)!;
    const list = linesOf.get(cid);
    if (list) list.push(l);
    else linesOf.set(cid, [l]);
  }
  const planned: PlannedInvoice[] = [];
  for (const [cid, ddts] of byCustomer) {
    const customer = customers.get(cid)!;
    const lines = applyCustomerNature(linesOf.get(cid) ?? [], customer);
    const withB = withBollo(settings.invoicing, 'TD24', lines);
    const amounts = safeAmounts(withB.lines, settings.invoicing.bolloNature);
    const problems: InvoiceProblem[] = [
      ...customerProblems(customer),
      ...lineProblems(withB.lines.map((l, i) => ({ ...l, position: i + 1 }))).map((p) => ({ ...p, customerId: cid })),
    ];
    planned.push({
      customer,
      ddts,
      lines,
      proposal: {
        customer: { id: cid, name: customer.name },
        date,
        ddts: ddts.map((d) => ({ id: d.id, number: d.number, date: d.date })),
        lineCount: withB.lines.length,
        taxableCents: amounts.taxableCents,
        vatCents: amounts.vatCents,
        bolloCents: withB.bolloCents,
        totalCents: amounts.totalCents,
        problems,
      },
    });
  }
  planned.sort((a, b) => a.customer.name.localeCompare(b.customer.name, 'it') || a.customer.id - b.customer.id);
  return { date, planned, companyProblems: companyProblems(settings.company), language: settings.language };
}

export const previewMonth: Handler<'invoicing.previewMonth'> = (ctx, input) => {
  const p = plan(ctx, input.month, input.customerId ?? null);
  const customers = p.planned.map((x) => x.proposal);
  const ok = p.companyProblems.length === 0 ? customers.filter((c) => c.problems.length === 0) : [];
  return {
    month: input.month,
    date: p.date,
    customers,
    invoices: ok,
    companyProblems: p.companyProblems,
    totals: {
      ddtCount: ok.reduce((s, c) => s + c.ddts.length, 0),
      taxableCents: ok.reduce((s, c) => s + c.taxableCents, 0),
      vatCents: ok.reduce((s, c) => s + c.vatCents, 0),
      totalCents: ok.reduce((s, c) => s + c.totalCents, 0),
    },
  };
};

export const issueMonth: Handler<'invoicing.issueMonth'> = (ctx, input) => {
  const today = todayOf(ctx);
  // a deferred invoice is dated the month's last day: never a day still to come
  if (monthEnd(input.month) > today) {
    throw fieldError(`The month ${input.month} ends on ${monthEnd(input.month)}: its deferred invoices can be issued from that day`, [
      { path: ['month'], message: `${input.month} is not over yet`, key: 'month_not_over', params: { lastDay: monthEnd(input.month) } },
    ]);
  }
  const p = plan(ctx, input.month, input.customerId ?? null);
  refuseProblems(p.companyProblems, 'The month');
  if (input.customerId !== undefined && p.planned[0] && p.planned[0].proposal.problems.length > 0) refuseProblems(p.planned[0].proposal.problems, 'The invoice');
  const invoices = [];
  const skipped = [];
  for (const x of p.planned) {
    if (x.proposal.problems.length > 0) {
      skipped.push({ customer: x.proposal.customer, problems: x.proposal.problems });
      continue;
    }
    const id = insertInvoice(ctx, {
      kind: 'TD24',
      customerId: x.customer.id,
      date: p.date,
      periodMonth: input.month,
      orderId: null,
      correctsInvoiceId: null,
      returnId: null,
      language: x.customer.language,
      paymentTerms: null,
      notes: '',
      lines: x.lines,
      ddtIds: x.ddts.map((d) => d.id),
    });
    issueInvoice(ctx, id);
    const row = loadInvoiceRow(ctx, id);
    if (row.number === null) throw new DomainError('INTERNAL', 'An issued invoice has no number', { id });
    invoices.push({ id, number: row.number, customerId: x.customer.id, customerName: x.customer.name, totalCents: row.totalCents, ddtCount: x.ddts.length });
  }
  return { month: input.month, date: p.date, invoices, skipped };
};
