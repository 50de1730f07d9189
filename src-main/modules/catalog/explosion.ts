import type { ExplosionNodeOut } from '../../../src-shared/contract/catalog';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { mulDivRound } from '../../../src-shared/domain/decimal';
import { costOfQuantityMicros } from '../../../src-shared/domain/money';
import { costRollup as rollup, explode, flattenLeaves, type ExplosionNode } from '../../../src-shared/domain/recipeTree';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { allActiveRecipes, lazyItemCosts, lazyRecipeLookup } from './recipeLookup';

type ItemRef = ExplosionNodeOut['item'];

/** Item references for a set of ids, one query. */
function itemRefs(ctx: ReadCtx, ids: Iterable<number>): Map<number, ItemRef & { unitCostMicros: number | null }> {
  const list = [...new Set(ids)];
  const out = new Map<number, ItemRef & { unitCostMicros: number | null }>();
  if (list.length === 0) return out;
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, sku, name, kind, unit, unit_cost_micros AS unitCostMicros FROM items WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(list)) as (ItemRef & { unitCostMicros: number | null })[];
  for (const r of rows) out.set(r.id, r);
  return out;
}

function collectIds(node: ExplosionNode, into: Set<number>): Set<number> {
  into.add(node.itemId);
  for (const c of node.children) collectIds(c, into);
  return into;
}

export const explodeRecipe: Handler<'catalog.explodeRecipe'> = (ctx, input) => {
  const root = ctx.sqlite.prepare('SELECT id, sku, unit FROM items WHERE id = ?').get(input.itemId) as { id: number; sku: string; unit: 'kg' } | undefined;
  if (!root) throw notFound('item', input.itemId);
  const lookup = lazyRecipeLookup(ctx);
  const recipe = lookup(root.id);
  if (!recipe) throw new DomainError('NOT_FOUND', `${root.sku} has no active recipe`, { itemId: root.id });
  let qtyMilli: number;
  if (input.quantity !== null) {
    const p = new FieldProblems();
    qtyMilli = p.parse(['quantity'], 'quantity', () => parseQuantity(input.quantity!, root.unit), { unit: root.unit }) ?? 0;
    if (p.issues.length === 0 && qtyMilli <= 0) p.add(['quantity'], 'positive', 'The quantity must be more than zero');
    p.throwIfAny('Invalid quantity');
  } else {
    // batches may be fractional ("1.5 batches"): exact to a thousandth of a batch
    qtyMilli = mulDivRound(recipe.yieldMilli, Math.round(input.batches! * 1000), 1000, 'ceil');
  }
  const tree = explode(root.id, qtyMilli, lookup);
  const ids = collectIds(tree, new Set());
  // one query gives both the names and the costs of every item in the tree
  const refs = itemRefs(ctx, ids);
  const costs = rollup(lookup, (id) => refs.get(id)?.unitCostMicros ?? null, [...ids]);
  const toOut = (n: ExplosionNode): ExplosionNodeOut => {
    const ref = refs.get(n.itemId)!;
    return {
      item: { id: ref.id, sku: ref.sku, name: ref.name, kind: ref.kind, unit: ref.unit },
      qtyMilli: n.qtyMilli,
      depth: n.depth,
      recipeId: n.recipeId ?? null,
      unitCostMicros: costs.get(n.itemId)?.unitCostMicros ?? ref.unitCostMicros,
      children: n.children.map(toOut),
    };
  };
  const leaves = flattenLeaves(tree);
  const rawMaterials = [...leaves].map(([itemId, q]) => {
    const ref = refs.get(itemId)!;
    return { item: { id: ref.id, sku: ref.sku, name: ref.name, kind: ref.kind, unit: ref.unit }, qtyMilli: q, unitCostMicros: ref.unitCostMicros };
  });
  rawMaterials.sort((a, b) => a.item.name.localeCompare(b.item.name));
  const missing = rawMaterials.filter((r) => r.unitCostMicros === null).map((r) => r.item);
  const totalCostMicros = rawMaterials.reduce((sum, r) => sum + (r.unitCostMicros === null ? 0 : costOfQuantityMicros(r.qtyMilli, r.unitCostMicros)), 0);
  return { tree: toOut(tree), rawMaterials, totalCostMicros: missing.length === rawMaterials.length ? null : totalCostMicros, missingCosts: missing };
};

export const costRollup: Handler<'catalog.costRollup'> = (ctx, input) => {
  const all = allActiveRecipes(ctx);
  const ids = input.itemIds ?? [...all.keys()];
  const result = rollup((id) => all.get(id), lazyItemCosts(ctx), ids);
  const missingIds = new Set<number>();
  for (const r of result.values()) for (const m of r.missing) missingIds.add(m);
  const refs = itemRefs(ctx, missingIds);
  return {
    costs: ids.map((itemId) => {
      const r = result.get(itemId);
      return {
        itemId,
        unitCostMicros: r?.unitCostMicros ?? null,
        missing: (r?.missing ?? []).map((m) => {
          const ref = refs.get(m)!;
          return { id: ref.id, sku: ref.sku, name: ref.name, kind: ref.kind, unit: ref.unit };
        }),
      };
    }),
  };
};
