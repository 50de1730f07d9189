import type { FieldIssue } from '../../../src-shared/contract/errors';
import type { Ctx } from '../../api/context';

/** A receipt line that names the line of another document it delivers (a purchase order line). */
export interface LinkedReceiptLine {
  /** index of the line in the receipt */
  index: number;
  documentLineId: number;
  itemId: number;
  qtyMilli: number;
}

/**
 * What a module that orders goods (purchasing) lets the receipt do with its lines,
 * without inventory knowing its tables: refuse a line before anything is written, and
 * record what arrived once the lots exist (in the same transaction).
 */
export interface ReceiptLink {
  check: (ctx: Ctx, receipt: { supplierId: number | null; receivedOn: string }, lines: LinkedReceiptLine[]) => FieldIssue[];
  record: (ctx: Ctx, receipt: { documentId: number; supplierId: number | null; receivedOn: string }, lines: (LinkedReceiptLine & { lotId: number })[]) => void;
}

let registered: ReceiptLink | null = null;

export function registerReceiptLink(link: ReceiptLink): void {
  registered = link;
}

export function receiptLink(): ReceiptLink | null {
  return registered;
}
