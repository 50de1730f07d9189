/**
 * Issue 17 item 3: the demo workshop at 1366×768 (an office laptop), Italian and English.
 * Nothing the user needs to read is cut: the orders list shows whole customer names and
 * whole column headers, the trace tables whole dates, the shortage rows the material's
 * name (not only its SKU), the trace tree the lot's item. "Cut" is measured, not looked
 * at: an element whose content is wider than its box (scrollWidth > clientWidth).
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test.afterEach(async ({ context }) => {
  await context.close();
});

/** The texts of the elements whose content does not fit their box. */
async function cut(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.textContent} (${e.scrollWidth} > ${e.clientWidth})`));
}

/** The cells of a table's column found by its header text, and what overflows in them (the cell or its content). */
async function cutInColumn(table: Locator, header: string): Promise<{ cells: number; cut: string[] }> {
  return table.evaluate((el, header) => {
    const ths = [...el.querySelectorAll('thead th')];
    const index = ths.findIndex((th) => th.textContent?.trim().toLowerCase() === header.toLowerCase());
    const cells = [...el.querySelectorAll('tbody tr')].map((tr) => tr.children[index]).filter((td): td is Element => !!td && index >= 0 && td.textContent !== '');
    const over = (e: Element) => e.scrollWidth > e.clientWidth + 1;
    return { cells: cells.length, cut: cells.filter((td) => over(td) || [...td.querySelectorAll('*')].some(over)).map((td) => td.textContent ?? '') };
  }, header);
}

test('at 1366×768 the orders list, the trace tables and the shortages show whole names, headers and dates', async ({ page, app }) => {
  await api(app, 'system.loadDemo', { seed: 1 });
  // a lot that was shipped: its trace has shipments (DDT dates) and affected lots (expiry dates)
  const shipments = await api<{ shipments: { id: number }[] }>(app, 'shipping.list', { q: '' });
  const shipment = await api<{ lines: { lot: { code: string } }[] }>(app, 'shipping.get', { id: shipments.shipments[0]!.id });
  const lotCode = shipment.lines[0]!.lot.code;
  const shortages = await api<{ rows: { item: { sku: string; name: string } }[] }>(app, 'planning.shortages', {});
  expect(shortages.rows.length).toBeGreaterThan(0);

  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/orders`);
    const table = page.getByTestId('orders-table');
    await expect(table.locator('tbody tr').nth(10)).toBeVisible();
    const customers = await cutInColumn(table, lang === 'it' ? 'Cliente' : 'Customer');
    expect(customers.cells).toBeGreaterThan(10);
    expect(customers.cut, `${lang}: customer names cut`).toEqual([]);
    const headers = table.locator('th');
    expect(await headers.count()).toBeGreaterThan(5);
    expect(await cut(headers), `${lang}: headers cut`).toEqual([]);

    await page.goto(`${app.origin}/#/traceability?lot=${encodeURIComponent(lotCode)}&dir=both`);
    await expect(page.getByTestId('trace-shipments').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByTestId('trace-lots').locator('tbody tr').first()).toBeVisible();
    const ddtDates = await cutInColumn(page.getByTestId('trace-shipments'), lang === 'it' ? 'Data DDT' : 'DDT date');
    const expiries = await cutInColumn(page.getByTestId('trace-lots'), lang === 'it' ? 'Scadenza' : 'Expiry');
    expect(ddtDates.cells).toBeGreaterThan(0);
    expect(expiries.cells).toBeGreaterThan(0);
    expect(ddtDates.cut, `${lang}: DDT dates cut`).toEqual([]);
    expect(expiries.cut, `${lang}: expiry dates cut`).toEqual([]);
    expect(await cut(page.getByTestId('trace-shipments').locator('th')), `${lang}: trace headers cut`).toEqual([]);
    // the tree: the item of the lot asked about is whole on its row
    const root = page.getByTestId(`trace-node-${lotCode}`).first().locator('.trace-row-name');
    await expect(root).toBeVisible();
    expect(await cut(root), `${lang}: tree item cut`).toEqual([]);

    await page.goto(`${app.origin}/#/planning`);
    const first = shortages.rows[0]!.item;
    // the row names the material, not only its SKU, and names are whole
    await expect(page.getByTestId(`shortage-name-${first.sku}`)).toHaveText(first.name);
    const names = page.getByTestId('shortages-table').locator('[data-testid^="shortage-name-"]');
    expect(await cut(names), `${lang}: material names cut`).toEqual([]);
    expect(await cut(page.getByTestId('shortages-table').locator('th')), `${lang}: shortage headers cut`).toEqual([]);
  }
});

test('at 1366×768 the order and production order headers keep their title whole, cancelling is behind "⋯"', async ({ page, app }) => {
  await api(app, 'system.loadDemo', { seed: 1 });
  const orders = await api<{ orders: { id: number; status: string }[] }>(app, 'orders.list', { q: '', statuses: ['waiting'] });
  const production = await api<{ orders: { id: number }[] }>(app, 'production.list', { q: '', statuses: ['released'] });
  expect(orders.orders.length).toBeGreaterThan(0);
  expect(production.orders.length).toBeGreaterThan(0);
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(app.url);
    for (const [path, prefix] of [
      [`/orders/${orders.orders[0]!.id}`, 'order'],
      [`/production/${production.orders[0]!.id}`, 'po'],
    ] as const) {
      await page.goto(`${app.origin}/#${path}`);
      await expect(page.getByTestId('page-title')).toBeVisible();
      expect(await cut(page.getByTestId('page-title')), `${lang} ${path}: title cut`).toEqual([]);
      await expect(page.getByTestId(`${prefix}-cancel`)).toHaveCount(0);
      await page.getByTestId(`${prefix}-more`).click();
      await expect(page.getByTestId(`${prefix}-cancel`)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(`${prefix}-cancel`)).toHaveCount(0);
    }
  }
});
