import type { IncomingPurchase, SupplySource } from '../../../src-shared/domain/planning/types';
import type { ReadCtx } from '../../api/context';
import { supplierTermsOf } from '../purchasing/openSupply';
import { jsonColumns } from './statements';

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

/**
 * Every open purchase-order line (purchasing's openSupply: the same rows in the same order),
 * only the columns the plan reads, one JSON array per column (statements.ts). As row objects
 * with the supplier and line ids the plan never reads, then copied, the 5,800 open lines of a
 * full bench run's state cost several times the query itself on every plan made.
 */
const OPEN_PURCHASES = `SELECT json_group_array(item_id), json_group_array(purchase_order_id), json_group_array(number), json_group_array(open_milli), json_group_array(expected_on) FROM (
  SELECT l.item_id, l.purchase_order_id, p.number, l.open_milli, l.expected_on
  FROM purchase_order_lines l INDEXED BY purchase_order_lines_open
  JOIN purchase_orders p ON p.id = l.purchase_order_id
  WHERE l.open_milli > 0
  ORDER BY l.item_id, l.expected_on, l.id)`;

/** Incoming supply, from purchasing's open order lines; with the lead times above. */
export function loadSupply(ctx: ReadCtx, leadTimeDays: SupplySource['leadTimeDays']): SupplySource {
  const [itemIds, orderIds, numbers, openMilli, expected] = jsonColumns<[number[], number[], string[], number[], string[]]>(ctx.sqlite, OPEN_PURCHASES);
  const purchases: IncomingPurchase[] = new Array<IncomingPurchase>(itemIds.length);
  for (let k = 0; k < itemIds.length; k++) {
    purchases[k] = { itemId: itemIds[k]!, purchaseOrderId: orderIds[k]!, purchaseOrderNumber: numbers[k]!, openMilli: openMilli[k]!, expectedDate: expected[k]! };
  }
  return { purchases, leadTimeDays };
}
