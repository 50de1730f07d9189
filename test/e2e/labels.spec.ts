/**
 * Labels as a person prints them: set the item's label facts on its page (food, use by),
 * open a lot, "Print labels" → 30 copies on A4 3×8 → the preview shows in the dialog,
 * opens in a new tab, and the downloaded PDF has 2 pages with the Italian wording.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { api } from './helpers';
import { validPartitaIva } from '../builders/parties';

test.afterEach(async ({ context }) => {
  await context.close();
});

test('item label facts, then print 30 labels of a lot: preview, new tab, downloaded PDF of 2 pages', async ({ page, context, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  await api(app, 'settings.update', { language: 'it' });
  const item = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MARM-ALB', name: 'Marmellata di albicocche', kind: 'product', unit: 'pcs', gtin: '8012345678907', netWeight: '340 g' });
  const { lots } = await api<{ lots: { id: number; code: string }[] }>(app, 'inventory.receive', { lines: [{ itemId: item.id, quantity: '30', expiresOn: '2027-06-30' }] });
  const lot = lots[0]!;

  // the item page: food, use by
  await page.goto(`${app.origin}/#/items/${item.id}`);
  const card = page.getByTestId('item-label-card');
  await expect(card).toBeVisible();
  await card.getByTestId('label-kind').selectOption('food');
  await card.getByTestId('label-wording').selectOption('use_by');
  await card.getByTestId('label-save').click();
  await expect.poll(async () => (await api<{ saved: boolean; labelKind: string }>(app, 'labels.itemInfo', { itemId: item.id })).labelKind).toBe('food');

  // the lot page: print labels
  await page.goto(`${app.origin}/#/inventory/lots/${lot.id}`);
  await page.getByTestId('print-labels').click();
  await page.getByTestId('labels-layout').selectOption('a4_3x8');
  await page.getByTestId('labels-copies').fill('30');
  await page.getByTestId('labels-preview').click();
  await expect(page.getByTestId('labels-frame')).toBeVisible();
  await expect(page.getByTestId('labels-summary')).toHaveText('30 etichette, 2 pagine');
  await page.screenshot({ path: testInfo.outputPath('labels-preview.png') });

  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('labels-open').click()]);
  expect(tab.url()).toMatch(/^blob:/);
  await tab.close();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('labels-download').click()]);
  expect(download.suggestedFilename()).toBe(`labels-${lot.code}.pdf`);
  const file = testInfo.outputPath('labels.pdf');
  await download.saveAs(file);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+2\b/);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Marmellata di albicocche');
  expect(text).toContain(lot.code);
  expect(text).not.toContain(`L. ${lot.code}`);
  expect(text).toContain('Da consumarsi entro il 30/06/2027');
  expect(text).toContain('Peso netto 340 g');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, testInfo.outputPath('labels-page')]);
});

test('order confirmation email from the order page: preview in the customer language, draft .eml, "draft made on"', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  await api(app, 'settings.update', { language: 'it', company: { name: 'Saponificio Aurora', email: 'ordini@aurora.example' } });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SAP', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '6,50' });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Garden Shop Ltd', email: 'orders@garden.example', language: 'en' });
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }], confirm: true });

  await page.goto(`${app.origin}/#/orders/${order.id}`);
  await page.getByTestId('notify-open').click();
  await expect(page.getByTestId('notify-subject')).toContainText(`Order confirmation ${order.number} — Saponificio Aurora`);
  await expect(page.getByTestId('notify-text')).toContainText('Dear Garden Shop Ltd,');
  await page.screenshot({ path: testInfo.outputPath('notify-preview.png') });
  await page.getByTestId('notify-send').click();
  await expect(page.getByTestId('notify-outcome')).toContainText('Bozza creata il');
  await page.screenshot({ path: testInfo.outputPath('order-notified.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notify-open-draft').click()]);
  expect(download.suggestedFilename()).toMatch(/order_confirmed.*\.eml$/);
  const file = testInfo.outputPath('draft.eml');
  await download.saveAs(file);
  const eml = readFileSync(file, 'utf8');
  expect(eml).toMatch(/^X-Unsent: 1\r?$/m);
  expect(eml).toMatch(/^To: orders@garden\.example\r?$/m);
});

test('shipping labels from the shipment page: one per package, on the thermal layout from Settings', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  await api(app, 'settings.update', {
    language: 'it',
    company: { name: 'Saponificio Aurora S.r.l.', vatNumber: validPartitaIva(4242), street: 'Via dei Mulini, 12', postcode: '50136', city: 'Firenze', province: 'FI' },
  });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SAP', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', netWeight: '120 g' });
  await api(app, 'inventory.receive', { lines: [{ itemId: soap.id, quantity: '20', expiresOn: '2027-06-30' }] });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria La Malva', street: 'Via Garibaldi 22', postcode: '40121', city: 'Bologna', province: 'BO' });
  const order = await api<{ id: number }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }], confirm: true });
  await api(app, 'orders.fulfil', { orderIds: [order.id] });
  const proposal = await api<{ lines: { orderLineId: number; lots: { lotId: number; qtyMilli: number }[] }[] }>(app, 'shipping.proposal', { orderIds: [order.id] });
  const draft = await api<{ id: number }>(app, 'shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 2, appearance: 'scatole' }],
    carrier: 'BRT',
    trackingNumber: 'BRT555',
  });
  await api(app, 'shipping.confirm', { id: draft.id });

  await page.goto(`${app.origin}/#/shipments/${draft.id}`);
  await page.getByTestId('shipment-more').click();
  await page.getByTestId('print-labels').click();
  await expect(page.getByTestId('labels-layout')).toHaveValue('thermal_100x150');
  await page.getByTestId('labels-preview').click();
  await expect(page.getByTestId('labels-summary')).toHaveText('2 etichette, 2 pagine');
  await page.screenshot({ path: testInfo.outputPath('shipment-labels.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('labels-download').click()]);
  const file = testInfo.outputPath('shipping-labels.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Collo 2/2');
  expect(text).toContain('DDT 1/');
});
