/** The purchase order editor's state and how it becomes the contract's input. */
import type { PurchaseOrder } from '../../../src-shared/contract/purchasing';
import type { In } from '../../api/hooks';
import type { PickedItem } from '../../components/ItemPicker';
import type { Formatters } from '../../i18n/format';
import { parseTypedDate, typedDate } from '../inventory/dates';
import type { PickedSupplier } from '../inventory/SupplierSelect';

export interface PoLine {
  key: number;
  item: PickedItem | null;
  quantity: string;
  unitPrice: string;
  expectedOn: string;
}

export interface PoHead {
  supplier: PickedSupplier | null;
  orderedOn: string;
  expectedOn: string;
  notes: string;
}

let nextKey = 1;
export const newPoLine = (): PoLine => ({ key: nextKey++, item: null, quantity: '', unitPrice: '', expectedOn: '' });
export const isBlankLine = (l: PoLine) => !l.item && l.quantity.trim() === '' && l.unitPrice.trim() === '' && l.expectedOn.trim() === '';

export function formOf(po: PurchaseOrder, fmt: Formatters): { head: PoHead; lines: PoLine[] } {
  return {
    head: { supplier: { id: po.supplier.id, name: po.supplier.name }, orderedOn: typedDate(po.orderedOn), expectedOn: typedDate(po.expectedOn), notes: po.notes },
    lines: po.lines.map((l) => ({
      key: nextKey++,
      item: l.item,
      quantity: fmt.qtyInput(l.qtyMilli, l.item.unit),
      unitPrice: l.unitPriceMicros === null ? '' : fmt.decimalInput(l.unitPriceMicros, 6),
      // a line expected with the order follows the order's date when that changes
      expectedOn: l.expectedOn === po.expectedOn ? '' : typedDate(l.expectedOn),
    })),
  };
}

/** Client checks before sending, by field path. */
export function checkPo(head: PoHead, lines: PoLine[], used: number[], msg: { required: string; pickItem: string; pickSupplier: string; date: string }): Record<string, string> {
  const e: Record<string, string> = {};
  if (!head.supplier) e.supplierId = msg.pickSupplier;
  if (!parseTypedDate(head.orderedOn)) e.orderedOn = head.orderedOn.trim() === '' ? msg.required : msg.date;
  if (parseTypedDate(head.expectedOn) === undefined) e.expectedOn = msg.date;
  used.forEach((row, j) => {
    const l = lines[row]!;
    if (!l.item) e[`lines.${j}.itemId`] = msg.pickItem;
    if (l.quantity.trim() === '') e[`lines.${j}.quantity`] = msg.required;
    if (parseTypedDate(l.expectedOn) === undefined) e[`lines.${j}.expectedOn`] = msg.date;
  });
  return e;
}

export function poInput(head: PoHead, lines: PoLine[], used: number[]): In<'purchasing.create'> {
  return {
    supplierId: head.supplier!.id,
    orderedOn: parseTypedDate(head.orderedOn) ?? undefined,
    expectedOn: parseTypedDate(head.expectedOn) ?? undefined,
    notes: head.notes,
    lines: used.map((row) => {
      const l = lines[row]!;
      return { itemId: l.item!.id, quantity: l.quantity, unitPrice: l.unitPrice, expectedOn: parseTypedDate(l.expectedOn) ?? undefined };
    }),
  };
}
