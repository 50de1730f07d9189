/**
 * Planning as a person meets it: typing an order, the estimated delivery date appears
 * with its breakdown (and says what it cannot know); the shortage list, and one click
 * that turns it into purchase orders; the production schedule against capacity.
 */
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

const shortDate = (iso: string) => new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** Wax (50 kg in stock, no lead time known), a candle of 10 a batch from 2 kg (90 min), a customer. */
async function workshop(app: App) {
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera di soia', kind: 'material', unit: 'kg' });
  await api(app, 'inventory.receive', { lines: [{ itemId: wax.id, quantity: '50 kg' }] });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'catalog.saveRecipe', { itemId: candle.id, yield: '10 pz', batchMinutes: 90, components: [{ itemId: wax.id, quantity: '2 kg' }] });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Rossi S.r.l.', city: 'Siena' });
  return { wax, candle, customer };
}

test('typing an order shows the estimated delivery with its breakdown, and names what it cannot know', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const w = await workshop(app);

  await page.getByTestId('nav-orders').click();
  await page.getByTestId('order-new').click();
  await expect(page.getByTestId('promise-panel')).toContainText('Aggiungi righe');
  await page.getByTestId('order-customer').fill('Rossi');
  await page.getByRole('option', { name: /Erboristeria Rossi/ }).click();
  await page.getByTestId('order-line-item-0').fill('Candela');
  await page.getByRole('option', { name: /Candela alla lavanda/ }).click();
  await page.getByTestId('order-line-qty-0').fill('24');

  // the same answer the API gives for these lines, in the words of the panel
  const expected = await api<{ deliveryOn: string; shipOn: string; production: { from: string } }>(app, 'planning.promise', { customerId: w.customer.id, lines: [{ itemId: w.candle.id, quantity: '24' }] });
  await expect(page.getByTestId('promise-date')).toHaveText(shortDate(expected.deliveryOn));
  const words = page.getByTestId('promise-words');
  await expect(words).toContainText('materiali disponibili');
  await expect(words).toContainText('produzione');
  await expect(words).toContainText(`spedizione ${shortDate(expected.shipOn)}`);
  await expect(words).toContainText(`consegna ${shortDate(expected.deliveryOn)}`);
  await expect(page.getByTestId('promise-timeline')).toBeVisible();
  await shot(page, testInfo, '1-order-promise');

  // 2,000 candles need 400 kg of wax: 350 kg short and no lead time known → no date, the material named
  await page.getByTestId('order-line-qty-0').fill('2000');
  await expect(page.getByTestId('promise-unknown')).toContainText('MP-CERA');
  await expect(page.getByTestId('promise-date')).toHaveText('da definire');
  await shot(page, testInfo, '2-order-promise-unknown');

  await page.getByTestId('order-save-confirm').click();
  await expect(page.getByTestId('order-status')).toBeVisible();
  await expect(page.getByTestId('promise-panel')).toContainText('MP-CERA');
  await expect(page.getByTestId('order-shortages-link')).toBeVisible();
  await shot(page, testInfo, '3-order-page-promise');
});

