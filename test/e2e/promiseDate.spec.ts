/**
 * "Promise this date" on the order page (issue 17 item 1): the estimate becomes the date
 * promised to the customer; when an order requested earlier for the same candles moves it,
 * the panel says so and names that order. Looked at 1366×768 in Italian and English.
 */
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

test.use({ viewport: { width: 1366, height: 768 } });

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('Promise this date stores the estimate as the promised date; an order ahead in the queue is named when the estimate moves', async ({ page, app }, testInfo) => {
  await api(app, 'settings.update', { language: 'it', initialized: true });
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera di soia', kind: 'material', unit: 'kg', unitCost: '8,00', leadTimeDays: 10 });
  await api(app, 'inventory.receive', { lines: [{ itemId: wax.id, quantity: '50 kg', unitCost: '8,00' }] });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'catalog.saveRecipe', { itemId: candle.id, yield: '10 pz', batchMinutes: 90, components: [{ itemId: wax.id, quantity: '2 kg' }] });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Rossi S.r.l.' });
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, requestedOn: inDays(40), lines: [{ itemId: candle.id, quantity: '24' }], confirm: true });

  await page.goto(`${app.url}#/orders/${order.id}`);
  const panel = page.getByTestId('promise-panel');
  await expect(panel.getByTestId('promise-date')).toBeVisible();
  await expect(page.getByTestId('order-promised')).toHaveText('—');
  await panel.getByTestId('promise-this-date').click();
  await expect(panel.getByTestId('promise-promised')).toBeVisible();
  await expect(panel.getByTestId('promise-this-date')).toHaveCount(0);
  await expect(page.getByTestId('order-promised')).not.toHaveText('—');
  const estimate = await api<{ deliveryOn: string }>(app, 'planning.promise', { orderId: order.id });
  expect((await api<{ promisedOn: string | null }>(app, 'orders.get', { id: order.id })).promisedOn).toBe(estimate.deliveryOn);
  await shot(page, testInfo, 'promised-it');

  // 300 candles requested sooner: ahead in the queue, they take the wax and the production days first
  const ahead = await api<{ number: string }>(app, 'orders.create', { customerId: customer.id, requestedOn: inDays(20), lines: [{ itemId: candle.id, quantity: '300' }], confirm: true });
  await page.reload();
  await expect(panel.getByTestId('promise-changed')).toBeVisible();
  await expect(panel.getByTestId('promise-cause-order_ahead')).toContainText(ahead.number);
  // a later date, still known (the wax has a 10-day lead time): it can be promised again
  await expect(panel.getByTestId('promise-this-date')).toBeVisible();
  await shot(page, testInfo, 'changed-it');

  await api(app, 'settings.update', { language: 'en' });
  await page.reload();
  await expect(panel.getByTestId('promise-changed')).toContainText('the estimate is now different');
  await expect(panel.getByTestId('promise-this-date')).toHaveText('Promise this date');
  await shot(page, testInfo, 'changed-en');
});
