/**
 * The stock as a person keeps it: receive two lots of a material through the receipt
 * screen, ask FEFO which lot to use, count one lot down, block it, and see FEFO skip it.
 * Every test starts on its own fresh server and database (fixtures.ts).
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './helpers';

// The server's graceful stop waits for open connections: let the browser close its own
// before the app fixture stops the server.
test.afterEach(async ({ context }) => {
  await context.close();
});

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/** A date some days from today, as people type it on the receipt: dd/mm/yyyy. */
function typedDaysFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** Picks the item of a receipt line by typing part of its name. */
async function pickLineItem(page: Page, row: number, search: string, option: RegExp): Promise<void> {
  await page.getByTestId(`receive-line-item-${row}`).fill(search);
  await page.getByRole('option', { name: option }).click();
}

test('receive two lots, FEFO picks the earlier expiry, count and block one, FEFO skips it', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  await api(app, 'catalog.createItem', { sku: 'MP-FARRO', name: 'Farina di farro', kind: 'material', unit: 'kg', shelfLifeDays: 180 });

  // Receive goods: two lines typed with the keyboard (Enter on the last field adds a line).
  await page.getByTestId('nav-inventory').click();
  await expect(page.getByTestId('stock-row-MP-FARRO')).toBeVisible();
  await page.getByTestId('inventory-receive').click();
  await pickLineItem(page, 0, 'farro', /Farina di farro/);
  await page.getByTestId('receive-line-qty-0').fill('25 kg');
  await page.getByTestId('receive-line-lot-0').fill('FAR-2611');
  await page.getByTestId('receive-line-expiry-0').fill(typedDaysFromNow(200));
  await page.getByTestId('receive-line-cost-0').fill('1,20');
  await page.getByTestId('receive-line-cost-0').press('Enter');
  await expect(page.getByTestId('receive-line-item-1')).toBeFocused();
  await pickLineItem(page, 1, 'farro', /Farina di farro/);
  await page.getByTestId('receive-line-qty-1').fill('10');
  await page.getByTestId('receive-line-lot-1').fill('FAR-2609');
  await page.getByTestId('receive-line-expiry-1').fill(typedDaysFromNow(90));
  await shot(page, testInfo, '1-receive');
  await page.getByTestId('receive-submit').click();

  await expect(page.getByTestId('receive-done')).toBeVisible();
  const later = (await page.getByTestId('receive-lot-0').textContent())!.trim();
  const earlier = (await page.getByTestId('receive-lot-1').textContent())!.trim();
  expect(later).not.toBe(earlier);
  await expect(page.getByTestId('receive-print-labels')).toHaveAttribute('data-disabled', 'true');
  await shot(page, testInfo, '2-received');

  // The item's lots, earlier expiry first; FEFO for 12 kg takes all of it, then the rest.
  await page.getByTestId('nav-inventory').click();
  await expect(page.getByTestId('stock-row-MP-FARRO')).toContainText('35 kg');
  await page.getByTestId('stock-row-MP-FARRO').click();
  await expect(page.getByTestId(`lot-row-${earlier}`)).toBeVisible();
  await expect(page.getByTestId(`lot-row-${later}`)).toBeVisible();
  await page.getByTestId('fefo-quantity').fill('12');
  await expect(page.getByTestId(`fefo-pick-${earlier}`)).toHaveAttribute('data-order', '1');
  await expect(page.getByTestId(`fefo-pick-${earlier}`)).toContainText('10 kg');
  await expect(page.getByTestId(`fefo-pick-${later}`)).toHaveAttribute('data-order', '2');
  await expect(page.getByTestId(`fefo-pick-${later}`)).toContainText('2 kg');
  await expect(page.getByTestId('fefo-covered')).toBeVisible();
  await shot(page, testInfo, '3-fefo');

  // Count the earlier lot: 8 kg found where the books say 10.
  await page.getByTestId(`lot-row-${earlier}`).click();
  await expect(page.getByTestId('page-title')).toHaveText(earlier);
  await page.getByTestId('lot-action-count').click();
  await page.getByTestId('count-quantity').fill('8');
  await expect(page.getByTestId('count-difference')).toContainText('−2 kg');
  await shot(page, testInfo, '4-count');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('lot-onhand')).toHaveText('8 kg');
  await expect(page.getByTestId('lot-movements')).toContainText('Rettifica');

  // Block it, with a reason (a rarer action: behind "⋯").
  await page.getByTestId('lot-more').click();
  await page.getByTestId('lot-action-block').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByText('Campo obbligatorio')).toBeVisible();
  await page.getByTestId('block-reason').fill('Sacchi umidi: in attesa di analisi');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('lot-status')).toHaveText('Bloccato');
  await expect(page.getByTestId('lot-status-changes')).toContainText('Sacchi umidi');
  await shot(page, testInfo, '5-blocked');

  // FEFO now skips the blocked lot and takes everything from the other one.
  await page.getByTestId('back-link').click();
  await page.getByTestId('fefo-quantity').fill('12');
  await expect(page.getByTestId(`fefo-pick-${later}`)).toHaveAttribute('data-order', '1');
  await expect(page.getByTestId(`fefo-pick-${later}`)).toContainText('12 kg');
  await expect(page.getByTestId(`fefo-pick-${earlier}`)).toHaveCount(0);
  await expect(page.getByTestId('fefo-skipped')).toContainText(earlier);
  await shot(page, testInfo, '6-fefo-skips-blocked');
});

test('a supplier lot received twice asks: same lot or a new one', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  const item = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera d’api', kind: 'material', unit: 'kg' });
  const supplier = await api<{ id: number }>(app, 'parties.createSupplier', { name: 'Apicoltura Rossi' });
  const first = await api<{ lots: { code: string }[] }>(app, 'inventory.receive', {
    supplierId: supplier.id,
    lines: [{ itemId: item.id, quantity: '5', supplierLotCode: 'AP-77' }],
  });
  const code = first.lots[0]!.code;

  // ?item= starts the receipt with that item
  await page.goto(`${app.origin}/#/inventory/receive?item=${item.id}`);
  await expect(page.getByTestId('receive-line-item-0')).toHaveValue(/Cera d’api/);
  await page.getByTestId('receive-supplier').fill('Apicoltura');
  await page.getByRole('option', { name: 'Apicoltura Rossi' }).click();
  await page.getByTestId('receive-line-qty-0').fill('3 kg');
  await page.getByTestId('receive-line-lot-0').fill('AP-77');
  await page.getByTestId('receive-submit').click();

  await expect(page.getByTestId('dup-line-0')).toContainText(code);
  await shot(page, testInfo, 'duplicate-dialog');
  await page.getByTestId('dup-same-0').click();
  await page.getByTestId('dup-confirm').click();
  await expect(page.getByTestId('receive-done')).toBeVisible();
  await expect(page.getByTestId('receive-lot-0')).toHaveText(code);

  // the same lot now holds both deliveries
  await page.getByTestId('receive-lot-0').click();
  await expect(page.getByTestId('lot-onhand')).toHaveText('8 kg');
});
