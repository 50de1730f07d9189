import { parseQuantity } from '../../../src-shared/domain/quantity';
import { addDays, localDate } from '../../../src-shared/domain/dates';
import { lotUnusableReason, type FefoLot } from '../../../src-shared/domain/fefo';
import { costOfQuantityMicros } from '../../../src-shared/domain/money';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { defaultLocationId, insufficient, itemAvailableMilli, postIntoNewLot, postMovement, type KnownLot } from '../inventory/ledger';
import { DeferredConsumption } from '../inventory/deferredConsumption';
import { holdStock, reduceReservation, reservationsForDoc, reserveStock } from '../inventory/reservations';
import { createLot } from '../inventory/lotCreation';
import { readSettings } from '../settings/store';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { assertStatus } from './productionCreate';
import { materialNeeds, PRODUCTION_ORDER } from './productionRows';
import { changeOf, productionHead, refreshServedOrders, type ProductionHead } from './productionChange';
import { sql, trusted } from '../../db/sql';

interface Consumption {
  lotId: number;
  qtyMilli: number;
}

/** An input lot as the completion reads it once, kept up to date as it is consumed. */
interface InputLot extends KnownLot {
  id: number;
  status: FefoLot['status'];
  expiresOn: string | null;
  originDate: string;
  unitCostMicros: number | null;
}

/** Every input lot in one read (not one per lot): what the checks, the movements and the cost need. */
function readInputLots(ctx: Ctx, lotIds: number[]): Map<number, InputLot> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT l.id, l.item_id AS itemId, l.code, l.status, l.expires_on AS expiresOn, l.origin_date AS originDate, l.unit_cost_micros AS unitCostMicros,
              l.on_hand_milli AS onHand, l.reserved_milli AS reserved, i.sku, i.unit
       FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(lotIds)])) as InputLot[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of lotIds) if (!byId.has(id)) throw notFound('lot', id);
  return byId;
}

/**
 * The input lots' balances by location, in one read, each lot's in the order they are
 * taken from: the default location first, then the largest balance.
 */
