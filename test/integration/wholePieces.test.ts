/**
 * Numbers that must agree: the recipe page's tree, cost card and raw-material total are
 * one computation; items counted in pieces are exploded, planned, reserved and consumed
 * in whole pieces (24 jars with 1 % scrap need 25, never 24,24).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mulDivRound } from '../../src-shared/domain/decimal';
import { costOfQuantityMicros } from '../../src-shared/domain/money';
import type { ExplosionNodeOut } from '../../src-shared/contract/catalog';
import { aMaterial, aProduct } from '../builders/items';
import { aRecipe } from '../builders/recipes';
import { demoApp, testApp } from '../builders';
import type { BottegaApp } from '../../src-main/api/app';

let app: BottegaApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

const cents = (micros: number) => Math.round(micros / 10_000);

function nodes(n: ExplosionNodeOut): ExplosionNodeOut[] {
  return [n, ...n.children.flatMap(nodes)];
}

describe('recipe cost: one computation', () => {
  it('for one batch of every demo recipe, the tree, the cost card and the raw-material total say the same amount (PF-KIT-TRIS once said 40,43 € and 40,52 €)', () => {
    app = demoApp();
    const recipes = app.call('catalog.listRecipes', { q: '' }).recipes;
    expect(recipes.map((r) => r.item.sku)).toContain('PF-KIT-TRIS');
    for (const r of recipes) {
      const ex = app.call('catalog.explodeRecipe', { itemId: r.item.id, batches: 1 });
      const unit = app.call('catalog.costRollup', { itemIds: [r.item.id] }).costs[0]!.unitCostMicros!;
      // what the screens compute: the tree's cost column, the card's "per batch", the table's total
      const tree = costOfQuantityMicros(ex.tree.qtyMilli, ex.tree.unitCostMicros!);
      const card = mulDivRound(unit, r.yieldMilli, 1000, 'half_up');
      const table = ex.rawMaterials.reduce((s, m) => s + costOfQuantityMicros(m.qtyMilli, m.unitCostMicros!), 0);
      expect(ex.totalCostMicros, r.item.sku).toBe(table);
      expect(cents(tree), `${r.item.sku} tree vs table`).toBe(cents(table));
      expect(cents(card), `${r.item.sku} card vs table`).toBe(cents(table));
    }
  });
});

describe('whole pieces', () => {
  it('no demo explosion (1 and 3 batches) shows a fraction of a piece, in the tree or in the raw materials', () => {
    app = demoApp();
    for (const r of app.call('catalog.listRecipes', { q: '' }).recipes) {
      for (const batches of [1, 3]) {
        const ex = app.call('catalog.explodeRecipe', { itemId: r.item.id, batches });
        for (const n of nodes(ex.tree).filter((x) => x.item.unit === 'pcs')) expect(n.qtyMilli % 1000, `${r.item.sku} × ${batches}: ${n.item.sku}`).toBe(0);
        for (const m of ex.rawMaterials.filter((x) => x.item.unit === 'pcs')) expect(m.qtyMilli % 1000, `${r.item.sku} × ${batches}: ${m.item.sku}`).toBe(0);
      }
    }
  });

  it('a production order needs, reserves and consumes whole jars; planning nets whole jars', () => {
    app = testApp();
    const jar = aMaterial().sku('VASO').name('Vasetto 200 ml').unit('pcs').cost('0,40').create(app);
    const wax = aMaterial().sku('CERA').name('Cera di soia').unit('kg').cost('6,00').create(app);
    const candle = aProduct().sku('CAND').name('Candela').create(app);
    aRecipe(candle).yield('24').component(jar, '24', '1').component(wax, '4,8 kg', '2').save(app);
    app.call('inventory.receive', { lines: [{ itemId: jar.id, quantity: '100' }, { itemId: wax.id, quantity: '20 kg' }] });

    const po = app.call('production.create', { itemId: candle.id, batches: 2, plannedOn: '2026-12-01' });
    // 2 × 24,24 = 48,48 jars: 49 whole jars
    expect(po.components.find((c) => c.item.id === jar.id)!.neededMilli).toBe(49_000);
    // kilograms stay exact: 2 × 4,896 kg
    expect(po.components.find((c) => c.item.id === wax.id)!.neededMilli).toBe(9_792);
    const shortages = app.call('planning.shortages', { productionOrderId: po.id });
    expect(shortages.rows.filter((r) => r.item.id === jar.id)).toEqual([]);

    const released = app.call('production.release', { id: po.id });
    expect(released.reserved.filter((r) => r.itemId === jar.id).reduce((n, r) => n + r.qtyMilli, 0)).toBe(49_000);
    const done = app.call('production.complete', { id: po.id, producedOn: '2026-12-01' });
    expect(done.consumed.filter((c) => c.itemId === jar.id).reduce((s, c) => s + c.qtyMilli, 0)).toBe(49_000);
    const left = app.call('inventory.itemLots', { itemId: jar.id });
    expect(left.lots.reduce((s, l) => s + l.onHandMilli, 0)).toBe(51_000);
  });
});
