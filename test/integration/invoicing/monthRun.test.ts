import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aB2bCustomer, aStockedProduct, openShop, sellAndShip, type Shop } from './workshop';

let shop: Shop;
beforeEach(() => {
  shop = openShop('2026-03-02');
});
afterEach(() => shop.cleanup());

const count = (table: string) => (shop.app.ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('invoice the month (TD24)', () => {
  it('the preview writes nothing, proposes one invoice per customer with its DDTs and hand-computed totals for mixed rates', () => {
    const { app } = shop;
    const c = aB2bCustomer(app, 'Erboristeria La Malva');
    const soap = aStockedProduct(app);
    const book = aStockedProduct(app);
    // 3 × 4,20 at 22 % with 10+5 % = 10,773 → 10,77; 2 × 12,50 at 4 % = 25,00
    sellAndShip(app, c.id, [
      { itemId: soap.id, quantity: '3', unitPrice: '4,20', discountPct: '10+5' },
      { itemId: book.id, quantity: '2', unitPrice: '12,50', vatPct: '4' },
    ]);
    shop.setDay('2026-03-20');
    sellAndShip(app, c.id, [{ itemId: soap.id, quantity: '10', unitPrice: '4,20' }]);
    const before = { invoices: count('invoices'), sequences: count('sequences'), audit: count('audit_log') };
    const p = app.call('invoicing.previewMonth', { month: '2026-03' });
    expect({ invoices: count('invoices'), sequences: count('sequences'), audit: count('audit_log') }).toEqual(before);
    expect(p.invoices).toHaveLength(1);
    const inv = p.invoices[0]!;
    expect(inv.ddts.map((d) => d.number)).toEqual(['1/2026', '2/2026']);
    expect(inv.date).toBe('2026-03-31');
    // 22 %: 10,77 + 42,00 = 52,77 taxable; VAT on the exact 52,773 = 11,61006 → 11,61; 4 %: 25,00 → 1,00
    expect({ taxable: inv.taxableCents, vat: inv.vatCents, total: inv.totalCents }).toEqual({ taxable: 7777, vat: 1161 + 100, total: 7777 + 1261 });
  });

  it('issuing makes one numbered TD24 dated the last day with every DDT and each line linked to its DDT; running again issues nothing', () => {
    const { app } = shop;
    const a = aB2bCustomer(app, 'Alfa');
    const b = aB2bCustomer(app, 'Beta');
    const soap = aStockedProduct(app);
    const s1 = sellAndShip(app, a.id, [{ itemId: soap.id, quantity: '2', unitPrice: '5' }]).shipment;
    const s2 = sellAndShip(app, b.id, [{ itemId: soap.id, quantity: '1', unitPrice: '5' }]).shipment;
    const s3 = sellAndShip(app, a.id, [{ itemId: soap.id, quantity: '4', unitPrice: '5' }]).shipment;
    shop.setDay('2026-04-03');
    const r = app.call('invoicing.issueMonth', { month: '2026-03' });
    expect(r.invoices.map((i) => [i.customerName, i.number, i.ddtCount])).toEqual([
      ['Alfa', '1/2026', 2],
      ['Beta', '2/2026', 1],
    ]);
    const inv = app.call('invoicing.get', { id: r.invoices[0]!.id });
    expect({ kind: inv.kind, state: inv.state, date: inv.date, period: inv.periodMonth }).toEqual({ kind: 'TD24', state: 'issued', date: '2026-03-31', period: '2026-03' });
    expect(inv.ddts.map((d) => d.id)).toEqual([s1.ddt!.id, s3.ddt!.id]);
    expect(inv.lines.map((l) => l.ddtId)).toEqual([s1.ddt!.id, s3.ddt!.id]);
    const doc = app.call('invoicing.document', { id: inv.id });
    expect(doc.ddts).toEqual([
      { number: s1.ddt!.number, date: s1.ddt!.date, lineNumbers: [1] },
      { number: s3.ddt!.number, date: s3.ddt!.date, lineNumbers: [2] },
    ]);
    expect(s2.ddt).not.toBeNull();
    const again = app.call('invoicing.issueMonth', { month: '2026-03' });
    expect(again.invoices).toEqual([]);
    expect(app.call('invoicing.previewMonth', { month: '2026-03' }).invoices).toEqual([]);
    expect(count('invoices')).toBe(2);
  });

  it('return DDTs, DDTs whose causale is not a sale and shop consumers who asked no invoice are left out', () => {
    const { app } = shop;
    const b2b = aB2bCustomer(app, 'Negozio Bio');
    const consumer = app.call('parties.createCustomer', { name: 'Maria Rossi', fiscalCode: 'RSSMRA80A41H501Y', street: 'Via Po 1', postcode: '10100', city: 'Torino', province: 'TO' });
    const soap = aStockedProduct(app);
    const sale = sellAndShip(app, b2b.id, [{ itemId: soap.id, quantity: '5', unitPrice: '4' }]);
    sellAndShip(app, b2b.id, [{ itemId: soap.id, quantity: '1', unitPrice: '4' }], { causale: 'omaggio' });
    sellAndShip(app, consumer.id, [{ itemId: soap.id, quantity: '1', unitPrice: '4' }], { channel: 'shopify' });
    app.call('shipping.createReturn', { shipmentId: sale.shipment.id, reason: 'rotto', collected: true, packageCount: 1, grossWeight: '1', lines: [{ shipmentLineId: sale.shipment.lines[0]!.id, quantity: '1', disposition: 'scrap' }] });
    const p = app.call('invoicing.previewMonth', { month: '2026-03' });
    expect(p.customers.map((c) => [c.customer.name, c.ddts.map((d) => d.number)])).toEqual([['Negozio Bio', [sale.shipment.ddt!.number]]]);
    // the consumer asks for an invoice: now she gets one
    app.call('invoicing.setCustomerSettings', { customerId: consumer.id, wantsInvoice: true, defaultNatura: null });
    expect(app.call('invoicing.previewMonth', { month: '2026-03' }).customers.map((c) => c.customer.name)).toEqual(['Maria Rossi', 'Negozio Bio']);
  });

  it("December's DDTs invoiced on 10 January are dated 31 December and numbered in the old year", () => {
    const { app } = shop;
    shop.setDay('2026-12-18');
    const c = aB2bCustomer(app);
    const soap = aStockedProduct(app);
    sellAndShip(app, c.id, [{ itemId: soap.id, quantity: '1', unitPrice: '10' }]);
    shop.setDay('2027-01-10');
    const jan = app.call('invoicing.createDraft', { customerId: c.id, lines: [{ description: 'Consulenza', quantity: '1', unitPrice: '100', vatRate: '22' }] });
    app.call('invoicing.issue', { id: jan.id });
    const r = app.call('invoicing.issueMonth', { month: '2026-12' });
    expect(r.invoices.map((i) => i.number)).toEqual(['1/2026']);
    expect(app.call('invoicing.get', { id: r.invoices[0]!.id }).date).toBe('2026-12-31');
    expect(app.call('invoicing.get', { id: jan.id }).number).toBe('1/2027');
  });

  it('a customer with missing fiscal data is refused naming the field, and no number is used', () => {
    const { app } = shop;
    const c = aB2bCustomer(app, 'Senza Codice', { sdiCode: null, pec: null });
    const soap = aStockedProduct(app);
    sellAndShip(app, c.id, [{ itemId: soap.id, quantity: '1', unitPrice: '10' }]);
    const p = app.call('invoicing.previewMonth', { month: '2026-03' });
    expect(p.invoices).toEqual([]);
    expect(p.customers[0]!.problems.map((x) => [x.scope, x.field])).toEqual([['customer', 'sdiCode']]);
    shop.setDay('2026-04-02');
    const r = app.invoke('invoicing.issueMonth', { month: '2026-03', customerId: c.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('SDI code or PEC');
    expect(count('invoices')).toBe(0);
    expect(count('sequences WHERE key LIKE \'invoice:%\'')).toBe(0);
    // fixed: the number is the first of the year
    app.call('parties.updateCustomer', { ...app.call('parties.getCustomer', { id: c.id }), sdiCode: 'XYZ9876' });
    expect(app.call('invoicing.issueMonth', { month: '2026-03' }).invoices.map((i) => i.number)).toEqual(['1/2026']);
  });

  it('missing company fiscal data refuses the whole run naming the company field', () => {
    const { app } = shop;
    app.call('settings.update', { company: { regimeFiscale: '' } });
    const c = aB2bCustomer(app);
    sellAndShip(app, c.id, [{ itemId: aStockedProduct(app).id, quantity: '1', unitPrice: '10' }]);
    shop.setDay('2026-04-02');
    const r = app.invoke('invoicing.issueMonth', { month: '2026-03' });
    expect(r.ok ? null : (r.error.details as { problems: { scope: string; field: string }[] }).problems.map((p) => `${p.scope}.${p.field}`)).toEqual(['company.regimeFiscale']);
    expect(count('invoices')).toBe(0);
  });

  it('a month is invoiced from its last day on, and a DDT already invoiced is refused when an invoice is made from its order again', () => {
    const { app } = shop;
    const c = aB2bCustomer(app);
    const { order } = sellAndShip(app, c.id, [{ itemId: aStockedProduct(app).id, quantity: '1', unitPrice: '10' }]);
    const early = app.invoke('invoicing.issueMonth', { month: '2026-03' });
    expect(early.ok ? null : [early.error.code, early.error.message]).toEqual(['VALIDATION', expect.stringContaining('ends on 2026-03-31')]);
    shop.setDay('2026-04-02');
    app.call('invoicing.issueMonth', { month: '2026-03' });
    const r = app.invoke('invoicing.createFromOrder', { orderId: order.id });
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(['CONFLICT', expect.stringContaining('already invoiced')]);
  });
});
