/**
 * The packing bench's scan rules. The case-label codes are made by the label encoder
 * itself (src-main/documents/labels/gs1.ts), so the test proves the bench reads what our
 * labels print — in the raw form a scanner sends and in the human-readable line.
 */
import { describe, expect, it } from 'vitest';
import { allPacked, matchScan, packedShipmentLines, packKey, readScan, type PackLine, type Packed } from '../../../src-shared/domain/packScan';
import { gs1FromScan, lotCodeFromScan } from '../../../src-shared/domain/lotScan';
import { caseElements, elementString, humanReadable } from '../../../src-main/documents/labels/gs1';

const SOAP_GTIN = '4006381333931';
const CREAM_GTIN = '96385074';
const OTHER_GTIN = '036000291452';

const soap: PackLine = {
  orderLineId: 11,
  item: { id: 1, sku: 'SAP', name: 'Sapone', gtin: SOAP_GTIN },
  readyMilli: 14_000,
  lots: [
    { lotId: 101, lotCode: 'L26001-1', qtyMilli: 10_000 },
    { lotId: 102, lotCode: 'L26002-1', qtyMilli: 4_000 },
  ],
  otherLotCodes: ['L26003-1'],
};
const cream: PackLine = {
  orderLineId: 12,
  item: { id: 2, sku: 'CRE', name: 'Crema', gtin: CREAM_GTIN },
  readyMilli: 2_000,
  lots: [{ lotId: 201, lotCode: 'C26001-1', qtyMilli: 2_000 }],
  otherLotCodes: [],
};
const candle: PackLine = {
  orderLineId: 13,
  item: { id: 3, sku: 'CAN', name: 'Candela', gtin: null },
  readyMilli: 3_000,
  lots: [{ lotId: 301, lotCode: 'K26001-1', qtyMilli: 3_000 }],
  otherLotCodes: ['K26009-1'],
};
const LINES = [soap, cream, candle];
const none: Packed = {};

function caseCode(gtin: string, lotCode: string, count: number, form: 'raw' | 'readable' = 'raw'): string {
  const elements = caseElements({ gtin, lotCode, date: '2027-03-31', dateKind: 'expiry', count })!;
  return form === 'raw' ? elementString(elements) : humanReadable(elements);
}

describe('packing scan: what counts', () => {
  it('a case label of the right item and an allocated lot counts the units in the case', () => {
    const v = matchScan(caseCode(SOAP_GTIN, 'L26001-1', 6), LINES, none);
    expect(v).toMatchObject({ ok: true, orderLineId: 11, lotId: 101, addMilli: 6000, lotImplied: false });
  });

  it('the human-readable line of the same label counts the same', () => {
    expect(matchScan(caseCode(SOAP_GTIN, 'L26002-1', 2, 'readable'), LINES, none)).toMatchObject({ ok: true, lotId: 102, addMilli: 2000 });
  });

  it('the lot code of an item without a GTIN counts one unit of that lot', () => {
    expect(matchScan('  K26001-1 ', LINES, none)).toMatchObject({ ok: true, orderLineId: 13, lotId: 301, addMilli: 1000 });
  });

  it('a product label (EAN only) counts one unit where the line has one allocated lot, saying the lot was implied', () => {
    expect(matchScan(CREAM_GTIN, LINES, none)).toMatchObject({ ok: true, orderLineId: 12, lotId: 201, addMilli: 1000, lotImplied: true });
  });

  it('a packed lot is full: the next scan of it is over-quantity even though the line has room on its other lot', () => {
    const packed = { [packKey(11, 102)]: 4000 };
    const v = matchScan('L26002-1', LINES, packed);
    expect(v).toMatchObject({ ok: false, problem: 'over', lotCode: 'L26002-1', leftMilli: 0 });
    expect(matchScan('L26001-1', LINES, packed)).toMatchObject({ ok: true, lotId: 101 });
  });
});

