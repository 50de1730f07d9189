import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';
import { fillCompany } from './shipping/workshop';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  fillCompany(app);
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function text(base64: string, name: string): string {
  const file = join(t.dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

/** An order of 10 soaps at 2,50 € (+22 % VAT = 30,50 €) for a customer on the given terms, shipped. */
function shipped(cashOnDelivery: boolean) {
  const soap = app.call('catalog.createItem', { sku: `SAP-${cashOnDelivery}`, name: 'Sapone', kind: 'product', unit: 'pcs', salePrice: '2,50', netWeight: '100 g' });
  app.call('inventory.receive', { lines: [{ itemId: soap.id, quantity: '10', expiresOn: '2027-03-01' }] });
  const terms = app.call('prices.createPaymentTerms', { name: cashOnDelivery ? 'Contrassegno' : 'Bonifico 30 gg', method: cashOnDelivery ? 'MP01' : 'MP05', days: [cashOnDelivery ? 0 : 30], cashOnDelivery });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria La Malva', street: 'Via Roma 1', postcode: '40121', city: 'Bologna', province: 'BO' });
  app.call('prices.setCustomerTerms', { customerId: customer.id, paymentTermsId: terms.id });
  const order = app.call('orders.create', { customerId: customer.id, confirm: true, lines: [{ itemId: soap.id, quantity: '10' }] });
  app.call('orders.fulfil', { orderIds: [order.id] });
  const proposal = app.call('shipping.proposal', { orderIds: [order.id] });
  const draft = app.call('shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 1, appearance: 'scatola', tare: '0,2' }],
    transportBy: 'carrier',
    carrier: 'BRT',
  });
  return app.call('shipping.confirm', { id: draft.id, transportStart: '2026-10-22T15:30' });
}

describe('contrassegno on the DDT and the shipping label', () => {
  it('an order on cash-on-delivery terms shows the amount to collect (total with VAT) on both', async () => {
    const s = shipped(true);
    const ddt = text((await app.callAsync('shipping.ddtPdf', { shipmentId: s.id })).base64, 'ddt');
    expect(ddt).toMatch(/CONTRASSEGNO — da incassare: 30,50\s€/);
    const labels = text((await app.callAsync('labels.shipmentPdf', { shipmentId: s.id })).base64, 'labels');
    expect(labels).toMatch(/Contrassegno 30,50\s€/);
  });

  it('other terms show nothing to collect', async () => {
    const s = shipped(false);
    expect(text((await app.callAsync('shipping.ddtPdf', { shipmentId: s.id })).base64, 'ddt')).not.toContain('CONTRASSEGNO');
    expect(text((await app.callAsync('labels.shipmentPdf', { shipmentId: s.id })).base64, 'labels')).not.toContain('Contrassegno');
  });
});
