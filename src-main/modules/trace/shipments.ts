/**
 * The shipments that carried affected lots, as the trace shows them. Shipping owns its
 * tables; this is the one place the trace asks it (through its exported traceFacts).
 * Returns go back into the same lot, so they show on the line that shipped them.
 */
import type { TraceShipment } from '../../../src-shared/contract/trace';
import type { ReadCtx } from '../../api/context';
import { shipmentsOfLots } from '../shipping/traceFacts';

export function shipmentsOfAffectedLots(ctx: ReadCtx, lotIds: number[]): TraceShipment[] {
  return shipmentsOfLots(ctx, lotIds).map((s) => ({
    lotId: s.lotId,
    shipmentId: s.shipmentId,
    shipmentLineId: s.shipmentLineId,
    ddtNumber: s.ddtNumber,
    ddtDate: s.ddtDate,
    customer: { id: s.customerId, name: s.customerName, email: s.customerEmail, phone: s.customerPhone },
    order: { id: s.orderId, number: s.orderNumber },
    shippedMilli: s.shippedMilli,
    returnedMilli: s.returnedMilli,
  }));
}