describe('packing scan: what is refused', () => {
  it('wrong lot: an item of the order but a lot not allocated, naming the expected lots', () => {
    const v = matchScan(caseCode(SOAP_GTIN, 'L26003-1', 6), LINES, none);
    expect(v).toEqual({ ok: false, problem: 'wrong_lot', scanned: caseCode(SOAP_GTIN, 'L26003-1', 6), item: soap.item, lotCode: 'L26003-1', expectedLots: ['L26001-1', 'L26002-1'] });
  });

  it('wrong lot by plain lot code of another lot of the same item', () => {
    expect(matchScan('K26009-1', LINES, none)).toMatchObject({ ok: false, problem: 'wrong_lot', item: candle.item, expectedLots: ['K26001-1'] });
  });

  it('wrong item: a GTIN not in the order', () => {
    expect(matchScan(caseCode(OTHER_GTIN, 'L26001-1', 6), LINES, none)).toMatchObject({ ok: false, problem: 'wrong_item', gtin: '00036000291452', lotCode: 'L26001-1' });
    expect(matchScan(OTHER_GTIN, LINES, none)).toMatchObject({ ok: false, problem: 'wrong_item', lotCode: null });
  });

  it('a case holding more than is left is refused whole, with what is left', () => {
    const packed = { [packKey(11, 101)]: 6000 };
    expect(matchScan(caseCode(SOAP_GTIN, 'L26001-1', 6), LINES, packed)).toMatchObject({ ok: false, problem: 'over', addMilli: 6000, leftMilli: 4000, readyMilli: 14_000 });
  });

  it('over-quantity on a line that is complete', () => {
    expect(matchScan(CREAM_GTIN, LINES, { [packKey(12, 201)]: 2000 })).toMatchObject({ ok: false, problem: 'over', leftMilli: 0 });
  });

  it('a product label (EAN only) of an item with two allocated lots asks for the lot instead of guessing', () => {
    expect(matchScan(SOAP_GTIN, LINES, none)).toMatchObject({ ok: false, problem: 'lot_missing', expectedLots: ['L26001-1', 'L26002-1'] });
  });

  it('an unknown code is refused as unknown', () => {
    expect(matchScan('HELLO-42', LINES, none)).toEqual({ ok: false, problem: 'unknown', scanned: 'HELLO-42' });
  });

  it('unparseable codes: bad check digit, broken GS1, unknown AI, a zero count, control characters, empty', () => {
    for (const raw of ['4006381333932', '(02)4006381333931(10', '020400638133393199ABC', '(02)04006381333931(37)0(10)L26001-1', 'L26\u0007001', '   ', '(01)12345678901234']) {
      expect(matchScan(raw, LINES, none), raw).toMatchObject({ ok: false, problem: 'unreadable' });
    }
  });
});

describe('packing scan: reading and totals', () => {
  it('reads the raw case label into GTIN, lot and count, and the lot stays what global search finds', () => {
    const raw = caseCode(SOAP_GTIN, 'L26001-1', 12);
    expect(readScan(raw)).toEqual({ kind: 'gs1', gtin: '04006381333931', lotCode: 'L26001-1', count: 12 });
    expect(gs1FromScan(`]C1${raw}`)).toEqual({ '02': '04006381333931', '17': '270331', '37': '12', '10': 'L26001-1' });
    expect(lotCodeFromScan(raw)).toBe('L26001-1');
  });

  it('all packed only when every line reaches its ready quantity; the shipment lines are what was packed', () => {
    const packed = { [packKey(11, 101)]: 10_000, [packKey(11, 102)]: 4000, [packKey(12, 201)]: 2000 };
    expect(allPacked(LINES, packed)).toBe(false);
    const full = { ...packed, [packKey(13, 301)]: 3000 };
    expect(allPacked(LINES, full)).toBe(true);
    expect(packedShipmentLines(LINES, packed)).toEqual([
      { orderLineId: 11, lotId: 101, qtyMilli: 10_000 },
      { orderLineId: 11, lotId: 102, qtyMilli: 4000 },
      { orderLineId: 12, lotId: 201, qtyMilli: 2000 },
    ]);
  });
});
