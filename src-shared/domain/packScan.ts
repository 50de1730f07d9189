/**
 * The packing bench: what one scan means against the lines of the order being packed.
 * Pure, so the rules are tested alone and the screen only shows the verdict.
 *
 * What our labels carry (src-main/modules/labels/build.ts):
 * - case label of an item with a GTIN: GS1-128 (02) GTIN of the units, (17)/(15) date,
 *   (37) units in the case, (10) lot → item, lot and count are all checked;
 * - product label of an item with a GTIN: EAN-13/EAN-8 of the GTIN only → the item is
 *   known but not the lot, so it counts only where the line has one allocated lot;
 * - labels of items without a GTIN: Code 128 of the lot code → the lot names the item.
 * Nothing is counted on a refusal: the screen shows what was scanned and what was expected.
 */
import { isValidGtin, normalizeGtin14 } from './gtin';
import { gs1FromScan } from './lotScan';

export interface PackLot {
  lotId: number;
  lotCode: string;
  /** what the allocation sends of this lot on this line */
  qtyMilli: number;
}

export interface PackLine {
  orderLineId: number;
  item: { id: number; sku: string; name: string; gtin: string | null };
  /** what can ship now on this line (allocated, still open) */
  readyMilli: number;
  /** the allocated lots */
  lots: readonly PackLot[];
  /** codes of other lots of the same item in stock: scanning one is a wrong lot, not an unknown code */
  otherLotCodes: readonly string[];
}

/** Packed thousandths by line and lot: key `${orderLineId}:${lotId}`. */
export type Packed = Readonly<Record<string, number>>;

export const packKey = (orderLineId: number, lotId: number) => `${orderLineId}:${lotId}`;

/** What the scanned text says, before looking at the order. */
export type ScannedCode =
  | { kind: 'gs1'; gtin: string | null; lotCode: string | null; count: number | null }
  | { kind: 'gtin'; gtin: string }
  | { kind: 'text'; code: string }
  | { kind: 'unreadable' };

export function readScan(raw: string): ScannedCode {
  const text = raw.trim();
  if (text === '' || text.length > 200 || /[\u0000-\u001c\u001e\u001f]/.test(text)) return { kind: 'unreadable' };
  const gs1 = gs1FromScan(text);
  if (gs1) {
    const gtin = gs1['02'] ?? gs1['01'] ?? null;
    if (gtin !== null && !isValidGtin(gtin)) return { kind: 'unreadable' };
    const countText = gs1['37'];
    const count = countText === undefined ? null : Number(countText);
    if (count !== null && !(Number.isInteger(count) && count >= 1 && /^\d{1,8}$/.test(countText!))) return { kind: 'unreadable' };
    const lotCode = gs1['10'] || null;
    if (gtin === null && lotCode === null) return { kind: 'unreadable' };
    return { kind: 'gs1', gtin, lotCode, count };
  }
  // a GS1-looking start that did not parse, or stray parentheses: a misread, not a lot code
  if (text.startsWith('(') || text.startsWith(']C1') || /^(00|01|02)\d{14}./.test(text)) return { kind: 'unreadable' };
  if (/^\d{8}$|^\d{12,14}$/.test(text)) return isValidGtin(text) ? { kind: 'gtin', gtin: text } : { kind: 'unreadable' };
  return { kind: 'text', code: text };
}

export type ScanVerdict =
  | { ok: true; orderLineId: number; lotId: number; lotCode: string; item: PackLine['item']; addMilli: number; lotImplied: boolean }
  | { ok: false; problem: 'unreadable'; scanned: string }
  | { ok: false; problem: 'unknown'; scanned: string }
  | { ok: false; problem: 'wrong_item'; scanned: string; gtin: string | null; lotCode: string | null }
  | { ok: false; problem: 'wrong_lot'; scanned: string; item: PackLine['item']; lotCode: string; expectedLots: string[] }
  | { ok: false; problem: 'lot_missing'; scanned: string; item: PackLine['item']; expectedLots: string[] }
  | { ok: false; problem: 'over'; scanned: string; item: PackLine['item']; lotCode: string; addMilli: number; leftMilli: number; readyMilli: number };

const sameGtin = (a: string | null, b: string) => a !== null && normalizeGtin14(a) === normalizeGtin14(b);

/** What may still go on a line from a lot: the lot's allocation and the line's ready quantity, less what is packed. */
export function roomFor(line: PackLine, lot: PackLot, packed: Packed): number {
  const onLine = line.lots.reduce((s, l) => s + (packed[packKey(line.orderLineId, l.lotId)] ?? 0), 0);
  return Math.max(0, Math.min(lot.qtyMilli - (packed[packKey(line.orderLineId, lot.lotId)] ?? 0), line.readyMilli - onLine));
}

