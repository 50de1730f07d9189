/**
 * Prices and terms (issue 14), as a person does it: build a price list by pasting from
 * Excel (an unknown SKU blocks the import until skipped), put the list on a customer
 * group, add a customer to the group, then type an order and see the group's price,
 * where it came from, a quantity break re-pricing the draft line, a typed price kept as
 * manual, and the margin against the recipe cost turning red under the threshold.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, type App } from './helpers';

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/** A candle costing 1,60 € to make (2 kg of wax at 8,00 €/kg for 10 pieces), sold at 12,50 €; a customer. */
async function workshop(app: App) {
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera di soia', kind: 'material', unit: 'kg', unitCost: '8,00' });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'catalog.saveRecipe', { itemId: candle.id, yield: '10 pz', batchMinutes: 90, components: [{ itemId: wax.id, quantity: '2 kg' }] });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Il Tiglio', city: 'Lucca' });
  return { candle, customer };
}

test.use({ viewport: { width: 1366, height: 768 } });

test('a list pasted from Excel prices the order of a customer in its group, with breaks, manual price and margin', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const { customer } = await workshop(app);

  // a new list, then its prices pasted from Excel
  await page.getByTestId('nav-prices').click();
  await page.getByTestId('price-list-empty-new').click();
  await page.getByTestId('price-list-name').fill('Erboristerie 2026');
  await page.getByTestId('price-list-save').click();
  await expect(page.getByTestId('page-title')).toHaveText('Erboristerie 2026');
  await page.getByTestId('price-list-paste').click();
  await page.getByTestId('price-paste-text').fill('Codice\tPrezzo\tDa quantità\tPrezzo\nPF-CANDELA\t4,20\t24\t4,00\nPF-SCONOSCIUTO\t3,00');
  await page.getByTestId('price-paste-read').click();
  // the unknown SKU is shown and nothing can be imported until it is skipped
  await expect(page.getByTestId('price-import-unknown')).toContainText('PF-SCONOSCIUTO');
  await expect(page.getByTestId('price-import-commit')).toBeDisabled();
  await shot(page, testInfo, 'paste-preview-it');
  await page.getByTestId('price-import-skip').click();
  await page.getByTestId('price-import-commit').click();
  await expect(page.getByTestId('price-import-dialog')).toBeHidden();
  await expect(page.getByTestId('price-entry-price-0')).toHaveText(/^4,20\s€$/);
  await expect(page.getByTestId('price-entry-0')).toContainText('da 24 pz: 4,00');
  await shot(page, testInfo, 'list-page-it');

  // the group of herbal shops gets the list
  await page.getByTestId('back-link').click();
  await page.getByTestId('prices-tab-groups').click();
  await page.getByTestId('price-group-empty-new').click();
  await page.getByTestId('price-group-name').fill('Erboristerie');
  await page.getByTestId('price-group-lists').click();
  await page.getByRole('option', { name: 'Erboristerie 2026' }).click();
  await page.getByTestId('price-group-save').click();
  await expect(page.getByTestId('price-groups-table')).toContainText('Erboristerie 2026');

  // the customer joins the group: its page says the group's list applies
  await page.goto(`${app.origin}/#/customers/${customer.id}`);
  await page.getByTestId('customer-terms-group').click();
  await page.getByRole('option', { name: 'Erboristerie', exact: true }).click();
  await page.getByTestId('customer-terms-save').click();
  await expect(page.getByTestId('customer-terms-effective')).toContainText('Listino «Erboristerie 2026» (del gruppo)');
  await shot(page, testInfo, 'customer-terms-it');

  // the order: the group's price comes in, with its source
  await page.goto(`${app.origin}/#/orders/new`);
  await page.getByTestId('order-customer').fill('Tiglio');
  await page.getByRole('option', { name: /Erboristeria Il Tiglio/ }).click();
  await page.getByTestId('order-line-item-0').fill('Candela');
  await page.getByRole('option', { name: /Candela alla lavanda/ }).click();
  await page.getByTestId('order-line-qty-0').fill('12');
  const price = page.getByTestId('order-line-price-0');
  await expect(price).toHaveValue('4,20');
  await expect(price).toHaveAttribute('data-source', 'group_list');
  // 12 × 4,20 = 50,40 € against 12 × 1,60 = 19,20 € of recipe cost
  await expect(page.getByTestId('order-line-margin-0')).toHaveText(/^61,9 % · 31,20\s€$/);
  await expect(page.getByTestId('order-line-next-break-0')).toContainText('da 24 pz');

  // 24 pieces cross the break: the draft line is re-priced, and the editor says so
  await page.getByTestId('order-line-qty-0').fill('24');
  await expect(price).toHaveValue('4,00');
  await expect(page.getByTestId('order-repriced')).toContainText('Riga 1');
  await expect(page.getByTestId('order-total-margin')).toHaveText(/^60 % · 57,60\s€$/);
  await shot(page, testInfo, 'order-prices-it');

  // a price typed by hand is kept, marked manual, and its thin margin shows in red
  await price.fill('2,00');
  await expect(page.getByTestId('order-line-manual-0')).toBeVisible();
  await expect(price).toHaveAttribute('data-source', 'manual');
  await expect(page.getByTestId('order-line-margin-0')).toHaveAttribute('data-under', 'true');
  await expect(page.getByTestId('order-total-margin')).toHaveText(/^20 % · 9,60\s€$/);
  await shot(page, testInfo, 'order-manual-it');
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-total-net')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/orders\/\d+$/);
  await expect(page.getByRole('table').first()).toContainText('2,00');
});
