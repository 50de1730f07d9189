import { localDate } from '../../../src-shared/domain/dates';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { netWeightG } from '../../../src-shared/domain/shipmentWeight';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { FieldProblems } from '../fieldParsing';
import { defaultLocationId, postMovement } from '../inventory/ledger';
import { changeLotStatus } from '../inventory/lotStatus';
import { companyForDdt, companyParty, issueDdt, localDateTimeOf } from './ddtSnapshot';
import { assertConfirmed } from './confirm';
import { moveOutOfLot } from './confirm';
import { parseWeightG } from './draft';
import { loadReturns, loadShipment, SHIPMENT_RETURN } from './shipmentRows';
import { scheduleDdtCopy } from './savedCopies';
import { sql } from '../../db/sql';

/**
 * A return (reso) against lines of a confirmed shipment. The goods come back into the
 * very lot they left from (the forward trace depends on it); then they stay released,
 * the lot goes to quarantine, or they are scrapped from it. When the factory collects
 * them, a return DDT (causale "reso") is issued with the next number of the year.
 */
export const createReturn: Handler<'shipping.createReturn'> = (ctx, input) => {
  assertConfirmed(ctx, input.shipmentId);
  const s = loadShipment(ctx, input.shipmentId);
  const date = input.date ?? localDate(ctx.now());
  const p = new FieldProblems();
  const already = new Map(s.lines.map((l) => [l.id, l.returnedMilli]));
  const parsed = input.lines.map((r, i) => {
    const line = s.lines.find((l) => l.id === r.shipmentLineId);
    if (!line) {
      p.add(['lines', i, 'shipmentLineId'], 'not_in_shipment', `Line ${r.shipmentLineId} is not a line of this shipment`);
      return null;
    }
    const qty = p.parse(['lines', i, 'quantity'], 'quantity', () => parseQuantity(r.quantity, line.item.unit), { unit: line.item.unit });
    if (qty === null) return null;
    if (qty <= 0) {
      p.add(['lines', i, 'quantity'], 'positive', 'The quantity must be more than zero');
      return null;
    }
    const returned = already.get(line.id)! + qty;
    already.set(line.id, returned);
    if (returned > line.qtyMilli) {
      const left = line.qtyMilli - (returned - qty);
      p.add(['lines', i, 'quantity'], 'more_than_shipped', `${line.item.sku} lot ${line.lot.code}: ${left / 1000} ${line.item.unit} can still come back`, {
        sku: line.item.sku,
        code: line.lot.code,
        unit: line.item.unit,
        leftMilli: left,
        left: left / 1000,
      });
    }
    return { line, qtyMilli: qty, disposition: r.disposition };
  });
  const grossTyped = parseWeightG(p, ['grossWeight'], input.grossWeight);
  const goods = parsed.filter((x): x is NonNullable<typeof x> => x !== null);
  const gross = grossTyped ?? netWeightG(goods.map((g) => ({ qtyMilli: g.qtyMilli, netWeightMg: g.line.item.netWeightMg })));
  if (input.collected) {
    if (input.packageCount === undefined) p.add(['packageCount'], 'packages_missing', 'Give the packages (colli) the goods travel in');
    if (gross === null || gross <= 0) p.add(['grossWeight'], 'weight_missing', 'Give the gross weight: some items have no weight in the catalog');
  }
  p.throwIfAny('The return has problems');
  const company = input.collected ? companyForDdt(ctx) : null;

  const stamp = ctx.now().toISOString();
  const returnId = Number(
    ctx.sqlite
      .prepare('INSERT INTO shipment_returns (shipment_id, date, reason, collected, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(s.id, date, input.reason, input.collected ? 1 : 0, stamp).lastInsertRowid,
  );
  const addLine = ctx.sqlite.prepare('INSERT INTO shipment_return_lines (return_id, shipment_line_id, lot_id, qty_milli, disposition) VALUES (?, ?, ?, ?, ?)');
  const home = defaultLocationId(ctx);
  for (const g of goods) {
    addLine.run(returnId, g.line.id, g.line.lot.id, g.qtyMilli, g.disposition);
    postMovement(ctx, { lotId: g.line.lot.id, locationId: home, kind: 'return', qtyMilli: g.qtyMilli, docType: SHIPMENT_RETURN, docId: returnId, date, reason: input.reason });
    if (g.disposition === 'scrap') moveOutOfLot(ctx, g.line.lot.id, g.qtyMilli, 'scrap', SHIPMENT_RETURN, returnId, date, input.reason);
    if (g.disposition === 'quarantine') quarantine(ctx, g.line.lot.id, input.reason);
  }
  if (company) {
    const ddtId = issueDdt(ctx, 'return', s.id, returnId, localDate(ctx.now()), () => ({
      kind: 'return',
      language: s.customer.language,
      company,
      // the goods travel from the customer's place back to us
      sender: { ...s.destination, vatNumber: s.customer.vatNumber },
      recipient: companyParty(company),
      destination: null,
      causale: 'reso',
      transportBy: 'recipient',
      carrier: null,
      carrierService: null,
      trackingNumber: null,
      transportStart: input.transportStart ?? localDateTimeOf(ctx.now()),
      packageCount: input.packageCount!,
      appearance: input.appearance,
      grossWeightG: gross!,
      lines: goods.map((g) => ({ sku: g.line.item.sku, name: g.line.item.name, gtin: g.line.item.gtin, unit: g.line.item.unit, qtyMilli: g.qtyMilli, lotCode: g.line.lot.code, expiresOn: g.line.lot.expiresOn, orderNumber: g.line.orderNumber })),
      orderNumbers: [...new Set(goods.map((g) => g.line.orderNumber))],
      notes: input.reason,
      originalDdt: s.ddt?.number ?? null,
    }));
    ctx.sqlite.prepare('UPDATE shipment_returns SET ddt_id = ? WHERE id = ?').run(ddtId, returnId);
    scheduleDdtCopy(ctx, ddtId);
  }
  return loadReturns(ctx, sql`r.id = ?`, returnId)[0]!;
};

/** Returned goods to be inspected put their lot back in quarantine (a lot has one status). */
function quarantine(ctx: Ctx, lotId: number, reason: string): void {
  const status = (ctx.sqlite.prepare('SELECT status FROM lots WHERE id = ?').get(lotId) as { status: string }).status;
  if (status === 'released') changeLotStatus(ctx, lotId, ['released'], 'quarantine', `Reso: ${reason}`, 'shipping');
}
