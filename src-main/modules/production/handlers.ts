import type { HandlerMap } from '../../api/handlers';
import { registerDocumentKind } from '../inventory/documents';
import { cancelProduction, createProduction, insertPlannedMany, unlinkOrderProduction, updateProduction } from './productionCreate';
import { registerProductionForOrders } from '../orders/productionPort';
import { releaseProduction, startProduction } from './release';
import { completeProduction } from './complete';
import { listProduction } from './productionList';
import { loadProductionOrder, PRODUCTION_ORDER, withPlannedMaterials } from './productionRows';
import { plannedMaterialsOf } from '../planning/materialsShort';
import { productionSheetPdf } from './sheetPdf';

type ProductionOp = Extract<keyof typeof import('../../../src-shared/contract/production').productionOps, string>;

// consumption and output movements, material reservations and finished lots point at production orders
registerDocumentKind(PRODUCTION_ORDER, {
  table: 'production_orders',
  label: (ctx, id) => {
    const p = ctx.sqlite.prepare('SELECT number FROM production_orders WHERE id = ?').get(id) as { number: string } | undefined;
    return p ? `Production ${p.number}` : `Production #${id}`;
  },
});

// fulfilment creates production for order lines; cancelling an order unlinks it
registerProductionForOrders({ insertPlanned: insertPlannedMany, unlinkOrder: unlinkOrderProduction });

export const productionHandlers: HandlerMap<ProductionOp> = {
  'production.create': createProduction,
  'production.update': updateProduction,
  'production.release': releaseProduction,
  'production.start': startProduction,
  'production.complete': completeProduction,
  'production.cancel': cancelProduction,
  'production.get': (ctx, input) => withPlannedMaterials(loadProductionOrder(ctx, input.id), plannedMaterialsOf(ctx, input.id)),
  'production.list': listProduction,
  'production.sheetPdf': productionSheetPdf,
};
