/**
 * Importing a shop's export as a person does it: Orders → Import, choose the Shopify
 * sample, the preview (nothing written yet) asks for the one SKU the shop writes
 * differently, the item is picked, Import, and the orders are in the order list. A file
 * with bad rows lists each problem with its row and column and imports nothing. Then
 * an export of the orders list is downloaded (Excel-friendly for Italian) and a backup.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';
import { shopifyExport } from '../builders/shopifyExport';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'channels');
/** A count as the Italian UI writes it: thousands grouped from four digits (3.134). */
const grouped = (n: number) => n.toLocaleString('it-IT', { useGrouping: 'always' });

test.afterEach(async ({ context }) => {
  await context.close();
});

/** The products the sample sells; the honey soap is SAP-MIE-100 in the shop but MIELE-100 here. */
async function catalog(app: App) {
  await api(app, 'catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '5,33' });
  await api(app, 'catalog.createItem', { sku: 'CAN-ARA-200', name: 'Candela soia e arancia', kind: 'product', unit: 'pcs' });
  await api(app, 'catalog.createItem', { sku: 'MIELE-100', name: 'Sapone al miele', kind: 'product', unit: 'pcs' });
}

async function start(page: Page, app: App) {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  await catalog(app);
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('import-drop')).toBeVisible();
}

test('import the Shopify sample: preview, map the unknown SKU once, import, see the orders', async ({ page, app }, testInfo) => {
  await start(page, app);
  await shot(page, testInfo, '1-import-empty');

  await page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'shopify-orders-export.csv'));
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await expect(page.getByTestId('import-format')).toHaveValue('Shopify');
  await expect(page.getByTestId('import-summary')).toContainText('3 ordini');
  await expect(page.getByTestId('import-summary')).toContainText('4 righe');
  await expect(page.getByTestId('import-summary')).toContainText('0 riconosciuti, 2 da creare');
  await expect(page.getByTestId('import-order-#1003')).toContainText('Annullato nel negozio: saltato');
  await expect(page.getByTestId('unknown-skus')).toContainText('SAP-MIE-100');
  // before it is mapped, the order says so instead of "? ×" and a total of 0,00 €
  const unmapped = page.getByTestId('import-order-#1002');
  await expect(unmapped).toContainText('9 × SAP-MIE-100 → non ancora abbinato');
  await expect(unmapped.getByTestId('import-total-unmapped')).toHaveText('SKU da abbinare');
  await expect(unmapped).not.toContainText('?');
  await expect(unmapped).not.toContainText('0,00');
  await expect(page.getByTestId('import-go')).toBeDisabled();
  // nothing written by the preview
  expect((await api<{ total: number }>(app, 'orders.list', {})).total).toBe(0);
  await shot(page, testInfo, '2-preview-unknown-sku');

  await page.getByTestId('unknown-sku-0').fill('miele');
  await page.getByRole('option', { name: /Sapone al miele/ }).click();
  await page.getByTestId('unknown-apply').click();
  await expect(page.getByTestId('unknown-skus')).toHaveCount(0);
  await expect(page.getByTestId('import-go')).toBeEnabled();
  await expect(page.getByTestId('import-order-#1002')).toContainText('SAP-MIE-100 → MIELE-100');
  await expect(page.getByTestId('import-order-#1002').getByTestId('import-total-unmapped')).toHaveCount(0);
  await shot(page, testInfo, '3-preview-ready');

  await page.getByTestId('import-go').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('import-result-body')).toContainText('2 ordini creati');
  await expect(page.getByTestId('import-result-order')).toHaveCount(2);
  await shot(page, testInfo, '4-result');

  // the mapping is remembered for the channel
  const maps = await api<{ mappings: { externalSku: string; item: { sku: string } }[] }>(app, 'channels.skuMappings', { channel: 'shopify' });
  expect(maps.mappings.map((m) => [m.externalSku, m.item.sku])).toEqual([['SAP-MIE-100', 'MIELE-100']]);

  await page.getByTestId('import-go-orders').click();
  await expect(page.getByTestId('list-count')).toHaveText('2');
  await expect(page.getByTestId('order-row-2026/0001')).toContainText('Giulia Rossi');
  await expect(page.getByTestId('order-row-2026/0002')).toContainText('Marco Bianchi');
  await shot(page, testInfo, '5-order-list');

  // the orders list, exported as the Italian Excel reads it
  await page.getByTestId('export-menu').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-orders').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Numero ordine;');
  expect(csv).toContain('#1002');
  // a row per order line: #1001 has two and its shipping charge, #1002 one (#1003 was cancelled in the shop, skipped)
  expect(csv.trim().split(/\r?\n/).length).toBe(1 + 4);
  expect(csv).toContain('SPEDIZIONE');
});

