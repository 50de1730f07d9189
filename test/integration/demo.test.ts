import { DEMO_STEPS } from '../../src-main/demo/generate';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import type { ExplosionNodeOut } from '../../src-shared/contract/catalog';
import { isValidGtin } from '../../src-shared/domain/gtin';
import { isValidCodiceFiscale, isValidPartitaIva } from '../../src-shared/domain/italianTax';
import { demoApp, removeTempDbs, testApp } from '../builders';

afterAll(removeTempDbs);

function rows(app: BottegaApp, sql: string): unknown[] {
  return app.ctx.sqlite.prepare(sql).all();
}
function digest(app: BottegaApp, sql: string): string {
  return createHash('sha256').update(JSON.stringify(rows(app, sql))).digest('hex');
}
function maxDepth(n: ExplosionNodeOut): number {
  return Math.max(n.depth, ...n.children.map(maxDepth));
}

const ITEMS_SQL = 'SELECT * FROM items ORDER BY id';
const RECIPES_SQL = 'SELECT * FROM recipes ORDER BY id';
const COMPONENTS_SQL = 'SELECT * FROM recipe_components ORDER BY id';
const PARTIES_SQL = 'SELECT * FROM customers UNION ALL SELECT * FROM suppliers';

describe('demo workshop, small', () => {
  const a = demoApp({ seed: 7 });
  const b = demoApp({ seed: 7 });
  afterAll(() => {
    a.close();
    b.close();
  });

  it('is the same for the same seed, row for row', () => {
    expect(rows(a, 'SELECT sku FROM items ORDER BY id')).toEqual(rows(b, 'SELECT sku FROM items ORDER BY id'));
    for (const sql of [ITEMS_SQL, RECIPES_SQL, COMPONENTS_SQL, PARTIES_SQL]) expect(digest(a, sql)).toBe(digest(b, sql));
    expect(a.counts).toEqual(b.counts);
  });

  it('differs in its generated records for another seed', () => {
    const c = demoApp({ seed: 8 });
    expect(digest(c, ITEMS_SQL)).toBe(digest(a, ITEMS_SQL)); // the workshop's catalog is written by hand
    expect(digest(c, PARTIES_SQL)).not.toBe(digest(a, PARTIES_SQL));
    c.close();
  });

  it('holds a believable workshop', () => {
    const byKind = Object.fromEntries(
      (rows(a, 'SELECT kind, count(*) AS n FROM items GROUP BY kind') as { kind: string; n: number }[]).map((r) => [r.kind, r.n]),
    );
    const items = Object.values(byKind).reduce((s, n) => s + n, 0);
    expect(items).toBeGreaterThanOrEqual(40);
    expect(items).toBeLessThanOrEqual(60);
    expect(byKind.material).toBeGreaterThanOrEqual(15);
    expect(byKind.packaging).toBeGreaterThanOrEqual(8);
    expect(byKind.intermediate).toBeGreaterThanOrEqual(4);
    expect(byKind.product).toBeGreaterThanOrEqual(8);
    expect(a.counts).toMatchObject({ items, suppliers: expect.any(Number), customers: expect.any(Number) });
    expect(a.counts.suppliers).toBeGreaterThanOrEqual(5);
    expect(a.counts.suppliers).toBeLessThanOrEqual(8);
    expect(a.counts.customers).toBeGreaterThanOrEqual(15);
    expect(a.counts.customers).toBeLessThanOrEqual(30);
    expect(a.counts.recipeVersions).toBeGreaterThan(a.counts.recipes!); // one recipe was revised

    const status = a.call('system.status', {});
    expect(status.counts).toMatchObject({ items, customers: a.counts.customers, suppliers: a.counts.suppliers });

    const gtins = rows(a, 'SELECT gtin FROM items WHERE gtin IS NOT NULL') as { gtin: string }[];
    expect(gtins.length).toBeGreaterThanOrEqual(3);
    for (const g of gtins) expect(isValidGtin(g.gtin)).toBe(true);

    const parties = rows(a, `SELECT vat_number AS vat, fiscal_code AS cf, country FROM customers UNION ALL SELECT vat_number, fiscal_code, country FROM suppliers`) as {
      vat: string | null;
      cf: string | null;
      country: string;
    }[];
    for (const p of parties.filter((x) => x.country === 'IT')) {
      if (p.vat) expect(isValidPartitaIva(p.vat)).toBe(true);
      if (p.cf) expect(isValidCodiceFiscale(p.cf)).toBe(true);
    }
    expect(parties.filter((p) => p.vat === null).length).toBeGreaterThan(0); // private buyers
    expect(runCheck(a.ctx).ok).toBe(true);
  });

  it('explodes every product recipe down to costed materials, some through several levels', () => {
    const products = a.call('catalog.listRecipes', { limit: 1000 }).recipes.filter((r) => r.item.kind === 'product');
    expect(products.length).toBeGreaterThanOrEqual(8);
    let deepest = 0;
    for (const p of products) {
      const res = a.call('catalog.explodeRecipe', { itemId: p.item.id, batches: 1 });
      expect(res.missingCosts, p.item.sku).toEqual([]);
      expect(res.totalCostMicros, p.item.sku).toBeGreaterThan(0);
      deepest = Math.max(deepest, maxDepth(res.tree));
    }
    expect(deepest).toBeGreaterThanOrEqual(3); // soap ← base ← soda solution ← NaOH
    expect(a.counts.maxRecipeDepth).toBe(deepest);

    const rollup = a.call('catalog.costRollup', {});
    expect(rollup.costs.length).toBe(a.counts.recipes);
    for (const c of rollup.costs) {
      expect(c.missing).toEqual([]);
      expect(c.unitCostMicros).toBeGreaterThan(0);
    }
  });

  it('sells every product with a recipe above its cost', () => {
    const costs = new Map(a.call('catalog.costRollup', {}).costs.map((c) => [c.itemId, c.unitCostMicros!]));
    for (const p of a.call('catalog.searchItems', { kinds: ['product'], limit: 1000 }).items) {
      const cost = costs.get(p.id) ?? p.unitCostMicros!;
      expect(p.salePriceCents! * 10_000, p.sku).toBeGreaterThan(cost);
    }
  });
});

