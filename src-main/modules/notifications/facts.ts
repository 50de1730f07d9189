/** Committed data → the facts an email is composed from. */
import { formatQuantity } from '../../../src-shared/domain/quantity';
import type { Unit } from '../../../src-shared/domain/units';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { loadOrder } from '../orders/orderRows';
import { readSettings } from '../settings/store';
import type { OrderFacts, Sender, ShipmentFacts } from './compose';

/** "12 pz" in Italian, "12 pcs" in English (the unit symbols people write). */
export function mailQuantity(milli: number, unit: Unit, lang: 'it' | 'en'): string {
  const text = formatQuantity(milli, unit, lang === 'it' ? 'it-IT' : 'en-GB');
  return lang === 'it' && unit === 'pcs' ? text.replace(/ pcs$/, ' pz') : text;
}

export function senderOf(ctx: Ctx): Sender {
  const c = readSettings(ctx).company;
  return { name: c.name, email: c.email, phone: c.phone };
}

export function orderFacts(ctx: Ctx, orderId: number): OrderFacts {
  const o = loadOrder(ctx, orderId);
  if (o.state !== 'confirmed') {
    throw new DomainError('CONFLICT', `Order ${o.number} is ${o.state}: only a confirmed order is announced to the customer`, { orderId, state: o.state });
  }
  return {
    number: o.number,
    customerName: o.customer.name,
    email: o.customer.email,
    language: o.customer.language,
    orderedOn: o.orderedOn,
    promisedOn: o.promisedOn,
    requestedOn: o.requestedOn,
    externalRef: o.externalRef,
    lines: o.lines.map((l) => ({ name: l.item.name, quantity: mailQuantity(l.qtyMilli, l.item.unit, o.customer.language), netCents: l.netCents })),
    totalCents: o.totalCents,
    vatCents: o.vatCents,
  };
}

/** Filled in when the shipping module is merged (loadShipment). */
export function shipmentFacts(_ctx: Ctx, shipmentId: number): ShipmentFacts {
  throw new DomainError('NOT_FOUND', `No shipment with id ${shipmentId}`, { what: 'shipment', id: shipmentId });
}
