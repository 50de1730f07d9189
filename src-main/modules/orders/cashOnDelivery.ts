import type { ReadCtx } from '../../api/context';
import { loadOrder } from './orderRows';

/**
 * What the carrier collects on delivery (contrassegno) for a shipment of these orders:
 * the total with VAT of each order whose payment terms say cash on delivery; null when
 * none does. Shown on the DDT and on the shipping label.
 */
export function cashOnDeliveryCents(ctx: ReadCtx, orderIds: number[]): number | null {
  const cod = ctx.sqlite
    .prepare(
      `SELECT id FROM customer_orders WHERE id IN (SELECT value FROM json_each(?)) AND payment_terms IS NOT NULL AND json_extract(payment_terms, '$.cashOnDelivery') = 1`,
    )
    .pluck()
    .all(JSON.stringify([...new Set(orderIds)])) as number[];
  if (cod.length === 0) return null;
  return cod.reduce((sum, id) => {
    const o = loadOrder(ctx, id);
    return sum + o.totalCents + o.vatCents;
  }, 0);
}
