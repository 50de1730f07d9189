/**
 * When the app answers INTERNAL or cannot be reached, each main screen says so — the
 * translated message, the server's words for an internal error, a Retry button — instead
 * of an empty screen; once the app answers again, Retry shows the data. A screen that
 * breaks while drawing shows the route's error box with a way back.
 *
 * Failures are made with Playwright's page.route on /api/<operation> (the real server
 * keeps running; only that answer is replaced), then released with unroute.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

const INTERNAL_IT = 'Errore interno dell’applicazione.';
const NETWORK_IT = 'Bottega non risponde. È ancora in esecuzione?';
const SERVER_WORDS = 'disk I/O error (made by the test)';

/** Makes every call of `op` fail — an INTERNAL envelope (as src-main/api/http.ts sends it) or a dropped connection — until the returned function releases it. */
async function failing(page: Page, op: string, how: 'internal' | 'network'): Promise<() => Promise<void>> {
  const pattern = `**/api/${op}`;
  const handler = (route: Route) =>
    how === 'internal'
      ? route.fulfill({ status: 500, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: SERVER_WORDS } }) })
      : route.abort('connectionrefused');
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

/** A customer order, a production order and a lot of material: something on each screen. */
async function workshop(app: App) {
  const supplier = await api<{ id: number }>(app, 'parties.createSupplier', { name: 'Oleificio Rossi srl' });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Verdi' });
  const oil = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-OLIO', name: 'Olio di mandorla', kind: 'material', unit: 'kg', unitCost: '6,00' });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-SAPONE', name: 'Sapone alla mandorla', kind: 'product', unit: 'pcs', salePrice: '6,50' });
  await api(app, 'catalog.saveRecipe', { itemId: soap.id, yield: '10 pz', components: [{ itemId: oil.id, quantity: '1 kg' }] });
  const received = await api<{ lots: { code: string }[] }>(app, 'inventory.receive', { supplierId: supplier.id, lines: [{ itemId: oil.id, quantity: '10 kg', supplierLotCode: 'ALM-77' }] });
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '6' }], confirm: true });
  const po = await api<{ id: number; number: string }>(app, 'production.create', { itemId: soap.id, batches: 1 });
  return { order, po, lot: received.lots[0]!.code };
}

async function open(page: Page, app: App, hash: string) {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  await page.evaluate((h) => (window.location.hash = h), hash);
}

test('orders list and order page: an INTERNAL answer and a dropped connection show the message and Retry brings the data', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  const w = await workshop(app);

  let release = await failing(page, 'orders.list', 'internal');
  await page.getByTestId('nav-orders').click();
  const box = page.getByTestId('query-error');
  await expect(box).toContainText(INTERNAL_IT);
  await expect(box).toContainText(SERVER_WORDS);
  await expect(page.getByTestId(`order-row-${w.order.number}`)).toHaveCount(0);
  await shot(page, testInfo, 'orders-list-internal');
  await release();
  await box.getByTestId('query-retry').click();
  await expect(page.getByTestId(`order-row-${w.order.number}`)).toBeVisible();
  await expect(page.getByTestId('query-error')).toHaveCount(0);

  release = await failing(page, 'orders.get', 'network');
  await page.getByTestId(`order-row-${w.order.number}`).click();
  await expect(page.getByTestId('query-error')).toContainText(NETWORK_IT);
  // the way back stays on screen
  await expect(page.locator('.back-link')).toBeVisible();
  await shot(page, testInfo, 'order-page-network');
  await release();
  await page.getByTestId('query-retry').click();
  await expect(page.getByTestId('page-title')).toContainText(w.order.number);
});

test('stock, production board and shipments: each failed list says why and Retry fills it', async ({ page, app }, testInfo) => {
  await open(page, app, '#/');
  const w = await workshop(app);

  let release = await failing(page, 'inventory.stockOverview', 'internal');
  await page.getByTestId('nav-inventory').click();
  await expect(page.getByTestId('query-error')).toContainText(INTERNAL_IT);
  await shot(page, testInfo, 'stock-internal');
  await release();
  await page.getByTestId('query-retry').click();
  await expect(page.getByTestId('stock-row-MP-OLIO')).toBeVisible();

  release = await failing(page, 'production.list', 'network');
  await page.getByTestId('nav-production').click();
  await expect(page.getByTestId('query-error')).toContainText(NETWORK_IT);
  await expect(page.getByTestId('production-board')).not.toContainText(w.po.number);
  await release();
  await page.getByTestId('query-retry').click();
  await expect(page.getByTestId('production-board')).toContainText(w.po.number);

  release = await failing(page, 'shipping.list', 'internal');
  await page.getByTestId('nav-shipments').click();
  await expect(page.getByTestId('query-error')).toContainText(INTERNAL_IT);
  await release();
  await page.getByTestId('query-retry').click();
  await expect(page.getByTestId('shipments-empty')).toBeVisible();
  await expect(page.getByTestId('query-error')).toHaveCount(0);
});

test('production page and traceability: a dropped connection is said, and Retry shows the order and the trace', async ({ page, app }) => {
  await open(page, app, '#/');
  const w = await workshop(app);

  let release = await failing(page, 'production.get', 'internal');
  await page.evaluate((id) => (window.location.hash = `#/production/${id}`), w.po.id);
  await expect(page.getByTestId('query-error')).toContainText(INTERNAL_IT);
  await release();
  await page.getByTestId('query-retry').click();
  await expect(page.getByTestId('po-status')).toBeVisible();

  release = await failing(page, 'trace.lot', 'network');
  await page.getByTestId('nav-traceability').click();
  await page.getByTestId('trace-search').fill(w.lot);
  await page.getByTestId('trace-search').press('Enter');
  await expect(page.getByTestId('query-error')).toContainText(NETWORK_IT);
  await release();
  await page.getByTestId('query-retry').click();
  await expect(page.getByTestId('trace-root-code')).toHaveText(w.lot);
});

test('settings: a card whose data failed names itself, in Italian and in English, and Retry shows the card', async ({ page, app }, testInfo) => {
  await open(page, app, '#/');
  const release = await failing(page, 'labels.settings', 'internal');
  await page.getByTestId('nav-settings').click();
  const box = page.getByTestId('query-error');
  await expect(box).toContainText('Impossibile caricare');
  await expect(box).toContainText(INTERNAL_IT);
  await shot(page, testInfo, 'settings-internal-it');
  await api(app, 'settings.update', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('query-error')).toContainText('Could not load');
  await expect(page.getByTestId('query-error')).toContainText('Internal error in the application.');
  await shot(page, testInfo, 'settings-internal-en');
  await release();
  await page.getByTestId('query-retry').click();
  await expect(page.getByTestId('label-settings')).toBeVisible();
  await expect(page.getByTestId('query-error')).toHaveCount(0);
});

test('a screen that breaks while drawing shows the error box with a way back; the overview works after it', async ({ page, app }, testInfo) => {
  await open(page, app, '#/');
  const w = await workshop(app);
  // an answer of the wrong shape: ok, but no order in it
  await page.route('**/api/orders.get', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, data: {} }) }));
  await page.evaluate((id) => (window.location.hash = `#/orders/${id}`), w.order.id);
  await expect(page.getByTestId('screen-error')).toBeVisible();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  await shot(page, testInfo, 'screen-error');
  await page.getByTestId('screen-error-home').click();
  await expect(page.getByTestId('screen-error')).toHaveCount(0);
  await expect(page.getByTestId('today-tiles')).toBeVisible();
});
