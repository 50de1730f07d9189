import { parseQuantity } from '../../../src-shared/domain/quantity';
import { parseUnitCostMicros } from '../../../src-shared/domain/money';
import { addDays, localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { assertLocation, defaultLocationId, postIntoNewLot, postMovement } from './ledger';
import { createStockDocument, STOCK_DOCUMENT } from './documents';
import { createLot, nextLotCodes } from './lotCreation';
import { loadLots } from './lotRows';
import { receiptLink, type LinkedReceiptLine } from './receiptLinks';

interface ItemFacts {
  id: number;
  sku: string;
  unit: 'g' | 'kg' | 'ml' | 'l' | 'pcs';
  shelfLifeDays: number | null;
  quarantineOnReceipt: number;
  archived: number;
  kind: string;
}

/**
 * Goods receipt (carico). Every line is checked before anything is written, so a receipt
 * with one bad line names that line and writes nothing.
 */
export const receive: Handler<'inventory.receive'> = (ctx, input) => {
  const receivedOn = input.receivedOn ?? localDate(ctx.now());
  if (input.supplierId !== null && !ctx.sqlite.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId)) {
    throw notFound('supplier', input.supplierId);
  }
  const locationId = input.locationId ?? defaultLocationId(ctx);
  assertLocation(ctx, locationId);
  const p = new FieldProblems();
  const itemStmt = ctx.sqlite.prepare(
    'SELECT id, sku, unit, shelf_life_days AS shelfLifeDays, quarantine_on_receipt AS quarantineOnReceipt, archived, kind FROM items WHERE id = ?',
  );
  const existingStmt = ctx.sqlite.prepare(
    `SELECT id, code FROM lots WHERE item_id = ? AND supplier_lot_code = ? AND supplier_id IS ? ORDER BY id LIMIT 1`,
  );
  const duplicates: { line: number; lotId: number; code: string; supplierLotCode: string }[] = [];
  const planned = input.lines.map((line, i) => {
    const item = itemStmt.get(line.itemId) as ItemFacts | undefined;
    if (!item) {
      p.add(['lines', i, 'itemId'], 'not_found', `Line ${i + 1}: no item with id ${line.itemId}`, { id: line.itemId, line: i + 1 });
      return null;
    }
    if (item.kind === 'service') {
      p.add(['lines', i, 'itemId'], 'item_is_service', `Line ${i + 1}: ${item.sku} is a service: it is never stocked`, { sku: item.sku, line: i + 1 });
      return null;
    }
    const qty = p.parse(['lines', i, 'quantity'], 'quantity', () => parseQuantity(line.quantity, item.unit), { unit: item.unit, line: i + 1 });
    if (qty !== null && qty <= 0) p.add(['lines', i, 'quantity'], 'positive', `Line ${i + 1}: the quantity must be more than zero`, { line: i + 1 });
    const cost = line.unitCost === null ? null : p.parse(['lines', i, 'unitCost'], 'money', () => parseUnitCostMicros(line.unitCost!), { line: i + 1 });
    if (cost !== null && cost < 0) p.add(['lines', i, 'unitCost'], 'negative', `Line ${i + 1}: the cost cannot be negative`, { line: i + 1 });
    const expiresOn = line.expiresOn ?? (item.shelfLifeDays !== null ? addDays(receivedOn, item.shelfLifeDays) : null);
    if (expiresOn !== null && expiresOn < receivedOn) {
      p.add(['lines', i, 'expiresOn'], 'expiry_before_receipt', `Line ${i + 1}: expiry ${expiresOn} is before the receipt date ${receivedOn}`, {
        line: i + 1,
        expiresOn,
        receivedOn,
      });
    }
    let sameLotId: number | null = null;
    if (line.supplierLotCode) {
      const existing = existingStmt.get(item.id, line.supplierLotCode, input.supplierId) as { id: number; code: string } | undefined;
      if (existing && line.existingLot === undefined) duplicates.push({ line: i, lotId: existing.id, code: existing.code, supplierLotCode: line.supplierLotCode });
      if (existing && line.existingLot === 'same') sameLotId = existing.id;
    }
    return { item, qty, cost, expiresOn, sameLotId, line };
  });
  const linked = linkedLines(planned);
  if (linked.length > 0) {
    const link = receiptLink();
    if (!link) linked.forEach((l) => p.add(['lines', l.index, 'purchaseOrderLineId'], 'not_found', `Line ${l.index + 1}: no purchase order line ${l.documentLineId}`));
    else p.issues.push(...link.check(ctx, { supplierId: input.supplierId, receivedOn }, linked));
  }
  p.throwIfAny('The receipt has invalid lines');
  if (duplicates.length > 0) {
    throw new DomainError('CONFLICT', 'A supplier lot code was already received for this item and supplier: choose the same lot or a new one', {
      issues: duplicates.map((d) => ({
        path: ['lines', d.line, 'supplierLotCode'],
        key: 'supplier_lot_exists',
        message: `Line ${d.line + 1}: supplier lot ${d.supplierLotCode} is already our lot ${d.code}`,
        params: { line: d.line + 1, code: d.code, supplierLotCode: d.supplierLotCode },
      })),
      duplicates,
    });
  }

  const documentId = createStockDocument(ctx, {
    kind: 'receipt',
    date: receivedOn,
    note: input.note,
    supplierId: input.supplierId,
    supplierDdtNumber: input.supplierDdtNumber,
    supplierDdtDate: input.supplierDdtDate,
  });
  // the new lots' codes taken together, in line order (one sequence step, not one per line)
  const newLots = planned.filter((pl) => pl!.sameLotId === null);
  const codes = nextLotCodes(ctx, receivedOn, newLots.map((pl) => pl!.item.sku));
  let nextCode = 0;
  const lotIds = planned.map((pl) => {
    const { item, qty, cost, expiresOn, sameLotId, line } = pl!;
    const movement = { locationId, kind: 'receipt' as const, qtyMilli: qty!, docType: STOCK_DOCUMENT, docId: documentId, date: receivedOn };
    if (sameLotId !== null) {
      postMovement(ctx, { ...movement, lotId: sameLotId });
      return sameLotId;
    }
    const lot = createLot(
      ctx,
      {
        itemId: item.id,
        sku: item.sku,
        origin: 'receipt',
        status: item.quarantineOnReceipt ? 'quarantine' : 'released',
        originDate: receivedOn,
        expiresOn,
        supplierId: input.supplierId,
        supplierLotCode: line.supplierLotCode,
        unitCostMicros: cost,
        docType: STOCK_DOCUMENT,
        docId: documentId,
        onHandMilli: qty!,
      },
      codes[nextCode++],
    );
    // a lot made a moment ago holding the receipt: the ledger need not read it back, nor write it again
    postIntoNewLot(ctx, { ...movement, lotId: lot.id }, { itemId: item.id, code: lot.code, onHand: 0, reserved: 0, sku: item.sku, unit: item.unit });
    return lot.id;
  });
  if (linked.length > 0) receiptLink()!.record(ctx, { documentId, supplierId: input.supplierId, receivedOn }, linked.map((l) => ({ ...l, lotId: lotIds[l.index]! })));
  return { documentId, lots: loadLots(ctx, lotIds) };
};

/** The lines that deliver a purchase order line and passed their own checks. */
function linkedLines(planned: ({ item: ItemFacts; qty: number | null; line: { purchaseOrderLineId?: number } } | null)[]): LinkedReceiptLine[] {
  const out: LinkedReceiptLine[] = [];
  planned.forEach((pl, index) => {
    if (pl?.line.purchaseOrderLineId !== undefined && pl.qty !== null && pl.qty > 0) {
      out.push({ index, documentLineId: pl.line.purchaseOrderLineId, itemId: pl.item.id, qtyMilli: pl.qty });
    }
  });
  return out;
}
