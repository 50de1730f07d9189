/**
 * The heart of Bottega, as a person does it: an order for a product that is not in
 * stock → confirm → fulfil (the proposal says what must be made) → the production order
 * is released (materials reserved) and completed (the finished lot) → the order is ready
 * to ship. Then the production sheet PDF is rendered and read back.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, type App } from './helpers';

// The server's graceful stop waits for open connections: let the browser close its own
// before the app fixture stops the server.
test.afterEach(async ({ context }) => {
  await context.close();
});

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/** A wax (material, 50 kg in stock), a candle made from it (10 pieces a batch from 2 kg), a customer. */
async function workshop(app: App) {
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera di soia', kind: 'material', unit: 'kg', unitCost: '8,00' });
  await api(app, 'inventory.receive', { lines: [{ itemId: wax.id, quantity: '50 kg', supplierLotCode: 'SOIA-77', unitCost: '8,00' }] });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50', shelfLifeDays: 730 });
  await api(app, 'catalog.saveRecipe', { itemId: candle.id, yield: '10 pz', batchMinutes: 90, components: [{ itemId: wax.id, quantity: '2 kg' }] });
  await api(app, 'parties.createCustomer', { name: 'Erboristeria Rossi S.r.l.', city: 'Siena' });
  return { wax, candle };
}

test('make to order: order → fulfil → release → complete → ready to ship, and the production sheet', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  await workshop(app);

  // the order: 24 candles, none in stock
  await page.getByTestId('nav-orders').click();
  await expect(page.getByTestId('orders-empty')).toBeVisible();
  await page.getByTestId('order-new').click();
  await page.getByTestId('order-customer').fill('Rossi');
  await page.getByRole('option', { name: /Erboristeria Rossi/ }).click();
  await page.getByTestId('order-line-item-0').fill('Candela');
  await page.getByRole('option', { name: /Candela alla lavanda/ }).click();
  // the list price comes in by itself
  await expect(page.getByTestId('order-line-price-0')).toHaveValue('12,50');
  await page.getByTestId('order-line-qty-0').fill('24');
  // 24 × 12,50 = 300,00 € + 22 % VAT = 366,00 €
  await expect(page.getByTestId('order-total')).toHaveText(/^366,00\s€$/);
  await shot(page, testInfo, '1-order-form');
  await page.getByTestId('order-save-confirm').click();
  await expect(page.getByTestId('order-status')).toHaveText('In attesa');
  const orderUrl = page.url();
  await shot(page, testInfo, '2-order-confirmed');

  // fulfil: nothing in stock, so one production order of 3 batches (30 pieces) from 6 kg of wax
  await page.getByTestId('order-fulfil').click();
  const proposal = page.getByTestId('fulfil-proposal-PF-CANDELA');
  await expect(proposal).toBeVisible();
  await expect(proposal).toContainText('3 lotti');
  await expect(proposal).toContainText('30 pz');
  await expect(page.getByTestId('fulfil-material-PF-CANDELA-MP-CERA')).toContainText('6 kg');
  await expect(page.getByTestId('fulfil-dialog')).toContainText('Niente in magazzino da impegnare.');
  await shot(page, testInfo, '3-fulfil-proposal');
  await page.getByTestId('fulfil-confirm').click();
  await expect(page.getByTestId('fulfil-dialog')).toBeHidden();
  await expect(page.getByTestId('order-line-status-0')).toHaveText('In attesa');
  await expect(page.getByTestId('order-line-po-0')).toBeVisible();
  await shot(page, testInfo, '4-order-fulfilled');

  // the production order, linked both ways
  await page.getByTestId('order-line-po-0').click();
  await expect(page.getByTestId('po-status')).toHaveText('Pianificato');
  await expect(page.getByTestId('po-planned-qty')).toHaveText('30 pz');
  await shot(page, testInfo, '5-production-planned');

  // release with the FEFO proposal as it is
  await page.getByTestId('po-release').click();
  await expect(page.getByTestId('release-comp-MP-CERA')).toBeVisible();
  await expect(page.getByTestId('release-qty-MP-CERA-0')).toHaveValue('6 kg');
  await shot(page, testInfo, '6-release');
  await page.getByTestId('release-submit').click();
  await expect(page.getByTestId('po-status')).toHaveText('Rilasciato');
  await expect(page.getByTestId('po-comp-MP-CERA')).toContainText('6 kg');
  await shot(page, testInfo, '7-production-released');

  // the order now says it is being made
  await page.goto(orderUrl);
  await expect(page.getByTestId('order-status')).toHaveText('In produzione');
  await page.getByTestId('order-line-po-0').click();

  // complete: the reserved lots as proposed, the planned output
  await page.getByTestId('po-complete').click();
  await expect(page.getByTestId('complete-output')).toHaveValue('30 pz');
  await expect(page.getByTestId('complete-qty-MP-CERA-0')).toHaveValue('6 kg');
  await shot(page, testInfo, '8-complete');
  await page.getByTestId('complete-submit').click();
  await expect(page.getByTestId('complete-result')).toBeVisible();
  await expect(page.getByTestId('complete-result')).toContainText('30 pz');
  // the order the batch serves, with the status the completion left it in (from the command's answer)
  await expect(page.getByTestId('complete-result').locator('[data-testid^="complete-order-"]')).toHaveCount(1);
  await expect(page.getByTestId('complete-result').locator('[data-testid^="complete-order-"]')).toContainText('Pronto per la spedizione');
  await shot(page, testInfo, '9-completed');
  await page.getByTestId('complete-close').click();
  await expect(page.getByTestId('po-status')).toHaveText('Completato');
  await expect(page.getByTestId('po-output-lot')).not.toBeEmpty();

  // "Print production sheet" opens the PDF in a new tab, as a blob
  const popup = page.waitForEvent('popup');
  await page.getByTestId('po-sheet').click();
  expect((await popup).url()).toMatch(/^blob:/);
  await (await popup).close();

  // back on the order: the finished lot is allocated, ready to ship
  const po = (await api<{ orders: { id: number; number: string }[] }>(app, 'production.list', {})).orders[0]!;
  await page.locator(`[data-testid^="po-order-"] a`).first().click();
  await expect(page.getByTestId('order-status')).toHaveText('Pronto per la spedizione');
  await expect(page.getByTestId('order-line-status-0')).toHaveText('Pronta');
  await expect(page.getByTestId('order-line-lot-0')).toContainText('24 pz');
  await shot(page, testInfo, '10-order-ready');

  // the production sheet: a real PDF, with the production number in its text
  const sheet = await api<{ fileName: string; contentType: string; base64: string }>(app, 'production.sheetPdf', { id: po.id });
  expect(sheet.contentType).toBe('application/pdf');
  const pdf = testInfo.outputPath('sheet.pdf');
  writeFileSync(pdf, Buffer.from(sheet.base64, 'base64'));
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, testInfo.outputPath('sheet')]);
  const pngs = readdirSync(dirname(pdf)).filter((f) => f.startsWith('sheet') && f.endsWith('.png'));
  expect(pngs.length).toBeGreaterThan(0);
  expect(existsSync(join(dirname(pdf), pngs[0]!))).toBe(true);
  const text = execFileSync('pdftotext', [pdf, '-']).toString();
  expect(text).toContain(po.number);
  expect(text).toContain('Candela alla lavanda');
});

