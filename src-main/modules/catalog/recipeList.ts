import { costRollup } from '../../../src-shared/domain/recipeTree';
import type { Handler } from '../../api/handlers';
import { likeContains } from './items';
import { lazyItemCosts, lazyRecipeLookup } from './recipeLookup';
import { sql } from '../../db/sql';

/** Items with an active recipe, with the cost per unit rolled up for the rows shown. */
export const listRecipes: Handler<'catalog.listRecipes'> = (ctx, input) => {
  const q = input.q.trim();
  const like = likeContains(q);
  const filter = q ? sql`AND (i.sku LIKE ${like} ESCAPE '\\' OR i.name LIKE ${like} ESCAPE '\\')` : sql``;
  const page = sql`SELECT r.id AS recipeId, r.version, r.yield_milli AS yieldMilli, i.id, i.sku, i.name, i.kind, i.unit,
              (SELECT count(*) FROM recipe_components c WHERE c.recipe_id = r.id) AS componentCount
       FROM recipes r JOIN items i ON i.id = r.item_id
       WHERE r.active = 1 ${filter}
       ORDER BY i.name, i.id LIMIT ${input.limit} OFFSET ${input.offset}`;
  const count = sql`SELECT count(*) AS n FROM recipes r JOIN items i ON i.id = r.item_id WHERE r.active = 1 ${filter}`;
  const rows = ctx.sqlite.prepare(page.text).all(...page.values) as {
    recipeId: number;
    version: number;
    yieldMilli: number;
    componentCount: number;
    id: number;
    sku: string;
    name: string;
    kind: 'material' | 'packaging' | 'intermediate' | 'product';
    unit: 'g' | 'kg' | 'ml' | 'l' | 'pcs';
  }[];
  const total = (ctx.sqlite.prepare(count.text).get(...count.values) as { n: number }).n;
  const costs = costRollup(lazyRecipeLookup(ctx), lazyItemCosts(ctx), rows.map((r) => r.id));
  return {
    recipes: rows.map((r) => ({
      recipeId: r.recipeId,
      version: r.version,
      yieldMilli: r.yieldMilli,
      componentCount: r.componentCount,
      item: { id: r.id, sku: r.sku, name: r.name, kind: r.kind, unit: r.unit },
      unitCostMicros: costs.get(r.id)?.unitCostMicros ?? null,
    })),
    total,
  };
};
