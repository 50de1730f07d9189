import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Handler } from '../../api/handlers';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { items, recipeComponents, recipes } from './schema';
import { itemValues, toItem, type ItemRow } from './itemRows';

function hasActiveRecipe(ctx: Ctx, itemId: number): boolean {
  return (
    ctx.db
      .select({ id: recipes.id })
      .from(recipes)
      .where(and(eq(recipes.itemId, itemId), eq(recipes.active, true)))
      .get() !== undefined
  );
}

export function loadItemRow(ctx: ReadCtx, id: number): ItemRow {
  const row = ctx.db.select().from(items).where(eq(items.id, id)).get();
  if (!row) throw notFound('item', id);
  return row;
}

function assertSkuFree(ctx: Ctx, sku: string, exceptId?: number): void {
  const clash = ctx.db
    .select({ id: items.id, name: items.name })
    .from(items)
    .where(and(sql`${items.sku} = ${sku} COLLATE NOCASE`, exceptId ? ne(items.id, exceptId) : undefined))
    .get();
  if (clash) {
    throw new DomainError('CONFLICT', `SKU ${sku} is already used by "${clash.name}"`, {
      issues: [{ path: ['sku'], key: 'sku_taken', message: `SKU ${sku} is already used`, params: { sku, name: clash.name } }],
      existingId: clash.id,
    });
  }
}

export const createItem: Handler<'catalog.createItem'> = (ctx, input) => {
  const values = itemValues(input);
  assertSkuFree(ctx, values.sku);
  const stamp = ctx.now().toISOString();
  const row = ctx.db
    .insert(items)
    .values({ ...values, createdAt: stamp, updatedAt: stamp })
    .returning()
    .get();
  return toItem(row, false);
};

/** Is the item a component of any recipe, or does it have recipes of its own? */
function isUsedByRecipes(ctx: Ctx, itemId: number): boolean {
  const asComponent = ctx.db
    .select({ id: recipeComponents.id })
    .from(recipeComponents)
    .where(eq(recipeComponents.itemId, itemId))
    .limit(1)
    .get();
  const asOutput = ctx.db.select({ id: recipes.id }).from(recipes).where(eq(recipes.itemId, itemId)).limit(1).get();
  return asComponent !== undefined || asOutput !== undefined;
}

export const updateItem: Handler<'catalog.updateItem'> = (ctx, input) => {
  const before = loadItemRow(ctx, input.id);
  const values = itemValues(input);
  assertSkuFree(ctx, values.sku, input.id);
  // Stored quantities are thousandths of the item's unit: changing the unit under them
  // would silently rescale every recipe that uses the item.
  if (values.unit !== before.unit && isUsedByRecipes(ctx, input.id)) {
    throw new DomainError('UNIT_MISMATCH', `The unit of ${before.sku} cannot change: recipes use it`, {
      issues: [{ path: ['unit'], key: 'unit_locked', message: 'Recipes use this item in its current unit', params: { unit: before.unit } }],
    });
  }
  const row = ctx.db
    .update(items)
    .set({ ...values, updatedAt: ctx.now().toISOString() })
    .where(eq(items.id, input.id))
    .returning()
    .get();
  return toItem(row, hasActiveRecipe(ctx, input.id));
};

export const archiveItem: Handler<'catalog.archiveItem'> = (ctx, input) => {
  loadItemRow(ctx, input.id);
  const row = ctx.db
    .update(items)
    .set({ archived: input.archived, updatedAt: ctx.now().toISOString() })
    .where(eq(items.id, input.id))
    .returning()
    .get();
  return toItem(row, hasActiveRecipe(ctx, input.id));
};

export const getItem: Handler<'catalog.getItem'> = (ctx, input) => {
  const row = loadItemRow(ctx, input.id);
  const active = ctx.db
    .select({ id: recipes.id })
    .from(recipes)
    .where(and(eq(recipes.itemId, input.id), eq(recipes.active, true)))
    .get();
  // "Used in": items whose ACTIVE recipe lists this one.
  const usedIn = ctx.db
    .selectDistinct({ id: items.id, sku: items.sku, name: items.name, kind: items.kind, unit: items.unit })
    .from(recipeComponents)
    .innerJoin(recipes, and(eq(recipes.id, recipeComponents.recipeId), eq(recipes.active, true)))
    .innerJoin(items, eq(items.id, recipes.itemId))
    .where(eq(recipeComponents.itemId, input.id))
    .orderBy(items.name)
    .all();
  return { ...toItem(row, active !== undefined), usedIn, activeRecipeId: active?.id ?? null };
};

/** LIKE with the user's text taken literally (% and _ are not wildcards to a person). */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const searchItems: Handler<'catalog.searchItems'> = (ctx, input) => {
  const q = input.q.trim();
  const where: (SQL | undefined)[] = [];
  if (!input.includeArchived) where.push(eq(items.archived, false));
  if (input.kinds && input.kinds.length > 0) where.push(inArray(items.kind, input.kinds));
  if (q) {
    const like = likeContains(q);
    where.push(or(sql`${items.sku} LIKE ${like} ESCAPE '\\'`, sql`${items.name} LIKE ${like} ESCAPE '\\'`));
  }
  if (input.hasRecipe !== undefined) {
    const exists = sql`EXISTS (SELECT 1 FROM recipes r WHERE r.item_id = "items"."id" AND r.active = 1)`;
    where.push(input.hasRecipe ? exists : sql`NOT ${exists}`);
  }
  const cond = and(...where);
  // Exact SKU first, then SKU prefix, then name prefix, then the rest: what a person
  // typing a code expects to see on top.
  const rank = q
    ? sql`CASE WHEN ${items.sku} = ${q} COLLATE NOCASE THEN 0 WHEN ${items.sku} LIKE ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\' THEN 1 WHEN ${items.name} LIKE ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\' THEN 2 ELSE 3 END`
    : undefined;
  // table-qualified on purpose: unqualified, "id" would resolve to recipes.id inside the subquery
  const hasRecipe = sql<number>`EXISTS (SELECT 1 FROM recipes r WHERE r.item_id = "items"."id" AND r.active = 1)`;
  const rows = ctx.db
    .select({ item: items, hasRecipe })
    .from(items)
    .where(cond)
    .orderBy(...(rank ? [rank] : []), items.name, items.id)
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(items).where(cond).get()?.n ?? 0;
  return { items: rows.map((r) => toItem(r.item, Boolean(r.hasRecipe))), total };
};
