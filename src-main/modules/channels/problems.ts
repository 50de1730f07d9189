import type { ImportProblem } from '../../../src-shared/contract/channels';

/** Problems of a file, each with its row (file line) and column; all counted, the first 1000 kept. */
export class ProblemList {
  static readonly LISTED = 1000;
  readonly listed: ImportProblem[] = [];
  count = 0;
  /** problems per order reference */
  readonly perOrder = new Map<string, number>();

  add(p: { row: number | null; column: string | null; orderRef?: string | null; key: string; message: string; value?: string | null }): void {
    this.count++;
    const orderRef = p.orderRef ?? null;
    if (orderRef !== null) this.perOrder.set(orderRef, (this.perOrder.get(orderRef) ?? 0) + 1);
    if (this.listed.length < ProblemList.LISTED) this.listed.push({ row: p.row, column: p.column, orderRef, key: p.key, message: p.message, value: p.value ?? null });
  }

  /** in file order */
  sorted(): ImportProblem[] {
    return [...this.listed].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}
