/**
 * The benchmark's catalog around the workshop's own: ~1,000 materials, 240 packaging
 * items, 344 intermediates on four levels and 640 products on five, so that the deepest
 * recipes chain product ← intermediate ×4 ← material. Planned in memory level by level
 * (a recipe only uses items of lower levels, so there can be no ring), then written with
 * prepared INSERTs.
 */
import type { Ctx } from '../../api/context';
import { costRollup, type RecipeDef } from '../../../src-shared/domain/recipeTree';
import type { Unit } from '../../../src-shared/domain/units';
import { addDays } from '../call';
import { catalogBulkLoader, type ItemRowIn } from '../../modules/catalog/bulkLoad';
import { FLAVOURS, INTERMEDIATE_KINDS, MATERIAL_FAMILIES, PACKAGING_FAMILIES, PRODUCT_KINDS, QUALIFIERS, type Use } from '../largeVocabulary';
import type { Rng } from '../rng';
import type { DemoState, DemoStep, SupplyCategory } from '../types';
import { computeLevels, gtin13, rememberItem, supplierFor } from './workshopCatalog';

interface Node {
  id: number;
  row: ItemRowIn;
  level: number;
  use: Use | null;
  supplies: SupplyCategory | null;
  packFamily?: string;
  recipe?: Planned;
  oldRecipe?: Planned;
}
interface Planned {
  yieldMilli: number;
  batchMinutes: number;
  createdAt: string;
  components: { node: Node; qtyMilli: number; scrapBp: number }[];
}

export const LARGE_COUNTS = {
  materials: 980,
  packaging: 240,
  intermediatesByLevel: [0, 140, 100, 64, 40],
  productsByLevel: [0, 90, 180, 150, 120, 60],
  resold: 40,
} as const;

const LINES = ['Classica', 'Bio', 'Deluxe', 'Sensitive', 'Uomo', 'Bimbi', 'Natura', 'Mediterranea', 'Alpina', 'Spa'];
const RESOLD = ['Portasapone in ceramica', 'Portasapone in legno', 'Spugna naturale', 'Spugna konjac', 'Guanto in sisal', 'Pettine in legno', 'Spazzola in faggio', 'Pennello da barba', 'Bruciatore per essenze', 'Spegnimoccolo', 'Tagliastoppini', 'Borsa in cotone'];

function between(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return lo + rng.next() * (hi - lo);
}
/** € → micros, to a hundredth of a cent as a price list would give it */
function micros(euros: number): number {
  return Math.round(euros * 10_000) * 100;
}
function scrap(rng: Rng): number {
  return rng.weighted([[0, 6], [100, 2], [200, 1], [300, 1], [500, 0.5]] as const);
}
/** grams of a bulk share → thousandths of the component's unit (kg, l: grams; g, ml: milligrams) */
function qtyOf(node: Node, grams: number, round = 1): number {
  const g = Math.max(round, Math.round(grams / round) * round);
  return node.row.unit === 'kg' || node.row.unit === 'l' ? g : g * 1000;
}
function entered(unit: Unit, qtyMilli: number): Unit {
  if (unit === 'kg' && qtyMilli < 1000) return 'g';
  if (unit === 'l' && qtyMilli < 1000) return 'ml';
  return unit;
}

