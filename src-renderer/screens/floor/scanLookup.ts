/**
 * From a scan to what it means for the open batch: read the code out of the label, find
 * the lot (inventory.findLots: our code or the supplier's), then the pure rules of
 * src-shared/domain/floorScan.ts decide.
 */
import type { Lot } from '../../../src-shared/contract/inventory';
import { matchFloorScan, readFloorScan, type FloorMaterial, type FloorScanMatch } from '../../../src-shared/domain/floorScan';
import { call } from '../../api/client';

export type ScanResult = { kind: 'empty' } | { kind: 'no_lot'; text: string } | { match: FloorScanMatch; lot: Lot | null; kind: 'match' };

function names(lot: Lot, code: string): boolean {
  const up = code.toUpperCase();
  return lot.code.toUpperCase() === up || lot.supplierLotCode?.toUpperCase() === up;
}

/** The lots a code may name; findLots compares as written, so a code typed in lower case is asked again in upper case. */
async function lotsNamed(code: string): Promise<Lot[]> {
  const { lots } = await call('inventory.findLots', { q: code, limit: 20 });
  if (lots.some((l) => names(l, code)) || code.toUpperCase() === code) return lots;
  return (await call('inventory.findLots', { q: code.toUpperCase(), limit: 20 })).lots;
}

export async function lookUpScan(raw: string, materials: readonly FloorMaterial[]): Promise<ScanResult> {
  const read = readFloorScan(raw);
  if (read.kind !== 'lot') return read;
  const lots = await lotsNamed(read.code);
  const match = matchFloorScan(read.code, materials, lots);
  const lot = match.kind === 'unknown' ? null : (lots.find((l) => l.code === match.lotCode) ?? null);
  return { kind: 'match', match, lot };
}
