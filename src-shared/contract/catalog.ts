import { z } from 'zod';
import { command, query } from './define';
import { id, itemKind, optionalText, pageInput, requiredText, unit } from './common';
import { EVERYONE, type RolesOf } from './accounts';

/**
 * Items and recipes. Numbers the user types (quantities with units, costs, prices) travel
 * as text ("2,5 kg", "3,20") and are parsed by the module against the item's unit, so a
 * CLI script and the UI send the same thing and get the same field-named errors.
 */
export const itemInput = z.object({
  sku: requiredText(64),
  name: requiredText(200),
  kind: itemKind,
  unit,
  lotTracked: z.boolean().default(true),
  quarantineOnReceipt: z.boolean().default(false),
  shelfLifeDays: z.number().int().min(0).max(36500).nullish().transform((v) => v ?? null),
  /** e.g. "25 kg" or "25" (in the item's unit) */
  reorderPoint: optionalText(40),
  leadTimeDays: z.number().int().min(0).max(3650).nullish().transform((v) => v ?? null),
  /** net weight of one unit, e.g. "120 g" or "0,12 kg" */
  netWeight: optionalText(40),
  gtin: optionalText(20),
  /** euros per one unit of the item, e.g. "3,20" */
  unitCost: optionalText(30),
  /** euros per one unit, VAT excluded */
  salePrice: optionalText(30),
  /** the product family the reports group by ("Saponi", "Candele", "Creme"…); empty: none */
  category: optionalText(60),
  notes: z.string().max(5000).default(''),
});

export const item = z.object({
  id,
  sku: z.string(),
  name: z.string(),
  kind: itemKind,
  unit,
  lotTracked: z.boolean(),
  quarantineOnReceipt: z.boolean(),
  shelfLifeDays: z.number().int().nullable(),
  reorderPointMilli: z.number().int().nullable(),
  leadTimeDays: z.number().int().nullable(),
  netWeightMg: z.number().int().nullable(),
  gtin: z.string().nullable(),
  unitCostMicros: z.number().int().nullable(),
  salePriceCents: z.number().int().nullable(),
  category: z.string().nullable(),
  notes: z.string(),
  archived: z.boolean(),
  hasRecipe: z.boolean(),
});
export type Item = z.infer<typeof item>;

const itemRef = z.object({ id, sku: z.string(), name: z.string(), kind: itemKind, unit });

export const recipeComponentInput = z.object({
  itemId: id,
  /** per batch, e.g. "2,5 kg"; a unit of another dimension than the item's is refused */
  quantity: requiredText(40),
  /** e.g. "2,5" (%); empty means none */
  scrapPct: optionalText(10),
});

export const recipeInput = z.object({
  itemId: id,
  /** output of one batch, e.g. "10 kg" or "24 pcs" */
  yield: requiredText(40),
  batchMinutes: z.number().int().min(0).max(100000).default(60),
  notes: z.string().max(5000).default(''),
  components: z.array(recipeComponentInput).min(1).max(200),
});

export const recipe = z.object({
  id,
  item: itemRef,
  version: z.number().int(),
  active: z.boolean(),
  yieldMilli: z.number().int(),
  batchMinutes: z.number().int(),
  notes: z.string(),
  createdAt: z.string(),
  components: z.array(
    z.object({
      item: itemRef,
      qtyMilli: z.number().int(),
      enteredUnit: unit,
      scrapBp: z.number().int(),
      hasRecipe: z.boolean(),
    }),
  ),
});
export type Recipe = z.infer<typeof recipe>;

export type ExplosionNodeOut = {
  item: z.infer<typeof itemRef>;
  qtyMilli: number;
  depth: number;
  recipeId: number | null;
  unitCostMicros: number | null;
  children: ExplosionNodeOut[];
};
export const explosionNode: z.ZodType<ExplosionNodeOut> = z.lazy(() =>
  z.object({
    item: itemRef,
    qtyMilli: z.number().int(),
    depth: z.number().int(),
    recipeId: z.number().int().nullable(),
    unitCostMicros: z.number().int().nullable(),
    children: z.array(explosionNode),
  }),
);

