import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Recipe } from '../../../src-shared/contract/catalog';
import { parseQuantityDetailed } from '../../../src-shared/domain/quantity';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { findCycle } from '../../../src-shared/domain/recipeTree';
import type { Handler } from '../../api/handlers';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { items, recipeComponents, recipes } from './schema';
import { loadItemRow } from './items';
import { lazyRecipeLookup } from './recipeLookup';

const itemRefCols = { id: items.id, sku: items.sku, name: items.name, kind: items.kind, unit: items.unit };

export function loadRecipe(ctx: ReadCtx, recipeId: number): Recipe {
  const r = ctx.db.select().from(recipes).where(eq(recipes.id, recipeId)).get();
  if (!r) throw notFound('recipe', recipeId);
  const item = ctx.db.select(itemRefCols).from(items).where(eq(items.id, r.itemId)).get()!;
  const hasRecipe = sql<number>`EXISTS (SELECT 1 FROM ${recipes} r2 WHERE r2.item_id = ${items.id} AND r2.active = 1)`;
  const comps = ctx.db
    .select({ item: itemRefCols, qtyMilli: recipeComponents.qtyMilli, enteredUnit: recipeComponents.enteredUnit, scrapBp: recipeComponents.scrapBp, hasRecipe })
    .from(recipeComponents)
    .innerJoin(items, eq(items.id, recipeComponents.itemId))
    .where(eq(recipeComponents.recipeId, recipeId))
    .orderBy(asc(recipeComponents.position))
    .all();
  return {
    id: r.id,
    item,
    version: r.version,
    active: r.active,
    yieldMilli: r.yieldMilli,
    batchMinutes: r.batchMinutes,
    notes: r.notes,
    createdAt: r.createdAt,
    components: comps.map((c) => ({ ...c, hasRecipe: Boolean(c.hasRecipe) })),
  };
}

/** RECIPE_CYCLE naming every item on the loop, e.g. "Base (BASE) → Soap (SAP) → Base (BASE)". */
function cycleError(ctx: Ctx, cycle: number[]): DomainError {
  const names = cycle.map((id) => ctx.db.select({ sku: items.sku, name: items.name }).from(items).where(eq(items.id, id)).get()!);
  const text = names.map((n) => `${n.name} (${n.sku})`).join(' → ');
  return new DomainError('RECIPE_CYCLE', `The recipe would contain itself: ${text}`, {
    cycle: names.map((n, i) => ({ id: cycle[i], sku: n.sku, name: n.name })),
  });
}

/**
 * Saving a recipe never changes an existing version: production orders keep the version
 * they were made with. The new version becomes the active one.
 */
