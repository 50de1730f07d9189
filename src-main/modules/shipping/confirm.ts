import { cashOnDeliveryCents } from '../orders/cashOnDelivery';
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { defaultLocationId, insufficient, postMovement, type MovementKind } from '../inventory/ledger';
import { reservationsForDoc, reduceReservation } from '../inventory/reservations';
import { loadLot } from '../inventory/lotRows';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { recordShipped } from '../orders/shipped';
import { checkShipmentLines, type PlannedLine } from './lineChecks';
import { companyForDdt, companyParty, issueDdt, localDateTimeOf } from './ddtSnapshot';
import { assertDraftState } from './draft';
import { loadShipment, SHIPMENT } from './shipmentRows';
import { scheduleDdtCopy } from './savedCopies';
import { compiledCtx } from './compiled';

/** Takes a lot's stock from where it lies, largest balance first (the default location first on ties). */
export function moveOutOfLot(ctx: Ctx, lotId: number, qtyMilli: number, kind: MovementKind, docType: string, docId: number, date: string, reason = ''): void {
  const home = defaultLocationId(ctx);
  const balances = ctx.sqlite
    .prepare('SELECT location_id AS locationId, qty_milli AS q FROM stock_balances WHERE lot_id = ? AND qty_milli > 0 ORDER BY location_id = ? DESC, qty_milli DESC')
    .all(lotId, home) as { locationId: number; q: number }[];
  let left = qtyMilli;
  for (const b of balances) {
    if (left <= 0) break;
    const take = Math.min(left, b.q);
    postMovement(ctx, { lotId, locationId: b.locationId, kind, qtyMilli: -take, docType, docId, date, reason });
    left -= take;
  }
  if (left > 0) postMovement(ctx, { lotId, locationId: home, kind, qtyMilli: -left, docType, docId, date, reason });
}

/**
 * Each order line gives up allocations equal to what leaves: first those on the lots that
 * ship, then (when the operator chose other lots) the ones that stay, latest expiry first.
 */
function takeFromAllocations(ctx: Ctx, shipmentId: number, lines: PlannedLine[], date: string): void {
  // the order id leads the reservations_doc index; the line alone would scan every reservation
  const byOrderLine = new Map<number, PlannedLine[]>();
  for (const l of lines) byOrderLine.set(l.orderLineId, [...(byOrderLine.get(l.orderLineId) ?? []), l]);
  for (const [orderLineId, mine] of byOrderLine) {
    const allocations = reservationsForDoc(ctx, CUSTOMER_ORDER, mine[0]!.orderId, orderLineId).filter((r) => r.lotId !== null);
    const held = new Map(allocations.map((a) => [a.id, a.qtyMilli]));
    let unmatched = 0;
    for (const l of mine) {
      let left = l.qtyMilli;
      for (const a of allocations.filter((a) => a.lotId === l.lotId)) {
        const take = Math.min(left, held.get(a.id)!);
        if (take <= 0) continue;
        reduceReservation(ctx, a.id, take);
        held.set(a.id, held.get(a.id)! - take);
        left -= take;
      }
      if (left > 0) {
        const lot = loadLot(ctx, l.lotId);
        const free = lot.onHandMilli - lot.reservedMilli;
        if (free < left) throw insufficient({ itemId: lot.item.id, sku: lot.item.sku, unit: lot.item.unit, lotCode: lot.code }, left, Math.max(0, free));
        unmatched += left;
      }
      moveOutOfLot(ctx, l.lotId, l.qtyMilli, 'ship', SHIPMENT, shipmentId, date);
    }
    const others = allocations.filter((a) => held.get(a.id)! > 0).sort((a, b) => ((a.lotCode ?? '') < (b.lotCode ?? '') ? 1 : -1));
    for (const a of others) {
      if (unmatched <= 0) break;
      const take = Math.min(unmatched, held.get(a.id)!);
      reduceReservation(ctx, a.id, take);
      unmatched -= take;
    }
  }
}

/**
 * Confirming, in one transaction: every check first (company data, packages, weight,
 * lines and lots again, since stock may have moved since the draft), then the DDT number,
 * the frozen DDT, the ship movements and the orders' shipped quantities. A refusal
 * throws before anything is written, and the transaction takes the number back anyway.
 */
export const confirmShipment: Handler<'shipping.confirm'> = (plain, input) => {
  const ctx = compiledCtx(plain);
  const s = loadShipment(ctx, input.id);
  assertDraftState(s, 'confirmed');
  const date = localDate(ctx.now());
  const company = companyForDdt(ctx);
  const p = new FieldProblems();
  if (s.packageCount <= 0) p.add(['packages'], 'packages_missing', 'Give the packages (colli) the goods travel in');
  if (s.grossWeightG === null || s.grossWeightG <= 0) p.add(['grossWeight'], 'weight_missing', 'Give the gross weight: some items have no weight in the catalog');
  p.throwIfAny('The DDT needs packages and weight');
  const { lines } = checkShipmentLines(ctx, s.lines.map((l) => ({ orderLineId: l.orderLineId, lotId: l.lot.id, quantity: l.qtyMilli })), date);

  const transportStart = input.transportStart ?? s.transportStart ?? localDateTimeOf(ctx.now());
  const ddtId = issueDdt(ctx, 'shipment', s.id, null, date, () => ({
    kind: 'shipment',
    language: s.customer.language,
    company,
    sender: companyParty(company),
    recipient: { ...s.recipient, vatNumber: s.customer.vatNumber },
    destination: s.destinationDiffers ? s.destination : null,
    causale: s.causale,
    transportBy: s.transportBy,
    carrier: s.carrier,
    carrierService: s.carrierService,
    trackingNumber: s.trackingNumber,
    transportStart,
    packageCount: s.packageCount,
    appearance: s.appearance,
    grossWeightG: s.grossWeightG!,
    lines: s.lines.map((l) => ({ sku: l.item.sku, name: l.item.name, gtin: l.item.gtin, unit: l.item.unit, qtyMilli: l.qtyMilli, lotCode: l.lot.code, expiresOn: l.lot.expiresOn, orderNumber: l.orderNumber })),
    orderNumbers: s.orders.map((o) => o.number),
    cashOnDeliveryCents: cashOnDeliveryCents(ctx, s.orders.map((o) => o.id)),
    notes: s.notes,
    originalDdt: null,
  }));
  takeFromAllocations(ctx, s.id, lines, date);
  recordShipped(ctx, lines.map((l) => ({ orderLineId: l.orderLineId, qtyMilli: l.qtyMilli })));
  const stamp = ctx.now().toISOString();
  ctx.sqlite
    .prepare("UPDATE shipments SET state = 'confirmed', ddt_id = ?, transport_start = ?, confirmed_at = ?, updated_at = ? WHERE id = ? AND state = 'draft'")
    .run(ddtId, transportStart, stamp, stamp, s.id);
  scheduleDdtCopy(plain, ddtId);
  return loadShipment(ctx, s.id);
};

export function assertConfirmed(ctx: Ctx, id: number): void {
  const s = loadShipment(ctx, id);
  if (s.state !== 'confirmed') throw new DomainError('CONFLICT', `Shipment #${id} is ${s.state}, not confirmed`, { shipmentId: id, state: s.state });
}
