/** Committed data → the facts an email is composed from. */
import { formatQuantity } from '../../../src-shared/domain/quantity';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { loadOrder } from '../orders/orderRows';
import { readSettings } from '../settings/store';
import { loadShipment } from '../shipping/shipmentRows';
import { addressLines } from '../labels/shipmentLabels';
import type { OrderFacts, Sender, ShipmentFacts } from './compose';

/** "12 pz" in Italian, "12 pcs" in English (the unit symbols people write). */
export function mailQuantity(milli: number, unit: Unit, lang: 'it' | 'en'): string {
  return formatQuantity(milli, unit, lang === 'it' ? 'it-IT' : 'en-GB');
}

export function senderOf(ctx: ReadCtx): Sender {
  const c = readSettings(ctx).company;
  return { name: c.name, email: c.email, phone: c.phone };
}

export function orderFacts(ctx: ReadCtx, orderId: number): OrderFacts {
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

/** A shipment is announced once it has left: confirmed, with its DDT. */
export function shipmentFacts(ctx: ReadCtx, shipmentId: number): ShipmentFacts {
  const s = loadShipment(ctx, shipmentId);
  if (s.state !== 'confirmed' || !s.ddt) {
    throw new DomainError('CONFLICT', `Shipment #${s.id} is ${s.state}: it is announced once confirmed`, { shipmentId, state: s.state });
  }
  const lang = s.customer.language;
  return {
    number: s.ddt.number,
    // the intro already names the DDT
    ddtNumber: null,
    customerName: s.customer.name,
    email: s.customer.email,
    language: lang,
    shippedOn: (s.transportStart ?? s.ddt.date).slice(0, 10),
    carrier: s.carrier,
    service: s.carrierService,
    tracking: s.trackingNumber,
    packages: s.packageCount,
    orderNumbers: s.orders.map((o) => o.number),
    lines: s.lines.map((l) => ({ name: l.item.name, quantity: mailQuantity(l.qtyMilli, l.item.unit, lang), lotCode: l.lot.code })),
    destination: addressLines(s.destination),
  };
}
