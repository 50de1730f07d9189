/**
 * The catalogue as a person uses it: first run, items, two-level recipes, the cost
 * roll-up, field errors, a recipe cycle, and the language switch. Every test starts on
 * its own fresh server and database (fixtures.ts).
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, type App } from './helpers';

// The server's graceful stop waits for open connections: let the browser close its own
// before the app fixture stops the server.
test.afterEach(async ({ context }) => {
  await context.close();
});

async function startEmpty(page: Page, app: App): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-items')).toBeVisible();
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

async function newItem(page: Page, f: { sku: string; name: string; kind: string; unit: string; unitCost?: string }): Promise<void> {
  await page.getByTestId('nav-items').click();
  await page.getByTestId('item-new').click();
  await page.getByTestId('item-form-sku').fill(f.sku);
  await page.getByTestId('item-form-name').fill(f.name);
  await page.getByTestId('item-form-kind').selectOption(f.kind);
  await page.getByTestId('item-form-unit').selectOption(f.unit);
  if (f.unitCost) await page.getByTestId('item-form-unitCost').fill(f.unitCost);
  await page.getByTestId('item-save').click();
  // saved: the page becomes the item's own page, with its archive button
  await expect(page.getByTestId('item-archive')).toBeVisible();
  await expect(page.getByTestId('page-title')).toHaveText(f.name);
}

/** Picks an item in a recipe row by typing part of its name. */
async function pickComponent(page: Page, row: number, search: string, optionName: RegExp): Promise<void> {
  await page.getByTestId(`recipe-component-item-${row}`).fill(search);
  await page.getByRole('option', { name: optionName }).click();
}

test('first run, materials, a two-level recipe and its cost per piece', async ({ page, app }, testInfo) => {
  await startEmpty(page, app);
  await shot(page, testInfo, 'dashboard');

  await newItem(page, { sku: 'MP-OLIO', name: 'Olio di oliva', kind: 'material', unit: 'kg', unitCost: '6,40' });
  await shot(page, testInfo, 'item-material');

  // The soap base: 10 kg a batch from 7,5 kg of oil with 2 % scrap.
  await newItem(page, { sku: 'SL-BASE', name: 'Base sapone', kind: 'intermediate', unit: 'kg' });
  await page.getByTestId('item-create-recipe').click();
  await page.getByTestId('recipe-yield').fill('10 kg');
  await pickComponent(page, 0, 'Olio', /Olio di oliva/);
  await page.getByTestId('recipe-component-qty-0').fill('7,5 kg');
  await page.getByTestId('recipe-component-scrap-0').fill('2');
  await shot(page, testInfo, 'recipe-editor');
  await page.getByTestId('recipe-save').click();
  // 7,5 kg × 1,02 = 7,65 kg of oil at 6,40 €/kg = 48,96 € a batch; / 10 kg = 4,896 €/kg
  await expect(page.getByTestId('cost-rollup')).toHaveText(/^4,896\s€$/);

  // The bar of soap: 50 pieces a batch from 5 kg of base, i.e. 0,1 kg a piece.
  await newItem(page, { sku: 'PF-LAV100', name: 'Sapone alla lavanda 100 g', kind: 'product', unit: 'pcs' });
  await page.getByTestId('item-create-recipe').click();
  await page.getByTestId('recipe-yield').fill('50 pz');
  await pickComponent(page, 0, 'Base', /Base sapone/);
  await page.getByTestId('recipe-component-qty-0').fill('5 kg');
  await page.getByTestId('recipe-save').click();

  // Cost per piece, through both levels: 5 kg × 4,896 €/kg = 24,48 € a batch; / 50 pcs = 0,4896 €
  await expect(page.getByTestId('cost-rollup')).toHaveText(/^0,4896\s€$/);
  await expect(page.getByTestId('cost-missing')).toHaveCount(0);
  // The explosion reaches the oil: 5 kg of base is half a batch → 3,75 kg + 2 % = 3,825 kg
  await expect(page.getByTestId('explosion-node-MP-OLIO')).toContainText('3,825 kg');
  await expect(page.getByTestId('raw-MP-OLIO')).toContainText('24,48');
  await shot(page, testInfo, 'recipe-view');

  // Twice the quantity: every line doubles.
  await page.getByTestId('explode-quantity').fill('100 pz');
  await expect(page.getByTestId('explosion-node-MP-OLIO')).toContainText('7,65 kg');

  await page.getByTestId('nav-recipes').click();
  await expect(page.getByTestId('recipe-row-PF-LAV100')).toContainText('0,4896');
  await shot(page, testInfo, 'recipes');

  await page.getByTestId('nav-items').click();
  await page.getByTestId('items-search').fill('olio');
  await expect(page.getByTestId('item-row-MP-OLIO')).toBeVisible();
  await expect(page.getByTestId('item-row-PF-LAV100')).toHaveCount(0);
  await shot(page, testInfo, 'items');
});

