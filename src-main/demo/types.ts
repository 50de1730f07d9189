import type { Ctx } from '../api/context';
import type { ItemKind } from '../../src-shared/contract/common';
import type { Unit } from '../../src-shared/domain/units';
import type { Rng } from './rng';

export type DemoScale = 'small' | 'large';

/** An item as later steps need it (ids are the database's). */
export interface DemoItem {
  id: number;
  sku: string;
  name: string;
  kind: ItemKind;
  unit: Unit;
  /** 0 for bought items; 1 + the highest level among the components of its active recipe */
  level: number;
  lotTracked: boolean;
  quarantineOnReceipt: boolean;
  shelfLifeDays: number | null;
  leadTimeDays: number | null;
  reorderPointMilli: number | null;
  netWeightMg: number | null;
  unitCostMicros: number | null;
  salePriceCents: number | null;
  /** the supplier it is usually bought from (bought items only); kept here, not in a table */
  supplierId: number | null;
  archived: boolean;
}

export interface DemoRecipe {
  id: number;
  itemId: number;
  version: number;
  yieldMilli: number;
  batchMinutes: number;
  components: { itemId: number; qtyMilli: number; scrapBp: number }[];
}

export interface DemoParty {
  id: number;
  name: string;
  /** what the party is, for steps that make orders: a shop orders differently from a person */
  profile: 'shop' | 'herbalist' | 'pharmacy' | 'hotel' | 'private' | 'foreign' | 'supplier';
  province: string;
  /** suppliers: what they sell (oli, chimica, essenze, api, cere, imballi, etichette, cosmetica) */
  supplies?: SupplyCategory;
}

export const SUPPLY_CATEGORIES = ['oli', 'chimica', 'essenze', 'api', 'cere', 'imballi', 'etichette', 'cosmetica'] as const;
export type SupplyCategory = (typeof SUPPLY_CATEGORIES)[number];

/**
 * What the steps so far have made, for the steps after them. A later issue adds its own
 * fields (lots, orders…) as optional ones, filled by its step.
 */
export interface DemoState {
  readonly scale: DemoScale;
  readonly seed: number;
  /** the demo's "today": the simulated history ends here (2026-01-01T00:00:00Z) */
  readonly baseDate: Date;
  /** first day of the simulated history: 1 year before baseDate (small), 10 years (large) */
  readonly historyStart: Date;
  items: DemoItem[];
  itemsBySku: Map<string, DemoItem>;
  itemsById: Map<number, DemoItem>;
  /** active versions only, by output item id */
  recipes: Map<number, DemoRecipe>;
  suppliers: DemoParty[];
  customers: DemoParty[];
}

/**
 * One part of the demo. Steps run in order inside the caller's transaction, each with
 * its own generator (seeded by the demo seed and the step's name), and return counts
 * that are added to the demo's report.
 */
export interface DemoStep {
  name: string;
  run(ctx: Ctx, rng: Rng, state: DemoState): Record<string, number>;
}
