/**
 * The large history's writer: the bulk loaders of the modules whose rows it makes —
 * inventory (lots, the ledger, documents, reservations, balances), orders (orders and
 * their lines), production (production orders, links, genealogy) and numbering (where
 * each series ends) — in one object, each prepared once. The SQL lives beside each
 * owning module (modules/<name>/bulkLoad.ts); this file only gathers them and counts
 * the movements written.
 */
import type { Ctx } from '../api/context';
import { inventoryBulkLoader } from '../modules/inventory/bulkLoad';
import { numberingBulkLoader } from '../modules/numbering/bulkLoad';
import { ordersBulkLoader } from '../modules/orders/bulkLoad';
import { productionBulkLoader } from '../modules/production/bulkLoad';

export function historyWriter(ctx: Ctx) {
  const inventory = inventoryBulkLoader(ctx);
  const orders = ordersBulkLoader(ctx);
  const production = productionBulkLoader(ctx);
  const numbering = numberingBulkLoader(ctx);
  let movements = 0;

  return {
    get movements(): number {
      return movements;
    },
    lot: inventory.lot,
    movement(lotId: number, itemId: number, locationId: number, kind: string, qtyMilli: number, docType: string, docId: number, reason: string, date: string, createdAt: string): void {
      inventory.movement(lotId, itemId, locationId, kind, qtyMilli, docType, docId, reason, date, createdAt);
      movements++;
    },
    document: inventory.document,
    statusChange: inventory.statusChange,
    reservation: inventory.reservation,
    balance: inventory.balance,
    lotTotals: inventory.lotTotals,
    order: orders.order,
    line: orders.line,
    production: production.production,
    link: production.link,
    genealogy: production.genealogy,
    sequence: numbering.raise,
  };
}

export type HistoryWriter = ReturnType<typeof historyWriter>;
