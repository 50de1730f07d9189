/**
 * The lot rows of an open batch on the floor: one per lot the release reserved (prefilled
 * with the reserved quantity), plus the substitutes the operator scanned and accepted.
 * Plain state transitions, so the page stays a view of them.
 */
import type { ProductionOrder } from '../../../src-shared/contract/production';
import type { FloorMaterial, FloorScanMatch } from '../../../src-shared/domain/floorScan';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import type { Unit } from '../../../src-shared/domain/units';

export interface FloorLotRow {
  key: string;
  itemId: number;
  lotId: number;
  lotCode: string;
  expiresOn: string | null;
  /** what the release reserved on this lot; null for a substitute */
  reservedMilli: number | null;
  /** the quantity actually used, as typed */
  quantity: string;
  ticked: boolean;
  /** a reserved lot whose quantity went to this substitute lot code */
  replacedBy: string | null;
}

type QtyInput = (milli: number, unit: Unit) => string;

export function initialRows(po: ProductionOrder, qtyInput: QtyInput): FloorLotRow[] {
  return po.components.flatMap((c) =>
    c.reservations.map((r) => ({
      key: `r${r.reservationId}`,
      itemId: c.item.id,
      lotId: r.lotId,
      lotCode: r.lotCode,
      expiresOn: r.expiresOn,
      reservedMilli: r.qtyMilli,
      quantity: qtyInput(r.qtyMilli, c.item.unit),
      ticked: false,
      replacedBy: null,
    })),
  );
}

/** The batch's materials as the scan check needs them. */
export function floorMaterials(po: ProductionOrder): FloorMaterial[] {
  return po.components.map((c) => ({ itemId: c.item.id, reservedLots: c.reservations.map((r) => ({ lotId: r.lotId, lotCode: r.lotCode })) }));
}

/** A scanned lot the batch already counts (reserved, or accepted as a substitute before). */
export function rowsOfLot(rows: readonly FloorLotRow[], lotId: number): FloorLotRow[] {
  return rows.filter((r) => r.lotId === lotId);
}

/** A reserved lot scanned: ticked, and back in use if a substitute had replaced it. */
export function tickLot(rows: readonly FloorLotRow[], lotId: number, qtyInput: (milli: number) => string): FloorLotRow[] {
  return rows.map((r) => (r.lotId !== lotId ? r : { ...r, ticked: true, ...(r.replacedBy !== null && r.reservedMilli !== null ? { replacedBy: null, quantity: qtyInput(r.reservedMilli) } : {}) }));
}

/** The reserved lot a substitute of this material would replace: the first one not ticked and not replaced yet. */
export function replaceable(rows: readonly FloorLotRow[], itemId: number): FloorLotRow | null {
  return rows.find((r) => r.itemId === itemId && r.reservedMilli !== null && !r.ticked && r.replacedBy === null) ?? null;
}

/**
 * Accepting a substitute: it takes the quantity of the reserved lot it replaces (that row
 * then counts nothing); with nothing left to replace it is added empty, to be typed.
 */
export function addSubstitute(rows: readonly FloorLotRow[], match: Extract<FloorScanMatch, { kind: 'substitute' }>, expiresOn: string | null): FloorLotRow[] {
  const replaced = replaceable(rows, match.itemId);
  const sub: FloorLotRow = {
    key: `s${match.lotId}`,
    itemId: match.itemId,
    lotId: match.lotId,
    lotCode: match.lotCode,
    expiresOn,
    reservedMilli: null,
    quantity: replaced ? replaced.quantity : '',
    ticked: true,
    replacedBy: null,
  };
  const out = rows.map((r) => (replaced && r.key === replaced.key ? { ...r, replacedBy: match.lotCode, quantity: '' } : r));
  const last = out.map((r) => r.itemId).lastIndexOf(match.itemId);
  out.splice(last + 1, 0, sub);
  return out;
}

/** Taking a substitute away gives its reserved lot back its quantity. */
export function removeSubstitute(rows: readonly FloorLotRow[], key: string, qtyInput: (milli: number) => string): FloorLotRow[] {
  const sub = rows.find((r) => r.key === key);
  if (!sub) return [...rows];
  return rows
    .filter((r) => r.key !== key)
    .map((r) => (r.replacedBy === sub.lotCode && r.itemId === sub.itemId && r.reservedMilli !== null ? { ...r, replacedBy: null, quantity: qtyInput(r.reservedMilli) } : r));
}

/** A quantity typed as zero or left empty on a reserved lot means "not used". */
function isNothing(text: string, unit: Unit): boolean {
  if (text.trim() === '') return true;
  try {
    return parseQuantity(text, unit) === 0;
  } catch {
    return false;
  }
}

/** The rows production.complete is sent, in order: every lot used (replaced or emptied reserved lots left out). */
export function usedRows(rows: readonly FloorLotRow[], unitOf: (itemId: number) => Unit): FloorLotRow[] {
  return rows.filter((r) => r.replacedBy === null && !(r.reservedMilli !== null && isNothing(r.quantity, unitOf(r.itemId))));
}
