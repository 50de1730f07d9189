import { describe, expect, it } from 'vitest';
import { addSubstitute, removeSubstitute, tickLot, usedRows, type FloorLotRow } from '../../../src-renderer/screens/floor/floorRows';
import { floorOrder } from '../../../src-renderer/screens/floor/floorOrder';

const WAX = 10;
const WICK = 11;
const qty = (milli: number) => `${milli / 1000} kg`;
const row = (key: string, itemId: number, lotId: number, lotCode: string, reservedMilli: number | null): FloorLotRow => ({
  key,
  itemId,
  lotId,
  lotCode,
  expiresOn: null,
  reservedMilli,
  quantity: reservedMilli === null ? '' : qty(reservedMilli),
  ticked: false,
  replacedBy: null,
});
const rows = [row('r1', WAX, 100, 'L-A', 2000), row('r2', WAX, 101, 'L-B', 8000), row('r3', WICK, 200, 'L-W', 48_000)];
const unitOf = () => 'kg' as const;
const sub = { kind: 'substitute' as const, itemId: WAX, lotId: 102, lotCode: 'L-S', availableMilli: 5000 };

describe('the lot rows of a batch on the floor', () => {
  it('a substitute takes the quantity of the first reserved lot of its material not ticked yet, which then counts nothing', () => {
    const out = addSubstitute(tickLot(rows, 100, qty), sub, '2030-01-31');
    expect(out.map((r) => r.key)).toEqual(['r1', 'r2', 's102', 'r3']);
    expect(out.find((r) => r.key === 'r2')).toMatchObject({ replacedBy: 'L-S', quantity: '' });
    expect(out.find((r) => r.key === 's102')).toMatchObject({ quantity: '8 kg', ticked: true, reservedMilli: null, expiresOn: '2030-01-31' });
    expect(usedRows(out, unitOf).map((r) => [r.lotCode, r.quantity])).toEqual([
      ['L-A', '2 kg'],
      ['L-S', '8 kg'],
      ['L-W', '48 kg'],
    ]);
  });

  it('with every reserved lot of the material ticked, a substitute comes in empty (to be typed) and replaces none', () => {
    const out = addSubstitute(tickLot(tickLot(rows, 100, qty), 101, qty), sub, null);
    expect(out.filter((r) => r.replacedBy !== null)).toEqual([]);
    expect(out.find((r) => r.key === 's102')?.quantity).toBe('');
  });

  it('removing the substitute gives the replaced lot its reserved quantity back', () => {
    const out = removeSubstitute(addSubstitute(rows, sub, null), 's102', qty);
    expect(out).toEqual(rows);
  });

  it('scanning a replaced reserved lot puts it back in use, ticked, with its quantity', () => {
    const out = tickLot(addSubstitute(rows, sub, null), 100, qty);
    expect(out.find((r) => r.key === 'r1')).toMatchObject({ ticked: true, replacedBy: null, quantity: '2 kg' });
  });

  it('a reserved lot set to zero or emptied is left out of the consumption; a substitute is sent with what was typed on the lot it replaced', () => {
    const edited = addSubstitute(
      rows.map((r) => (r.key === 'r1' ? { ...r, quantity: '0' } : r.key === 'r3' ? { ...r, quantity: ' ' } : r)),
      { ...sub, lotId: 103, lotCode: 'L-T' },
      null,
    );
    // the substitute replaced the first reserved lot not ticked, L-A, and took its typed "0" (the server refuses it on that row)
    expect(usedRows(edited, unitOf).map((r) => [r.lotCode, r.quantity])).toEqual([
      ['L-B', '8 kg'],
      ['L-T', '0'],
    ]);
  });
});

describe('the order of the floor list', () => {
  it('in progress, then released, then planned, each by day and number; completed left out, duplicates once', () => {
    const b = (id: number, status: 'planned' | 'released' | 'in_progress' | 'completed', plannedOn: string) => ({ id, number: `P${id}`, status, plannedOn });
    const out = floorOrder([b(1, 'planned', '2026-12-05'), b(2, 'released', '2026-12-06'), b(3, 'in_progress', '2026-12-07'), b(4, 'planned', '2026-12-02'), b(5, 'completed', '2026-12-05'), b(2, 'released', '2026-12-06')]);
    expect(out.map((r) => r.id)).toEqual([3, 2, 4, 1]);
  });
});
