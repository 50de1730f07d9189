import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock() });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

const material = (sku: string, unit: 'kg' | 'g' | 'ml' | 'l' | 'pcs', unitCost: string | null = null) =>
  app.call('catalog.createItem', { sku, name: `Material ${sku}`, kind: 'material', unit, unitCost });

describe('items through the registry', () => {
  it('stores typed quantities and money as integers', () => {
    const item = app.call('catalog.createItem', {
      sku: 'OLIO-OLI',
      name: 'Olio di oliva',
      kind: 'material',
      unit: 'kg',
      reorderPoint: '2,5 kg',
      netWeight: '1000 g',
      unitCost: '6,40',
      salePrice: '9,90',
      gtin: '4006381333931',
    });
    expect(item).toMatchObject({ reorderPointMilli: 2500, netWeightMg: 1_000_000, unitCostMicros: 6_400_000, salePriceCents: 990 });
    const row = app.ctx.sqlite.prepare('SELECT reorder_point_milli, unit_cost_micros FROM items WHERE id = ?').get(item.id) as Record<string, unknown>;
    expect(row).toEqual({ reorder_point_milli: 2500, unit_cost_micros: 6400000 });
  });

  it('refuses a duplicate SKU (any case) with CONFLICT and writes nothing', () => {
    material('OLIO', 'kg');
    const res = app.invoke('catalog.createItem', { sku: 'olio', name: 'Another', kind: 'material', unit: 'kg' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('CONFLICT');
      expect(res.error.details?.issues).toEqual([expect.objectContaining({ path: ['sku'], key: 'sku_taken' })]);
    }
    expect(app.call('catalog.searchItems', {}).total).toBe(1);
  });

  it('names every bad field at once', () => {
    const res = app.invoke('catalog.createItem', {
      sku: 'X',
      name: 'X',
      kind: 'material',
      unit: 'pcs',
      reorderPoint: '3 kg',
      gtin: '4006381333932',
      unitCost: 'tre euro',
    });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      const keys = (res.error.details?.issues as { path: string[]; key: string }[]).map((i) => `${i.path[0]}:${i.key}`);
      expect(keys.sort()).toEqual(['gtin:gtin.invalid', 'reorderPoint:quantity.incompatible_unit', 'unitCost:money.not_a_number']);
    }
  });

  it('rejects input that breaks the schema with the zod issues', () => {
    const res = app.invoke('catalog.createItem', { sku: '', kind: 'gadget', unit: 'kg' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION');
      const paths = (res.error.details?.issues as { path: string[] }[]).map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['sku', 'name', 'kind']));
    }
  });

  it('searches by SKU or name, prefix or substring, exact SKU first', () => {
    material('LAV-ESS', 'ml');
    material('OLIO-LAV', 'kg');
    app.call('catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs' });
    const r = app.call('catalog.searchItems', { q: 'lav' });
    expect(r.total).toBe(3);
    expect(r.items[0]!.sku).toBe('LAV-ESS');
    expect(app.call('catalog.searchItems', { q: 'sapone ALLA' }).items.map((i) => i.sku)).toEqual(['SAP-LAV-100']);
    expect(app.call('catalog.searchItems', { q: '100%' }).total).toBe(0);
    expect(app.call('catalog.searchItems', { q: 'lav', kinds: ['product'] }).total).toBe(1);
  });

  it('keeps the unit of an item that recipes use', () => {
    const oil = material('OLIO', 'kg', '6,40');
    const base = app.call('catalog.createItem', { sku: 'BASE', name: 'Base', kind: 'intermediate', unit: 'kg' });
    app.call('catalog.saveRecipe', { itemId: base.id, yield: '10 kg', components: [{ itemId: oil.id, quantity: '7,5 kg' }] });
    const res = app.invoke('catalog.updateItem', { ...oil, id: oil.id, unit: 'l', unitCost: '6,40', reorderPoint: null, netWeight: null, salePrice: null });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('UNIT_MISMATCH');
  });
});

