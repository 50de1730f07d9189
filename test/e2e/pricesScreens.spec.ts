/**
 * The price screens at 1366×768 and 1920×1080, in Italian and English (a screenshot of
 * each into test-results to look at), and bad input refused where it is typed: a
 * negative price, a break not above the one before, a discount over 100 %.
 */
import { expect, test } from './fixtures';
import { api, type App } from './helpers';

async function data(app: App) {
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda 100 g', kind: 'product', unit: 'pcs', salePrice: '5,50', unitCost: '1,90' });
  const rose = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SAP-ROS-100', name: 'Sapone alla rosa 100 g', kind: 'product', unit: 'pcs', salePrice: '5,90', unitCost: '2,10' });
  const bank = await api<{ id: number }>(app, 'prices.createPaymentTerms', { name: 'Bonifico 30 gg DF', method: 'MP05', days: [30] });
  await api(app, 'prices.createPaymentTerms', { name: 'RiBa 30/60 DFFM', method: 'MP12', days: [30, 60], endOfMonth: true });
  await api(app, 'prices.createPaymentTerms', { name: 'Contrassegno', method: 'MP01', days: [0], cashOnDelivery: true });
  const list = await api<{ id: number }>(app, 'prices.createList', { name: 'Erboristerie 2026', validFrom: '2026-01-01', validTo: '2026-12-31' });
  await api(app, 'prices.setPrices', {
    listId: list.id,
    entries: [
      { itemId: soap.id, price: '4,20', breaks: [{ fromQuantity: '24', price: '4,00' }, { fromQuantity: '96', price: '3,80' }] },
      { itemId: rose.id, price: '4,50', breaks: [] },
    ],
  });
  await api(app, 'prices.createList', { name: 'Distributori', vatIncluded: false });
  const group = await api<{ id: number }>(app, 'prices.createGroup', { name: 'Erboristerie', priceListIds: [list.id], paymentTermsId: bank.id, discounts: '10+5' });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Il Tiglio', city: 'Lucca' });
  await api(app, 'prices.setCustomerTerms', { customerId: customer.id, groupId: group.id, priceListIds: [] });
  return { list, customer };
}

test('price screens in both languages at 1366 and 1920, and bad input shown under its field', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-prices')).toBeVisible();
  const { list, customer } = await data(app);

  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    for (const lang of ['it', 'en'] as const) {
      await api(app, 'settings.update', { language: lang });
      const name = (screen: string) => testInfo.outputPath(`${screen}-${lang}-${size.width}.png`);
      await page.goto(`${app.origin}/#/prices`);
      await page.reload();
      await expect(page.getByTestId('price-lists-table')).toContainText('Erboristerie 2026');
      await page.screenshot({ path: name('lists') });
      await page.goto(`${app.origin}/#/prices/lists/${list.id}`);
      await expect(page.getByTestId('price-entries')).toContainText('SAP-LAV-100');
      await page.screenshot({ path: name('list') });
      await page.goto(`${app.origin}/#/prices/groups`);
      await expect(page.getByTestId('price-groups-table')).toContainText('10+5 %');
      await page.screenshot({ path: name('groups') });
      await page.goto(`${app.origin}/#/prices/terms`);
      await expect(page.getByTestId('payment-terms-table')).toContainText('RiBa 30/60 DFFM');
      await page.screenshot({ path: name('terms') });
      await page.goto(`${app.origin}/#/customers/${customer.id}`);
      await expect(page.getByTestId('customer-terms-effective')).toContainText('Bonifico 30 gg DF');
      await page.screenshot({ path: name('customer') });
      // the order editor: the group's price and its 10+5 discount come in, with the margin
      await page.goto(`${app.origin}/#/orders/new`);
      await page.getByTestId('order-customer').fill('Tiglio');
      await page.getByRole('option', { name: /Erboristeria Il Tiglio/ }).click();
      await page.getByTestId('order-line-item-0').fill('lavanda');
      await page.getByRole('option', { name: /Sapone alla lavanda/ }).click();
      await page.getByTestId('order-line-qty-0').fill('30');
      await expect(page.getByTestId('order-line-price-0')).toHaveValue(lang === 'it' ? '4,00' : '4.00');
      await expect(page.getByTestId('order-line-discount-0')).toHaveValue('10+5');
      await expect(page.getByTestId('order-line-margin-0')).toBeVisible();
      await page.screenshot({ path: name('order') });
      await page.goto(`${app.origin}/#/settings`);
      await page.getByTestId('margin-settings').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('settings-margin-threshold')).toHaveValue('30');
      await page.screenshot({ path: name('settings') });
    }
  }

  // bad input, Italian, where it is typed
  await api(app, 'settings.update', { language: 'it' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.origin}/#/prices/lists/${list.id}`);
  await page.reload();
  await page.getByTestId('price-entry-0').click();
  await page.getByTestId('price-entry-price').fill('-1');
  await expect(page.getByTestId('price-entry-dialog')).toContainText('Un prezzo non può essere negativo');
  await page.getByTestId('price-entry-price').fill('4,20');
  await page.getByTestId('price-break-qty-1').fill('12');
  await expect(page.getByTestId('price-entry-dialog')).toContainText('Deve essere maggiore dello scaglione precedente');
  await page.screenshot({ path: testInfo.outputPath('entry-errors-it-1366.png') });
  await page.getByTestId('price-entry-save').click();
  // nothing saved: the dialog stays open and the list keeps its break from 96
  await expect(page.getByTestId('price-entry-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('price-entry-0')).toContainText('da 96 pz');

  await page.goto(`${app.origin}/#/customers/${customer.id}`);
  await page.getByTestId('customer-terms-discount').fill('10+120');
  await expect(page.getByTestId('customer-terms')).toContainText('Ogni sconto va da 0 a 100 %');
  await expect(page.getByTestId('customer-terms-save')).toBeDisabled();
});
