import type { SupplySource } from '../../../src-shared/domain/planning/types';
import type { ReadCtx } from '../../api/context';
import { openSupply, supplierTermsOf } from '../purchasing/openSupply';

/**
 * Incoming supply and lead times, from purchasing: every open purchase-order line, and
 * the preferred supplier's lead time (else the item's own) for what has no order yet.
 */
export function loadSupply(ctx: ReadCtx, boughtItemIds: number[], leadTimeOfItem: Map<number, number | null>): SupplySource {
  const terms = supplierTermsOf(ctx, boughtItemIds);
  return {
    purchases: openSupply(ctx).map((l) => ({ itemId: l.itemId, purchaseOrderId: l.purchaseOrderId, purchaseOrderNumber: l.purchaseOrderNumber, openMilli: l.openMilli, expectedDate: l.expectedDate })),
    leadTimeDays: (itemId) => {
      const t = terms.get(itemId);
      return t ? t.leadTimeDays : (leadTimeOfItem.get(itemId) ?? null);
    },
  };
}