export const largeCatalogStep: DemoStep = {
  name: 'large-catalog',
  run(ctx: Ctx, rng: Rng, state: DemoState) {
    if (state.scale !== 'large') return {};
    const created = state.historyStart.toISOString();
    const taken = new Set(state.items.map((i) => i.sku.toLowerCase()));
    let seq = 1000;
    const nodes: Node[] = [];
    const newNode = (prefix: string, row: Omit<ItemRowIn, 'sku' | 'createdAt' | 'notes' | 'archived'>, extra: Partial<Node> = {}): Node => {
      const sku = `${prefix}-${++seq}`;
      if (taken.has(sku.toLowerCase())) throw new Error(`demo SKU clash ${sku}`);
      taken.add(sku.toLowerCase());
      const node: Node = { id: 0, row: { ...row, sku, createdAt: created, notes: '', archived: false }, level: 0, use: null, supplies: null, ...extra };
      nodes.push(node);
      return node;
    };
    const pickDistinct = <T>(pool: readonly T[], count: number, avoid: Set<T>): T[] => {
      const out: T[] = [];
      for (let tries = 0; out.length < count && tries < count * 20; tries++) {
        const x = rng.pick(pool);
        if (!avoid.has(x)) {
          avoid.add(x);
          out.push(x);
        }
      }
      return out;
    };

    // Materials: family × variant × qualifier, each combination at most once.
    const byUse: Record<Use, Node[]> = { bulk: [], active: [], aroma: [], color: [], piece: [] };
    const combos = MATERIAL_FAMILIES.flatMap((f) => f.variants.flatMap((v) => QUALIFIERS.map((q) => [f, v, q] as const)));
    for (const [f, v, q] of rng.sample(combos, LARGE_COUNTS.materials)) {
      const unit = rng.pick(f.units);
      const node = newNode(
        `MP-${f.code}`,
        {
          name: [f.base, v, q].filter(Boolean).join(' '),
          kind: 'material',
          unit,
          lotTracked: true,
          quarantineOnReceipt: f.quarantine ?? false,
          shelfLifeDays: f.shelf ? Math.round(between(rng, f.shelf)) : null,
          reorderPointMilli: unit === 'pcs' ? rng.int(2, 20) * 100_000 : unit === 'g' || unit === 'ml' ? rng.int(1, 10) * 100_000 : rng.int(1, 10) * 5_000,
          leadTimeDays: rng.int(3, 30),
          netWeightMg: null,
          gtin: null,
          unitCostMicros: micros(between(rng, f.cost)),
          salePriceCents: null,
        },
        { use: f.use, supplies: f.supplies },
      );
      byUse[f.use].push(node);
    }

    // Packaging: bought by the piece, lots tracked only for what touches the product.
    const packByFamily = new Map<string, Node[]>();
    const packCombos = PACKAGING_FAMILIES.flatMap((f) => f.names.flatMap((n) => f.sizes.map((s) => [f, `${n} ${s}`] as const)));
    for (const [f, name] of rng.sample(packCombos, LARGE_COUNTS.packaging)) {
      const node = newNode(
        `IM-${f.code}`,
        {
          name,
          kind: 'packaging',
          unit: 'pcs',
          lotTracked: ['VAS', 'FLA', 'TUB', 'TBM', 'LAT', 'TAP', 'DOS'].includes(f.code),
          quarantineOnReceipt: false,
          shelfLifeDays: null,
          reorderPointMilli: rng.int(1, 20) * 50_000,
          leadTimeDays: rng.int(7, 30),
          netWeightMg: null,
          gtin: null,
          unitCostMicros: micros(between(rng, f.cost)),
          salePriceCents: null,
        },
        { use: 'piece', supplies: f.supplies, packFamily: f.code },
      );
      packByFamily.set(f.code, [...(packByFamily.get(f.code) ?? []), node]);
    }
    const pack = (codes: string[]) => packByFamily.get(rng.pick(codes))!;

    const versionDate = () => addDays(state.historyStart, rng.int(30, 2500)).toISOString();
    const finish = (node: Node, p: Planned) => {
      node.level = 1 + Math.max(...p.components.map((c) => c.node.level));
      node.recipe = p;
      // one recipe in ten was revised: the first version stays, inactive, with other amounts
      if (rng.chance(0.1)) {
        node.oldRecipe = { ...p, components: p.components.map((c) => ({ ...c, qtyMilli: Math.max(1, Math.round(c.qtyMilli * between(rng, [0.85, 1.15]))) })) };
        node.recipe = { ...p, createdAt: versionDate() };
      }
    };

    // Intermediates, level by level: one component of the level just below makes the level.
    const inter: Node[][] = [[]];
    let formula = 100;
    for (let level = 1; level < LARGE_COUNTS.intermediatesByLevel.length; level++) {
      inter[level] = [];
      for (let i = 0; i < LARGE_COUNTS.intermediatesByLevel[level]!; i++) {
        const k = rng.pick(INTERMEDIATE_KINDS);
        const node = newNode(`SL-${k.code}`, {
          name: `${k.name} ${rng.pick(FLAVOURS)} – formula ${++formula}`,
          kind: 'intermediate',
          unit: k.unit,
          lotTracked: true,
          quarantineOnReceipt: false,
          shelfLifeDays: rng.int(3, 54) * 10,
          reorderPointMilli: null,
          leadTimeDays: null,
          netWeightMg: null,
          gtin: null,
          unitCostMicros: null,
          salePriceCents: null,
        });
        const yieldUnits = rng.pick([5, 10, 10, 20, 25, 50]);
        const batchG = yieldUnits * 1000;
        const used = new Set<Node>();
        const comps: Planned['components'] = [];
        const add = (n: Node, grams: number, round = 1) => comps.push({ node: n, qtyMilli: qtyOf(n, grams, round), scrapBp: scrap(rng) });
        let left = 1.02;
        if (level >= 2) {
          const share = between(rng, [0.3, 0.7]);
          add(pickDistinct(inter[level - 1]!, 1, used)[0]!, batchG * share, 10);
          left -= share;
          if (level >= 3 && rng.chance(0.3)) {
            const share2 = between(rng, [0.05, 0.2]);
            add(pickDistinct(inter[rng.int(1, level - 2)]!, 1, used)[0]!, batchG * share2, 10);
            left -= share2;
          }
        }
        for (const n of pickDistinct(byUse.active, rng.int(1, 2), used)) {
          const share = between(rng, [0.01, 0.08]);
          add(n, batchG * share);
          left -= share;
        }
        if (rng.chance(0.6)) for (const n of pickDistinct(byUse.aroma, rng.int(1, 2), used)) add(n, batchG * between(rng, [0.005, 0.03]));
        if (rng.chance(0.3)) for (const n of pickDistinct(byUse.color, 1, used)) add(n, batchG * between(rng, [0.0005, 0.003]));
        const bulk = pickDistinct(byUse.bulk, level === 1 ? rng.int(2, 4) : rng.int(0, 2), used);
        for (const n of bulk) add(n, (batchG * Math.max(left, 0.1)) / bulk.length, 10);
        finish(node, { yieldMilli: yieldUnits * 1000, batchMinutes: rng.int(2, 24) * 10, createdAt: created, components: comps });
        inter[level]!.push(node);
      }
    }

    // Products, level by level; a gift box (cofanetto) is made of products of lower levels.
    const products: Node[][] = [[]];
    let gtinRef = 100;
    for (let level = 1; level < LARGE_COUNTS.productsByLevel.length; level++) {
      products[level] = [];
      for (let i = 0; i < LARGE_COUNTS.productsByLevel[level]!; i++) {
        const kit = level >= 2 && rng.chance(0.05);
        const k = kit ? null : rng.pick(PRODUCT_KINDS);
        const unit: Unit = k?.unit ?? 'pcs';
        const n = unit === 'kg' ? rng.int(10, 20) : k?.candle ? rng.pick([12, 24, 48]) : rng.pick([24, 48, 50, 100, 100, 200]);
        const used = new Set<Node>();
        const comps: Planned['components'] = [];
        let grams = 0;
        if (kit) {
          const pieces = (l: number) => products[l]!.filter((p) => p.row.unit === 'pcs');
          const parts = [...pickDistinct(pieces(level - 1), 1, used), ...pickDistinct(pieces(rng.int(1, level - 1)), rng.int(1, 3), used)];
          for (const p of parts) {
            comps.push({ node: p, qtyMilli: n * 1000, scrapBp: 0 });
            grams += (p.row.netWeightMg ?? 0) / 1000;
          }
          comps.push({ node: rng.pick(pack(['SAC', 'SCT'])), qtyMilli: n * 1000, scrapBp: 0 });
        } else {
          grams = k!.grams;
          const mass = unit === 'kg' ? n * 1000 : n * grams;
          const mainPool = level === 1 ? byUse.bulk : inter[level - 1]!;
          let mainShare = between(rng, [1.01, 1.06]);
          if (level >= 3 && rng.chance(0.2)) {
            const other = pickDistinct(inter[rng.int(1, level - 2)]!, 1, used)[0]!;
            const share = between(rng, [0.05, 0.15]);
            comps.push({ node: other, qtyMilli: qtyOf(other, mass * share), scrapBp: scrap(rng) });
            mainShare -= share;
          }
          const main = pickDistinct(mainPool, 1, used)[0]!;
          comps.unshift({ node: main, qtyMilli: qtyOf(main, mass * mainShare, 10), scrapBp: scrap(rng) });
          if (rng.chance(0.5)) for (const a of pickDistinct(byUse.aroma, 1, used)) comps.push({ node: a, qtyMilli: qtyOf(a, mass * between(rng, [0.005, 0.02])), scrapBp: 0 });
          if (rng.chance(0.3)) for (const c of pickDistinct(byUse.color, 1, used)) comps.push({ node: c, qtyMilli: qtyOf(c, mass * between(rng, [0.0005, 0.002])), scrapBp: 0 });
          if (k!.candle) comps.push({ node: rng.pick(byUse.piece), qtyMilli: n * 1000, scrapBp: 200 });
          if (unit === 'pcs') {
            const packs = [rng.pick(pack(['VAS', 'FLA', 'LAT', 'TUB', 'TBM', 'SCT']))];
            if (rng.chance(0.6)) packs.push(rng.pick(pack(['TAP', 'DOS'])));
            if (rng.chance(0.8)) packs.push(rng.pick(pack(['ETI'])));
            for (const p of new Set(packs)) comps.push({ node: p, qtyMilli: n * 1000, scrapBp: scrap(rng) });
          }
        }
        const name = kit ? `Cofanetto regalo ${rng.pick(LINES)} ${rng.pick(FLAVOURS)}` : `${k!.name} ${rng.pick(LINES)} ${rng.pick(FLAVOURS)} ${k!.format}`;
        const node = newNode(`PF-${kit ? 'KIT' : k!.code}`, {
          name,
          kind: 'product',
          unit,
          lotTracked: true,
          quarantineOnReceipt: false,
          shelfLifeDays: rng.int(6, 24) * 30,
          reorderPointMilli: unit === 'kg' ? 5000 : Math.round(n / 2) * 1000,
          leadTimeDays: null,
          netWeightMg: unit === 'pcs' ? Math.round(grams * 1000) : null,
          gtin: unit === 'pcs' && rng.chance(0.4) ? gtin13(++gtinRef) : null,
          unitCostMicros: null,
          salePriceCents: null,
        });
        finish(node, { yieldMilli: n * 1000, batchMinutes: rng.int(3, 24) * 10, createdAt: created, components: comps });
        products[level]!.push(node);
      }
    }
    for (let i = 0; i < LARGE_COUNTS.resold; i++) {
      const cost = between(rng, [1.5, 12]);
      newNode(
        'PF-RIV',
        {
          name: `${rng.pick(RESOLD)} ${rng.pick(LINES)}`,
          kind: 'product',
          unit: 'pcs',
          lotTracked: false,
          quarantineOnReceipt: false,
          shelfLifeDays: null,
          reorderPointMilli: rng.int(1, 4) * 5000,
          leadTimeDays: rng.int(10, 45),
          netWeightMg: rng.int(30, 400) * 1000,
          gtin: null,
          unitCostMicros: micros(cost),
          salePriceCents: Math.ceil((cost * 2.2 * 100) / 10) * 10 - 10,
        },
        { supplies: 'imballi' },
      );
    }

    // Some bought items nobody's recipe uses any more are archived.
    const usedIds = new Set<Node>(nodes.flatMap((n) => [...(n.recipe?.components ?? []), ...(n.oldRecipe?.components ?? [])].map((c) => c.node)));
    let archived = 0;
    for (const n of nodes) {
      if (archived >= 12) break;
      if (n.row.kind !== 'product' && !n.recipe && !usedIds.has(n) && rng.chance(0.3)) {
        n.row.archived = true;
        archived++;
      }
    }

    return writeAll(ctx, rng, state, nodes, archived);
  },
};

