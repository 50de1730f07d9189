/**
 * The demo workshop's months of invoices at 1366×768, Italian and English: the invoices
 * list, an invoice, the scadenzario and a customer's balance, with whole customer names
 * and headers (measured: content wider than its box), and screenshots to look at.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

async function cut(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.textContent} (${e.scrollWidth} > ${e.clientWidth})`));
}

test('the demo’s invoices, payments due and a customer’s balance at 1366 in both languages, names and headers whole', async ({ page, app }, testInfo) => {
  await api(app, 'system.loadDemo', { seed: 1 });
  const list = await api<{ invoices: { id: number; customer: { id: number } }[]; total: number }>(app, 'invoicing.list', {});
  expect(list.total).toBeGreaterThan(3);
  const open = await api<{ instalments: { customer: { id: number } }[] }>(app, 'invoicing.instalments', { state: 'open' });
  const owing = open.instalments[0]?.customer.id ?? list.invoices[0]!.customer.id;
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/invoices`);
    const table = page.getByTestId('invoices-table');
    await expect(table.locator('tbody tr').nth(2)).toBeVisible();
    expect(await cut(table.locator('th')), `${lang}: invoice headers cut`).toEqual([]);
    expect(await cut(table.locator('td[data-col="customer"] p')), `${lang}: customer names cut`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`demo-invoices-${lang}.png`) });
    await page.goto(`${app.origin}/#/invoices/${list.invoices[0]!.id}`);
    await expect(page.getByTestId('invoice-lines')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`demo-invoice-${lang}.png`) });
    await page.goto(`${app.origin}/#/payments`);
    await expect(page.getByTestId('payments-stats')).toBeVisible();
    await expect(page.getByTestId('payments-table').locator('tbody tr').nth(2)).toBeVisible();
    expect(await cut(page.getByTestId('payments-table').locator('th')), `${lang}: payment headers cut`).toEqual([]);
    expect(await cut(page.getByTestId('payments-table').locator('td[data-col="customer"] p')), `${lang}: payment customers cut`).toEqual([]);
    expect(await cut(page.getByTestId('payments-table').locator('td[data-col="state"] .mantine-Badge-label')), `${lang}: states cut`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`demo-payments-${lang}.png`) });
    await page.goto(`${app.origin}/#/customers/${owing}`);
    await expect(page.getByTestId('customer-balance-open')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`demo-customer-${lang}.png`) });
  }
});
