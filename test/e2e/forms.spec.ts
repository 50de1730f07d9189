/**
 * Issue 17 items 5 and 10, as a person meets them at 1366×768: a field's red error goes as
 * soon as the field is filled; the release dialog refuses a lot quantity below zero on its
 * field; an Italian CAP "ABCDE" is refused under the CAP field; Cancel on a filled order and
 * Close on a filled customer drawer ask before discarding; "n" starts a new record on Orders,
 * Production and Shipments; an invalid recipe quantity says so instead of a skeleton forever.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

// the server's graceful stop waits for open connections: let the browser close its own first
test.afterEach(async ({ context }) => {
  await context.close();
});

async function start(page: Page, app: App) {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
}

async function workshop(app: App) {
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera di soia', kind: 'material', unit: 'kg' });
  await api(app, 'inventory.receive', { lines: [{ itemId: wax.id, quantity: '50 kg' }] });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'catalog.saveRecipe', { itemId: candle.id, yield: '10 pz', batchMinutes: 90, components: [{ itemId: wax.id, quantity: '2 kg' }] });
  await api(app, 'parties.createCustomer', { name: 'Erboristeria Rossi S.r.l.', city: 'Siena' });
  return { wax, candle };
}

test('order form: "choose the item / enter the quantity" go when the fields are filled; Cancel asks before discarding', async ({ page, app }, testInfo) => {
  await start(page, app);
  await workshop(app);
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(`${app.origin}/#/orders/new`);
    await page.reload();
    const [itemRequired, qtyRequired] = lang === 'it' ? ['Scegli l’articolo', 'Scrivi la quantità'] : ['Choose the item', 'Enter the quantity'];
    await page.getByTestId('order-customer').fill('Rossi');
    await page.getByRole('option', { name: /Erboristeria Rossi/ }).click();
    await page.getByTestId('order-save').click();
    const form = page.getByTestId('order-form');
    await expect(form.getByText(itemRequired)).toBeVisible();
    await expect(form.getByText(qtyRequired)).toBeVisible();
    await shot(page, testInfo, `order-errors-${lang}`);

    await page.getByTestId('order-line-item-0').fill('Candela');
    await page.getByRole('option', { name: /Candela alla lavanda/ }).click();
    await expect(form.getByText(itemRequired)).toHaveCount(0);
    await expect(form.getByText(qtyRequired)).toBeVisible();
    await page.getByTestId('order-line-qty-0').fill('24');
    await expect(form.getByText(qtyRequired)).toHaveCount(0);
    await expect(page.getByTestId('order-line-qty-0')).not.toHaveAttribute('aria-invalid', 'true');

    // Cancel with typed data asks in place of the form's buttons; "keep editing" keeps everything
    await page.getByTestId('order-cancel-edit').click();
    const question = page.getByTestId('discard-confirm');
    await expect(question).toBeVisible();
    await expect(question).toContainText(lang === 'it' ? 'Scartare i dati scritti?' : 'Discard what you typed?');
    await expect(page.getByTestId('order-save')).toBeHidden();
    await expect(page.getByTestId('discard-keep')).toBeFocused();
    await question.scrollIntoViewIfNeeded();
    await shot(page, testInfo, `order-discard-${lang}`);
    await page.getByTestId('discard-keep').click();
    await expect(question).toBeHidden();
    await expect(page.getByTestId('order-save')).toBeVisible();
    await expect(page.getByTestId('order-line-qty-0')).toHaveValue('24');
    // "discard" leaves, and nothing was saved
    await page.getByTestId('order-cancel-edit').click();
    await expect(question).toBeVisible();
    await question.getByTestId('discard-yes').click();
    await expect(page).toHaveURL(/#\/orders$/);
    const orders = await api<{ total: number }>(app, 'orders.list', {});
    expect(orders.total).toBe(0);
  }
  // an untouched form leaves at once
  await page.goto(`${app.origin}/#/orders/new`);
  await page.getByTestId('order-cancel-edit').click();
  await expect(page).toHaveURL(/#\/orders$/);
  await expect(page.getByTestId('discard-confirm')).toHaveCount(0);
});

test('customer drawer: CAP "ABCDE" for Italy is refused under the CAP field; Close with typed data asks', async ({ page, app }, testInfo) => {
  await start(page, app);
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(`${app.origin}/#/customers/new`);
    await page.reload();
    await page.getByTestId('party-form-name').fill(`Bottega ${lang}`);
    await page.getByTestId('party-form-postcode').fill('ABCDE');
    await page.getByTestId('party-save').click();
    const cap = page.getByTestId('party-form-postcode');
    await expect(cap).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(lang === 'it' ? 'Il CAP italiano ha 5 cifre' : 'An Italian postcode (CAP) has 5 digits').first()).toBeVisible();
    await shot(page, testInfo, `customer-cap-${lang}`);
    // typing clears the error until the next save
    await cap.fill('50123');
    await expect(cap).not.toHaveAttribute('aria-invalid', 'true');

    // Close asks inside the drawer, in place of its buttons; keep editing keeps the typed name
    const drawer = page.getByTestId('party-drawer');
    const question = drawer.getByTestId('discard-confirm');
    await page.getByTestId('party-close').click();
    await expect(question).toBeVisible();
    await expect(question).toContainText(lang === 'it' ? 'Scartare i dati scritti?' : 'Discard what you typed?');
    await expect(page.getByTestId('party-save')).toBeHidden();
    await expect(question.getByTestId('discard-keep')).toBeFocused();
    await shot(page, testInfo, `customer-discard-${lang}`);
    await question.getByTestId('discard-keep').click();
    await expect(question).toBeHidden();
    await expect(page.getByTestId('party-save')).toBeVisible();
    await expect(page.getByTestId('party-form-name')).toHaveValue(`Bottega ${lang}`);
    await expect(page).toHaveURL(/#\/customers\/new$/);
    // the drawer's own close (Escape) asks too, and the drawer stays open while it asks
    await page.getByTestId('party-form-city').click();
    await page.keyboard.press('Escape');
    await expect(question).toBeVisible();
    await expect(page).toHaveURL(/#\/customers\/new$/);
    await question.getByTestId('discard-yes').click();
    await expect(page).toHaveURL(/#\/customers$/);
    await expect(drawer).toBeHidden();
    const found = await api<{ total: number }>(app, 'parties.searchCustomers', {});
    expect(found.total).toBe(0);
  }
});

test('release dialog: a lot quantity of -5 is refused on its field and nothing is released', async ({ page, app }, testInfo) => {
  await start(page, app);
  const { candle } = await workshop(app);
  const po = await api<{ id: number }>(app, 'production.create', { itemId: candle.id, batches: 1 });
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(`${app.origin}/#/production/${po.id}`);
    await page.reload();
    await page.getByTestId('po-release').click();
    const qty = page.getByTestId('release-qty-MP-CERA-0');
    await expect(qty).toHaveValue('2 kg');
    await qty.fill('-5');
    await page.getByTestId('release-submit').click();
    await expect(qty).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('release-dialog').getByText(lang === 'it' ? 'Deve essere maggiore di zero' : 'Must be more than zero')).toBeVisible();
    await shot(page, testInfo, `release-negative-${lang}`);
    // the error goes while typing again
    await qty.fill('2');
    await expect(qty).not.toHaveAttribute('aria-invalid', 'true');
    const got = await api<{ status: string }>(app, 'production.get', { id: po.id });
    expect(got.status).toBe('planned');
    await page.keyboard.press('Escape');
  }
});

test('"n" starts a new record on Orders, Production and Shipments', async ({ page, app }) => {
  await start(page, app);
  await page.getByTestId('nav-orders').click();
  await page.locator('body').press('n');
  await expect(page).toHaveURL(/#\/orders\/new$/);
  await expect(page.getByTestId('order-form')).toBeVisible();

  await page.getByTestId('nav-production').click();
  await page.locator('body').press('n');
  await expect(page.getByTestId('production-new-item')).toBeVisible();

  await page.goto(`${app.origin}/#/shipments`);
  await expect(page).toHaveURL(/#\/shipments$/);
  await page.locator('body').press('n');
  await expect(page).toHaveURL(/#\/shipments\/new$/);
});

test('an invalid recipe quantity shows its error and a sentence, not a grey skeleton forever', async ({ page, app }, testInfo) => {
  await start(page, app);
  const { candle } = await workshop(app);
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(`${app.origin}/#/recipes/${candle.id}`);
    await page.reload();
    await expect(page.getByTestId('explosion-tree')).toBeVisible();
    const qty = page.getByTestId('explode-quantity');
    await qty.fill('tre');
    await expect(qty).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('explosion-needs-quantity')).toBeVisible();
    await expect(page.getByTestId('explosion-loading')).toHaveCount(0);
    await shot(page, testInfo, `recipe-bad-quantity-${lang}`);
    await qty.fill('20');
    await expect(page.getByTestId('explosion-tree')).toBeVisible();
    await expect(page.getByTestId('explosion-needs-quantity')).toHaveCount(0);
  }
});