test('the order list shows each open order\'s estimated delivery (red when late), asking only for the orders listed', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const w = await workshop(app);
  // 24 candles: made from the wax on hand; 2,000: 400 kg of wax, no lead time known → no date
  const soon = await api<{ id: number }>(app, 'orders.create', { customerId: w.customer.id, lines: [{ itemId: w.candle.id, quantity: '24' }], confirm: true, requestedOn: '2099-12-31' });
  const unknown = await api<{ id: number }>(app, 'orders.create', { customerId: w.customer.id, lines: [{ itemId: w.candle.id, quantity: '2000' }], confirm: true, requestedOn: '2099-12-31' });
  const draft = await api<{ id: number }>(app, 'orders.create', { customerId: w.customer.id, lines: [{ itemId: w.candle.id, quantity: '5' }] });
  const all = await api<{ promises: { orderId: number; deliveryOn: string | null; late: boolean }[] }>(app, 'planning.promiseAll', {});
  const soonPromise = all.promises.find((p) => p.orderId === soon.id)!;

  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/planning.')) asked.push(`${decodeURIComponent(r.url().split('/api/')[1]!)} ${r.postData() ?? ''}`);
  });
  await page.getByTestId('nav-orders').click();
  const withYear = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${soonPromise.deliveryOn!}T00:00:00Z`));
  await expect(page.getByTestId(`order-promise-${soon.id}`)).toHaveText(withYear);
  await expect(page.getByTestId(`order-promise-${soon.id}`)).not.toHaveCSS('color', 'rgb(240, 62, 62)');
  // no date known is late: "?" in red
  await expect(page.getByTestId(`order-promise-${unknown.id}`)).toHaveText('?');
  await expect(page.getByTestId(`order-promise-${unknown.id}`)).toHaveCSS('color', 'rgb(240, 62, 62)');
  // a draft has no promise
  await expect(page.getByTestId(`order-promise-${draft.id}`)).toHaveCount(0);
  await shot(page, testInfo, '4-order-list-estimates');
  // the listed orders' dates, not every open order's whole promise
  expect(asked.some((a) => a.startsWith('planning.promiseAll'))).toBe(false);
  const ids = asked.filter((a) => a.startsWith('planning.estimates')).map((a) => (JSON.parse(a.split(' ').slice(1).join(' ')) as { orderIds: number[] }).orderIds);
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.at(-1)!.sort()).toEqual([soon.id, unknown.id, draft.id].sort());

  // a status filter asks for its page's dates anew: until that answer comes, the rows keep the dates they had
  let release = (): void => {};
  const held = new Promise<void>((r) => (release = r));
  let heldAsks = 0;
  await page.route('**/api/planning.estimates', async (route) => {
    heldAsks++;
    await held;
    await route.continue();
  });
  await page.getByTestId('status-chip-waiting').click();
  await expect(page.getByTestId(`order-promise-${draft.id}`)).toHaveCount(0); // the filtered list is on screen
  await expect.poll(() => heldAsks).toBeGreaterThan(0);
  await expect(page.getByTestId(`order-promise-${soon.id}`)).toHaveText(withYear);
  await expect(page.getByTestId(`order-promise-${unknown.id}`)).toHaveText('?');
  release();
  await expect(page.getByTestId(`order-promise-${soon.id}`)).toHaveText(withYear);
});

test('the shortage list, one click to purchase orders, and the schedule', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const w = await workshop(app);
  const supplier = await api<{ id: number }>(app, 'parties.createSupplier', { name: 'Cerificio Bianchi' });
  await api(app, 'purchasing.saveSupplierTerms', { itemId: w.wax.id, supplierId: supplier.id, preferred: true, leadTimeDays: 5, multiple: '25 kg' });
  await api(app, 'orders.create', { customerId: w.customer.id, lines: [{ itemId: w.candle.id, quantity: '2000' }], confirm: true });
  await api(app, 'production.create', { itemId: w.candle.id, batches: 8 });

  await page.getByTestId('nav-planning').click();
  const row = page.getByTestId('shortage-MP-CERA');
  await expect(row).toBeVisible();
  // the planned 80 candles serve the order: 16 kg for them + 192 batches × 2 kg = 400 kg; 50 kg on hand
  await expect(row).toContainText('400 kg');
  await expect(row).toContainText('350 kg');
  await expect(row).toContainText('5 giorni lav.');
  await shot(page, testInfo, '4-shortages');

  // the purchase order comes after the date of need (today): still short, but nothing left to order
  await page.getByTestId('shortages-create-pos').click();
  await expect(page.getByTestId('po-preview')).toContainText('Cerificio Bianchi');
  await page.getByTestId('po-preview-confirm').click();
  await expect(row).toContainText('350 kg arriva in ritardo');
  await expect(page.getByTestId('shortages-create-pos')).toBeDisabled();
  await shot(page, testInfo, '5-shortages-ordered');

  // eleven more small orders: the row names its first ten causes and "+ N more" opens them all
  for (let i = 0; i < 11; i++) await api(app, 'orders.create', { customerId: w.customer.id, lines: [{ itemId: w.candle.id, quantity: '10' }], confirm: true });
  const wax = (await api<{ rows: { causes: { number: string }[]; causeCount: number }[] }>(app, 'planning.shortages', { itemId: w.wax.id })).rows[0]!;
  expect(wax.causeCount).toBeGreaterThan(10);
  await page.reload();
  await expect(page.getByTestId('shortage-more-MP-CERA')).toHaveText(`+ altri ${wax.causeCount - 10}`);
  await page.getByTestId('shortage-more-MP-CERA').click();
  const all = page.getByTestId('shortage-causes');
  await expect(all.locator('a')).toHaveText(wax.causes.map((c) => c.number));
  await shot(page, testInfo, '5b-shortage-causes');
  await page.keyboard.press('Escape');
  await expect(all).toBeHidden();

  await page.getByTestId('planning-tab-schedule').click();
  await expect(page.getByTestId('schedule')).toBeVisible();
  // the planned job (8 × 90 min = 12 h) runs over more than one 8 h day
  await expect(page.locator('[data-testid^="schedule-day-"]').filter({ hasText: 'P2026/0001' }).first()).toBeVisible();
  await shot(page, testInfo, '6-schedule');
});
