import { describe, expect, it } from 'vitest';
import { matchFloorScan, readFloorScan, type FloorLotFacts, type FloorMaterial } from '../../../src-shared/domain/floorScan';

// a candle batch: wax reserved on two lots, wicks on one
const WAX = 10;
const WICK = 11;
const materials: FloorMaterial[] = [
  { itemId: WAX, reservedLots: [{ lotId: 100, lotCode: 'L26250-3' }, { lotId: 101, lotCode: 'L26250-7' }] },
  { itemId: WICK, reservedLots: [{ lotId: 200, lotCode: 'L25340-13' }] },
];

function lot(id: number, code: string, itemId: number, over: Partial<FloorLotFacts> = {}): FloorLotFacts {
  const names: Record<number, [string, string]> = { [WAX]: ['MP-CERA', 'Cera di soia'], [WICK]: ['MP-STOPPINO', 'Stoppino'], 12: ['MP-OLIO', 'Olio di oliva'] };
  const [sku, name] = names[itemId] ?? ['X', 'X'];
  return { id, code, supplierLotCode: null, item: { id: itemId, sku, name }, status: 'released', expired: false, availableMilli: 5000, ...over };
}

describe('readFloorScan: what a scanned text holds', () => {
  it('reads our plain lot code, trimmed', () => {
    expect(readFloorScan('  L26250-7 ')).toEqual({ kind: 'lot', code: 'L26250-7' });
  });

  it('reads the lot out of a GS1-128 case label, printed or raw (GS separator, symbology prefix)', () => {
    expect(readFloorScan('(02)08012345678907(17)270331(37)12(10)L26250-7')).toEqual({ kind: 'lot', code: 'L26250-7' });
    expect(readFloorScan(']C10208012345678907172703313712\u001d10L26250-7')).toEqual({ kind: 'lot', code: 'L26250-7' });
  });

  it('says there is no lot in a product EAN-13, a GS1 line without (10), or raw GS1 data without it', () => {
    expect(readFloorScan('8012345678907')).toEqual({ kind: 'no_lot', text: '8012345678907' });
    expect(readFloorScan('(01)08012345678907(17)270331')).toEqual({ kind: 'no_lot', text: '(01)08012345678907(17)270331' });
    expect(readFloorScan('0108012345678907172703')).toEqual({ kind: 'no_lot', text: '0108012345678907172703' });
  });

  it('answers empty for blanks (an Enter alone)', () => {
    expect(readFloorScan('   ')).toEqual({ kind: 'empty' });
  });
});

describe('matchFloorScan: a scanned lot against the release', () => {
  it('ticks a lot reserved for the batch, found by our code in any case', () => {
    expect(matchFloorScan('l26250-7', materials, [lot(101, 'L26250-7', WAX)])).toEqual({ kind: 'reserved', itemId: WAX, lotId: 101, lotCode: 'L26250-7' });
  });

  it('ticks a reserved lot even when its free stock is nil (the batch holds it)', () => {
    expect(matchFloorScan('L25340-13', materials, [lot(200, 'L25340-13', WICK, { availableMilli: 0 })]).kind).toBe('reserved');
  });

  it('offers an unreserved usable lot of the right material as a substitute, with what is free', () => {
    expect(matchFloorScan('L26301-2', materials, [lot(102, 'L26301-2', WAX, { availableMilli: 7500 })])).toEqual({
      kind: 'substitute',
      itemId: WAX,
      lotId: 102,
      lotCode: 'L26301-2',
      availableMilli: 7500,
    });
  });

  it('refuses an unreserved lot of the right material that cannot be used, saying why', () => {
    expect(matchFloorScan('L1', materials, [lot(103, 'L1', WAX, { status: 'quarantine' })])).toMatchObject({ kind: 'unusable', reason: 'quarantine', lotId: 103 });
    expect(matchFloorScan('L2', materials, [lot(104, 'L2', WAX, { expired: true })])).toMatchObject({ kind: 'unusable', reason: 'expired' });
    expect(matchFloorScan('L3', materials, [lot(105, 'L3', WAX, { availableMilli: 0 })])).toMatchObject({ kind: 'unusable', reason: 'no_free_stock' });
  });

  it('refuses a lot of a material the batch does not use, naming it', () => {
    expect(matchFloorScan('L26100-1', materials, [lot(300, 'L26100-1', 12)])).toEqual({ kind: 'wrong_material', lotCode: 'L26100-1', sku: 'MP-OLIO', itemName: 'Olio di oliva' });
  });

  it('says unknown when no lot found has the code (a prefix match is not the lot)', () => {
    expect(matchFloorScan('L2625', materials, [])).toEqual({ kind: 'unknown', code: 'L2625' });
    expect(matchFloorScan('L2625', materials, [lot(101, 'L26250-7', WAX)])).toEqual({ kind: 'unknown', code: 'L2625' });
  });

  it('takes a supplier lot code, preferring the lot of this batch when two suppliers share it', () => {
    const other = lot(300, 'L26100-1', 12, { supplierLotCode: 'SOIA-77' });
    const ours = lot(101, 'L26250-7', WAX, { supplierLotCode: 'SOIA-77' });
    expect(matchFloorScan('soia-77', materials, [other, ours])).toMatchObject({ kind: 'reserved', lotId: 101 });
    expect(matchFloorScan('SOIA-77', materials, [other])).toMatchObject({ kind: 'wrong_material', sku: 'MP-OLIO' });
  });
});