test('the item form shows each server problem under its field', async ({ page, app }, testInfo) => {
  await startEmpty(page, app);
  await api(app, 'catalog.createItem', { sku: 'MP-OLIO', name: 'Olio di oliva', kind: 'material', unit: 'kg' });

  await page.getByTestId('nav-items').click();
  await page.getByTestId('item-new').click();
  await page.getByTestId('item-form-sku').fill('mp-olio');
  await page.getByTestId('item-form-name').fill('Olio extravergine');
  await page.getByTestId('item-form-unitCost').fill('sei euro');
  await page.getByTestId('item-form-reorderPoint').fill('25 litri');
  await page.getByTestId('item-save').click();
  // the quantity and money problems come together; the SKU clash after them
  await expect(page.getByTestId('item-form-unitCost')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Non è un importo: scrivi per esempio «3,20»')).toBeVisible();
  await expect(page.getByText('Unità non compatibile: questo articolo si misura in kg')).toBeVisible();
  await shot(page, testInfo, 'item-errors');

  await page.getByTestId('item-form-unitCost').fill('6,40');
  await page.getByTestId('item-form-reorderPoint').fill('25');
  await page.getByTestId('item-save').click();
  await expect(page.getByText('SKU già usato da «Olio di oliva»')).toBeVisible();
});

test('a recipe that would contain itself is explained with its path', async ({ page, app }) => {
  await startEmpty(page, app);
  const a = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SL-A', name: 'Impasto A', kind: 'intermediate', unit: 'kg' });
  const b = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SL-B', name: 'Impasto B', kind: 'intermediate', unit: 'kg' });
  await api(app, 'catalog.saveRecipe', { itemId: a.id, yield: '1 kg', components: [{ itemId: b.id, quantity: '1 kg' }] });

  await page.goto(`${app.origin}/#/recipes/${b.id}`);
  await page.getByTestId('recipe-yield').fill('1 kg');
  await pickComponent(page, 0, 'Impasto A', /Impasto A/);
  await page.getByTestId('recipe-component-qty-0').fill('1 kg');
  await page.getByTestId('recipe-save').click();
  await expect(page.getByTestId('recipe-error')).toContainText('La ricetta conterrebbe se stessa: Impasto B → Impasto A → Impasto B');
});

test('switching to English changes the whole interface at once', async ({ page, app }, testInfo) => {
  await startEmpty(page, app);
  await expect(page.getByTestId('nav-items')).toHaveText('Articoli');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('lang-select').getByText('English').click();
  await expect(page.getByTestId('nav-items')).toHaveText('Items');
  await expect(page.getByTestId('page-title')).toHaveText('Settings');
  await shot(page, testInfo, 'settings-en');

  // the choice is stored: a reload keeps it
  await page.reload();
  await expect(page.getByTestId('nav-recipes')).toHaveText('Recipes');
  for (const screen of ['dashboard', 'orders', 'production', 'inventory', 'shipments', 'traceability', 'recipes', 'items', 'customers', 'suppliers']) {
    await page.getByTestId(`nav-${screen}`).click();
    await expect(page.getByTestId('page-title')).toBeVisible();
    await shot(page, testInfo, `${screen}-en`);
  }
});

test('the command palette opens an item; an older recipe version can be made active again', async ({ page, app }, testInfo) => {
  await startEmpty(page, app);
  const oil = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-OLIO', name: 'Olio di oliva', kind: 'material', unit: 'kg', unitCost: '6,40' });
  const base = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SL-BASE', name: 'Base sapone', kind: 'intermediate', unit: 'kg' });
  await api(app, 'catalog.saveRecipe', { itemId: base.id, yield: '10 kg', components: [{ itemId: oil.id, quantity: '10 kg' }] });

  await page.keyboard.press('Control+K');
  await page.getByTestId('palette-search').fill('SL-BA');
  await page.getByTestId(`palette-item-${base.id}`).click();
  await expect(page.getByTestId('page-title')).toHaveText('Base sapone');
  await page.getByTestId('item-open-recipe').click();
  // v1: 10 kg of oil for 10 kg → 6,40 €/kg
  await expect(page.getByTestId('cost-rollup')).toHaveText(/^6,40\s€$/);

  // v2 uses half the oil: 3,20 €/kg
  await page.getByTestId('recipe-tab-edit').click();
  await page.getByTestId('recipe-component-qty-0').fill('5 kg');
  await page.getByTestId('recipe-save').click();
  await expect(page.getByTestId('recipe-active-version')).toHaveText('v2 attiva');
  await expect(page.getByTestId('cost-rollup')).toHaveText(/^3,20\s€$/);

  await page.getByTestId('recipe-tab-versions').click();
  await page.getByTestId('recipe-activate-1').click();
  await expect(page.getByTestId('recipe-active-version')).toHaveText('v1 attiva');
  await shot(page, testInfo, 'recipe-versions');
  await page.getByTestId('recipe-tab-view').click();
  await expect(page.getByTestId('cost-rollup')).toHaveText(/^6,40\s€$/);
});
