/**
 * `bottega invoice month YYYY-MM [--customer ID] [--dry-run] [--json]`: the month's deferred
 * invoices (TD24), one per customer, through invoicing.issueMonth; --dry-run prints the
 * preview (invoicing.previewMonth, whose JSON has `invoices`: what would be issued, empty
 * when nothing is left). Nothing to invoice is not an error (exit 0).
 */
import type { MonthPreview } from '../../src-shared/contract/invoicing';
import type { BottegaApp } from '../api/app';

type Print = (s: string) => void;
const euros = (cents: number) => (cents / 100).toFixed(2);

export function invoiceCommand(app: BottegaApp, args: string[], opts: { customer?: string; dryRun: boolean; json: boolean }, out: Print, err: Print): number {
  const [sub, month, ...extra] = args;
  const customerId = opts.customer === undefined ? undefined : Number(opts.customer);
  if (sub !== 'month' || !month || !/^\d{4}-\d{2}$/.test(month) || extra.length > 0 || (customerId !== undefined && !(Number.isInteger(customerId) && customerId > 0))) {
    err('Usage: bottega invoice month YYYY-MM [--customer ID] [--dry-run] [--json]');
    return 2;
  }
  const input = { month, ...(customerId !== undefined ? { customerId } : {}) };
  const res = app.invoke(opts.dryRun ? 'invoicing.previewMonth' : 'invoicing.issueMonth', input);
  if (!res.ok) {
    err(JSON.stringify(res));
    return res.error.code === 'VALIDATION' ? 2 : 1;
  }
  if (opts.json) {
    out(JSON.stringify(res.data));
    return 0;
  }
  if (opts.dryRun) {
    const p = res.data as MonthPreview;
    for (const c of p.companyProblems) out(`Company: ${c.message}`);
    out(p.invoices.length === 0 ? `Nothing to invoice for ${month}.` : `Would issue ${p.invoices.length} invoices dated ${p.date} (dry run, nothing written):`);
    for (const c of p.customers) {
      out(`  ${c.customer.name}: ${c.ddts.length} DDT, total ${euros(c.totalCents)} €${c.problems.length ? `  NOT ISSUED: ${c.problems.map((x) => x.message).join('; ')}` : ''}`);
    }
    return 0;
  }
  const r = res.data as { invoices: { number: string; customerName: string; totalCents: number; ddtCount: number }[]; skipped: { customer: { name: string }; problems: { message: string }[] }[]; date: string };
  out(r.invoices.length === 0 ? `Nothing to invoice for ${month}.` : `Issued ${r.invoices.length} invoices dated ${r.date}:`);
  for (const i of r.invoices) out(`  ${i.number}  ${i.customerName}  ${i.ddtCount} DDT  ${euros(i.totalCents)} €`);
  for (const s of r.skipped) out(`  Not issued: ${s.customer.name}: ${s.problems.map((p) => p.message).join('; ')}`);
  return 0;
}
