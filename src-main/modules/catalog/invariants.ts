import { sqlInvariant, type Invariant } from '../../db/check';

/** What `bottega check` proves about recipes. */
export const catalogInvariants: Invariant[] = [
  sqlInvariant<{ id: number; n: number }>(
    'catalog.one_active_recipe',
    'SELECT item_id AS id, count(*) AS n FROM recipes WHERE active = 1 GROUP BY item_id HAVING n > 1',
    (r) => `item ${r.id} has ${r.n} active recipes`,
  ),
  sqlInvariant<{ t: string; id: number }>(
    'catalog.integer_quantities',
    `SELECT 'recipe_components' AS t, id FROM recipe_components WHERE typeof(qty_milli) <> 'integer' OR qty_milli <= 0
     UNION ALL SELECT 'recipes', id FROM recipes WHERE typeof(yield_milli) <> 'integer' OR yield_milli <= 0`,
    (r) => `${r.t} ${r.id} has a quantity that is not a positive integer`,
  ),
];
