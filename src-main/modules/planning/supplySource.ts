import type { SupplySource } from '../../../src-shared/domain/planning/types';
import type { Ctx } from '../../api/context';

/**
 * Incoming supply and lead times. Until purchasing is here there are no open purchase
 * orders, and the lead time is the item's own (catalog's `lead_time_days`).
 */
export function loadSupply(ctx: Ctx, leadTimeOfItem: Map<number, number | null>): SupplySource {
  return { purchases: [], leadTimeDays: (itemId) => leadTimeOfItem.get(itemId) ?? null };
}
