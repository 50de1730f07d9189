/**
 * The date promised to the customer: set from the order page's promise panel ("Promise
 * this date"), or typed. Only a confirmed order still to ship gets one, never a day in the
 * past. The promised date is also the order's place in the planning queue when it has no
 * requested date (the planner reads requested ?? promised).
 */
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { DomainError, fieldError } from '../../api/domainError';
import { loadOrder } from './orderRows';
import { refreshOrders } from './lineFacts';

export const setPromisedDate: Handler<'orders.setPromisedDate'> = (ctx, input) => {
  const o = loadOrder(ctx, input.id);
  if (o.state !== 'confirmed' || o.status === 'shipped') {
    throw new DomainError('CONFLICT', `Order ${o.number} is ${o.state === 'confirmed' ? 'shipped' : o.state}: only a confirmed order still to ship can be promised a date`, { id: o.id });
  }
  const today = localDate(ctx.now());
  if (input.promisedOn !== null && input.promisedOn < today) {
    const message = `The promised date ${input.promisedOn} is in the past (today is ${today})`;
    throw fieldError(message, [{ path: ['promisedOn'], key: 'date_in_past', message, params: { today } }]);
  }
  ctx.sqlite.prepare('UPDATE customer_orders SET promised_on = ?, updated_at = ? WHERE id = ?').run(input.promisedOn, ctx.now().toISOString(), o.id);
  refreshOrders(ctx, [o.id]);
  return loadOrder(ctx, o.id);
};
