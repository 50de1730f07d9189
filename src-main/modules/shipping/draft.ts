import type { z } from 'zod';
import type { Shipment, shipmentInput } from '../../../src-shared/contract/shipping';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { checkShipmentLines } from './lineChecks';
import { loadShipment } from './shipmentRows';

type ShipmentInput = z.output<typeof shipmentInput>;

/** Weights typed as kg ("12,5", "350 g"), stored in grams. */
export function parseWeightG(p: FieldProblems, path: (string | number)[], text: string | null): number | null {
  if (text === null) return null;
  const g = p.parse(path, 'weight', () => parseQuantity(text, 'kg'), { unit: 'kg' });
  if (g !== null && g < 0) p.add(path, 'not_negative', 'A weight cannot be negative');
  return g;
}

function writeDraft(ctx: Ctx, id: number | null, input: ShipmentInput): number {
  const date = localDate(ctx.now());
  const p = new FieldProblems();
  const packages = input.packages.map((pk, i) => ({ ...pk, tareG: parseWeightG(p, ['packages', i, 'tare'], pk.tare) ?? 0 }));
  const grossG = parseWeightG(p, ['grossWeight'], input.grossWeight);
  p.throwIfAny('The shipment has invalid fields');
  const { customerId, lines } = checkShipmentLines(ctx, input.lines, date);
  const stamp = ctx.now().toISOString();
  const fields = [
    input.causale,
    input.transportBy,
    input.carrier,
    input.carrierService,
    input.trackingNumber,
    input.transportStart,
    input.destination ? JSON.stringify(input.destination) : null,
    grossG,
    input.notes,
  ];
  let shipmentId: number;
  if (id === null) {
    shipmentId = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO shipments (customer_id, state, causale, transport_by, carrier, carrier_service, tracking_number, transport_start, destination, gross_weight_g, notes, created_at, updated_at)
           VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(customerId, ...fields, stamp, stamp).lastInsertRowid,
    );
  } else {
    shipmentId = id;
    ctx.sqlite
      .prepare(
        `UPDATE shipments SET customer_id = ?, causale = ?, transport_by = ?, carrier = ?, carrier_service = ?, tracking_number = ?, transport_start = ?,
           destination = ?, gross_weight_g = ?, notes = ?, updated_at = ? WHERE id = ?`,
      )
      .run(customerId, ...fields, stamp, id);
    ctx.sqlite.prepare('DELETE FROM shipment_lines WHERE shipment_id = ?').run(id);
    ctx.sqlite.prepare('DELETE FROM shipment_packages WHERE shipment_id = ?').run(id);
  }
  const addLine = ctx.sqlite.prepare('INSERT INTO shipment_lines (shipment_id, position, order_line_id, order_id, item_id, lot_id, qty_milli) VALUES (?, ?, ?, ?, ?, ?, ?)');
  lines.forEach((l, i) => addLine.run(shipmentId, i + 1, l.orderLineId, l.orderId, l.itemId, l.lotId, l.qtyMilli));
  const addPackage = ctx.sqlite.prepare('INSERT INTO shipment_packages (shipment_id, position, count, appearance, tare_g) VALUES (?, ?, ?, ?, ?)');
  packages.forEach((pk, i) => addPackage.run(shipmentId, i + 1, pk.count, pk.appearance, pk.tareG));
  return shipmentId;
}

export function assertDraftState(s: Shipment, doing: string): void {
  if (s.state !== 'draft') {
    throw new DomainError('CONFLICT', `Shipment ${s.ddt?.number ?? `#${s.id}`} is ${s.state}: it cannot be ${doing}`, { shipmentId: s.id, state: s.state });
  }
}

export function assertDraft(ctx: Ctx, id: number, doing: string): void {
  assertDraftState(loadShipment(ctx, id), doing);
}

export const createShipment: Handler<'shipping.create'> = (ctx, input) => loadShipment(ctx, writeDraft(ctx, null, input));

export const updateShipment: Handler<'shipping.update'> = (ctx, input) => {
  assertDraft(ctx, input.id, 'changed');
  return loadShipment(ctx, writeDraft(ctx, input.id, input));
};

export const cancelShipment: Handler<'shipping.cancel'> = (ctx, input) => {
  assertDraft(ctx, input.id, 'cancelled');
  const stamp = ctx.now().toISOString();
  ctx.sqlite.prepare("UPDATE shipments SET state = 'cancelled', cancel_reason = ?, cancelled_at = ?, updated_at = ? WHERE id = ?").run(input.reason, stamp, stamp, input.id);
  return loadShipment(ctx, input.id);
};

export const setTracking: Handler<'shipping.setTracking'> = (ctx, input) => {
  const s = loadShipment(ctx, input.id);
  if (s.state === 'cancelled') throw new DomainError('CONFLICT', `Shipment #${s.id} is cancelled`, { shipmentId: s.id, state: s.state });
  ctx.sqlite
    .prepare('UPDATE shipments SET carrier = ?, carrier_service = ?, tracking_number = ?, updated_at = ? WHERE id = ?')
    .run(input.carrier, input.carrierService, input.trackingNumber, ctx.now().toISOString(), input.id);
  return loadShipment(ctx, input.id);
};
