/**
 * "Materials short", derived from the plan whenever it is shown: the production order's
 * header and table, the production board and the fulfil dialog read the same netting as
 * the shortage list and the promise, so they cannot disagree. (The materials_short column
 * stored when a production order is created is no longer read for display: it went stale
 * as soon as anything else was received, reserved or planned.)
 */
import { plannedMaterials, shortByItem, type PlannedMaterial } from '../../../src-shared/domain/planning/shortages';
import type { ReadCtx } from '../../api/context';
import { currentPlan } from './planCache';

/** The plan's materials of a planned production order; null when it is not planned (its materials are reserved). */
export function plannedMaterialsOf(ctx: ReadCtx, productionId: number): PlannedMaterial[] | null {
  return plannedMaterials(currentPlan(ctx).plan, productionId);
}

/** Planned production orders among these that the plan finds short of materials. */
export function productionShortOf(ctx: ReadCtx, productionIds: number[]): Set<number> {
  if (productionIds.length === 0) return new Set(); // no plan to make for a page of completed orders
  const plan = currentPlan(ctx).plan;
  return new Set(productionIds.filter((id) => plannedMaterials(plan, id)?.some((m) => m.shortMilli > 0)));
}

/** What the shortage list says is short, per bought item, for the demand of these orders. */
export function ordersShortByItem(ctx: ReadCtx, orderIds: number[]): Map<number, number> {
  const ids = new Set(orderIds);
  return shortByItem(currentPlan(ctx).plan, (d) => d.sources.some((s) => s.kind === 'order' && ids.has(s.id)));
}
