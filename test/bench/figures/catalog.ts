/** Catalog figures: recipe explosion, item search, cost roll-up (BENCH.md). */
import { allActiveRecipes } from '../../../src-main/modules/catalog/recipeLookup';
import { explode, type ExplosionNode, type RecipeDef } from '../../../src-shared/domain/recipeTree';
import type { BottegaApp } from '../../../src-main/api/app';
import { defineFigure, type BenchEnv } from '../harness';

const QTY = '1000';

function countNodes(n: ExplosionNode): number {
  return 1 + n.children.reduce((s, c) => s + countNodes(c), 0);
}

/**
 * The product whose recipe goes deepest (5 levels at large scale); among those, the one
 * whose tree is biggest — the worst a user can ask for.
 */
function deepestProduct(app: BottegaApp): { itemId: number; depth: number; nodes: number; recipes: Map<number, RecipeDef> } {
  const recipes = allActiveRecipes(app.ctx);
  const products = new Set(
    (app.ctx.sqlite.prepare(`SELECT id FROM items WHERE kind = 'product'`).pluck().all() as number[]).filter((id) => recipes.has(id)),
  );
  const memo = new Map<number, number>();
  const height = (id: number): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const r = recipes.get(id);
    const h = r ? 1 + Math.max(...r.components.map((c) => height(c.itemId))) : 0;
    memo.set(id, h);
    return h;
  };
  let best = { itemId: 0, depth: -1, nodes: 0 };
  for (const id of products) {
    const depth = height(id);
    if (depth < best.depth) continue;
    const nodes = countNodes(explode(id, 1_000_000, (x) => recipes.get(x)));
    if (depth > best.depth || nodes > best.nodes) best = { itemId: id, depth, nodes };
  }
  if (best.depth < 0) throw new Error('no product with a recipe in the database');
  return { ...best, recipes };
}

function ok(env: BenchEnv, name: string, input: unknown): unknown {
  const res = env.app.invoke(name, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

export const figures = [
  defineFigure({
    name: 'catalog.explode',
    what: 'explode the deepest product recipe for 1,000 units (registry)',
    n: 1000,
    warmup: 50,
    goal: { median_ms: 2 },
    setup: (env) => {
      const d = deepestProduct(env.app);
      env.log(`item ${d.itemId}: ${d.depth} levels, ${d.nodes} nodes in the tree`);
      return d;
    },
    run: (env, s) => {
      ok(env, 'catalog.explodeRecipe', { itemId: s.itemId, quantity: QTY });
    },
  }),
  defineFigure({
    name: 'catalog.explode_pure',
    what: 'the same explosion, pure function on loaded recipes',
    n: 1000,
    warmup: 50,
    setup: (env) => {
      const d = deepestProduct(env.app);
      return { itemId: d.itemId, lookup: (id: number) => d.recipes.get(id) };
    },
    run: (_env, s) => {
      explode(s.itemId, Number(QTY) * 1000, s.lookup);
    },
  }),
  defineFigure({
    name: 'catalog.search',
    what: 'item search, 1–4 characters of a SKU or name, limit 50',
    n: 500,
    warmup: 50,
    goal: { median_ms: 10 },
    setup: (env) => {
      const items = env.app.ctx.sqlite.prepare('SELECT sku, name FROM items').all() as { sku: string; name: string }[];
      const queries: string[] = [];
      while (queries.length < 200) {
        const it = env.rng.pick(items);
        const text = env.rng.chance(0.5) ? it.sku : it.name;
        const len = env.rng.int(1, 4);
        const from = env.rng.chance(0.5) ? 0 : env.rng.int(0, Math.max(0, text.length - len));
        const q = text.slice(from, from + len).trim();
        if (q) queries.push(env.rng.chance(0.3) ? q.toLowerCase() : q);
      }
      return queries;
    },
    run: (env, queries, i) => {
      ok(env, 'catalog.searchItems', { q: queries[i % queries.length], limit: 50 });
    },
  }),
  defineFigure({
    name: 'catalog.cost_rollup_all',
    what: 'cost roll-up of every active recipe',
    n: 30,
    warmup: 3,
    goal: { median_ms: 200 },
    run: (env) => {
      ok(env, 'catalog.costRollup', {});
    },
  }),
];
