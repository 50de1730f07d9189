import type { BottegaApp } from '../../../src-main/api/app';
import { runCheck } from '../../../src-main/db/check';
import { aCustomer, validPartitaIva } from '../../builders';

/** The company data a DDT needs (Settings → Company). */
export function fillCompany(app: BottegaApp): void {
  app.call('settings.update', {
    company: { name: 'Saponificio Aurora S.r.l.', vatNumber: validPartitaIva(4242), street: 'Via dei Mulini, 12', postcode: '50136', city: 'Firenze', province: 'FI', email: 'ordini@aurora.example', phone: '055 123456' },
  });
}

/**
 * A soap (pcs, 120 g each) in two finished lots of different expiry, a customer with
 * P.IVA and a different shipping address, and a confirmed order of 25 soaps + 2 creams
 * fulfilled from stock: every line ready to ship.
 */
let made = 0;

/** Each test's database starts without the workshop's items. */
export function resetWorkshop(): void {
  made = 0;
}

export function readyOrder(app: BottegaApp, opts: { soaps?: number; language?: 'it' | 'en'; phone?: string } = {}) {
  const n = made++;
  const sfx = n === 0 ? '' : `-${n}`;
  const soap = app.call('catalog.createItem', { sku: `SAP-LAV${sfx}`, name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', netWeight: '120 g', gtin: n === 0 ? '8001234567897' : null, shelfLifeDays: 365 });
  const cream = app.call('catalog.createItem', { sku: `CREMA-50${sfx}`, name: 'Crema mani 50 ml', kind: 'product', unit: 'pcs', netWeight: '75 g' });
  const lots = app.call('inventory.receive', {
    lines: [
      { itemId: soap.id, quantity: '10', expiresOn: '2027-03-01' },
      { itemId: soap.id, quantity: '40', expiresOn: '2027-06-01' },
      { itemId: cream.id, quantity: '10', expiresOn: '2027-09-01' },
    ],
  }).lots;
  const customer = app.call('parties.createCustomer', {
    ...aCustomer().name('Erboristeria La Malva').shipTo('Via del Magazzino, 3', '40121', 'Bologna', 'BO').phone(opts.phone ?? null).input(),
    language: opts.language ?? 'it',
  });
  const order = app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: String(opts.soaps ?? 25) }, { itemId: cream.id, quantity: '2' }], confirm: true });
  app.call('orders.fulfil', { orderIds: [order.id] });
  return { soap, cream, lots, customer, order: app.call('orders.get', { id: order.id }) };
}

export function checkProblems(app: BottegaApp) {
  return runCheck(app.ctx).checks.filter((c) => !c.ok);
}
