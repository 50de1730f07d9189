/**
 * The small workshop's invoices, through the real commands: the company's fiscal data, the
 * last three full months invoiced (TD24, one per customer, issued on the 5th of the next
 * month), the older ones sent and delivered, most instalments past due paid (a few in part,
 * some left overdue, so the scadenzario has something to chase), and a credit note for a
 * discount granted after the fact. The large dataset has no invoices (the bench makes its
 * own), so generating it costs nothing more.
 */
import { addDays, localDate } from '../../../src-shared/domain/dates';
import { monthEnd } from '../../../src-shared/domain/invoicing/instalments';
import type { PaymentMethod } from '../../../src-shared/contract/prices';
import type { Ctx } from '../../api/context';
import { readSettings } from '../../modules/settings/store';
import { atTime, demoCall } from '../call';
import type { Rng } from '../rng';
import type { DemoState, DemoStep } from '../types';

function previousMonths(today: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < n; i++) {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

const at = (ctx: Ctx, day: string) => atTime(ctx, new Date(`${day}T10:00:00.000Z`));

function fiscalCompany(ctx: Ctx): void {
  const c = readSettings(ctx).company;
  demoCall(ctx, 'settings.update', {
    company: {
      regimeFiscale: c.regimeFiscale || 'RF01',
      reaOffice: c.reaOffice || 'FI',
      reaNumber: c.reaNumber || '612345',
      shareCapitalCents: c.shareCapitalCents ?? 1_000_000,
      soleShareholder: c.soleShareholder ?? 'SM',
      iban: c.iban || 'IT60X0542811101000000123456',
      bankName: c.bankName || 'Banca di Credito Cooperativo di Firenze',
      postcode: /^\d{5}$/.test(c.postcode) ? c.postcode : '50127',
      province: c.province || 'FI',
    },
    invoicing: { overdueWarnCents: 50_000 },
  });
}

const EU = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

/**
 * What the customers of those months need for an invoice that the parties demo did not
 * give them: an SDI code for companies without one (or a PEC), and the Natura of their 0 %
 * lines (a foreign customer: N3.2 within the EU, N3.1 outside).
 */
function fiscalCustomers(ctx: Ctx, rng: Rng, from: string, to: string): void {
  const ids = ctx.sqlite
    .prepare("SELECT DISTINCT s.customer_id FROM ddts d JOIN shipments s ON s.id = d.shipment_id WHERE d.kind = 'shipment' AND d.date >= ? AND d.date <= ? ORDER BY 1")
    .pluck()
    .all(from, to) as number[];
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  for (const id of ids) {
    const c = demoCall(ctx, 'parties.getCustomer', { id });
    if (c.vatNumber && !c.sdiCode && !c.pec && c.country === 'IT') {
      const code = Array.from({ length: 7 }, () => letters[Math.floor(rng.next() * letters.length)]).join('');
      demoCall(ctx, 'parties.updateCustomer', { ...c, sdiCode: code });
    }
    const zeroRated = ctx.sqlite.prepare('SELECT 1 FROM order_lines ol JOIN customer_orders o ON o.id = ol.order_id WHERE o.customer_id = ? AND ol.vat_bp = 0 LIMIT 1').get(id);
    if (zeroRated || c.country !== 'IT') demoCall(ctx, 'invoicing.setCustomerSettings', { customerId: id, wantsInvoice: null, defaultNatura: EU.includes(c.country) ? 'N3.2' : c.country === 'IT' ? 'N3.5' : 'N3.1', intentDeclaration: c.country === 'IT' ? '23050211234567-000001' : '' });
  }
}

export const invoicingStep: DemoStep = {
  name: 'invoicing',
  run(ctx: Ctx, rng: Rng, state: DemoState): Record<string, number> {
    if (state.scale !== 'small') return {};
    fiscalCompany(ctx);
    const today = localDate(ctx.now());
    const months = previousMonths(today, 3);
    fiscalCustomers(ctx, rng, `${months[0]}-01`, monthEnd(months[months.length - 1]!));
    const issued: number[] = [];
    for (const month of months) {
      const day = addDays(monthEnd(month), 5) < today ? addDays(monthEnd(month), 5) : today;
      issued.push(...demoCall(at(ctx, day), 'invoicing.issueMonth', { month }).invoices.map((i) => i.id));
    }
    let payments = 0;
    let credit = 0;
    for (const id of issued) {
      const inv = demoCall(ctx, 'invoicing.get', { id });
      // sent the day after issue; delivered unless it is the last month's
      const sentOn = addDays(inv.issuedAt!.slice(0, 10), 1) < today ? addDays(inv.issuedAt!.slice(0, 10), 1) : today;
      demoCall(at(ctx, sentOn), 'invoicing.markSent', { id });
      if (inv.periodMonth !== months[months.length - 1]) demoCall(at(ctx, sentOn), 'invoicing.markDelivered', { id });
      for (const inst of inv.instalments) {
        if (inst.dueDate >= today) continue;
        const r = rng.next();
        if (r < 0.2) continue; // left overdue
        const amount = r < 0.3 ? Math.floor(inst.amountCents / 2) : inst.amountCents;
        const late = addDays(inst.dueDate, Math.floor(rng.next() * 5));
        const payDay = late < today ? late : today;
        demoCall(at(ctx, payDay), 'invoicing.registerPayment', { instalmentId: inst.id, date: payDay, amount: (amount / 100).toFixed(2).replace('.', ','), method: inst.method as PaymentMethod });
        payments++;
      }
    }
    const first = issued[0];
    if (first !== undefined) {
      const inv = demoCall(ctx, 'invoicing.get', { id: first });
      const discount = Math.min(2000, Math.floor(inv.taxableCents / 10));
      if (discount > 0) {
        const cn = demoCall(ctx, 'invoicing.createCreditNote', { invoiceId: first, discountAmount: (discount / 100).toFixed(2).replace('.', ','), description: 'Sconto concordato per ritardo di consegna' });
        demoCall(ctx, 'invoicing.issue', { id: cn.id });
        credit++;
      }
    }
    return { invoices: issued.length, creditNotes: credit, payments };
  },
};