function readBalances(ctx: Ctx, lotIds: number[], defaultLocation: number): Map<number, { locationId: number; q: number }[]> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT lot_id AS lotId, location_id AS locationId, qty_milli AS q FROM stock_balances
       WHERE lot_id IN (SELECT value FROM json_each(?)) AND qty_milli > 0 ORDER BY lot_id, location_id = ? DESC, qty_milli DESC, location_id`,
    )
    .all(JSON.stringify([...new Set(lotIds)]), defaultLocation) as { lotId: number; locationId: number; q: number }[];
  const byLot = new Map<number, { locationId: number; q: number }[]>();
  for (const r of rows) {
    let list = byLot.get(r.lotId);
    if (!list) byLot.set(r.lotId, (list = []));
    list.push({ locationId: r.locationId, q: r.q });
  }
  return byLot;
}

/**
 * Takes a lot from where it is, largest balance first (the default location first on
 * ties), from the balances read above (kept up to date, so a lot consumed twice is taken
 * from what is left). `unheld`: what the completion's reservations held on the lot and no
 * longer do, written with the first movement's on-hand (one update of the lot, not two).
 */
function consumeFromLocations(
  ctx: Ctx,
  writes: DeferredConsumption,
  lot: InputLot,
  balances: { locationId: number; q: number }[],
  qtyMilli: number,
  docId: number,
  date: string,
  defaultLocation: number,
  unheld: number,
): void {
  balances.sort((a, b) => Number(b.locationId === defaultLocation) - Number(a.locationId === defaultLocation) || b.q - a.q || a.locationId - b.locationId);
  let left = qtyMilli;
  let pending = unheld;
  for (const b of balances) {
    if (left <= 0) break;
    if (b.q <= 0) continue;
    const take = Math.min(left, b.q);
    writes.move({ lotId: lot.id, locationId: b.locationId, kind: 'consume', qtyMilli: -take, docType: PRODUCTION_ORDER, docId, date }, lot, b.q, pending);
    pending = 0;
    b.q -= take;
    left -= take;
  }
  if (pending > 0) writes.unhold(lot.id, pending);
  if (left > 0) {
    // more than the lot holds anywhere: the ledger refuses it with the usual message, on the rows as written so far
    writes.flush();
    postMovement(ctx, { lotId: lot.id, locationId: defaultLocation, kind: 'consume', qtyMilli: -left, docType: PRODUCTION_ORDER, docId, date });
  }
}

/**
 * Completing a batch, in one transaction: the actual consumption per lot, the finished
 * lot with its code and expiry, the output movement, genealogy input → output, and the
 * output allocated to the order lines the batch serves.
 */
export const completeProduction: Handler<'production.complete'> = (ctx, input) => {
  const po = productionHead(ctx, input.id);
  assertStatus(po, ['released', 'in_progress'], 'completed');
  const producedOn = input.producedOn ?? localDate(ctx.now());
  // the recipe's items, to check a consumption given by hand (what was reserved is in the recipe already)
  const needs = input.consumption ? materialNeeds(ctx, po.recipeId, po.batches) : new Map<number, number>();
  const p = new FieldProblems();
  const lotStmt = ctx.sqlite.prepare('SELECT l.id, l.item_id AS itemId, i.unit, i.sku FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id = ?');
  const reservations = reservationsForDoc(ctx, PRODUCTION_ORDER, po.id);
  const consumption: Consumption[] = input.consumption
    ? input.consumption.map((c, i) => {
        const lot = lotStmt.get(c.lotId) as { id: number; itemId: number; unit: 'kg'; sku: string } | undefined;
        if (!lot) {
          p.add(['consumption', i, 'lotId'], 'not_found', `No lot with id ${c.lotId}`);
          return { lotId: c.lotId, qtyMilli: 0 };
        }
        if (!needs.has(lot.itemId)) p.add(['consumption', i, 'lotId'], 'not_in_recipe', `${lot.sku} is not in the recipe of ${po.item.sku}`, { sku: lot.sku });
        const q = p.parse(['consumption', i, 'quantity'], 'quantity', () => parseQuantity(c.quantity, lot.unit), { unit: lot.unit });
        if (q !== null && q <= 0) p.add(['consumption', i, 'quantity'], 'positive', 'The quantity must be more than zero');
        return { lotId: c.lotId, qtyMilli: q ?? 0 };
      })
    : reservations.map((r) => ({ lotId: r.lotId!, qtyMilli: r.qtyMilli }));
  const output = input.outputQuantity === null ? po.plannedQtyMilli : p.parse(['outputQuantity'], 'quantity', () => parseQuantity(input.outputQuantity!, po.item.unit), { unit: po.item.unit });
  if (output !== null && output <= 0) p.add(['outputQuantity'], 'positive', 'The output must be more than zero');
  p.throwIfAny('The completion has invalid fields');

  // every lot used must be released and in date on the production day
  const lots = readInputLots(ctx, consumption.map((c) => c.lotId));
  const inputLots = consumption.map((c) => ({ ...c, lot: lots.get(c.lotId)! }));
  inputLots.forEach((c, i) => {
    const why = lotUnusableReason({ lotId: c.lot.id, code: c.lot.code, status: c.lot.status, expiresOn: c.lot.expiresOn, originDate: c.lot.originDate, onHandMilli: c.lot.onHand, reservedMilli: c.lot.reserved }, producedOn);
    if (why) p.add(['consumption', i, 'lotId'], `lot.${why}`, `Lot ${c.lot.code} cannot be used: ${why}`, { code: c.lot.code });
  });
  if (p.issues.length > 0) throw new DomainError('LOT_NOT_RELEASED', 'Some lots cannot be used', { issues: p.issues });

  // consume: what this order reserved on a lot first, then free stock of the lot
  const defaultLocation = defaultLocationId(ctx);
  const balances = readBalances(ctx, consumption.map((c) => c.lotId), defaultLocation);
  const held = new Map(reservations.map((r) => [r.id, r.qtyMilli]));
  let inputCostMicros = 0;
  let costKnown = true;
  // the consumption's writes, one statement per table for all the lots (flushed before any read of what they change)
  const writes = new DeferredConsumption(ctx);
  for (const c of inputLots) {
    let left = c.qtyMilli;
    // what the reservations closed here held on the lot: written with the consumption's on-hand
    let unheld = 0;
    for (const r of reservations) {
      if (r.lotId !== c.lotId || left <= 0) continue;
      if (r.itemId !== c.lot.itemId) throw new DomainError('CONFLICT', `Reservation ${r.id} holds another item than this lot`, { reservationId: r.id, lotId: c.lotId });
      const covered = Math.min(left, held.get(r.id)!);
      if (covered > 0) {
        // the reservation's row only (no lot given): the lot's side is `unheld`
        writes.setHeld(r.id, held.get(r.id)! - covered);
        held.set(r.id, held.get(r.id)! - covered);
        c.lot.reserved -= covered;
        unheld += covered;
      }
      left -= covered;
    }
    if (left > 0) {
      // the item's availability is read from the rows: they must show the reservations closed
      if (unheld > 0) writes.unhold(c.lotId, unheld);
      unheld = 0;
      writes.flush();
      const free = c.lot.onHand - c.lot.reserved;
      if (free < left) throw insufficient({ itemId: c.lot.itemId, sku: c.lot.sku, unit: c.lot.unit, lotCode: c.lot.code }, left, Math.max(0, free));
      const itemFree = itemAvailableMilli(ctx, c.lot.itemId, producedOn);
      if (itemFree < left) throw insufficient({ itemId: c.lot.itemId, sku: c.lot.sku, unit: c.lot.unit }, left, Math.max(0, itemFree));
    }
    consumeFromLocations(ctx, writes, c.lot, balances.get(c.lotId) ?? [], c.qtyMilli, po.id, producedOn, defaultLocation, unheld);
    if (c.lot.unitCostMicros === null) costKnown = false;
    else inputCostMicros += costOfQuantityMicros(c.qtyMilli, c.lot.unitCostMicros);
  }
  writes.flush();
  // what the order's reservations still hold (a consumption given by hand used less) goes back:
  // `held` follows their rows, so they are not read again (releaseProductionReservations' read)
  for (const r of reservations) {
    const left = held.get(r.id)!;
    if (left > 0) reduceReservation(ctx, r.id, left);
  }

  const earliest = inputLots.map((c) => c.lot.expiresOn).filter((e): e is string => e !== null).sort()[0] ?? null;
  const fromShelfLife = po.shelfLifeDays === null ? null : addDays(producedOn, po.shelfLifeDays);
  const expiresOn =
    input.expiresOn ??
    (readSettings(ctx).production.expiryRule === 'earliest_ingredient' ? (earliest ?? fromShelfLife) : (fromShelfLife ?? earliest));
  const outputLot = createLot(ctx, {
    itemId: po.item.id,
    sku: po.item.sku,
    origin: 'production',
    status: 'released',
    originDate: producedOn,
    expiresOn,
    unitCostMicros: costKnown && inputLots.length > 0 ? Math.round((inputCostMicros * 1000) / output!) : null,
    docType: PRODUCTION_ORDER,
    docId: po.id,
    onHandMilli: output!,
  });
  // the lot was created just now holding the output: its state is known, not read back, nor written again
  const fresh = { itemId: po.item.id, code: outputLot.code, onHand: 0, reserved: 0, sku: po.item.sku, unit: po.item.unit };
  postIntoNewLot(ctx, { lotId: outputLot.id, locationId: defaultLocation, kind: 'output', qtyMilli: output!, docType: PRODUCTION_ORDER, docId: po.id, date: producedOn }, fresh);

  const perLot = new Map<number, number>();
  for (const c of inputLots) perLot.set(c.lotId, (perLot.get(c.lotId) ?? 0) + c.qtyMilli);
  // input → output, one row per input lot in the order they were first used: one statement for all
  if (perLot.size > 0) {
    ctx.sqlite
      .prepare('INSERT INTO lot_genealogy (input_lot_id, output_lot_id, production_order_id, qty_milli) SELECT value ->> 0, ?, ?, value ->> 1 FROM json_each(?) ORDER BY key')
      .run(outputLot.id, po.id, JSON.stringify([...perLot]));
  }

  ctx.sqlite
    .prepare("UPDATE production_orders SET status = 'completed', output_lot_id = ?, actual_qty_milli = ?, produced_on = ?, completed_at = ?, notes = CASE WHEN ? = '' THEN notes ELSE ? END WHERE id = ?")
    .run(outputLot.id, output, producedOn, ctx.now().toISOString(), input.notes, input.notes, po.id);

  allocateOutput(ctx, po, { id: outputLot.id, code: outputLot.code, expiresOn }, output!, producedOn);
  const consumed = inputLots
    .filter((c, i) => inputLots.findIndex((d) => d.lotId === c.lotId) === i)
    .map((c) => ({ lotId: c.lotId, lotCode: c.lot.code, itemId: c.lot.itemId, qtyMilli: perLot.get(c.lotId)! }))
    .sort((a, b) => a.itemId - b.itemId || (a.lotCode < b.lotCode ? -1 : a.lotCode > b.lotCode ? 1 : 0));
  return changeOf(po, 'completed', refreshServedOrders(ctx, po.id), {
    outputLot: { id: outputLot.id, code: outputLot.code, expiresOn },
    actualQtyMilli: output!,
    yieldVarianceBp: Math.round(((output! - po.plannedQtyMilli) * 10_000) / po.plannedQtyMilli),
    producedOn,
    consumed,
  });
};

/**
 * The finished lot goes to the linked order lines (earliest needed first), up to what each
 * still lacks. What a line already holds is looked up through its order (the reservations'
 * document index): by the line alone it was a scan of every reservation ever made.
 *
 * What reserveStock checks per line (the item's availability, the lot usable and free) is
 * checked here once and counted down line by line, the same refusals in the same order:
 * a batch serving ten lines no longer reads the item and the lot ten times.
 * (`= +?`: db/sql.ts says why.)
 */
function allocateOutput(ctx: Ctx, po: ProductionHead, lot: { id: number; code: string; expiresOn: string | null }, output: number, date: string): void {
  const links = ctx.sqlite
    .prepare(
      sql`SELECT k.order_line_id AS lineId, k.qty_milli AS linkQty, l.order_id AS orderId, l.item_id AS itemId, l.qty_milli - l.shipped_milli AS openQty,
              coalesce((SELECT sum(r.qty_milli) FROM reservations r WHERE r.doc_type = '${trusted(CUSTOMER_ORDER)}' AND r.doc_id = l.order_id AND r.doc_line_id = l.id AND r.qty_milli > 0), 0) AS allocated
       FROM production_links k JOIN order_lines l ON l.id = k.order_line_id JOIN customer_orders o ON o.id = l.order_id
       WHERE k.production_order_id = +? AND o.state = 'confirmed'
       ORDER BY coalesce(o.requested_on, o.ordered_on), o.id, l.position`.text,
    )
    .all(po.id) as { lineId: number; linkQty: number; orderId: number; itemId: number; openQty: number; allocated: number }[];
  let left = output;
  let itemFree: number | undefined;
  const item = { itemId: po.item.id, sku: po.item.sku, unit: po.item.unit };
  for (const k of links) {
    const take = Math.min(left, k.linkQty, k.openQty - k.allocated);
    if (take <= 0) continue;
    if (k.itemId !== po.item.id) {
      // a line of another item (never made so): the full checks
      reserveStock(ctx, { itemId: k.itemId, lotId: lot.id, qtyMilli: take, docType: CUSTOMER_ORDER, docId: k.orderId, docLineId: k.lineId, needDate: date });
      left -= take;
      continue;
    }
    itemFree ??= itemAvailableMilli(ctx, po.item.id, date);
    const why = lotUnusableReason({ lotId: lot.id, code: lot.code, status: 'released', expiresOn: lot.expiresOn, originDate: date, onHandMilli: output, reservedMilli: output - left }, date);
    if (why) throw new DomainError('LOT_NOT_RELEASED', `Lot ${lot.code} cannot be reserved: ${why}`, { lotId: lot.id, code: lot.code, reason: why });
    if (left < take) throw insufficient({ ...item, lotCode: lot.code }, take, Math.max(0, left));
    if (itemFree < take) throw insufficient(item, take, Math.max(0, itemFree));
    holdStock(ctx, { itemId: po.item.id, lotId: lot.id, qtyMilli: take, docType: CUSTOMER_ORDER, docId: k.orderId, docLineId: k.lineId });
    itemFree -= take;
    left -= take;
  }
}
