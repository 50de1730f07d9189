/**
 * The home screen "Oggi / Today" as a person meets it at 1366×768: on an empty database
 * the setup checklist, ticked once the company data is filled in (the name then in the
 * header); with work in the database, tiles whose numbers open the lists they count —
 * late orders, materials short, lots expiring.
 */
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';
import { validPartitaIva } from '../builders/parties';

test.use({ viewport: { width: 1366, height: 768 } });
test.afterEach(async ({ context }) => {
  await context.close();
});

/** the server's clock is the machine's: dates around its today */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('on an empty database the checklist ticks the company step once its data is saved, and the header names the company', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  const checklist = page.getByTestId('setup-checklist');
  await expect(checklist).toBeVisible();
  await expect(page.getByTestId('setup-progress')).toHaveText('0 di 6');
  await expect(page.getByTestId('setup-step-company')).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('company-name')).toHaveText('');
  await shot(page, testInfo, 'today-empty-it');

  await page.getByTestId('setup-go-company').click();
  await expect(page).toHaveURL(/#\/settings\?section=company$/);
  // the header's name and the form's field share a test id: the field comes after the header
  await page.getByTestId('company-name').last().fill('Saponificio Aurora S.r.l.');
  await page.getByTestId('company-vatNumber').fill(validPartitaIva(4242));
  await page.getByTestId('company-street').fill('Via dei Mulini, 12');
  await page.getByTestId('company-postcode').fill('50136');
  await page.getByTestId('company-city').fill('Firenze');
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('company-name').first()).toHaveText('Saponificio Aurora S.r.l.');

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('setup-step-company')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('setup-progress')).toHaveText('1 di 6');
  await expect(page.getByTestId('setup-go-company')).toHaveCount(0);
  await expect(page.getByTestId('setup-go-materials')).toBeVisible();

  await api(app, 'settings.update', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('setup-progress')).toHaveText('1 of 6');
  await expect(page.getByTestId('page-title')).toHaveText('Today');
  await shot(page, testInfo, 'today-setup-en');
});

/** Wax (1 kg, expiring in 5 days), a candle made from 5 kg of it, one order late and one ready to ship. */
async function workshop(app: App) {
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera di soia', kind: 'material', unit: 'kg' });
  await api(app, 'inventory.receive', { lines: [{ itemId: wax.id, quantity: '1 kg', expiresOn: day(5) }] });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'catalog.saveRecipe', { itemId: candle.id, yield: '10 pz', batchMinutes: 90, components: [{ itemId: wax.id, quantity: '5 kg' }] });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-SAPONE', name: 'Sapone al miele', kind: 'product', unit: 'pcs' });
  await api(app, 'inventory.receive', { lines: [{ itemId: soap.id, quantity: '20', expiresOn: day(400) }] });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Rossi S.r.l.', city: 'Siena' });
  // asked for two days ago, nothing promised: late by its requested date
  const late = await api<{ id: number; number: string }>(app, 'orders.create', {
    customerId: customer.id,
    orderedOn: day(-10),
    requestedOn: day(-2),
    lines: [{ itemId: candle.id, quantity: '20' }],
    confirm: true,
  });
  await api(app, 'orders.fulfil', { orderIds: [late.id] });
  const ready = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, requestedOn: day(7), lines: [{ itemId: soap.id, quantity: '5' }], confirm: true });
  await api(app, 'orders.fulfil', { orderIds: [ready.id] });
  return { late, ready };
}

test('the tiles lead to the lists they count: late orders, materials short, lots expiring', async ({ page, app }, testInfo) => {
  await api(app, 'system.startEmpty', {});
  const w = await workshop(app);
  await page.goto(app.url);

  await expect(page.getByTestId('today-late-count')).toHaveText('1');
  await expect(page.getByTestId('today-toShip-count')).toHaveText('1');
  await expect(page.getByTestId('today-shortages-count')).toHaveText('1');
  await expect(page.getByTestId('today-expiring-count')).toHaveText('1');
  await expect(page.getByTestId('today-late')).toContainText(w.late.number);
  await shot(page, testInfo, 'today-tiles-it');

  // late orders: the order list, filtered to late ones
  await page.getByTestId('today-late-count').click();
  await expect(page).toHaveURL(/#\/orders\?late=1$/);
  await expect(page.getByTestId('orders-filter-late').locator('input')).toBeChecked();
  await expect(page.getByTestId(`order-row-${w.late.number}`)).toBeVisible();
  await expect(page.getByTestId(`order-row-${w.ready.number}`)).toHaveCount(0);

  // materials short: the shortage list, wax short from its first day
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('today-shortages-count').click();
  await expect(page).toHaveURL(/#\/planning\?tab=shortages$/);
  await expect(page.getByTestId('shortage-name-MP-CERA')).toBeVisible();

  // lots expiring: the stock overview filtered to them; a line of the tile opens the lot
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('today-expiring-count').click();
  await expect(page).toHaveURL(/#\/inventory\?filter=expiring$/);
  await expect(page.getByTestId('stock-row-MP-CERA')).toBeVisible();
  await expect(page.getByTestId('stock-row-PF-SAPONE')).toHaveCount(0);
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('today-expiring-row').first().click();
  await expect(page).toHaveURL(/#\/inventory\/lots\/\d+$/);

  await api(app, 'settings.update', { language: 'en' });
  await page.goto(`${app.origin}/#/`);
  await page.reload();
  await expect(page.getByTestId('today-late')).toContainText('Late orders');
  await shot(page, testInfo, 'today-tiles-en');
});
