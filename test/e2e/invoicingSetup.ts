/**
 * The invoicing e2e specs' workshop: a server whose clock the test moves (movableClock.mjs),
 * the company's fiscal data, three customers (one without an address), two products in
 * stock, and November's sale DDTs; "today" is then 3 December.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { startServer, type BottegaServer } from './fixtures';
import { api, type App } from './helpers';
import { validPartitaIva } from '../builders/parties';

export { expect };

/** The DDTs go out in November; the owner invoices on 3 December (the server's and the page's clock). */
export const SHIP_DAYS = ['2026-11-10T09:00:00+01:00', '2026-11-20T09:00:00+01:00'];
export const INVOICE_DAY = '2026-12-03T10:00:00+01:00';
const here = fileURLToPath(new URL('.', import.meta.url));

export const test = base.extend<{ app: BottegaServer & { setNow(iso: string): void } }>({
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'bottega-e2e-'));
    const clock = join(dir, 'now.txt');
    writeFileSync(clock, SHIP_DAYS[0]!);
    const { server, child } = await startServer(join(dir, 'bottega.db'), { nodeArgs: ['--import', join(here, 'movableClock.mjs')], env: { BOTTEGA_CLOCK_FILE: clock, TZ: 'Europe/Rome' } });
    // the server reads the file at every Date it makes: written whole beside it and renamed over
    // it, so a read never meets the emptied file between writeFileSync's truncate and its write
    const setNow = (iso: string) => {
      writeFileSync(`${clock}.next`, iso);
      renameSync(`${clock}.next`, clock);
    };
    await use({ ...server, setNow });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});


export type Line = { itemId: number; quantity: string; unitPrice: string; vatPct?: string };

/** An order confirmed, fulfilled from stock and shipped whole: a sale DDT dated today. */
export async function sellAndShip(app: App, customerId: number, lines: Line[]) {
  const order = await api<{ id: number }>(app, 'orders.create', { customerId, lines, confirm: true });
  await api(app, 'orders.fulfil', { orderIds: [order.id] });
  const full = await api<{ lines: { id: number; allocations: { lotId: number; qtyMilli: number }[] }[] }>(app, 'orders.get', { id: order.id });
  const shipLines = full.lines.flatMap((l) => l.allocations.map((a) => ({ orderLineId: l.id, lotId: a.lotId, quantity: String(a.qtyMilli / 1000) })));
  const draft = await api<{ id: number }>(app, 'shipping.create', { lines: shipLines, packages: [{ count: 1 }], grossWeight: '1', causale: 'vendita' });
  await api(app, 'shipping.confirm', { id: draft.id });
  return order;
}

export async function workshop(app: App & { setNow(iso: string): void }) {
  await api(app, 'system.startEmpty', {});
  await api(app, 'settings.update', {
    company: {
      name: 'Saponificio Aurora S.r.l.',
      vatNumber: validPartitaIva(4242),
      street: 'Via dei Mulini, 12',
      postcode: '50136',
      city: 'Firenze',
      province: 'FI',
      regimeFiscale: 'RF01',
      reaOffice: 'FI',
      reaNumber: '123456',
      iban: 'IT60X0542811101000000123456',
      bankName: 'Banca di Firenze',
    },
  });
  const terms = await api<{ id: number }>(app, 'prices.createPaymentTerms', { name: 'Bonifico 30/60 DF', method: 'MP05', days: [30, 60] });
  const cash = await api<{ id: number }>(app, 'prices.createPaymentTerms', { name: 'Rimessa diretta', method: 'MP05', days: [0] });
  const customer = (name: string, extra: Record<string, unknown> = {}) =>
    api<{ id: number }>(app, 'parties.createCustomer', { name, vatNumber: validPartitaIva(5000 + name.length), street: 'Via Roma, 1', postcode: '20121', city: 'Milano', province: 'MI', sdiCode: 'ABC1234', ...extra });
  const tiglio = await customer('Erboristeria Il Tiglio');
  await api(app, 'prices.setCustomerTerms', { customerId: tiglio.id, paymentTermsId: terms.id, priceListIds: [] });
  const malva = await customer('Bottega La Malva di Rossi', { vatNumber: validPartitaIva(7777) });
  await api(app, 'prices.setCustomerTerms', { customerId: malva.id, paymentTermsId: cash.id, priceListIds: [] });
  const noAddress = await customer('Farmacia Senza Indirizzo', { vatNumber: validPartitaIva(8888), street: '', postcode: '' });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda 100 g', kind: 'product', unit: 'pcs', salePrice: '5,50' });
  const book = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'LIB-SAP', name: 'Libretto «Il sapone naturale»', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'inventory.receive', { lines: [{ itemId: soap.id, quantity: '500', expiresOn: '2030-01-01' }, { itemId: book.id, quantity: '50', expiresOn: '2030-01-01' }] });
  await sellAndShip(app, tiglio.id, [
    { itemId: soap.id, quantity: '24', unitPrice: '4,20' },
    { itemId: book.id, quantity: '2', unitPrice: '12,50', vatPct: '4' },
  ]);
  app.setNow(SHIP_DAYS[1]!);
  await sellAndShip(app, tiglio.id, [{ itemId: soap.id, quantity: '12', unitPrice: '4,20' }]);
  await sellAndShip(app, malva.id, [{ itemId: soap.id, quantity: '48', unitPrice: '4,00' }]);
  await sellAndShip(app, noAddress.id, [{ itemId: soap.id, quantity: '6', unitPrice: '5,50' }]);
  app.setNow(INVOICE_DAY);
  return { tiglio, malva, noAddress, soap };
}
