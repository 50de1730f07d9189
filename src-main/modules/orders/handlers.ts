import type { HandlerMap } from '../../api/handlers';
import { registerDocumentKind } from '../inventory/documents';
import { cancelOrder, confirmOrder, createOrder, updateOrder } from './orderCommands';
import { listOrders } from './orderList';
import { loadOrder } from './orderRows';
import { fulfil, fulfilPreview } from './fulfil';
import { setPromisedDate } from './promisedDate';
import { CUSTOMER_ORDER } from './lineFacts';

type OrderOp = Extract<keyof typeof import('../../../src-shared/contract/orders').orderOps, string>;

// reservations of finished goods point at customer orders
registerDocumentKind(CUSTOMER_ORDER, {
  table: 'customer_orders',
  label: (ctx, id) => {
    const o = ctx.sqlite.prepare('SELECT number FROM customer_orders WHERE id = ?').get(id) as { number: string } | undefined;
    return o ? `Order ${o.number}` : `Order #${id}`;
  },
});

export const orderHandlers: HandlerMap<OrderOp> = {
  'orders.create': createOrder,
  'orders.update': updateOrder,
  'orders.confirm': confirmOrder,
  'orders.cancel': cancelOrder,
  'orders.setPromisedDate': setPromisedDate,
  'orders.get': (ctx, input) => loadOrder(ctx, input.id),
  'orders.list': listOrders,
  'orders.fulfilPreview': fulfilPreview,
  'orders.fulfil': fulfil,
};
