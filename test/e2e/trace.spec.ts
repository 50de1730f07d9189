/**
 * The supplier calls: lot ALM-77 of almond oil is contaminated. The owner finds it on
 * the traceability screen by the supplier's lot code, sees the soaps that contain it and
 * who holds them, downloads the recall report (PDF, rendered to PNG and read back) and
 * the CSV, recalls, and the order that held the soaps says so.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

type Lot = { id: number; code: string };

/** Oil (two supplier lots) + lye → soap base → soap; one soap lot held by a customer order. */
async function workshop(app: App) {
  const supplier = await api<{ id: number }>(app, 'parties.createSupplier', { name: 'Oleificio Rossi srl' });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Verdi', email: 'ordini@verdi.example', phone: '055 123456' });
  const oil = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-OLIO', name: 'Olio di mandorla', kind: 'material', unit: 'kg', unitCost: '6,00' });
  const lye = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-SODA', name: 'Soda caustica', kind: 'material', unit: 'kg', unitCost: '4,00' });
  const base = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SL-BASE', name: 'Base sapone', kind: 'intermediate', unit: 'kg', shelfLifeDays: 90 });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-SAPONE', name: 'Sapone alla mandorla', kind: 'product', unit: 'pcs', salePrice: '6,50', shelfLifeDays: 365 });
  await api(app, 'catalog.saveRecipe', { itemId: base.id, yield: '2 kg', components: [{ itemId: oil.id, quantity: '1,6 kg' }, { itemId: lye.id, quantity: '0,4 kg' }] });
  await api(app, 'catalog.saveRecipe', { itemId: soap.id, yield: '10 pz', components: [{ itemId: base.id, quantity: '1 kg' }] });
  const received = await api<{ lots: Lot[] }>(app, 'inventory.receive', {
    supplierId: supplier.id,
    supplierDdtNumber: '77/2026',
    lines: [
      { itemId: oil.id, quantity: '10 kg', supplierLotCode: 'ALM-77' },
      { itemId: lye.id, quantity: '5 kg', supplierLotCode: 'NAOH-5' },
    ],
  });
  const make = async (itemId: number, batches: number) => {
    const po = await api<{ id: number }>(app, 'production.create', { itemId, batches });
    await api(app, 'production.release', { id: po.id });
    return (await api<{ outputLot: Lot }>(app, 'production.complete', { id: po.id })).outputLot;
  };
  const baseLot = await make(base.id, 1);
  const soapA = await make(soap.id, 1);
  const soapB = await make(soap.id, 1);
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '6' }], confirm: true });
  await api(app, 'orders.fulfil', { orderIds: [order.id] });
  // a second customer already received 8 soaps of the second batch, on a DDT
  await api(app, 'settings.update', { company: { name: 'Saponificio Aurora S.r.l.', vatNumber: '00042420158', street: 'Via dei Mulini, 12', postcode: '50136', city: 'Firenze', province: 'FI' } });
  const shop = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Farmacia Bianchi', email: 'acquisti@bianchi.example', phone: '0577 654321' });
  const sold = await api<{ id: number; number: string; lines: { id: number }[] }>(app, 'orders.create', { customerId: shop.id, lines: [{ itemId: soap.id, quantity: '8' }], confirm: true });
  await api(app, 'orders.fulfil', { orderIds: [sold.id] });
  const shipment = await api<{ id: number }>(app, 'shipping.create', { lines: [{ orderLineId: sold.lines[0]!.id, lotId: soapB.id, quantity: '8' }], packages: [{ count: 1, appearance: 'scatola' }], grossWeight: '1,2' });
  const confirmed = await api<{ ddt: { number: string } }>(app, 'shipping.confirm', { id: shipment.id });
  return { oilLot: received.lots[0]!, baseLot, soapA, soapB, order, customer, ddt: confirmed.ddt.number };
}

