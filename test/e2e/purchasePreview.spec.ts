/**
 * Issue 17 item 10: "Create purchase orders" from the shortage list shows first what it will
 * write — per supplier the lines and quantities after its minimum, and whether they go into
 * the supplier's open draft or a new one — writes nothing until confirmed, and its notice
 * links to the purchase orders. At 1366×768, in Italian and English.
 */
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test.afterEach(async ({ context }) => {
  await context.close();
});

/**
 * 2000 candles ordered: wax (Cerificio, which already has a draft for wicks), jars (Vetreria,
 * minimum 2500) and a fragrance nobody supplies run short.
 */
async function workshop(app: App) {
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-CERA', name: 'Cera di soia', kind: 'material', unit: 'kg' });
  await api(app, 'inventory.receive', { lines: [{ itemId: wax.id, quantity: '50 kg' }] });
  const jar = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'IM-VASO', name: 'Vasetto in vetro 200 ml', kind: 'packaging', unit: 'pcs' });
  const scent = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-PROFUMO', name: 'Olio essenziale di lavanda', kind: 'material', unit: 'kg' });
  const wick = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'MP-STOPPINO', name: 'Stoppino cerato', kind: 'material', unit: 'pcs' });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CANDELA', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs', salePrice: '12,50' });
  await api(app, 'catalog.saveRecipe', {
    itemId: candle.id,
    yield: '10 pz',
    batchMinutes: 90,
    components: [
      { itemId: wax.id, quantity: '2 kg' },
      { itemId: jar.id, quantity: '10 pz' },
      { itemId: scent.id, quantity: '0,1 kg' },
    ],
  });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria Rossi S.r.l.', city: 'Siena' });
  const cerificio = await api<{ id: number }>(app, 'parties.createSupplier', { name: 'Cerificio Bianchi' });
  const vetreria = await api<{ id: number }>(app, 'parties.createSupplier', { name: 'Vetreria Toscana' });
  await api(app, 'purchasing.saveSupplierTerms', { itemId: wax.id, supplierId: cerificio.id, preferred: true, leadTimeDays: 5, multiple: '25 kg', price: '3,20' });
  await api(app, 'purchasing.saveSupplierTerms', { itemId: wick.id, supplierId: cerificio.id, preferred: true, leadTimeDays: 5 });
  await api(app, 'purchasing.saveSupplierTerms', { itemId: jar.id, supplierId: vetreria.id, preferred: true, leadTimeDays: 10, minQuantity: '2500', price: '0,40' });
  const draft = await api<{ id: number; number: string }>(app, 'purchasing.create', { supplierId: cerificio.id, lines: [{ itemId: wick.id, quantity: '500' }] });
  await api(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: candle.id, quantity: '2000' }], confirm: true });
  return { cerificio, vetreria, draft };
}

test('Create purchase orders previews suppliers, quantities and the open draft it adds to; writes on confirm; the notice links to the orders', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const w = await workshop(app);
  const drafts = async () => (await api<{ orders: { number: string }[] }>(app, 'purchasing.list', { statuses: ['draft'] })).orders.map((o) => o.number).sort();

  for (const lang of ['en', 'it'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(`${app.origin}/#/planning`);
    await page.reload();
    await expect(page.getByTestId('shortage-MP-CERA')).toBeVisible();
    await page.getByTestId('shortages-create-pos').click();

    const preview = page.getByTestId('po-preview');
    await expect(preview).toBeVisible();
    const wax = preview.getByTestId(`po-preview-supplier-${w.cerificio.id}`);
    const jars = preview.getByTestId(`po-preview-supplier-${w.vetreria.id}`);
    // the wax goes into Cerificio's open draft; the jars open a new draft, rounded up to the minimum
    await expect(wax.getByTestId('po-preview-draft')).toHaveText(lang === 'it' ? `Nella bozza già aperta ${w.draft.number}` : `Into the open draft ${w.draft.number}`);
    await expect(wax.getByTestId('po-preview-line-MP-CERA').getByTestId('po-preview-ordered')).toHaveText('350 kg');
    await expect(jars.getByTestId('po-preview-new')).toHaveText(lang === 'it' ? 'Nuova bozza' : 'New draft');
    await expect(jars.getByTestId('po-preview-line-IM-VASO')).toContainText(lang === 'it' ? '2.000 pz' : '2,000 pcs');
    await expect(jars.getByTestId('po-preview-line-IM-VASO').getByTestId('po-preview-ordered')).toHaveText(lang === 'it' ? '2.500 pz' : '2,500 pcs');
    await expect(preview.getByTestId('po-preview-unplaced')).toContainText('MP-PROFUMO');
    await expect(page.getByTestId('po-preview-confirm')).toHaveText(lang === 'it' ? 'Crea 2 ordini fornitore' : 'Create 2 purchase orders');
    await shot(page, testInfo, `po-preview-${lang}`);
    // looking writes nothing
    expect(await drafts()).toEqual([w.draft.number]);
    if (lang === 'en') {
      await page.getByTestId('po-preview-cancel').click();
      await expect(preview).toBeHidden();
      expect(await drafts()).toEqual([w.draft.number]);
    }
  }

  await page.getByTestId('po-preview-confirm').click();
  const notice = page.getByTestId('po-created-notice');
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('po-preview')).toBeHidden();
  await expect(notice).toContainText(`${w.draft.number} (righe aggiunte alla bozza) · Cerificio Bianchi`);
  // numbered after the draft, in the same year
  await expect(notice).toContainText(`${w.draft.number.replace(/\d+$/, '0002')} (nuova bozza) · Vetreria Toscana`);
  await shot(page, testInfo, 'po-created-notice-it');
  // one draft per supplier: the wax was added to the wicks' draft
  expect(await drafts()).toHaveLength(2);
  const merged = await api<{ lines: { item: { sku: string }; qtyMilli: number }[] }>(app, 'purchasing.get', { id: w.draft.id });
  expect(merged.lines.map((l) => [l.item.sku, l.qtyMilli])).toEqual([
    ['MP-STOPPINO', 500_000],
    ['MP-CERA', 350_000],
  ]);
  // nothing of the wax left to order (the fragrance still has no supplier); the link opens the purchase order
  await expect(page.getByTestId('shortage-MP-CERA')).toContainText('—');
  await notice.getByTestId(`po-created-link-${w.draft.id}`).click();
  await expect(page.getByTestId('po-number')).toHaveText(w.draft.number);
  await expect(page.getByTestId('po-lines')).toContainText('MP-CERA');
});
