/**
 * `reports.kpis`: the one definition of the owner's figures. The screen, the CSV, the PDF
 * and the CLI all take this answer, so they cannot disagree.
 */
import type { z } from 'zod';
import type { KpiFigures, KpiGrouping, KpisResult, kpisInput } from '../../../src-shared/contract/reports';
import { createTranslator, hasMessage, type Lang, type Translator } from '../../../src-shared/i18n';
import { createCostResolver } from '../../../src-shared/domain/recipeTree';
import type { Unit } from '../../../src-shared/domain/units';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { readSettings } from '../settings/store';
import { allActiveRecipes, lazyItemCosts } from '../catalog/recipeLookup';
import { aggregate, type Aggregated, type StandardCost } from './kpiAggregate';
import { loadKpiFacts } from './kpiRows';
import { carriers, materialConsumption, yieldByRecipe } from './kpiSections';
import { periodOf, previousPeriod } from './kpiMath';

type KpisInput = z.output<typeof kpisInput>;

/** Series of the month charts: the biggest groups by name, the rest summed as "others". */
const CHART_SERIES = 6;
export const OTHERS_KEY = '*';
const TOP = 10;

/**
 * Recipe (standard) cost per unit: one resolver for the whole report, so shared
 * intermediates roll up once. The active recipes are read in two queries: a year's report
 * asks for most products (two look-ups per recipe cost more than reading them all).
 */
function standardCosts(ctx: ReadCtx): StandardCost {
  const recipes = allActiveRecipes(ctx);
  const resolve = createCostResolver((itemId) => recipes.get(itemId), lazyItemCosts(ctx));
  return (itemId) => resolve(itemId).unitCostMicros;
}

interface Names {
  items: Map<number, { sku: string; name: string; unit: Unit }>;
  customers: Map<number, string>;
}

function names(ctx: ReadCtx, itemIds: Iterable<number>, customerIds: Iterable<number>): Names {
  const items = ctx.sqlite
    .prepare('SELECT id, sku, name, unit FROM items WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(itemIds)])) as { id: number; sku: string; name: string; unit: Unit }[];
  const customers = ctx.sqlite
    .prepare('SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(customerIds)])) as { id: number; name: string }[];
  return { items: new Map(items.map((i) => [i.id, i])), customers: new Map(customers.map((c) => [c.id, c.name])) };
}

function labelOf(by: KpiGrouping, key: string, n: Names, t: Translator): string {
  if (key === OTHERS_KEY) return t('reports.others');
  switch (by) {
    case 'channel': {
      const k = `orders.channel.${key}`;
      return hasMessage(k) ? t(k) : key;
    }
    case 'customer':
      return n.customers.get(Number(key)) ?? key;
    case 'product': {
      const i = n.items.get(Number(key));
      return i ? `${i.name} (${i.sku})` : key;
    }
    case 'category':
      return key === '' ? t('reports.noCategory') : key;
  }
}

/** Month points of the biggest groups; the rest of each month summed under OTHERS_KEY. */
function chartMonths(months: Aggregated['months'], groups: { key: string }[]): KpisResult['months'] {
  const keep = new Set(groups.slice(0, CHART_SERIES).map((g) => g.key));
  const out = new Map<string, KpisResult['months'][number]>();
  for (const m of months) {
    const key = keep.has(m.key) ? m.key : OTHERS_KEY;
    const id = `${m.month}\u0000${key}`;
    const x = out.get(id) ?? { month: m.month, key, revenueCents: 0, onTime: 0, onTimeEligible: 0 };
    x.revenueCents += m.revenueCents;
    x.onTime += m.onTime;
    x.onTimeEligible += m.onTimeEligible;
    out.set(id, x);
  }
  return [...out.values()];
}

export function computeKpis(ctx: ReadCtx, input: KpisInput): KpisResult {
  const lang: Lang = input.language ?? readSettings(ctx).language ?? 'it';
  const t = createTranslator(lang);
  const cost = standardCosts(ctx);
  const main = aggregate(loadKpiFacts(ctx, input.from, input.to), input.by, cost);
  const prev = input.compare ? previousPeriod(input.from, input.to) : null;
  const prevAgg = prev ? aggregate(loadKpiFacts(ctx, prev.from, prev.to), input.by, cost) : null;
  const n = names(
    ctx,
    [main, prevAgg].flatMap((a) => a?.products.map((p) => p.itemId) ?? []),
    [main, prevAgg].flatMap((a) => a?.customers.map((c) => c.customerId) ?? []),
  );
  const label = (g: KpiFigures & { key: string }) => ({ ...g, label: labelOf(input.by, g.key, n, t) });

  const yields = yieldByRecipe(ctx, input.from, input.to);
  const materials = materialConsumption(ctx, input.from, input.to);
  return {
    period: periodOf(input.from, input.to),
    by: input.by,
    empty: main.products.length === 0 && yields.length === 0,
    definitions: {
      included: t('reports.def.included'),
      revenue: t('reports.def.revenue'),
      shipTime: t('reports.def.shipTime'),
      onTime: t('reports.def.onTime'),
      returns: t('reports.def.returns'),
      margin: t('reports.def.margin'),
      sections: t('reports.def.sections'),
    },
    total: main.total,
    groups: main.groups.map(label),
    months: chartMonths(main.months, main.groups),
    previous: prev && prevAgg ? { period: prev, total: prevAgg.total, groups: prevAgg.groups.map(label) } : null,
    topProducts: main.products.slice(0, TOP).map((g) => {
      const item = n.items.get(g.itemId)!;
      return {
        itemId: g.itemId,
        sku: item.sku,
        name: item.name,
        unit: item.unit,
        qtyMilli: g.qtyMilli,
        revenueCents: g.revenueCents,
        marginCents: g.marginCents,
        marginBp: g.marginBp,
        estimated: g.estimatedCostCents !== 0 || g.unknownCostLines > 0,
      };
    }),
    topCustomers: main.customers
      .map((c) => ({ ...c, name: n.customers.get(c.customerId) ?? String(c.customerId) }))
      .sort((a, b) => b.revenueCents - a.revenueCents || a.name.localeCompare(b.name))
      .slice(0, TOP)
      .map(({ customerId, name, orders, revenueCents }) => ({ customerId, name, orders, revenueCents })),
    yieldByRecipe: yields,
    materials,
    carriers: carriers(ctx, input.from, input.to),
  };
}

export const kpis: Handler<'reports.kpis'> = (ctx, input) => computeKpis(ctx, input);
