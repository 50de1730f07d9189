import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { refreshOrders } from './lineFacts';

/**
 * Shipping tells orders what left for which lines; orders keeps `shipped_milli` and the
 * derived status in step. A line never ships more than ordered.
 */
export function recordShipped(ctx: Ctx, shipped: readonly { orderLineId: number; qtyMilli: number }[]): void {
  const update = ctx.sqlite.prepare('UPDATE order_lines SET shipped_milli = shipped_milli + ? WHERE id = ? AND shipped_milli + ? <= qty_milli RETURNING order_id AS orderId');
  const orderIds: number[] = [];
  for (const s of shipped) {
    const r = update.get(s.qtyMilli, s.orderLineId, s.qtyMilli) as { orderId: number } | undefined;
    if (!r) throw new DomainError('CONFLICT', `Order line ${s.orderLineId} would ship more than ordered`, { orderLineId: s.orderLineId, qtyMilli: s.qtyMilli });
    orderIds.push(r.orderId);
  }
  refreshOrders(ctx, orderIds);
}
