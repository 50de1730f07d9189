import type { Invariant } from '../../db/check';

/** What `bottega check` proves about recipes. */
export const catalogInvariants: Invariant[] = [
  {
    name: 'catalog.one_active_recipe',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare('SELECT item_id AS id, count(*) AS n FROM recipes WHERE active = 1 GROUP BY item_id HAVING n > 1')
          .all() as { id: number; n: number }[]
      ).map((r) => `item ${r.id} has ${r.n} active recipes`),
  },
  {
    name: 'catalog.integer_quantities',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare(
            `SELECT 'recipe_components' AS t, id FROM recipe_components WHERE typeof(qty_milli) <> 'integer' OR qty_milli <= 0
             UNION ALL SELECT 'recipes', id FROM recipes WHERE typeof(yield_milli) <> 'integer' OR yield_milli <= 0`,
          )
          .all() as { t: string; id: number }[]
      ).map((r) => `${r.t} ${r.id} has a quantity that is not a positive integer`),
  },
];