test('the order form shows server problems under their fields', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const { candle } = await workshop(app);
  const customer = (await api<{ parties: { id: number }[] }>(app, 'parties.searchCustomers', { q: 'Rossi' })).parties[0]!;
  await api(app, 'orders.create', { customerId: customer.id, channel: 'shopify', externalRef: '#1001', lines: [{ itemId: candle.id, quantity: '2' }], confirm: true });

  await page.goto(`${app.origin}/#/orders/new`);
  await page.getByTestId('order-customer').fill('Rossi');
  await page.getByRole('option', { name: /Erboristeria Rossi/ }).click();
  await page.getByTestId('order-channel').click();
  await page.getByRole('option', { name: 'Shopify' }).click();
  await page.getByTestId('order-external-ref').fill('#1001');
  await page.getByTestId('order-line-item-0').fill('Candela');
  await page.getByRole('option', { name: /Candela alla lavanda/ }).click();
  await page.getByTestId('order-line-qty-0').fill('due litri');
  await page.getByTestId('order-save-confirm').click();
  // the quantity is checked first; the reference clash comes once the lines are right
  await expect(page.getByTestId('order-line-qty-0')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('order-line-qty-0').fill('2');
  await page.getByTestId('order-save-confirm').click();
  await expect(page.getByText(/^Riferimento già usato dall’ordine \d{4}\/0001$/)).toBeVisible();
  await expect(page.getByTestId('order-external-ref')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, testInfo, 'order-errors');
});