function writeAll(ctx: Ctx, rng: Rng, state: DemoState, nodes: Node[], archived: number): Record<string, number> {
  const write = catalogBulkLoader(ctx);
  for (const n of nodes) n.id = write.item(n.row);

  // sale price: the rolled-up cost with a markup, rounded the way a price list is
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const defs = new Map<number, RecipeDef>();
  for (const n of nodes) if (n.recipe) defs.set(n.id, toDef(n, n.recipe));
  const costs = costRollup((id) => defs.get(id), (id) => byId.get(id)?.row.unitCostMicros ?? null, [...defs.keys()]);
  for (const n of nodes) {
    if (n.row.kind !== 'product' || !n.recipe) continue;
    const cents = (costs.get(n.id)?.unitCostMicros ?? 0) / 10_000;
    const price = Math.max(190, Math.ceil((cents * between(rng, [2.2, 3.5])) / 100) * 100 - 10);
    n.row.salePriceCents = price;
    write.salePrice(n.id, price);
  }

  let versions = 0;
  for (const n of nodes) {
    const versionsOf = n.oldRecipe ? [n.oldRecipe, n.recipe!] : n.recipe ? [n.recipe] : [];
    versionsOf.forEach((p, i) => {
      const active = i === versionsOf.length - 1;
      const id = write.recipe({
        itemId: n.id,
        version: i + 1,
        active,
        yieldMilli: p.yieldMilli,
        batchMinutes: p.batchMinutes,
        notes: i === 0 && !active ? 'Prima versione' : '',
        createdAt: p.createdAt,
        components: p.components.map((c) => ({ itemId: c.node.id, qtyMilli: c.qtyMilli, enteredUnit: entered(c.node.row.unit, c.qtyMilli), scrapBp: c.scrapBp })),
      });
      versions++;
      if (active) {
        const { recipeId: _unsaved, ...def } = toDef(n, p);
        state.recipes.set(n.id, { ...def, id, version: i + 1 });
      }
    });
    rememberItem(state, {
      id: n.id,
      sku: n.row.sku,
      name: n.row.name,
      kind: n.row.kind,
      unit: n.row.unit,
      level: n.level,
      lotTracked: n.row.lotTracked,
      quarantineOnReceipt: n.row.quarantineOnReceipt,
      shelfLifeDays: n.row.shelfLifeDays,
      leadTimeDays: n.row.leadTimeDays,
      reorderPointMilli: n.row.reorderPointMilli,
      netWeightMg: n.row.netWeightMg,
      unitCostMicros: n.row.unitCostMicros,
      salePriceCents: n.row.salePriceCents,
      supplierId: n.supplies ? supplierFor(state, n.supplies, rng) : null,
      archived: n.row.archived,
    });
  }
  computeLevels(state);
  return { items: nodes.length, recipes: defs.size, recipeVersions: versions, archivedItems: archived };
}

function toDef(n: Node, p: Planned): RecipeDef {
  return {
    recipeId: 0,
    itemId: n.id,
    version: 1,
    yieldMilli: p.yieldMilli,
    batchMinutes: p.batchMinutes,
    components: p.components.map((c) => ({ itemId: c.node.id, qtyMilli: c.qtyMilli, scrapBp: c.scrapBp })),
  };
}
