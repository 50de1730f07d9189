/**
 * The plan's static part: items, active recipes (and the older versions open production
 * still uses) and the lead times of what is bought. Orders, stock and production change
 * all day; these change when someone edits the catalog or a supplier. So they are read
 * once and kept across plans, per connection, until a write to one of their tables:
 * this connection's (planEpoch.ts, the `statics` number) or any other connection's commit
 * (`data_version`: another process cannot tell which table it wrote, so any commit counts).
 * A plan made again after an order changed then reads only the order-dependent part
 * (snapshot.ts) — the same answer as reading everything, with a fifth of the reads.
 */
import type { RecipeDef, RecipeLookup } from '../../../src-shared/domain/recipe';
import type { SupplySource } from '../../../src-shared/domain/planning/types';
import type { ItemKind } from '../../../src-shared/contract/common';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { connectionUnder } from '../../api/readOnly';
import { connectionOf } from '../../db/statementCache';
import { allActiveRecipes, recipesById } from '../catalog/recipeLookup';
import { dataVersion, planEpochs } from './planEpoch';
import { jsonList } from './statements';
import { leadTimesOf } from './supplySource';

export interface ItemRow {
  id: number;
  sku: string;
  name: string;
  kind: ItemKind;
  unit: Unit;
  leadTimeDays: number | null;
}

/** Read only: the plans share it (nothing in planning writes into an item or a recipe). */
export interface PlanStatic {
  itemRows: Map<number, ItemRow>;
  /** the active recipe of each item that has one */
  active: Map<number, RecipeDef>;
  /** `active` asked by item (the snapshot's recipeOf): a look-up per open line and per material of planned production */
  recipeOf: RecipeLookup;
  /** `itemRows` asked by item: a look-up per open line read */
  itemOf: (itemId: number) => ItemRow | undefined;
  leadTimeDays: SupplySource['leadTimeDays'];
  /** recipe versions by recipe id (active or not, as production names them), read when first asked */
  versions(ids: Iterable<number>): Map<number, RecipeDef>;
}

/** every item, flat: id, sku, name, kind, unit, lead time */
const ITEMS = `SELECT '[' || group_concat(id || ',' || json_quote(sku) || ',' || json_quote(name) || ',' || json_quote(kind) || ',' || json_quote(unit) || ',' || json_quote(lead_time_days)) || ']' FROM items`;

const kept = new WeakMap<object, { key: string; part: PlanStatic }>();

function staticKey(ctx: ReadCtx): string {
  const version = dataVersion(ctx.sqlite);
  const epochs = planEpochs(connectionOf(connectionUnder(ctx.sqlite)));
  // without the triggers (first asked inside a transaction): any write counts
  const changes = epochs === null ? `c${(ctx.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n}` : `s${epochs.statics}`;
  return `${version}|${changes}`;
}

/** The static part of this database state: kept, or read again after a write to its tables. */
export function planStatic(ctx: ReadCtx): PlanStatic {
  const key = staticKey(ctx);
  const at = connectionOf(connectionUnder(ctx.sqlite));
  const hit = kept.get(at);
  if (hit && hit.key === key) return hit.part;
  const part = loadStatic(ctx);
  kept.set(at, { key, part });
  return part;
}

/** Drops the kept static part (tests; the benchmark keeps it, as the app does after an order changed). */
export function forgetPlanStatic(ctx: Pick<ReadCtx, 'sqlite'>): void {
  kept.delete(connectionOf(connectionUnder(ctx.sqlite)));
}

function loadStatic(ctx: ReadCtx): PlanStatic {
  const itemRows = new Map<number, ItemRow>();
  const items = jsonList<number | string | null>(ctx.sqlite, ITEMS);
  for (let k = 0; k < items.length; k += 6) {
    const id = items[k] as number;
    itemRows.set(id, { id, sku: items[k + 1] as string, name: items[k + 2] as string, kind: items[k + 3] as ItemKind, unit: items[k + 4] as Unit, leadTimeDays: items[k + 5] as number | null });
  }
  const active = allActiveRecipes(ctx);
  const leadTimes = new Map([...itemRows.values()].map((i) => [i.id, i.leadTimeDays]));
  const byRecipe = new Map<number, RecipeDef>();
  for (const r of active.values()) byRecipe.set(r.recipeId, r);
  return {
    itemRows,
    active,
    recipeOf: byItemId(active),
    itemOf: byItemId(itemRows),
    leadTimeDays: leadTimesOf(ctx, [...itemRows.keys()].filter((id) => !active.has(id)), leadTimes),
    versions: (ids) => {
      const missing = [...new Set(ids)].filter((id) => !byRecipe.has(id));
      if (missing.length > 0) for (const r of recipesById(ctx, missing)) byRecipe.set(r.recipeId, r);
      return byRecipe;
    },
  };
}

/** Item ids above this are asked of the map itself: a list by id would be mostly holes. */
const LIST_BY_ID_UP_TO = 1 << 20;

/**
 * A map by item id asked through a list indexed by the id (the catalog's ids, a few
 * thousand), not the map itself: the plan asks an item's active recipe once per open line
 * and per material of planned production, ~750,000 times with the open orders quadrupled,
 * and a map look-up hashes the id each time. Any id not in the list (none, above it, not a
 * whole number) answers as the map does: undefined.
 */
export function byItemId<T>(map: ReadonlyMap<number, T>): (itemId: number) => T | undefined {
  let max = -1;
  for (const id of map.keys()) {
    if (!Number.isInteger(id) || id < 0 || id > LIST_BY_ID_UP_TO) return (itemId) => map.get(itemId);
    if (id > max) max = id;
  }
  const list = new Array<T | undefined>(max + 1).fill(undefined);
  for (const [id, v] of map) list[id] = v;
  return (itemId) => list[itemId];
}