test('trace a material lot forward, export the recall report, recall it', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-traceability')).toBeVisible();
  const w = await workshop(app);

  await page.getByTestId('nav-traceability').click();
  await expect(page.getByTestId('trace-start')).toBeVisible();

  // a typo first: a clear "no lot" with the similar code to click
  await page.getByTestId('trace-search').fill('ALM-78');
  await page.getByTestId('trace-search').press('Enter');
  await expect(page.getByTestId('trace-not-found')).toContainText('Nessun lotto con codice ALM-78');
  await page.getByTestId(`trace-suggestion-${w.oilLot.code}`).click();
  await expect(page.getByTestId('trace-root-code')).toHaveText(w.oilLot.code);

  // forward: base and both soaps, the order that holds soap, stock on hand
  await page.getByTestId('trace-direction').getByText('Avanti').click();
  const tree = page.getByTestId('trace-tree-forward');
  for (const lot of [w.baseLot, w.soapA, w.soapB]) await expect(tree.getByTestId(`trace-node-${lot.code}`)).toBeVisible();
  await expect(page.getByTestId('trace-stat-affected')).toHaveText('4');
  await expect(page.getByTestId('trace-stat-customers')).toHaveText('1');
  await expect(page.getByTestId('trace-customers')).toContainText('Farmacia Bianchi');
  await expect(page.getByTestId('trace-customers')).toContainText('acquisti@bianchi.example');
  await expect(page.getByTestId('trace-customers')).toContainText('0577 654321');
  await expect(page.getByTestId('trace-shipments')).toContainText(w.ddt);
  await expect(page.getByTestId('trace-reservations')).toContainText(w.order.number);
  await expect(page.getByTestId('trace-reservations')).toContainText('Erboristeria Verdi');
  await shot(page, testInfo, 'trace-forward');

  // the report as a person gets it: a PDF download, rendered to PNG, and the CSV for Excel
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('trace-report-pdf').click();
  const pdfFile = testInfo.outputPath('recall.pdf');
  await (await pdfDownload).saveAs(pdfFile);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  for (const s of ['Rapporto di richiamo', w.oilLot.code, 'ALM-77', 'Oleificio Rossi srl', '77/2026', w.soapA.code, w.soapB.code, w.order.number, 'Farmacia Bianchi', 'acquisti@bianchi.example', w.ddt]) expect(text).toContain(s);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, testInfo.outputPath('recall')]);
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('trace-report-csv').click();
  const csvFile = testInfo.outputPath('recall.csv');
  await (await csvDownload).saveAs(csvFile);
  const csv = readFileSync(csvFile, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.split('\r\n')[0]).toContain('Tipo;Lotto;SKU;Articolo');
  expect(csv).toContain(`lotto;${w.soapA.code};PF-SAPONE`);
  expect(csv).toContain('spedizione;');
  // the phone with a leading apostrophe: Excel keeps its 0 (text, not the number 577654321)
  expect(csv).toContain("Farmacia Bianchi;acquisti@bianchi.example;'0577 654321;" + w.ddt);

  // recall: the preview says what will happen, then it happens
  await page.getByTestId('trace-recall').click();
  await expect(page.getByTestId('recall-preview')).toContainText('Saranno richiamati 3 lotti');
  await page.getByTestId('recall-reason').fill('Contaminazione segnalata dal fornitore');
  await page.getByTestId('recall-confirm').click();
  await expect(page.getByTestId('trace-recalled')).toContainText('Contaminazione segnalata dal fornitore');
  await expect(page.getByTestId('trace-root-status')).toHaveAttribute('data-status', 'recalled');
  await expect(page.getByTestId('trace-reservations')).toContainText('Nessun impegno aperto');
  await shot(page, testInfo, 'trace-recalled');

  // from a lot's page, one click traces it
  await page.goto(`${app.url}#/inventory/lots/${w.soapB.id}`);
  await page.getByTestId('lot-trace').click();
  await expect(page.getByTestId('trace-root-code')).toHaveText(w.soapB.code);
  await expect(page.getByTestId('trace-tree-backward').getByTestId(`trace-node-${w.oilLot.code}`)).toBeVisible();

  // the order that held the soaps shows the recall
  await page.goto(`${app.url}#/orders/${w.order.id}`);
  await expect(page.getByTestId('order-recall')).toContainText('Contaminazione segnalata dal fornitore');
  await shot(page, testInfo, 'order-recalled');
});