describe('recipes', () => {
  function threeLevels() {
    const naoh = material('NAOH', 'kg', '4,00');
    const water = material('ACQUA', 'l', '0,50');
    const oil = material('OLIO', 'kg', '6,40');
    const lye = app.call('catalog.createItem', { sku: 'SODA-SOL', name: 'Soluzione di soda', kind: 'intermediate', unit: 'kg' });
    const base = app.call('catalog.createItem', { sku: 'BASE', name: 'Base sapone', kind: 'intermediate', unit: 'kg' });
    const soap = app.call('catalog.createItem', { sku: 'SAP-100', name: 'Sapone 100 g', kind: 'product', unit: 'pcs' });
    // 1 kg of lye solution: 300 g NaOH + 0,7 l water → cost 0,3·4 + 0,7·0,5 = 1,55 €/kg
    app.call('catalog.saveRecipe', { itemId: lye.id, yield: '1 kg', components: [{ itemId: naoh.id, quantity: '300 g' }, { itemId: water.id, quantity: '700 ml' }] });
    // 10 kg base: 7,5 kg oil (+2 % scrap = 7,65 kg) + 2,5 kg lye → 7,65·6,40 + 2,5·1,55 = 48,96 + 3,875 = 52,835 € → 5,2835 €/kg
    app.call('catalog.saveRecipe', { itemId: base.id, yield: '10 kg', components: [{ itemId: oil.id, quantity: '7,5 kg', scrapPct: '2' }, { itemId: lye.id, quantity: '2,5 kg' }] });
    // 50 soaps from 5 kg base → 0,1 kg each → 0,52835 €/pc
    app.call('catalog.saveRecipe', { itemId: soap.id, yield: '50', components: [{ itemId: base.id, quantity: '5 kg' }] });
    return { naoh, water, oil, lye, base, soap };
  }

  it('explodes three levels, scaled, down to raw materials', () => {
    const { soap, oil, naoh, water } = threeLevels();
    const r = app.call('catalog.explodeRecipe', { itemId: soap.id, quantity: '100' });
    expect(r.tree.children[0]!.qtyMilli).toBe(10_000); // 10 kg base
    const raw = new Map(r.rawMaterials.map((m) => [m.item.id, m.qtyMilli]));
    expect(raw.get(oil.id)).toBe(7_650); // 7,65 kg
    expect(raw.get(naoh.id)).toBe(750); // 2,5 kg lye × 0,3 = 0,75 kg
    expect(raw.get(water.id)).toBe(1_750); // 1,75 l
    const byBatches = app.call('catalog.explodeRecipe', { itemId: soap.id, batches: 2 });
    expect(byBatches.tree.qtyMilli).toBe(100_000);
  });

  it('rolls the cost up through every level', () => {
    const { soap, base, lye } = threeLevels();
    const costs = new Map(app.call('catalog.costRollup', {}).costs.map((c) => [c.itemId, c.unitCostMicros]));
    expect(costs.get(lye.id)).toBe(1_550_000);
    expect(costs.get(base.id)).toBe(5_283_500);
    expect(costs.get(soap.id)).toBe(528_350);
  });

  it('versions: editing makes a new active version, the old one stays', () => {
    const { base, oil } = threeLevels();
    const v2 = app.call('catalog.saveRecipe', { itemId: base.id, yield: '10 kg', components: [{ itemId: oil.id, quantity: '8 kg' }] });
    expect(v2.version).toBe(2);
    const got = app.call('catalog.getRecipe', { itemId: base.id });
    expect(got.versions.map((v) => [v.version, v.active])).toEqual([[2, true], [1, false]]);
    const v1 = app.call('catalog.getRecipe', { itemId: base.id, version: 1 });
    expect(v1.recipe!.components).toHaveLength(2);
    app.call('catalog.activateRecipeVersion', { recipeId: v1.recipe!.id });
    expect(app.call('catalog.getRecipe', { itemId: base.id }).recipe!.version).toBe(1);
  });

  it('refuses a recipe that would contain itself, naming the cycle, and writes nothing', () => {
    const { soap, lye, base } = threeLevels();
    const before = app.ctx.sqlite.prepare('SELECT count(*) AS n FROM recipes').get();
    const res = app.invoke('catalog.saveRecipe', { itemId: lye.id, yield: '1 kg', components: [{ itemId: base.id, quantity: '1 kg' }] });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('RECIPE_CYCLE');
      expect((res.error.details?.cycle as { sku: string }[]).map((c) => c.sku)).toEqual(['SODA-SOL', 'BASE', 'SODA-SOL']);
      expect(res.error.message).toContain('Soluzione di soda (SODA-SOL) → Base sapone (BASE)');
    }
    const direct = app.invoke('catalog.saveRecipe', { itemId: soap.id, yield: '1', components: [{ itemId: soap.id, quantity: '1' }] });
    expect(!direct.ok && direct.error.code).toBe('RECIPE_CYCLE');
    expect(app.ctx.sqlite.prepare('SELECT count(*) AS n FROM recipes').get()).toEqual(before);
  });

  it('refuses a component in a unit of another dimension', () => {
    const { soap, oil } = threeLevels();
    const res = app.invoke('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: oil.id, quantity: '3 pcs' }] });
    expect(!res.ok && res.error.code).toBe('UNIT_MISMATCH');
    if (!res.ok) expect(res.error.details?.issues).toEqual([expect.objectContaining({ path: ['components', 0, 'quantity'] })]);
  });
});

describe('search marks items that have a recipe', () => {
  it('sets hasRecipe from the active recipe', () => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg' });
    const base = app.call('catalog.createItem', { sku: 'BASE', name: 'Base', kind: 'intermediate', unit: 'kg' });
    app.call('catalog.saveRecipe', { itemId: base.id, yield: '1 kg', components: [{ itemId: oil.id, quantity: '1 kg' }] });
    const found = new Map(app.call('catalog.searchItems', {}).items.map((i) => [i.sku, i.hasRecipe]));
    expect(Object.fromEntries(found)).toEqual({ BASE: true, OLIO: false });
  });
});

describe('search by recipe presence', () => {
  it('filters items with or without an active recipe', () => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg' });
    const base = app.call('catalog.createItem', { sku: 'BASE', name: 'Base', kind: 'intermediate', unit: 'kg' });
    app.call('catalog.createItem', { sku: 'CREMA', name: 'Crema', kind: 'product', unit: 'pcs' });
    app.call('catalog.saveRecipe', { itemId: base.id, yield: '1 kg', components: [{ itemId: oil.id, quantity: '1 kg' }] });
    expect(app.call('catalog.searchItems', { hasRecipe: true }).items.map((i) => i.sku)).toEqual(['BASE']);
    expect(app.call('catalog.searchItems', { hasRecipe: false, kinds: ['intermediate', 'product'] }).items.map((i) => i.sku)).toEqual(['CREMA']);
  });
});
