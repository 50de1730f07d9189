/**
 * The workshop's catalog (items, then recipes, one older version, one archived box)
 * through the real commands, at both scales: the large catalog grows around it.
 */
import type { Ctx } from '../../api/context';
import type { Item } from '../../../src-shared/contract/catalog';
import { gtinCheckDigit } from '../../../src-shared/domain/gtin';
import { addDays, atTime, demoCall } from '../call';
import type { Rng } from '../rng';
import type { DemoItem, DemoRecipe, DemoState, DemoStep, SupplyCategory } from '../types';
import { GS1_COMPANY_PREFIX, WORKSHOP_ITEMS, WORKSHOP_RECIPES, workshopCategory, type ItemSpec, type RecipeSpec } from '../workshop';

export function gtin13(itemRef: number): string {
  const body = GS1_COMPANY_PREFIX + String(itemRef).padStart(5, '0');
  return body + String(gtinCheckDigit(body));
}

/** The first supplier (in creation order) selling the category: the workshop's usual one. */
export function supplierFor(state: DemoState, category: SupplyCategory | undefined, rng?: Rng): number | null {
  if (!category) return null;
  const all = state.suppliers.filter((s) => s.supplies === category);
  if (all.length === 0) return null;
  return rng ? rng.pick(all).id : all[0]!.id;
}

export function rememberItem(state: DemoState, item: DemoItem): void {
  state.items.push(item);
  state.itemsBySku.set(item.sku.toLowerCase(), item);
  state.itemsById.set(item.id, item);
}

function demoItemOf(created: Item, supplierId: number | null): DemoItem {
  return {
    id: created.id,
    sku: created.sku,
    name: created.name,
    kind: created.kind,
    unit: created.unit,
    level: 0,
    lotTracked: created.lotTracked,
    quarantineOnReceipt: created.quarantineOnReceipt,
    shelfLifeDays: created.shelfLifeDays,
    leadTimeDays: created.leadTimeDays,
    reorderPointMilli: created.reorderPointMilli,
    netWeightMg: created.netWeightMg,
    unitCostMicros: created.unitCostMicros,
    salePriceCents: created.salePriceCents,
    supplierId,
    archived: created.archived,
  };
}

function itemBySku(state: DemoState, sku: string): DemoItem {
  const item = state.itemsBySku.get(sku.toLowerCase());
  if (!item) throw new RangeError(`demo recipe uses unknown SKU ${sku}`);
  return item;
}

function saveRecipe(ctx: Ctx, state: DemoState, itemId: number, spec: Omit<RecipeSpec, 'item' | 'previous'>): DemoRecipe {
  const saved = demoCall(ctx, 'catalog.saveRecipe', {
    itemId,
    yield: spec.yield,
    batchMinutes: spec.minutes,
    notes: spec.notes ?? '',
    components: spec.components.map(([sku, quantity, scrapPct]) => ({ itemId: itemBySku(state, sku).id, quantity, scrapPct: scrapPct ?? null })),
  });
  return {
    id: saved.id,
    itemId,
    version: saved.version,
    yieldMilli: saved.yieldMilli,
    batchMinutes: saved.batchMinutes,
    components: saved.components.map((c) => ({ itemId: c.item.id, qtyMilli: c.qtyMilli, scrapBp: c.scrapBp })),
  };
}

/** Level of every item from the active recipes: 0 bought, else 1 + its highest component. */
export function computeLevels(state: DemoState): number {
  const memo = new Map<number, number>();
  const level = (itemId: number): number => {
    const known = memo.get(itemId);
    if (known !== undefined) return known;
    const r = state.recipes.get(itemId);
    const l = r ? 1 + Math.max(...r.components.map((c) => level(c.itemId))) : 0;
    memo.set(itemId, l);
    return l;
  };
  let max = 0;
  for (const item of state.items) {
    item.level = level(item.id);
    max = Math.max(max, item.level);
  }
  return max;
}

export const workshopCatalogStep: DemoStep = {
  name: 'workshop-catalog',
  run(ctx: Ctx, _rng: Rng, state: DemoState) {
    const start = atTime(ctx, state.historyStart);
    let gtinRef = 0;
    const toArchive: number[] = [];
    for (const spec of WORKSHOP_ITEMS) {
      const created = demoCall(start, 'catalog.createItem', itemInput(spec, spec.gtin ? gtin13(++gtinRef) : null));
      rememberItem(state, demoItemOf(created, supplierFor(state, spec.supplier)));
      if (spec.archived) toArchive.push(created.id);
    }
    let versions = 0;
    for (const spec of WORKSHOP_RECIPES) {
      const itemId = itemBySku(state, spec.item).id;
      for (const old of spec.previous ?? []) {
        saveRecipe(start, state, itemId, old);
        versions++;
      }
      // a recipe with an older version was revised two months into the history
      const when = spec.previous ? atTime(ctx, addDays(state.historyStart, 60)) : start;
      state.recipes.set(itemId, saveRecipe(when, state, itemId, spec));
      versions++;
    }
    for (const id of toArchive) {
      demoCall(atTime(ctx, addDays(state.historyStart, 60)), 'catalog.archiveItem', { id, archived: true });
      state.itemsById.get(id)!.archived = true;
    }
    computeLevels(state);
    return { items: WORKSHOP_ITEMS.length, recipes: WORKSHOP_RECIPES.length, recipeVersions: versions, archivedItems: toArchive.length };
  },
};

function itemInput(spec: ItemSpec, gtin: string | null) {
  return {
    sku: spec.sku,
    name: spec.name,
    kind: spec.kind,
    unit: spec.unit,
    lotTracked: spec.lotTracked ?? true,
    quarantineOnReceipt: spec.quarantine ?? false,
    shelfLifeDays: spec.shelf ?? null,
    reorderPoint: spec.reorder ?? null,
    leadTimeDays: spec.lead ?? null,
    netWeight: spec.weight ?? null,
    gtin,
    unitCost: spec.cost ?? null,
    salePrice: spec.price ?? null,
    category: workshopCategory(spec.sku),
    notes: spec.notes ?? '',
  };
}
