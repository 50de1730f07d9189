/**
 * The large history's shipments, in bulk. The history step writes what left as 'ship'
 * movements against the customer order (with the lines' shipped quantity); this step
 * gives each of those orders the shipment it was (shipping's bulk loader: one shipment
 * per order, its lines, packages and DDT), then points the movements at the shipment
 * (same id as the order), as shipping's confirm writes them, and continues each year's
 * DDT series after the last number written.
 */
import type { Ctx } from '../../api/context';
import { pointShipMovementsAtShipments } from '../../modules/inventory/bulkLoad';
import { setSequencesFrom } from '../../modules/numbering/bulkLoad';
import { readSettings } from '../../modules/settings/store';
import { bulkLoadShipmentsOfShippedOrders, DDT_SERIES_ENDS } from '../../modules/shipping/bulkLoad';
import type { DemoStep } from '../types';
import { fillDemoCompany } from './workshopShipments';

export function writeLargeShipments(ctx: Ctx): Record<string, number> {
  fillDemoCompany(ctx);
  const company = JSON.stringify(readSettings(ctx).company);
  const shipments = bulkLoadShipmentsOfShippedOrders(ctx, company);
  const moved = pointShipMovementsAtShipments(ctx);
  setSequencesFrom(ctx, DDT_SERIES_ENDS);
  return { shipments, shipMovements: moved };
}

export const largeShipmentsStep: DemoStep = {
  name: 'large-shipments',
  run: (ctx, _rng, state) => (state.scale === 'large' ? writeLargeShipments(ctx) : {}),
};
