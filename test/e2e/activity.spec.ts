/**
 * The activity log in the window: an order's History shows what was done to it (from the
 * browser door), and Settings → Activity lists and filters the whole log. Screens looked
 * at 1366×768 in Italian and English.
 */
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

test.use({ viewport: { width: 1366, height: 768 } });

test("an order's History shows its creation and confirmation, and Activity filters the log", async ({ page, app }, testInfo) => {
  await api(app, 'settings.update', { language: 'it', initialized: true });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria La Malva' });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SAP-LAV', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '4,50' });
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }] });

  await page.goto(`${app.url}#/orders/${order.id}`);
  await page.getByTestId('order-confirm').click();
  await expect(page.getByTestId('order-confirm')).toHaveCount(0);
  const history = page.getByTestId('document-history');
  await expect(history.getByTestId('history-row')).toHaveCount(2);
  await expect(history.getByTestId('history-row').first()).toContainText('orders.confirm');
  await expect(history.getByTestId('history-row').first()).toContainText('Browser');
  await expect(history.getByTestId('history-row').last()).toContainText('orders.create');
  await history.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'order-history-it');

  // the whole history of the order opens the log filtered on it
  await history.getByRole('link').click();
  await expect(page.getByTestId('page-title')).toHaveText('Attività');
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  await expect(page.getByTestId('audit-doc')).toHaveValue(`orders/${order.id}`);

  // all of it: the customer, the item, the order, its confirmation (and the settings)
  await page.getByRole('button', { name: 'Azzera filtri' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(5);
  await expect(page.getByTestId('audit-row').first()).toContainText('orders.confirm');
  await expect(page.getByTestId('audit-row').last()).toContainText('settings.update');
  await shot(page, testInfo, 'activity-it');

  await page.getByTestId('audit-operation').fill('catalog.createItem');
  await page.getByTestId('audit-operation').press('Enter');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).toContainText(`items/${soap.id}`);
  await page.getByTestId('audit-row').getByRole('button', { name: 'Mostra i dati' }).click();
  await expect(page.getByText('"sku": "SAP-LAV"')).toBeVisible();

  await page.getByTestId('audit-operation').fill('');
  await page.getByTestId('audit-operation').press('Enter');
  await page.getByTestId('audit-since').fill('2001-01-01');
  await page.getByTestId('audit-until').fill('2001-01-31');
  await expect(page.getByTestId('audit-empty')).toBeVisible();

  // in English
  await api(app, 'settings.update', { language: 'en' });
  await page.goto(`${app.url}#/settings/activity`);
  await expect(page.getByTestId('page-title')).toHaveText('Activity');
  await expect(page.getByTestId('audit-total')).toHaveText('6 entries');
  await shot(page, testInfo, 'activity-en');
  await page.goto(`${app.url}#/orders/${order.id}`);
  await expect(page.getByTestId('document-history')).toContainText('History');
  await page.getByTestId('document-history').scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'order-history-en');
});
