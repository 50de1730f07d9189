/** The proposal of one order as the lines the scan rules check (src-shared/domain/packScan.ts). */
import type { ShipmentProposal } from '../../../src-shared/contract/shipping';
import type { PackLine } from '../../../src-shared/domain/packScan';

export type StationLine = PackLine & { unit: ShipmentProposal['lines'][number]['item']['unit']; orderNumber: string; openMilli: number };

export function packLinesOf(p: ShipmentProposal): StationLine[] {
  return p.lines.map((l) => ({
    orderLineId: l.orderLineId,
    orderNumber: l.orderNumber,
    item: { id: l.item.id, sku: l.item.sku, name: l.item.name, gtin: l.item.gtin },
    unit: l.item.unit,
    openMilli: l.openMilli,
    readyMilli: l.readyMilli,
    lots: l.lots.map((x) => ({ lotId: x.lotId, lotCode: x.lotCode, qtyMilli: x.qtyMilli })),
    otherLotCodes: l.otherLots.map((x) => x.lotCode),
  }));
}