export const saveRecipe: Handler<'catalog.saveRecipe'> = (ctx, input) => {
  const output = loadItemRow(ctx, input.itemId);
  const p = new FieldProblems();
  if (output.kind !== 'intermediate' && output.kind !== 'product') {
    p.add(['itemId'], 'recipe.not_makeable', `${output.sku} is a ${output.kind}: only intermediates and products have recipes`, {
      sku: output.sku,
    });
  }
  const yieldQ = p.parse(['yield'], 'quantity', () => parseQuantityDetailed(input.yield, output.unit), { unit: output.unit });
  if (yieldQ && yieldQ.qtyMilli <= 0) p.add(['yield'], 'positive', 'The yield must be more than zero');
  const lines = input.components.map((c, i) => {
    const row = ctx.db.select().from(items).where(eq(items.id, c.itemId)).get();
    if (!row) {
      p.add(['components', i, 'itemId'], 'not_found', `No item with id ${c.itemId}`, { id: c.itemId });
      return null;
    }
    if (row.kind === 'service') {
      p.add(['components', i, 'itemId'], 'item_is_service', `${row.sku} is a service: it goes into no recipe`, { sku: row.sku });
      return null;
    }
    const q = p.parse(['components', i, 'quantity'], 'quantity', () => parseQuantityDetailed(c.quantity, row.unit), {
      unit: row.unit,
      sku: row.sku,
    });
    if (q && q.qtyMilli <= 0) p.add(['components', i, 'quantity'], 'positive', 'The quantity must be more than zero');
    const scrapBp = c.scrapPct === null ? 0 : p.parse(['components', i, 'scrapPct'], 'number', () => parseDecimal(c.scrapPct!, 2));
    if (scrapBp !== null && (scrapBp < 0 || scrapBp >= 10000)) {
      p.add(['components', i, 'scrapPct'], 'scrap_range', 'Scrap must be from 0 to less than 100 %');
    }
    return q && scrapBp !== null ? { itemId: row.id, qtyMilli: q.qtyMilli, enteredUnit: q.enteredUnit, scrapBp } : null;
  });
  // A unit of another dimension is its own error code: the UI explains it differently.
  const unitIssue = p.issues.find((i) => i.key === 'quantity.incompatible_unit');
  if (unitIssue) {
    throw new DomainError('UNIT_MISMATCH', 'A quantity is in a unit of another dimension than its item', { issues: p.issues });
  }
  p.throwIfAny('The recipe has invalid fields');

  const cycle = findCycle(output.id, input.components.map((c) => c.itemId), lazyRecipeLookup(ctx));
  if (cycle) throw cycleError(ctx, cycle);

  const last = ctx.db.select({ v: recipes.version }).from(recipes).where(eq(recipes.itemId, output.id)).orderBy(desc(recipes.version)).limit(1).get();
  ctx.db.update(recipes).set({ active: false }).where(and(eq(recipes.itemId, output.id), eq(recipes.active, true))).run();
  const created = ctx.db
    .insert(recipes)
    .values({
      itemId: output.id,
      version: (last?.v ?? 0) + 1,
      active: true,
      yieldMilli: yieldQ!.qtyMilli,
      batchMinutes: input.batchMinutes,
      notes: input.notes,
      createdAt: ctx.now().toISOString(),
    })
    .returning({ id: recipes.id })
    .get();
  ctx.db
    .insert(recipeComponents)
    .values(lines.map((l, position) => ({ ...l!, recipeId: created.id, position })))
    .run();
  return loadRecipe(ctx, created.id);
};

export const activateRecipeVersion: Handler<'catalog.activateRecipeVersion'> = (ctx, input) => {
  const r = ctx.db.select().from(recipes).where(eq(recipes.id, input.recipeId)).get();
  if (!r) throw notFound('recipe', input.recipeId);
  if (!r.active) {
    // The old version may use intermediates that have since come to contain this item.
    const comps = ctx.db.select({ itemId: recipeComponents.itemId }).from(recipeComponents).where(eq(recipeComponents.recipeId, r.id)).all();
    const cycle = findCycle(r.itemId, comps.map((c) => c.itemId), lazyRecipeLookup(ctx));
    if (cycle) throw cycleError(ctx, cycle);
    ctx.db.update(recipes).set({ active: false }).where(and(eq(recipes.itemId, r.itemId), eq(recipes.active, true))).run();
    ctx.db.update(recipes).set({ active: true }).where(eq(recipes.id, r.id)).run();
  }
  return loadRecipe(ctx, r.id);
};

export const getRecipe: Handler<'catalog.getRecipe'> = (ctx, input) => {
  loadItemRow(ctx, input.itemId);
  const versions = ctx.db
    .select({ id: recipes.id, version: recipes.version, active: recipes.active, createdAt: recipes.createdAt })
    .from(recipes)
    .where(eq(recipes.itemId, input.itemId))
    .orderBy(desc(recipes.version))
    .all();
  const chosen = input.version === undefined ? versions.find((v) => v.active) : versions.find((v) => v.version === input.version);
  if (input.version !== undefined && !chosen) throw notFound('recipe version', input.version);
  return { recipe: chosen ? loadRecipe(ctx, chosen.id) : null, versions };
};
