/** The receipt form's state and how it becomes the contract's input. */
import type { PickedItem } from '../../components/ItemPicker';
import type { In } from '../../api/hooks';
import { parseTypedDate } from './dates';
import type { PickedSupplier } from './SupplierSelect';

export interface ReceiveLine {
  key: number;
  item: PickedItem | null;
  quantity: string;
  supplierLotCode: string;
  expiry: string;
  unitCost: string;
  /** the purchase order line this line delivers (a receipt started from a purchase order) */
  purchaseOrderLineId?: number;
}

export interface ReceiveHead {
  supplier: PickedSupplier | null;
  ddtNumber: string;
  ddtDate: string;
  receivedOn: string;
  locationId: string;
  note: string;
}

export type LotChoice = 'same' | 'new';

/** What the server said about a supplier lot code it has seen before. */
export interface Duplicate {
  lineKey: number;
  row: number;
  code: string;
  lotId: number;
  supplierLotCode: string;
}

let nextKey = 1;
export const newLine = (item: PickedItem | null = null): ReceiveLine => ({ key: nextKey++, item, quantity: '', supplierLotCode: '', expiry: '', unitCost: '' });

export const isBlank = (l: ReceiveLine) => !l.item && l.quantity.trim() === '' && l.supplierLotCode.trim() === '' && l.expiry.trim() === '' && l.unitCost.trim() === '';

/** Client checks before sending: the problems by field path, in rows of the form. */
export function checkReceipt(head: ReceiveHead, lines: ReceiveLine[], used: number[], msg: { required: string; pickItem: string; date: string }): Record<string, string> {
  const e: Record<string, string> = {};
  if (parseTypedDate(head.ddtDate) === undefined) e.supplierDdtDate = msg.date;
  if (parseTypedDate(head.receivedOn) === undefined) e.receivedOn = msg.date;
  for (const i of used) {
    const l = lines[i]!;
    if (!l.item) e[`lines.${i}.itemId`] = msg.pickItem;
    if (l.quantity.trim() === '') e[`lines.${i}.quantity`] = msg.required;
    if (parseTypedDate(l.expiry) === undefined) e[`lines.${i}.expiresOn`] = msg.date;
  }
  return e;
}

export function receiptInput(head: ReceiveHead, lines: ReceiveLine[], used: number[], choices: Record<number, LotChoice>): In<'inventory.receive'> {
  return {
    supplierId: head.supplier?.id ?? null,
    supplierDdtNumber: head.ddtNumber,
    supplierDdtDate: parseTypedDate(head.ddtDate) ?? null,
    receivedOn: parseTypedDate(head.receivedOn) ?? undefined,
    locationId: head.locationId ? Number(head.locationId) : undefined,
    note: head.note,
    lines: used.map((i) => {
      const l = lines[i]!;
      return {
        itemId: l.item!.id,
        quantity: l.quantity,
        supplierLotCode: l.supplierLotCode,
        expiresOn: parseTypedDate(l.expiry) ?? null,
        unitCost: l.unitCost,
        ...(choices[l.key] ? { existingLot: choices[l.key] } : {}),
        ...(l.purchaseOrderLineId !== undefined ? { purchaseOrderLineId: l.purchaseOrderLineId } : {}),
      };
    }),
  };
}

/** The CONFLICT answer's details.duplicates, named by the form's lines. */
export function duplicatesOf(details: Record<string, unknown>, lines: ReceiveLine[], sent: number[]): Duplicate[] {
  const raw = details.duplicates;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d: { line?: unknown; lotId?: unknown; code?: unknown; supplierLotCode?: unknown }) => {
    const row = typeof d.line === 'number' ? sent[d.line] : undefined;
    const line = row !== undefined ? lines[row] : undefined;
    if (!line || typeof d.code !== 'string' || typeof d.lotId !== 'number') return [];
    return [{ lineKey: line.key, row: row!, code: d.code, lotId: d.lotId, supplierLotCode: String(d.supplierLotCode ?? line.supplierLotCode) }];
  });
}
