import type { SupplySource } from '../../../src-shared/domain/planning/types';
import type { ReadCtx } from '../../api/context';
import { openSupply, supplierTermsOf } from '../purchasing/openSupply';

/**
 * Lead times of what is bought: the preferred supplier's (else the item's own) for what has
 * no order yet. Reads only the plan's static tables (items, suppliers' terms): planStatic.ts
 * keeps it across plans.
 */
export function leadTimesOf(ctx: ReadCtx, boughtItemIds: number[], leadTimeOfItem: Map<number, number | null>): SupplySource['leadTimeDays'] {
  const terms = supplierTermsOf(ctx, boughtItemIds);
  return (itemId) => {
    const t = terms.get(itemId);
    return t ? t.leadTimeDays : (leadTimeOfItem.get(itemId) ?? null);
  };
}

/** Incoming supply, from purchasing: every open purchase-order line; with the lead times above. */
export function loadSupply(ctx: ReadCtx, leadTimeDays: SupplySource['leadTimeDays']): SupplySource {
  return {
    purchases: openSupply(ctx).map((l) => ({ itemId: l.itemId, purchaseOrderId: l.purchaseOrderId, purchaseOrderNumber: l.purchaseOrderNumber, openMilli: l.openMilli, expectedDate: l.expectedDate })),
    leadTimeDays,
  };
}