const costLine = z.object({
  itemId: id,
  unitCostMicros: z.number().int().nullable(),
  /** leaf items without a cost, so the roll-up says what it could not count */
  missing: z.array(itemRef),
});

export const catalogOps = {
  'catalog.createItem': command('Create an item (material, packaging, intermediate or product).', itemInput, item),
  'catalog.updateItem': command('Change an item. Its unit cannot change once recipes use it.', itemInput.extend({ id }), item),
  'catalog.archiveItem': command(
    'Archive or restore an item (it stays in history, leaves the pickers).',
    z.object({ id, archived: z.boolean() }),
    item,
  ),
  'catalog.getItem': query(
    'One item, with where it is used.',
    z.object({ id }),
    item.extend({ usedIn: z.array(itemRef), activeRecipeId: z.number().int().nullable() }),
  ),
  'catalog.searchItems': query(
    'Search items by SKU or name (prefix or substring), as you type.',
    z.object({
      q: z.string().max(100).default(''),
      kinds: z.array(itemKind).optional(),
      /** only items that have (true) or lack (false) an active recipe */
      hasRecipe: z.boolean().optional(),
      includeArchived: z.boolean().default(false),
      ...pageInput,
    }),
    z.object({ items: z.array(item), total: z.number().int() }),
  ),
  'catalog.saveRecipe': command(
    'Save the recipe of an item: the first becomes version 1; editing makes a new active version.',
    recipeInput,
    recipe,
  ),
  'catalog.activateRecipeVersion': command(
    'Make an older version of a recipe the active one.',
    z.object({ recipeId: id }),
    recipe,
  ),
  'catalog.getRecipe': query(
    'The active (or a given) version of an item’s recipe, with every version listed.',
    z.object({ itemId: id, version: z.number().int().positive().optional() }),
    z.object({
      recipe: recipe.nullable(),
      versions: z.array(z.object({ id, version: z.number().int(), active: z.boolean(), createdAt: z.string() })),
    }),
  ),
  'catalog.listRecipes': query(
    'Items that have a recipe, with the active version.',
    z.object({ q: z.string().max(100).default(''), ...pageInput }),
    z.object({
      recipes: z.array(
        z.object({
          recipeId: id,
          item: itemRef,
          version: z.number().int(),
          yieldMilli: z.number().int(),
          componentCount: z.number().int(),
          unitCostMicros: z.number().int().nullable(),
        }),
      ),
      total: z.number().int(),
    }),
  ),
  'catalog.explodeRecipe': query(
    'The tree of components down to raw materials for a quantity (or a number of batches), with totals and cost.',
    z
      .object({ itemId: id, quantity: optionalText(40), batches: z.number().positive().max(100000).optional() })
      .refine((v) => v.quantity !== null || v.batches !== undefined, { message: 'quantity or batches is required' }),
    z.object({
      tree: explosionNode,
      rawMaterials: z.array(z.object({ item: itemRef, qtyMilli: z.number().int(), unitCostMicros: z.number().int().nullable() })),
      totalCostMicros: z.number().int().nullable(),
      missingCosts: z.array(itemRef),
    }),
  ),
  'catalog.costRollup': query(
    'Cost per unit of every item with a recipe (or of the given ones), through all levels.',
    z.object({ itemIds: z.array(id).optional() }),
    z.object({ costs: z.array(costLine) }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const catalogRoles = {
  'catalog.createItem': ['office'],
  'catalog.updateItem': ['office'],
  'catalog.archiveItem': ['office'],
  'catalog.getItem': EVERYONE,
  'catalog.searchItems': EVERYONE,
  'catalog.saveRecipe': ['office'],
  'catalog.activateRecipeVersion': ['office'],
  'catalog.getRecipe': ['office', 'production', 'viewer'],
  'catalog.listRecipes': ['office', 'production', 'viewer'],
  'catalog.explodeRecipe': ['office', 'production', 'viewer'],
  'catalog.costRollup': ['office', 'viewer'],
} as const satisfies RolesOf<typeof catalogOps>;
