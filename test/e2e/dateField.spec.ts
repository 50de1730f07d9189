/**
 * One date field everywhere (issue 17 item 4): dates are typed and shown day first in the
 * user's language, whatever the browser's locale, and reach the server as ISO dates.
 */
import { expect, test } from './fixtures';
import { api } from './helpers';

test('the order form takes a requested date typed as 15/3/2027 in Italian, shows 15/03/2027 and saves 2027-03-15', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  await api(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'parties.createCustomer', { name: 'Erboristeria Rossi S.r.l.', city: 'Siena' });

  await page.getByTestId('nav-orders').click();
  await page.getByTestId('order-new').click();
  await page.getByTestId('order-customer').fill('Rossi');
  await page.getByRole('option', { name: /Erboristeria Rossi/ }).click();
  await page.getByTestId('order-line-item-0').fill('Candela');
  await page.getByRole('option', { name: /Candela alla lavanda/ }).click();
  await page.getByTestId('order-line-qty-0').fill('24');
  const requested = page.getByTestId('order-requested-on');
  await expect(requested).toHaveAttribute('placeholder', 'gg/mm/aaaa');
  await requested.fill('15/3/2027');
  await requested.blur();
  await expect(requested).toHaveValue('15/03/2027');
  await page.screenshot({ path: testInfo.outputPath('order-form-date-it.png') });
  await page.getByTestId('order-save').click();
  await expect(page).toHaveURL(/#\/orders\/\d+$/);
  const id = Number(/#\/orders\/(\d+)$/.exec(page.url())![1]);
  const order = await api<{ requestedOn: string | null }>(app, 'orders.get', { id });
  expect(order.requestedOn).toBe('2027-03-15');
});

test('Settings takes 7,5 working hours in Italian, keeps the comma and still shows 7,5 after a reload', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  await page.goto(`${app.url}#/settings`);
  const hours = page.getByTestId('calendar-hours');
  await hours.fill('7,5');
  await expect(hours).toHaveValue('7,5');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings.update') && r.ok());
  await page.getByTestId('calendar-save').click();
  await saved;
  await page.reload();
  await expect(page.getByTestId('calendar-hours')).toHaveValue('7,5');
});
