/**
 * Issue 16, global search: Ctrl+K (or the top bar's search box), type, the hits grouped by
 * kind, arrows and Enter to open; a scanned GS1 label (a scanner types fast and presses
 * Enter before the search answers) opens its lot. Screenshots at 1366×768 in Italian and
 * English go to test-results to be looked at.
 */
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });
// the demo workshop is loaded first (seconds on a busy machine)
test.setTimeout(120_000);

interface Order {
  id: number;
  number: string;
  customer: { name: string };
}

test('Ctrl+K, a customer word and part of a number, arrows and Enter open the order', async ({ page, app }, testInfo) => {
  await api(app, 'system.loadDemo', { seed: 1 });
  const order = await api<Order>(app, 'orders.get', { id: 2 });
  // a word of the customer's own (not the trade every other customer shares), and the year and first digits of the number
  const common = new Set(['erboristeria', 'farmacia', 'parafarmacia', 'negozio', 'bottega', 'antica']);
  const word = order.customer.name
    .toLowerCase()
    .split(' ')
    .filter((w) => /^\p{L}{5,}$/u.test(w) && !common.has(w))
    .at(-1)!;

  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(app.url);
    await page.getByTestId('palette-open').click();
    await page.getByTestId('palette-search').fill('malva');
    await expect(page.getByTestId('palette-group-customer')).toBeVisible();
    await expect(page.getByTestId('palette-group-order')).toBeVisible();
    // the group's heading is drawn from a CSS variable (Mantine Spotlight)
    const heading = await page.getByTestId('palette-group-customer').evaluate((el) => getComputedStyle(el).getPropertyValue('--spotlight-label'));
    expect(heading).toBe(lang === 'it' ? "'Clienti'" : "'Customers'");
    await shot(page, testInfo, `search-palette-${lang}`);
    await page.keyboard.press('Escape');
  }

  await page.goto(app.url);
  await expect(page.getByTestId('palette-open')).toBeVisible();
  await page.keyboard.press('Control+K');
  const search = page.getByTestId('palette-search');
  await search.pressSequentially(`${word} ${order.number.slice(0, 7)}`);
  const hit = page.getByTestId(`palette-order-${order.id}`);
  await expect(hit).toBeVisible();
  await expect(hit).toContainText(order.number);
  await expect(page.getByTestId('palette-results')).toHaveAttribute('aria-busy', 'false');
  // the order is among the first hits: walk down to it with the arrows
  const actions = page.getByTestId('palette-results').locator('[data-action]');
  const count = await actions.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i <= count && (await hit.getAttribute('data-selected')) === null; i++) await search.press('ArrowDown');
  await expect(hit).toHaveAttribute('data-selected');
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/orders/${order.id}$`));
  await expect(page.getByTestId('page-title')).toContainText(order.number);
});

test('a scanned GS1 label typed into the search opens its lot, Enter pressed before the search answers', async ({ page, app }, testInfo) => {
  await api(app, 'system.loadDemo', { seed: 1 });
  const shipments = await api<{ shipments: { id: number }[] }>(app, 'shipping.list', { q: '' });
  const shipment = await api<{ lines: { lot: { id: number; code: string } }[] }>(app, 'shipping.get', { id: shipments.shipments[0]!.id });
  const lot = shipment.lines[0]!.lot;

  await page.goto(app.url);
  await expect(page.getByTestId('palette-open')).toBeVisible();
  await page.keyboard.press('Control+K');
  const search = page.getByTestId('palette-search');
  // what a scanner sends for a case label: (02) GTIN, (17) expiry, (37) count, GS, (10) lot — then Enter
  await search.pressSequentially(`0208057412000014172712313712\u001d10${lot.code}`, { delay: 5 });
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/inventory/lots/${lot.id}$`));
  await expect(page.getByTestId('page-title')).toHaveText(lot.code);

  // the printed line under the bars, typed by hand: the lot is the first hit
  await page.keyboard.press('Control+K');
  await page.getByTestId('palette-search').fill(`(02)08057412000014(17)271231(37)12(10)${lot.code}`);
  await expect(page.getByTestId('palette-results').locator('[data-action]').first()).toHaveAttribute('data-testid', `palette-lot-${lot.id}`);
  await shot(page, testInfo, 'search-scanned-label');
});

test('while the search for newer text is on its way the earlier hits are hidden and it says Searching, so a click cannot land on a hit being replaced', async ({ page, app }) => {
  const rossi = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Malva Rossi' });
  const bianchi = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Enoteca Malvasia Bianchi' });
  await api(app, 'settings.update', { language: 'en' });
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await page.getByTestId('palette-open').click();
  const search = page.getByTestId('palette-search');
  await search.fill('malva');
  await expect(page.getByTestId(`palette-customer-${rossi.id}`)).toBeVisible();
  await expect(page.getByTestId(`palette-customer-${bianchi.id}`)).toBeVisible();

  // the next search's answer is held until the checks below are done
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/search.global', async (route) => {
    await held;
    await route.continue();
  });
  await search.fill('malvasia');
  await expect(page.getByTestId('palette-results')).toContainText('Searching…');
  await expect(page.getByTestId(`palette-customer-${rossi.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`palette-customer-${bianchi.id}`)).toHaveCount(0);
  await expect(page.getByTestId('palette-results')).toHaveAttribute('aria-busy', 'true');

  release();
  await expect(page.getByTestId(`palette-customer-${bianchi.id}`)).toBeVisible();
  await expect(page.getByTestId(`palette-customer-${rossi.id}`)).toHaveCount(0);
  await expect(page.getByTestId('palette-results')).not.toContainText('Searching…');
});
