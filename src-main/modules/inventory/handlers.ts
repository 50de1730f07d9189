import type { HandlerMap } from '../../api/handlers';
import { receive } from './receive';
import { blockLot, releaseLot, unblockLot } from './lotStatus';
import { consume, countLot, scrapLot, transfer } from './adjustments';
import { reverseMovement } from './reversal';
import { releaseReservation, reserve } from './reservations';
import { alerts, fefo, findLots, itemLots, lotPage } from './lotQueries';
import { stockOverview } from './stockOverview';
import { createLocation, listLocations } from './locations';
import { inventoryInvariants } from './invariants';
import { registerInvariants } from '../../db/check';

// what `bottega check` proves about this module's tables
registerInvariants(inventoryInvariants);

type InventoryOp = Extract<keyof typeof import('../../../src-shared/contract/inventory').inventoryOps, string>;

export const inventoryHandlers: HandlerMap<InventoryOp> = {
  'inventory.receive': receive,
  'inventory.releaseLot': releaseLot,
  'inventory.blockLot': blockLot,
  'inventory.unblockLot': unblockLot,
  'inventory.countLot': countLot,
  'inventory.scrapLot': scrapLot,
  'inventory.transfer': transfer,
  'inventory.consume': consume,
  'inventory.reverseMovement': reverseMovement,
  'inventory.createLocation': createLocation,
  'inventory.reserve': reserve,
  'inventory.releaseReservation': releaseReservation,
  'inventory.stockOverview': stockOverview,
  'inventory.itemLots': itemLots,
  'inventory.lot': lotPage,
  'inventory.findLots': findLots,
  'inventory.fefo': fefo,
  'inventory.alerts': alerts,
  'inventory.locations': listLocations,
};