test('a file with bad rows shows each problem with its row and column, and imports nothing', async ({ page, app }, testInfo) => {
  await start(page, app);
  await page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'shopify-bad-rows.csv'));
  await expect(page.getByTestId('import-problems')).toBeVisible();
  const problems = page.getByTestId('import-problem');
  expect(await problems.count()).toBeGreaterThan(1);
  // row 2, the quantity "due"; row 3, a negative price
  await expect(problems.filter({ hasText: 'Lineitem quantity' }).first()).toContainText('2');
  await expect(problems.filter({ hasText: 'due' }).first()).toContainText('Lineitem quantity');
  await expect(problems.filter({ hasText: 'Prezzo negativo' }).first()).toContainText('Lineitem price');
  await expect(page.getByTestId('import-go')).toBeDisabled();
  await shot(page, testInfo, '6-bad-rows');
  expect((await api<{ total: number }>(app, 'orders.list', {})).total).toBe(0);

  // a file that is not a CSV at all
  await page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'spreadsheet.xlsx'));
  await expect(page.getByTestId('import-error')).toContainText('non un CSV');
  await shot(page, testInfo, '7-not-a-csv');
  expect((await api<{ total: number }>(app, 'orders.list', {})).total).toBe(0);
});

test('a wholesaler’s spreadsheet: map its columns (guessed from the header), save the mapping by name, preview with it', async ({ page, app }, testInfo) => {
  await start(page, app);
  await page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'wholesale-semicolon.csv'));
  await expect(page.getByTestId('mapping-editor')).toBeVisible();
  // the first guess from the Italian header, each with the file's first values
  await expect(page.getByTestId('map-orderRef')).toHaveValue('Rif. ordine');
  await expect(page.getByTestId('map-quantity')).toHaveValue('Qtà');
  await expect(page.getByTestId('map-sku')).toHaveValue('Codice articolo');
  await expect(page.getByTestId('mapping-editor')).toContainText('es. WH-2026-041 · WH-2026-042');
  await shot(page, testInfo, '9-mapping');

  await page.getByTestId('map-name').fill('La Malva');
  await page.getByTestId('map-save').click();
  await expect(page.getByTestId('import-summary')).toContainText('2 ordini');
  await expect(page.getByTestId('import-format')).toHaveValue('Mappatura salvata: La Malva');
  await expect(page.getByTestId('unknown-skus')).toContainText('Sapone al miele 100 g');
  await expect(page.getByTestId('import-order-WH-2026-041')).toContainText('24 × SAP-LAV-100 → SAP-LAV-100');
  await shot(page, testInfo, '10-mapped-preview');
  const saved = await api<{ mappings: { name: string; columns: { orderRef: string; quantity: string } }[] }>(app, 'channels.listMappings', {});
  expect(saved.mappings.map((m) => [m.name, m.columns.orderRef, m.columns.quantity])).toEqual([['La Malva', 'Rif. ordine', 'Qtà']]);
});

test('download a backup of the whole database from Settings', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await catalog(app);
  await page.getByTestId('nav-settings').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('backup-download').click();
  const file = readFileSync(await (await download).path());
  expect(file.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  await shot(page, testInfo, '8-backup');
});

test('a 10,000-line export (over 2 MB) is imported by the app’s worker, and the orders list shows it all', async ({ page, app }, testInfo) => {
  await start(page, app);
  const text = shopifyExport({ lines: 10_000, skus: ['SAP-LAV-100', 'CAN-ARA-200', 'MIELE-100'] });
  await page.getByTestId('import-file-input').setInputFiles({ name: 'shopify-big.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-go')).toBeEnabled();
  const preview = await api<{ counts: { new: number } }>(app, 'channels.previewImport', { fileBase64: Buffer.from(text, 'utf8').toString('base64') });
  await page.getByTestId('import-go').click();
  // the bar while it runs (it may already be done: only looked at, not asserted)
  await shot(page, testInfo, '6-big-importing');
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('import-result-body')).toContainText(`${grouped(preview.counts.new)} ordini creati`);
  await page.getByTestId('import-go-orders').click();
  await expect(page.getByTestId('list-count')).toHaveText(grouped(preview.counts.new));
});