function expectedLots(lines: readonly PackLine[]): string[] {
  return [...new Set(lines.flatMap((l) => l.lots.map((x) => x.lotCode)))];
}

/**
 * Lines that carry `lotCode` among their allocations get `units` of it, on the first with
 * room; none with room → over-quantity (naming what is left, so the packer sees why).
 */
function countOn(scanned: string, lines: readonly PackLine[], lotCode: string, units: number, packed: Packed, lotImplied: boolean): ScanVerdict {
  const addMilli = units * 1000;
  let left = 0;
  let first: PackLine | null = null;
  for (const line of lines) {
    const lot = line.lots.find((l) => l.lotCode === lotCode);
    if (!lot) continue;
    first ??= line;
    const room = roomFor(line, lot, packed);
    if (room >= addMilli) return { ok: true, orderLineId: line.orderLineId, lotId: lot.lotId, lotCode, item: line.item, addMilli, lotImplied };
    left += room;
  }
  return { ok: false, problem: 'over', scanned, item: first!.item, lotCode, addMilli, leftMilli: left, readyMilli: first!.readyMilli };
}

/** The verdict on one scan: counted on a line and lot, or refused with the reason. */
export function matchScan(raw: string, lines: readonly PackLine[], packed: Packed): ScanVerdict {
  const scanned = raw.trim();
  const code = readScan(raw);
  if (code.kind === 'unreadable') return { ok: false, problem: 'unreadable', scanned };

  if (code.kind === 'text' || (code.kind === 'gs1' && code.gtin === null)) {
    const lotCode = code.kind === 'text' ? code.code : code.lotCode!;
    const units = code.kind === 'gs1' ? (code.count ?? 1) : 1;
    const holding = lines.filter((l) => l.lots.some((x) => x.lotCode === lotCode));
    if (holding.length > 0) return countOn(scanned, holding, lotCode, units, packed, false);
    const ofItem = lines.filter((l) => l.otherLotCodes.includes(lotCode));
    if (ofItem.length > 0) return { ok: false, problem: 'wrong_lot', scanned, item: ofItem[0]!.item, lotCode, expectedLots: expectedLots(ofItem) };
    return { ok: false, problem: 'unknown', scanned };
  }

  const gtin = code.gtin!; // a GS1 code without a GTIN was handled as a lot code above
  const ofItem = lines.filter((l) => sameGtin(l.item.gtin, gtin));
  if (ofItem.length === 0) return { ok: false, problem: 'wrong_item', scanned, gtin, lotCode: code.kind === 'gs1' ? code.lotCode : null };

  if (code.kind === 'gs1' && code.lotCode !== null) {
    const holding = ofItem.filter((l) => l.lots.some((x) => x.lotCode === code.lotCode));
    if (holding.length === 0) return { ok: false, problem: 'wrong_lot', scanned, item: ofItem[0]!.item, lotCode: code.lotCode, expectedLots: expectedLots(ofItem) };
    return countOn(scanned, holding, code.lotCode, code.count ?? 1, packed, false);
  }

  // a product label: the item without its lot — only one allocated lot leaves no doubt
  const lots = expectedLots(ofItem);
  if (lots.length !== 1) return { ok: false, problem: 'lot_missing', scanned, item: ofItem[0]!.item, expectedLots: lots };
  return countOn(scanned, ofItem, lots[0]!, code.kind === 'gs1' ? (code.count ?? 1) : 1, packed, true);
}

/** Packed and ready totals per line, for the progress and the "all packed" check. */
export function lineProgress(line: PackLine, packed: Packed): { packedMilli: number; readyMilli: number } {
  return { packedMilli: line.lots.reduce((s, l) => s + (packed[packKey(line.orderLineId, l.lotId)] ?? 0), 0), readyMilli: line.readyMilli };
}

export function allPacked(lines: readonly PackLine[], packed: Packed): boolean {
  return lines.length > 0 && lines.every((l) => lineProgress(l, packed).packedMilli >= l.readyMilli);
}

/** The shipment lines of what was packed: one per line and lot with something on it. */
export function packedShipmentLines(lines: readonly PackLine[], packed: Packed): { orderLineId: number; lotId: number; qtyMilli: number }[] {
  return lines.flatMap((line) =>
    line.lots.flatMap((lot) => {
      const q = packed[packKey(line.orderLineId, lot.lotId)] ?? 0;
      return q > 0 ? [{ orderLineId: line.orderLineId, lotId: lot.lotId, qtyMilli: q }] : [];
    }),
  );
}