describe('system.loadDemo', () => {
  it('fills an empty database through the registry, inside the command’s own transaction', () => {
    const app = testApp();
    const status = app.call('system.loadDemo', { seed: 3 });
    expect(status.firstRun).toBe(false);
    expect(status.counts.items).toBeGreaterThanOrEqual(40);
    const again = app.invoke('system.loadDemo', { seed: 3 });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    app.close();
  });
});

describe('demo workshop, large (the benchmark catalog)', () => {
  it('has ≥ 2,000 items and ≥ 600 recipes, chains five levels deep, and passes check', () => {
    const started = performance.now();
    // the catalog only: the ten-year history is the benchmark's to build
    const catalogSteps = DEMO_STEPS.filter((st) => st.name !== 'large-history');
    const app = demoApp({ scale: 'large', seed: 1, steps: catalogSteps });
    const ms = performance.now() - started;
    console.log(`large demo catalog generated in ${ms.toFixed(0)} ms: ${JSON.stringify(app.counts)}`);

    const n = (sql: string) => (app.ctx.sqlite.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM items')).toBeGreaterThanOrEqual(2000);
    expect(n('SELECT count(*) AS n FROM recipes WHERE active = 1')).toBeGreaterThanOrEqual(600);
    expect(n('SELECT count(*) AS n FROM customers')).toBeGreaterThanOrEqual(190);
    expect(n('SELECT count(*) AS n FROM suppliers')).toBeGreaterThanOrEqual(45);
    expect(app.counts.maxRecipeDepth).toBe(5);

    // the deepest product explodes through the registry to depth 5, with every cost known
    const all = app.call('catalog.listRecipes', { limit: 1000 }).recipes.filter((r) => r.item.kind === 'product');
    let deepest = 0;
    for (const r of all.slice(-80)) {
      const res = app.call('catalog.explodeRecipe', { itemId: r.item.id, quantity: '1000' });
      expect(res.missingCosts).toEqual([]);
      deepest = Math.max(deepest, maxDepth(res.tree));
    }
    expect(deepest).toBe(5);

    const rollup = app.call('catalog.costRollup', {});
    expect(rollup.costs.every((c) => c.missing.length === 0)).toBe(true);

    const report = runCheck(app.ctx);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);

    const again = demoApp({ scale: 'large', seed: 1, steps: catalogSteps });
    for (const sql of [ITEMS_SQL, RECIPES_SQL, COMPONENTS_SQL]) expect(digest(again, sql)).toBe(digest(app, sql));
    again.close();
    app.close();
  }, 120_000);
});
