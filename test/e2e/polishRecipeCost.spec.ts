/**
 * The demo's PF-KIT-TRIS recipe page at 1366×768, Italian and English: the tree's total,
 * the cost card's batch cost and the raw-material total are one amount (they once read
 * 40,43 € and 40,52 €), and no packaging shows a fraction of a piece.
 */
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test('the kit recipe: one cost everywhere, whole pieces', async ({ page, app }, testInfo) => {
  // the demo workshop into the server's (fresh) database, as the first-run screen loads it
  // (the server holds the file's writer lock: `bottega demo` from another process is refused)
  await api(app, 'system.loadDemo', { seed: 1 });
  const kit = (await api<{ recipes: { item: { id: number; sku: string } }[] }>(app, 'catalog.listRecipes', { q: 'PF-KIT-TRIS' })).recipes[0]!;
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/recipes/${kit.item.id}`);
    const card = page.getByTestId('cost-batch');
    await expect(card).toBeVisible();
    const total = await page.getByTestId('raw-total').innerText();
    expect(total).toMatch(/\d/);
    await expect(card).toContainText(total.trim());
    await expect(page.getByTestId('raw-materials')).not.toContainText(/\d,\d+ (pz|pcs)/);
    await shot(page, testInfo, `kit-recipe-${lang}`);
  }
});
