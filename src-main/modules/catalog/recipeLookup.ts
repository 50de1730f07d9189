import type { RecipeDef, RecipeLookup } from '../../../src-shared/domain/recipeTree';
import type { ReadCtx } from '../../api/context';
import { sql } from '../../db/sql';

interface ComponentRow {
  recipeId: number;
  itemId: number;
  qtyMilli: number;
  scrapBp: number;
  /** 1 when the component item is counted in pieces */
  wholeUnits: number;
}
interface RecipeRow {
  id: number;
  itemId: number;
  version: number;
  yieldMilli: number;
  batchMinutes: number;
}

const RECIPE_COLS = sql`id, item_id AS itemId, version, yield_milli AS yieldMilli, batch_minutes AS batchMinutes`;
/** whether a component is counted in whole pieces (needs are rounded up once per need) */
export const WHOLE_UNITS_COL = sql`(SELECT unit = 'pcs' FROM items WHERE items.id = recipe_components.item_id) AS wholeUnits`;
const COMPONENT_COLS = sql`recipe_id AS recipeId, item_id AS itemId, qty_milli AS qtyMilli, scrap_bp AS scrapBp, ${WHOLE_UNITS_COL}`;
const RECIPE_OF_ITEM = sql`SELECT ${RECIPE_COLS} FROM recipes WHERE item_id = ? AND active = 1`;
const COMPONENTS_OF_RECIPE = sql`SELECT ${COMPONENT_COLS} FROM recipe_components WHERE recipe_id = ? ORDER BY position`;
const ACTIVE_RECIPES = sql`SELECT ${RECIPE_COLS} FROM recipes WHERE active = 1`;
const RECIPES_OF_ITEMS = sql`SELECT ${RECIPE_COLS} FROM recipes WHERE item_id IN (SELECT value FROM json_each(?)) AND active = 1`;
const COMPONENTS_OF_RECIPES = sql`SELECT ${COMPONENT_COLS} FROM recipe_components WHERE recipe_id IN (SELECT value FROM json_each(?)) ORDER BY recipe_id, position`;
const RECIPES_BY_ID = sql`SELECT ${RECIPE_COLS} FROM recipes WHERE id IN (SELECT value FROM json_each(?))`;

/** Components read in recipe order, by recipe. */
function byRecipeOf(comps: ComponentRow[]): Map<number, ComponentRow[]> {
  const byRecipe = new Map<number, ComponentRow[]>();
  for (const c of comps) {
    const list = byRecipe.get(c.recipeId);
    if (list) list.push(c);
    else byRecipe.set(c.recipeId, [c]);
  }
  return byRecipe;
}

function toDef(r: RecipeRow, components: ComponentRow[]): RecipeDef {
  return {
    recipeId: r.id,
    itemId: r.itemId,
    version: r.version,
    yieldMilli: r.yieldMilli,
    batchMinutes: r.batchMinutes,
    components: components.map((c) => ({ itemId: c.itemId, qtyMilli: c.qtyMilli, scrapBp: c.scrapBp, wholeUnits: c.wholeUnits === 1 })),
  };
}

/**
 * Active recipes fetched item by item as a walk needs them (two indexed look-ups each),
 * remembered for the life of the lookup: exploding one 5-level tree touches a few dozen
 * recipes, not the whole catalog.
 */
export function lazyRecipeLookup(ctx: ReadCtx): RecipeLookup & { prefetch(itemIds: readonly number[]): void } {
  const recipeStmt = ctx.sqlite.prepare(RECIPE_OF_ITEM.text);
  const componentStmt = ctx.sqlite.prepare(COMPONENTS_OF_RECIPE.text);
  const memo = new Map<number, RecipeDef | undefined>();
  const lookup = (itemId: number): RecipeDef | undefined => {
    if (memo.has(itemId)) return memo.get(itemId);
    const r = recipeStmt.get(itemId) as RecipeRow | undefined;
    const def = r ? toDef(r, componentStmt.all(r.id) as ComponentRow[]) : undefined;
    memo.set(itemId, def);
    return def;
  };
  /** The recipes of several items in two reads, not two per item (a fulfil of many lines); the same answers as one by one. */
  const prefetch = (itemIds: readonly number[]): void => {
    const missing = [...new Set(itemIds)].filter((id) => !memo.has(id));
    if (missing.length < 2) return;
    const recipes = ctx.sqlite.prepare(RECIPES_OF_ITEMS.text).all(JSON.stringify(missing)) as RecipeRow[];
    const comps = recipes.length === 0 ? [] : (ctx.sqlite.prepare(COMPONENTS_OF_RECIPES.text).all(JSON.stringify(recipes.map((r) => r.id))) as ComponentRow[]);
    const byRecipe = byRecipeOf(comps);
    for (const id of missing) memo.set(id, undefined);
    for (const r of recipes) memo.set(r.itemId, toDef(r, byRecipe.get(r.id) ?? []));
  };
  return Object.assign(lookup, { prefetch });
}

/** Every active recipe in two queries, for work over the whole catalog (cost roll-up of all). */
export function allActiveRecipes(ctx: ReadCtx): Map<number, RecipeDef> {
  const rows = ctx.sqlite.prepare(ACTIVE_RECIPES.text).all() as RecipeRow[];
  const comps = ctx.sqlite
    .prepare(
      `SELECT c.recipe_id AS recipeId, c.item_id AS itemId, c.qty_milli AS qtyMilli, c.scrap_bp AS scrapBp, i.unit = 'pcs' AS wholeUnits
       FROM recipe_components c JOIN recipes r ON r.id = c.recipe_id AND r.active = 1 JOIN items i ON i.id = c.item_id
       ORDER BY c.recipe_id, c.position`,
    )
    .all() as ComponentRow[];
  const byRecipe = byRecipeOf(comps);
  return new Map(rows.map((r) => [r.itemId, toDef(r, byRecipe.get(r.id) ?? [])]));
}

/** Recipe versions by id, active or not (as production orders name them), in two reads. */
export function recipesById(ctx: ReadCtx, ids: readonly number[]): RecipeDef[] {
  const list = JSON.stringify(ids);
  const rows = ctx.sqlite.prepare(RECIPES_BY_ID.text).all(list) as RecipeRow[];
  const byRecipe = byRecipeOf(ctx.sqlite.prepare(COMPONENTS_OF_RECIPES.text).all(list) as ComponentRow[]);
  return rows.map((r) => toDef(r, byRecipe.get(r.id) ?? []));
}

/** Unit costs of items, fetched as needed and remembered. */
export function lazyItemCosts(ctx: ReadCtx): (itemId: number) => number | null {
  const stmt = ctx.sqlite.prepare('SELECT unit_cost_micros AS c FROM items WHERE id = ?');
  const memo = new Map<number, number | null>();
  return (itemId) => {
    if (memo.has(itemId)) return memo.get(itemId)!;
    const c = (stmt.get(itemId) as { c: number | null } | undefined)?.c ?? null;
    memo.set(itemId, c);
    return c;
  };
}
