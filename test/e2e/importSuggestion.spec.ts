/**
 * Issue 17 item 10: the import preview before the SKUs are mapped. An unmapped line shows the
 * quantity as the file wrote it and "not mapped yet" (not "? ×"), the order's total says the
 * SKU is still to map (not 0,00 €), and an item with the same name as the shop's product,
 * ignoring case and accents, is filled in as a suggestion the user accepts. 1366×768, IT and EN.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'channels');

test.use({ viewport: { width: 1366, height: 768 } });

test.afterEach(async ({ context }) => {
  await context.close();
});

test('an unmapped SKU reads "not mapped yet"; the item of the same name is suggested and, once accepted, the order is priced', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  await api(app, 'catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '5,33' });
  await api(app, 'catalog.createItem', { sku: 'CAN-ARA-200', name: 'Candela soia e arancia', kind: 'product', unit: 'pcs' });
  // the shop sells it as "Sapone al miele, avena e latte 100 g" under SKU SAP-MIE-100
  await api(app, 'catalog.createItem', { sku: 'MIELE-AVENA', name: 'Sapone al Mièle, avena e latte 100 g', kind: 'product', unit: 'pcs' });

  for (const lang of ['en', 'it'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(`${app.origin}/#/orders`);
    await page.reload();
    await page.getByTestId('orders-import').click();
    await page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'shopify-orders-export.csv'));
    await expect(page.getByTestId('import-summary')).toBeVisible();

    const order = page.getByTestId('import-order-#1002');
    await expect(order).toContainText(lang === 'it' ? '9 × SAP-MIE-100 → non ancora abbinato' : '9 × SAP-MIE-100 → not mapped yet');
    await expect(order.getByTestId('import-total-unmapped')).toHaveText(lang === 'it' ? 'SKU da abbinare' : 'SKU to map');
    // the suggestion is filled in and said to be one; nothing is mapped until the user applies it
    await expect(page.getByTestId('unknown-sku-0')).toHaveValue('Sapone al Mièle, avena e latte 100 g · MIELE-AVENA');
    await expect(page.getByTestId('unknown-sku-suggested-0')).toContainText('MIELE-AVENA');
    await expect(page.getByTestId('import-go')).toBeDisabled();
    await shot(page, testInfo, `import-suggested-${lang}`);
    if (lang === 'en') continue;

    await page.getByTestId('unknown-apply').click();
    await expect(page.getByTestId('unknown-skus')).toHaveCount(0);
    await expect(order).toContainText('9 × SAP-MIE-100 → MIELE-AVENA');
    await expect(order.getByTestId('import-total-unmapped')).toHaveCount(0);
    await expect(page.getByTestId('import-go')).toBeEnabled();
    await shot(page, testInfo, 'import-suggestion-accepted-it');
  }
  expect((await api<{ total: number }>(app, 'orders.list', {})).total).toBe(0);
});
