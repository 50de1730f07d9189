import type { HandlerMap } from '../../api/handlers';
import { registerDocumentKind } from '../inventory/documents';
import { registerIncomingSupply } from '../inventory/incoming';
import { registerReceiptLink } from '../inventory/receiptLinks';
import { deleteSupplierTerms, listSupplierTerms, saveSupplierTerms } from './terms';
import { cancelPurchaseOrder, createPurchaseOrder, sendPurchaseOrder, updatePurchaseOrder } from './orderCommands';
import { createFromShortages, previewFromShortages } from './fromShortages';
import { listPurchaseOrders } from './orderList';
import { loadPurchaseOrder } from './orderRows';
import { openSupply, openSupplyByItem } from './openSupply';
import { purchaseReceiptLink } from './receiving';
import { purchaseOrderPdf } from './pdf';
import { purchasingInvariants } from './invariants';
import { registerInvariants } from '../../db/check';

// what `bottega check` proves about this module's tables
registerInvariants(purchasingInvariants);

type PurchasingOp = Extract<keyof typeof import('../../../src-shared/contract/purchasing').purchasingOps, string>;

export const PURCHASE_ORDER = 'purchase_order';

// receipts name purchase order lines; open lines are the stock's incoming; other modules may point at purchase orders
registerReceiptLink(purchaseReceiptLink);
registerIncomingSupply(openSupplyByItem);
registerDocumentKind(PURCHASE_ORDER, {
  table: 'purchase_orders',
  label: (ctx, id) => {
    const p = ctx.sqlite.prepare('SELECT number FROM purchase_orders WHERE id = ?').get(id) as { number: string } | undefined;
    return p ? `Purchase order ${p.number}` : `Purchase order #${id}`;
  },
});

export const purchasingHandlers: HandlerMap<PurchasingOp> = {
  'purchasing.listSupplierTerms': listSupplierTerms,
  'purchasing.saveSupplierTerms': saveSupplierTerms,
  'purchasing.deleteSupplierTerms': deleteSupplierTerms,
  'purchasing.create': createPurchaseOrder,
  'purchasing.update': updatePurchaseOrder,
  'purchasing.send': sendPurchaseOrder,
  'purchasing.cancel': cancelPurchaseOrder,
  'purchasing.get': (ctx, input) => loadPurchaseOrder(ctx, input.id),
  'purchasing.list': listPurchaseOrders,
  'purchasing.createFromShortages': createFromShortages,
  'purchasing.previewFromShortages': previewFromShortages,
  'purchasing.openSupply': (ctx, input) => openSupply(ctx, input.itemIds),
  'purchasing.pdf': purchaseOrderPdf,
};
