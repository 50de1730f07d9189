import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aB2bCustomer, aStockedProduct, openShop, sellAndShip, type Shop } from './workshop';

let shop: Shop;
beforeEach(() => {
  shop = openShop('2026-03-02');
});
afterEach(() => shop.cleanup());

const draftOf = (customerId: number, lines: { description: string; quantity: string; unitPrice: string; vatRate: string; natura?: string; discounts?: string }[]) => ({ customerId, lines });

describe('immediate invoices, bollo and Natura', () => {
  it('an N3.2 intra-EU line of 500 € takes no bollo; N4 lines of 77,47 € none, of 77,48 € the 2,00 € bollo charged as an N1 line', () => {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const eu = app.call('invoicing.createDraft', draftOf(c.id, [{ description: 'Saponi', quantity: '1', unitPrice: '500', vatRate: '0', natura: 'N3.2' }]));
    expect(eu.bolloCents).toBe(0);
    const at = app.call('invoicing.createDraft', draftOf(c.id, [{ description: 'Esente', quantity: '1', unitPrice: '77,47', vatRate: '0', natura: 'N4' }]));
    expect({ bollo: at.bolloCents, total: at.totalCents }).toEqual({ bollo: 0, total: 7747 });
    const over = app.call('invoicing.createDraft', draftOf(c.id, [{ description: 'Esente', quantity: '1', unitPrice: '77,48', vatRate: '0', natura: 'N4' }]));
    expect({ bollo: over.bolloCents, total: over.totalCents, rows: over.vatRows.map((r) => [r.natura, r.taxableCents]) }).toEqual({ bollo: 200, total: 7948, rows: [['N1', 200], ['N4', 7748]] });
    const issued = app.call('invoicing.issue', { id: over.id });
    expect(app.call('invoicing.document', { id: issued.id }).bolloCents).toBe(200);
  });

  it('a 0 % line without Natura and a bare N3 are refused naming the line, nothing written', () => {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const none = app.invoke('invoicing.createDraft', draftOf(c.id, [{ description: 'X', quantity: '1', unitPrice: '1', vatRate: '0' }]));
    expect(none.ok ? null : (none.error.details as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([['lines', 0, 'natura']]);
    const bare = app.call('invoicing.createDraft', draftOf(c.id, [{ description: 'X', quantity: '1', unitPrice: '1', vatRate: '0', natura: 'N3' }]));
    const r = app.invoke('invoicing.issue', { id: bare.id });
    expect(r.ok ? null : r.error.message).toContain('bare Natura');
    expect(app.call('invoicing.get', { id: bare.id }).number).toBeNull();
  });

  it('rounding: 3 × 0,333 at 22 % is 1,00 € with 0,22 € VAT; 7 × 1,115 is 7,81 € (half up once, never per unit)', () => {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const d = app.call('invoicing.createDraft', draftOf(c.id, [{ description: 'A', quantity: '3', unitPrice: '0,333', vatRate: '22' }, { description: 'B', quantity: '7', unitPrice: '1,115', vatRate: '10' }]));
    expect(d.lines.map((l) => l.lineTotalCents)).toEqual([100, 781]);
    // 22 %: exact 0,999 × 22 % = 0,21978 → 0,22; 10 %: 7,805 × 10 % = 0,7805 → 0,78
    expect(d.vatRows.map((r) => [r.vatBp, r.taxableCents, r.vatCents])).toEqual([
      [2200, 100, 22],
      [1000, 781, 78],
    ]);
  });

  it('a shop order with VAT-inclusive prices: the invoice total is what the customer paid', () => {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const soap = aStockedProduct(app);
    // Shopify #1001: 38,40 € paid at 22 % → exact net 31,47540984
    const { order } = sellAndShip(app, c.id, [{ itemId: soap.id, quantity: '1', unitPrice: '31,47540984' }], { channel: 'shopify', externalRef: '#1001' });
    const inv = app.call('invoicing.createFromOrder', { orderId: order.id });
    expect(inv.totalCents).toBe(3840);
    app.call('invoicing.issue', { id: inv.id });
    // the shop's order number is the customer's order reference (DatiOrdineAcquisto)
    expect(app.call('invoicing.document', { id: inv.id }).orders).toEqual([{ reference: '#1001', date: order.orderedOn, lineNumbers: [1] }]);
    expect(order.totalCents + order.vatCents).toBe(3840);
  });

  it('a late immediate invoice warns, with the days since the DDT', () => {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const { order } = sellAndShip(app, c.id, [{ itemId: aStockedProduct(app).id, quantity: '1', unitPrice: '10' }]);
    shop.setDay('2026-03-20');
    const inv = app.call('invoicing.createFromOrder', { orderId: order.id });
    expect(inv.warnings.map((w) => [w.code, w.days])).toEqual([['late_immediate', 18]]);
  });
});

describe('credit notes, payments and the scadenzario', () => {
  function issuedInvoice() {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const soap = aStockedProduct(app);
    const sold = sellAndShip(app, c.id, [{ itemId: soap.id, quantity: '10', unitPrice: '5' }]);
    const inv = app.call('invoicing.issue', { id: app.call('invoicing.createFromOrder', { orderId: sold.order.id }).id });
    return { c, sold, inv };
  }

  it('a credit note from a return carries the returned quantity at the invoiced price, positive, linked to the invoice', () => {
    const { app } = shop;
    const { sold, inv } = issuedInvoice();
    const ret = app.call('shipping.createReturn', { shipmentId: sold.shipment.id, reason: 'rotti', lines: [{ shipmentLineId: sold.shipment.lines[0]!.id, quantity: '2', disposition: 'scrap' }] });
    const cn = app.call('invoicing.issue', { id: app.call('invoicing.createCreditNote', { invoiceId: inv.id, returnId: ret.id }).id });
    expect({ kind: cn.kind, number: cn.number, taxable: cn.taxableCents, vat: cn.vatCents, corrects: cn.corrects?.number, lines: cn.lines.map((l) => [l.qtyMilli, l.unitPrice]) }).toEqual({
      kind: 'TD04',
      number: '2/2026',
      taxable: 1000,
      vat: 220,
      corrects: inv.number,
      lines: [[2000, '5.00']],
    });
    expect(app.call('invoicing.document', { id: cn.id }).corrects).toEqual({ number: inv.number, date: inv.date });
  });

  it('a credit note above what is left of the invoice is refused and writes nothing', () => {
    const { app } = shop;
    const { inv } = issuedInvoice();
    app.call('invoicing.createCreditNote', { invoiceId: inv.id, discountAmount: '30' });
    const before = app.call('invoicing.list', {}).total;
    // 61,00 total − 36,60 credited = 24,40 left; 20 € + 22 % = 24,40 fits, 20,01 € does not
    const r = app.invoke('invoicing.createCreditNote', { invoiceId: inv.id, discountAmount: '20,01' });
    expect(r.ok ? null : r.error.message).toContain('above what is left');
    expect(app.call('invoicing.list', {}).total).toBe(before);
    expect(app.call('invoicing.createCreditNote', { invoiceId: inv.id, discountAmount: '20' }).totalCents).toBe(2440);
  });

  it('partial payments add up; a payment above what is due is refused; the balance and scadenzario follow', () => {
    const { app } = shop;
    const { c, inv } = issuedInvoice();
    const inst = inv.instalments[0]!;
    expect(inst.amountCents).toBe(6100);
    app.call('invoicing.registerPayment', { instalmentId: inst.id, date: '2026-03-05', amount: '40', method: 'MP05' });
    const r = app.invoke('invoicing.registerPayment', { instalmentId: inst.id, date: '2026-03-06', amount: '21,01', method: 'MP05' });
    expect(r.ok ? null : r.error.message).toContain('above what is due');
    expect(app.call('invoicing.customerBalance', { customerId: c.id }).openCents).toBe(2100);
    shop.setDay('2026-04-30');
    expect(app.call('invoicing.instalments', { state: 'overdue' }).totals.overdueCents).toBe(2100);
    const paid = app.call('invoicing.registerPayment', { instalmentId: inst.id, date: '2026-04-30', amount: '21', method: 'MP05' });
    expect(paid.state).toBe('paid');
    expect(app.call('invoicing.instalments', { state: 'open' }).total).toBe(0);
    const csv = app.call('invoicing.scadenzarioCsv', { state: 'all' });
    expect(csv.text.split('\n')[1]).toContain('61,00');
  });

  it('payment terms 30/60 DFFM split the total into instalments at the end of the months', () => {
    const { app } = shop;
    const terms = app.call('prices.createPaymentTerms', { name: 'RiBa 30/60 DFFM', method: 'MP12', days: [30, 60], endOfMonth: true });
    const c = aB2bCustomer(app);
    shop.setDay('2026-01-31');
    const d = app.call('invoicing.createDraft', { customerId: c.id, paymentTermsId: terms.id, lines: [{ description: 'A', quantity: '1', unitPrice: '100,01', vatRate: '22' }] });
    const inv = app.call('invoicing.issue', { id: d.id });
    expect(inv.instalments.map((i) => [i.dueDate, i.amountCents, i.method])).toEqual([
      ['2026-02-28', 6101, 'MP12'],
      ['2026-03-31', 6100, 'MP12'],
    ]);
  });

  it('a rejected invoice, corrected, takes its document again with the same number and date', () => {
    const { app } = shop;
    const { c, inv } = issuedInvoice();
    app.call('invoicing.markSent', { id: inv.id });
    app.call('invoicing.markRejected', { id: inv.id, reason: '00305 IdFiscaleIVA non valido' });
    app.call('parties.updateCustomer', { ...app.call('parties.getCustomer', { id: c.id }), name: 'Erboristeria Corretta S.r.l.' });
    shop.setDay('2026-03-04');
    const again = app.call('invoicing.reissueRejected', { id: inv.id });
    const doc = app.call('invoicing.document', { id: inv.id });
    expect({ state: again.state, number: again.number, date: again.date, name: doc.customer.name }).toEqual({ state: 'issued', number: inv.number, date: inv.date, name: 'Erboristeria Corretta S.r.l.' });
    expect(app.invoke('invoicing.deleteDraft', { id: inv.id }).ok).toBe(false);
  });
});

describe('drafts and states', () => {
  it('a draft is changed with invoicing.updateDraft; a delivered invoice is never changed; a payment removed reopens its instalment; toCollect lists the month', () => {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const d = app.call('invoicing.createDraft', draftOf(c.id, [{ description: 'A', quantity: '1', unitPrice: '10', vatRate: '22' }]));
    const u = app.call('invoicing.updateDraft', { id: d.id, ...draftOf(c.id, [{ description: 'B', quantity: '2', unitPrice: '10', vatRate: '22' }]) });
    expect([u.lines.map((l) => l.description), u.totalCents]).toEqual([['B'], 2440]);
    const inv = app.call('invoicing.issue', { id: d.id });
    // a sezionale has its own series: 1/A/2026 beside 1/2026
    const other = app.call('invoicing.createDraft', draftOf(c.id, [{ description: 'S', quantity: '1', unitPrice: '1', vatRate: '22' }]));
    expect([inv.number, app.call('invoicing.issue', { id: other.id, sezionale: 'A' }).number]).toEqual(['1/2026', '1/A/2026']);
    app.call('invoicing.markSent', { id: inv.id });
    expect(app.call('invoicing.markDelivered', { id: inv.id }).state).toBe('delivered');
    expect(app.invoke('invoicing.markRejected', { id: inv.id, reason: 'x' }).ok).toBe(false);
    expect(app.invoke('invoicing.updateDraft', { id: inv.id, ...draftOf(c.id, [{ description: 'C', quantity: '1', unitPrice: '1', vatRate: '22' }]) }).ok).toBe(false);
    const inst = inv.instalments[0]!;
    app.call('invoicing.registerPayment', { instalmentId: inst.id, date: '2026-03-02', amount: '24,40', method: 'MP05' });
    const payment = app.call('invoicing.get', { id: inv.id }).payments[0]!;
    expect(app.call('invoicing.deletePayment', { id: payment.id })).toMatchObject({ state: 'open', paidCents: 0 });
    const month = app.call('invoicing.toCollect', { month: '2026-03' });
    expect([month.instalments.map((i) => i.invoiceNumber), month.totals.dueCents]).toEqual([[inv.number, '1/A/2026'], 2440 + 122]);
  });
});
