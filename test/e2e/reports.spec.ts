/**
 * The owner opens Report on the demo workshop: the revenue chart is drawn with its table
 * beside it, the group table has a row per channel and the total, the CSV downloads in
 * Italian Excel format with those same rows, and the screen reads in English too; at
 * 1366 px no table scrolls sideways. A period with no data says so instead of drawing
 * empty charts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

/** Tables wider than the card they scroll in (none should be at 1366 px): their test ids. */
async function tablesScrollingSideways(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table[data-testid^="report-"]')]
      .filter((t) => {
        const box = t.closest('.mantine-ScrollArea-viewport') ?? t.parentElement!;
        return t.scrollWidth > box.clientWidth + 1;
      })
      .map((t) => t.getAttribute('data-testid')!),
  );
}

type Kpis = { groups: { key: string; label: string; revenueCents: number }[]; total: { orders: number; revenueCents: number } };

test('Report shows revenue by month as a chart with its table, and the CSV has the same groups', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-demo').click();
  await expect(page.getByTestId('nav-reports')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('nav-reports').click();

  const revenue = page.getByTestId('report-revenue');
  await expect(revenue).toBeVisible();
  // a real chart: recharts draws bars as SVG paths, not a placeholder
  await expect(page.getByTestId('report-revenue-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('report-revenue-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('report-margin-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // the screen asked for this year up to today: the same question through the HTTP door
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const kpis = await api<Kpis>(app, 'reports.kpis', { from: `${today.slice(0, 4)}-01-01`, to: today, by: 'channel', language: 'it' });
  expect(kpis.groups.length).toBeGreaterThan(1);
  const groupRows = page.getByTestId('report-groups').locator('tbody tr');
  await expect(groupRows).toHaveCount(kpis.groups.length + 1);
  await expect(groupRows.last()).toContainText('Totale');
  await expect(groupRows.first()).toContainText(kpis.groups[0]!.label);
  // at 1366 px neither the page nor any table scrolls sideways (column heads wrap, wide tables go under their chart)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  expect(await tablesScrollingSideways(page)).toEqual([]);
  await shot(page, testInfo, '1-report-it');

  const download = page.waitForEvent('download');
  await page.getByTestId('report-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^report-channel-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.split('\r\n');
  const header = lines.findIndex((l) => l.startsWith('Canale;Ordini;Fatturato netto;'));
  expect(header).toBeGreaterThan(0);
  // one row per channel, in the screen's order, then the total; money with a decimal comma
  const rows = lines.slice(header + 1, header + 2 + kpis.groups.length).map((l) => l.split(';'));
  expect(rows.map((r) => r[0])).toEqual([...kpis.groups.map((g) => g.label), 'Totale']);
  const euros = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
  expect(rows.at(-1)![1]).toBe(String(kpis.total.orders));
  expect(rows.at(-1)![2]).toBe(euros(kpis.total.revenueCents));
  expect(rows[0]![2]).toBe(euros(kpis.groups[0]!.revenueCents));

  // by product, in English, with the previous period
  await api(app, 'settings.update', { language: 'en' });
  await page.reload();
  await page.getByTestId('report-by').getByText('Product').click();
  await page.getByTestId('report-compare').click();
  await expect(page.getByTestId('report-groups')).toContainText('Net revenue (prev.)');
  await expect(page.getByTestId('report-margin-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  expect(await tablesScrollingSideways(page)).toEqual([]);
  await shot(page, testInfo, '2-report-en-product');
});

test('a period with no orders says so instead of drawing empty charts', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-empty')).toContainText('Nessun ordine confermato');
  await expect(page.getByTestId('report-revenue')).toHaveCount(0);
  await expect(page.getByTestId('report-csv')).toBeDisabled();
  await shot(page, testInfo, '3-report-empty');
});

test('a category typed on the item page becomes a group of the report by category', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-demo').click();
  await expect(page.getByTestId('nav-reports')).toBeVisible({ timeout: 60_000 });
  const found = await api<{ items: { id: number; category: string | null }[] }>(app, 'catalog.searchItems', { q: 'PF-KIT-TRIS' });
  expect(found.items[0]!.category).toBe('Cofanetti');
  await page.goto(`${app.origin}/#/items/${found.items[0]!.id}`);
  await page.getByTestId('item-form-category').fill('Regali');
  await page.getByTestId('item-save').click();
  await expect.poll(async () => (await api<{ items: { category: string | null }[] }>(app, 'catalog.searchItems', { q: 'PF-KIT-TRIS' })).items[0]!.category).toBe('Regali');
  await shot(page, testInfo, '4-item-category');

  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-by').getByText('Categoria').click();
  const groups = page.getByTestId('report-groups');
  await expect(groups).toContainText('Regali');
  await expect(groups).toContainText('Saponi');
  await expect(groups).not.toContainText('Cofanetti');
});
