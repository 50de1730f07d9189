/**
 * The production floor's scan check: a lot label scanned while a batch is open is matched
 * against what the release reserved for that batch. Pure: the screen reads the code out of
 * the scan (readFloorScan), looks the lot up (inventory.findLots), and asks matchFloorScan
 * what the scan means. Nothing is recorded for a refusal; production.complete takes any
 * released, in-date lot of a recipe material with free stock, so a lot of the right
 * material that was not reserved is offered as a substitute instead of being refused.
 */
import { isValidGtin } from './gtin';
import { lotCodeFromScan } from './lotScan';

/** A material of the batch and the lots its release reserved. */
export interface FloorMaterial {
  itemId: number;
  reservedLots: readonly { lotId: number; lotCode: string }[];
}

/** What the screen knows of a lot found by the scanned code (a subset of the contract's lot). */
export interface FloorLotFacts {
  id: number;
  code: string;
  supplierLotCode: string | null;
  item: { id: number; sku: string; name: string };
  status: 'quarantine' | 'released' | 'blocked' | 'recalled';
  /** past its expiry by the workshop's clock */
  expired: boolean;
  /** released, in date, less what is reserved */
  availableMilli: number;
}

export type FloorScanRead =
  | { kind: 'empty' }
  /** a product barcode (EAN/GTIN) or a GS1 line without (10): no lot in it */
  | { kind: 'no_lot'; text: string }
  | { kind: 'lot'; code: string };

export type UnusableReason = 'quarantine' | 'blocked' | 'recalled' | 'expired' | 'no_free_stock';

export type FloorScanMatch =
  /** one of the lots reserved for this batch: tick it */
  | { kind: 'reserved'; itemId: number; lotId: number; lotCode: string }
  /** not reserved, but a usable lot of a material of the batch: may replace a reserved one */
  | { kind: 'substitute'; itemId: number; lotId: number; lotCode: string; availableMilli: number }
  /** a lot of a material of the batch that cannot be used now */
  | { kind: 'unusable'; itemId: number; lotId: number; lotCode: string; reason: UnusableReason }
  /** a lot of an item the batch does not use */
  | { kind: 'wrong_material'; lotCode: string; sku: string; itemName: string }
  /** no lot has this code */
  | { kind: 'unknown'; code: string };

/** What a scanned (or typed) text holds: our lot code, nothing, or a barcode without a lot. */
export function readFloorScan(raw: string): FloorScanRead {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const code = lotCodeFromScan(text);
  // lotCodeFromScan hands back the text when it found no (10): a bare GTIN or a GS1 line is no lot code
  if (code === text && (isValidGtin(text) || /^\(\d{2,4}\)/.test(text) || /^\][A-Za-z]\d/.test(text) || /^(00|01|02)\d{14}/.test(text))) return { kind: 'no_lot', text };
  if (code === '') return { kind: 'no_lot', text };
  return { kind: 'lot', code };
}

function sameCode(a: string | null, b: string): boolean {
  return a !== null && a.toUpperCase() === b.toUpperCase();
}

/**
 * The lot a code names among the lots found: our own code first (unique), else the
 * supplier's lot code — which two suppliers may share, so a lot of this batch wins.
 */
function pickLot(code: string, materials: readonly FloorMaterial[], found: readonly FloorLotFacts[]): FloorLotFacts | null {
  const own = found.find((l) => sameCode(l.code, code));
  if (own) return own;
  const bySupplier = found.filter((l) => sameCode(l.supplierLotCode, code));
  const reserved = new Set(materials.flatMap((m) => m.reservedLots.map((r) => r.lotId)));
  const used = new Set(materials.map((m) => m.itemId));
  return bySupplier.find((l) => reserved.has(l.id)) ?? bySupplier.find((l) => used.has(l.item.id)) ?? bySupplier[0] ?? null;
}

export function unusableReason(lot: FloorLotFacts): UnusableReason | null {
  if (lot.status !== 'released') return lot.status;
  if (lot.expired) return 'expired';
  if (lot.availableMilli <= 0) return 'no_free_stock';
  return null;
}

/** What a scanned lot code means for the batch whose materials are given. */
export function matchFloorScan(code: string, materials: readonly FloorMaterial[], found: readonly FloorLotFacts[]): FloorScanMatch {
  const lot = pickLot(code, materials, found);
  if (!lot) return { kind: 'unknown', code };
  const material = materials.find((m) => m.itemId === lot.item.id);
  if (!material) return { kind: 'wrong_material', lotCode: lot.code, sku: lot.item.sku, itemName: lot.item.name };
  // a reserved lot is already held for this batch: its own reservation makes it usable
  if (material.reservedLots.some((r) => r.lotId === lot.id)) return { kind: 'reserved', itemId: lot.item.id, lotId: lot.id, lotCode: lot.code };
  const why = unusableReason(lot);
  if (why) return { kind: 'unusable', itemId: lot.item.id, lotId: lot.id, lotCode: lot.code, reason: why };
  return { kind: 'substitute', itemId: lot.item.id, lotId: lot.id, lotCode: lot.code, availableMilli: lot.availableMilli };
}
