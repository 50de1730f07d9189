/**
 * Purchasing as a person does it: the supplier's terms on the item page, a purchase order
 * typed by hand, seen as "incoming" in stock, sent (PDF), then half of it received through
 * the goods receipt started from the order: the order and the stock follow.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

async function pickSupplier(page: Page, search: string, name: string): Promise<void> {
  await page.getByTestId('receive-supplier').fill(search);
  await page.getByRole('option', { name }).click();
}

test('terms on the item, a purchase order by hand, incoming in stock, part of it received', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-purchasing')).toBeVisible();
  const oil = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-OLIO', name: 'Olio di oliva', kind: 'material', unit: 'kg', leadTimeDays: 5 });
  await api(app, 'parties.createSupplier', { name: 'Oleificio Rossi S.r.l.' });

  // the supplier's terms, on the item page
  await page.goto(`${app.origin}/#/items/${oil.id}`);
  await expect(page.getByTestId('supplier-terms')).toBeVisible();
  await page.getByTestId('terms-add').click();
  await pickSupplier(page, 'Oleificio', 'Oleificio Rossi S.r.l.');
  await page.getByTestId('terms-code').fill('EVO-25');
  await page.getByTestId('terms-min').fill('25');
  await page.getByTestId('terms-price').fill('6,40');
  await page.getByTestId('terms-lead').fill('3');
  await page.getByTestId('terms-save').click();
  const row = page.getByTestId('terms-table').getByRole('row', { name: /Oleificio Rossi/ });
  await expect(row).toContainText('Preferito');
  await expect(row).toContainText('25 kg');
  await expect(row).toContainText('3 giorni lav.');
  await shot(page, testInfo, 'item-supplier-terms');

  // a purchase order typed by hand: the price comes from the terms
  await page.getByTestId('nav-purchasing').click();
  await expect(page.getByTestId('purchasing-empty')).toBeVisible();
  await page.getByTestId('purchasing-empty-new').click();
  await pickSupplier(page, 'Oleificio', 'Oleificio Rossi S.r.l.');
  await page.getByTestId('po-line-item-0').fill('olio');
  await page.getByRole('option', { name: /Olio di oliva/ }).click();
  await page.getByTestId('po-line-qty-0').fill('50');
  await page.getByTestId('po-notes').fill('Consegna al mattino');
  await shot(page, testInfo, 'po-editor');
  await page.getByTestId('po-save').click();
  await expect(page.getByTestId('po-number')).toHaveText(/^OF\d{4}\/0001$/);
  await expect(page.getByTestId('po-status')).toHaveText('Bozza');
  await expect(page.getByTestId('po-line-0')).toContainText('EVO-25');
  await expect(page.getByTestId('po-total')).toHaveText('320,00 €');
  const poUrl = page.url();

  // send: marked as sent, the PDF opens in a new tab
  const popup = page.waitForEvent('popup');
  await page.getByTestId('po-send').click();
  await (await popup).close();
  await expect(page.getByTestId('po-status')).toHaveText('Inviato');
  await shot(page, testInfo, 'po-page-sent');

  // the stock shows it incoming
  await page.getByTestId('nav-inventory').click();
  await expect(page.getByTestId('stock-row-MP-OLIO')).toContainText('50 kg');

  // receive part of it from the order page: the receipt starts filled in
  await page.goto(poUrl);
  await page.getByTestId('po-receive').click();
  await expect(page.getByTestId('receive-po-banner')).toContainText('OF');
  await expect(page.getByTestId('receive-supplier')).toHaveValue('Oleificio Rossi S.r.l.');
  await expect(page.getByTestId('receive-line-item-0')).toHaveValue(/Olio di oliva/);
  await expect(page.getByTestId('receive-line-qty-0')).toHaveValue('50 kg');
  await page.getByTestId('receive-line-qty-0').fill('20 kg');
  await page.getByTestId('receive-line-lot-0').fill('ROS-118');
  await shot(page, testInfo, 'receive-from-po');
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('receive-done')).toBeVisible();

  await page.goto(poUrl);
  await expect(page.getByTestId('po-status')).toHaveText('Ricevuto in parte');
  await expect(page.getByTestId('po-line-received-0')).toHaveText('20 kg');
  await expect(page.getByTestId('po-line-open-0')).toHaveText('30 kg');
  await expect(page.getByTestId('po-receipts')).toContainText('20 kg');
  await shot(page, testInfo, 'po-page-partial');

  await page.getByTestId('nav-inventory').click();
  const stock = page.getByTestId('stock-row-MP-OLIO');
  await expect(stock).toContainText('20 kg');
  await expect(stock).toContainText('30 kg');

  // the list shows it with its state
  await page.getByTestId('nav-purchasing').click();
  await expect(page.getByTestId('purchasing-table')).toContainText('Ricevuto in parte');
  await shot(page, testInfo, 'purchasing-list');
});
