/**
 * The facts of a period's order lines as columns: one entry per order (its channel,
 * customer, due date, month) and one per line of an order (the lines of one item in one
 * order summed). A year of the large dataset is 70,000 orders and 250,000 lines: numbers
 * in typed arrays and the order's strings once per order, not an object per line, so the
 * report can read them in one pass (kpiAggregate.ts). `LineFacts` is the same thing one
 * object per line: what the unit tests write by hand and the reference test compares.
 */

/** What one order line (lines of one item summed) contributes. Quantities in thousandths, money in cents / micros. */
export interface LineFacts {
  orderId: number;
  itemId: number;
  channel: string;
  customerId: number;
  /** the item's category, '' for none */
  category: string;
  /** YYYY-MM of the order date */
  month: string;
  /** promised date, else requested; null: no date to be on time for */
  due: string | null;
  netCents: number;
  /** goods quantity ordered, shipped (DDTs issued), returned against those DDTs (0 for a service) */
  qtyMilli: number;
  shippedMilli: number;
  returnedMilli: number;
  /** cost of the shipped lots whose cost is known, in micros */
  lotCostMicros: number;
  /** goods valued at the recipe cost: not shipped yet, or shipped from a lot of unknown cost */
  estimatedMilli: number;
  /** the line is fully shipped (a service line always is) */
  complete: boolean;
  /** date of the last DDT carrying it */
  lastDdt: string | null;
  /** days from the order's confirmation to lastDdt */
  shipDays: number | null;
}

/** The order's own values, once per order. */
export interface OrderFacts {
  orderId: number;
  channel: string;
  customerId: number;
  month: string;
  due: string | null;
}

/** Columns of the lines; index i is one line. A missing day (no DDT yet) is NaN. */
export class KpiFacts {
  readonly orders: OrderFacts[] = [];
  /** where each order's lines start, and after the last order the end of its lines */
  private readonly starts: number[] = [0];
  length = 0;
  itemId: Int32Array;
  netCents: Float64Array;
  qtyMilli: Float64Array;
  shippedMilli: Float64Array;
  returnedMilli: Float64Array;
  lotCostMicros: Float64Array;
  estimatedMilli: Float64Array;
  complete: Uint8Array;
  lastDay: Float64Array;
  shipDays: Float64Array;

  /** `capacity`: at least the number of lines that will be added. `categoryOf`: an item's category, '' for none. */
  constructor(
    capacity: number,
    readonly categoryOf: (itemId: number) => string,
  ) {
    this.itemId = new Int32Array(capacity);
    this.netCents = new Float64Array(capacity);
    this.qtyMilli = new Float64Array(capacity);
    this.shippedMilli = new Float64Array(capacity);
    this.returnedMilli = new Float64Array(capacity);
    this.lotCostMicros = new Float64Array(capacity);
    this.estimatedMilli = new Float64Array(capacity);
    this.complete = new Uint8Array(capacity);
    this.lastDay = new Float64Array(capacity);
    this.shipDays = new Float64Array(capacity);
  }

  /** Starts an order; the lines added next are its own. */
  addOrder(o: OrderFacts): void {
    this.orders.push(o);
    this.starts.push(this.length);
  }

  /** A new line of the current order, all zero, complete, no DDT; returns its index. */
  addLine(itemId: number): number {
    const i = this.length++;
    this.itemId[i] = itemId;
    this.complete[i] = 1;
    this.lastDay[i] = NaN;
    this.shipDays[i] = NaN;
    this.starts[this.orders.length] = this.length;
    return i;
  }

  /** Order k's lines are [orderStart(k), orderEnd(k)). */
  orderStart(k: number): number {
    return this.starts[k]!;
  }

  orderEnd(k: number): number {
    return this.starts[k + 1]!;
  }
}

const ISO_OF_DAY = new Map<number, string>();
/** A julian day number (julianday() of a date, which is at .5, truncated) back to its date, remembered (a year has 365 of them). */
export function isoOfDay(day: number): string {
  let iso = ISO_OF_DAY.get(day);
  if (iso === undefined) ISO_OF_DAY.set(day, (iso = new Date((day - 2440587) * 86_400_000).toISOString().slice(0, 10)));
  return iso;
}

/** julianday() of an ISO date, truncated: isoOfDay's inverse. */
export function dayOfIso(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 2440587;
}

/** Facts as columns from facts one per line (hand-made in the unit tests): the order's values are its first line's. */
export function factsOfRows(rows: readonly LineFacts[]): KpiFacts {
  const categories = new Map(rows.map((r) => [r.itemId, r.category]));
  const facts = new KpiFacts(rows.length, (itemId) => categories.get(itemId) ?? '');
  const byOrder = [...rows].sort((a, b) => a.orderId - b.orderId);
  let last: number | null = null;
  for (const r of byOrder) {
    if (r.orderId !== last) {
      facts.addOrder({ orderId: r.orderId, channel: r.channel, customerId: r.customerId, month: r.month, due: r.due });
      last = r.orderId;
    }
    const i = facts.addLine(r.itemId);
    facts.netCents[i] = r.netCents;
    facts.qtyMilli[i] = r.qtyMilli;
    facts.shippedMilli[i] = r.shippedMilli;
    facts.returnedMilli[i] = r.returnedMilli;
    facts.lotCostMicros[i] = r.lotCostMicros;
    facts.estimatedMilli[i] = r.estimatedMilli;
    facts.complete[i] = r.complete ? 1 : 0;
    facts.lastDay[i] = r.lastDdt === null ? NaN : dayOfIso(r.lastDdt);
    facts.shipDays[i] = r.shipDays ?? NaN;
  }
  return facts;
}

/** Facts one object per line, in order of order and item: what the reference test compares. */
export function rowsOfFacts(facts: KpiFacts): LineFacts[] {
  const out: LineFacts[] = [];
  facts.orders.forEach((o, k) => {
    for (let i = facts.orderStart(k); i < facts.orderEnd(k); i++) {
      const itemId = facts.itemId[i]!;
      const lastDay = facts.lastDay[i]!;
      const shipDays = facts.shipDays[i]!;
      out.push({
        ...o,
        itemId,
        category: facts.categoryOf(itemId),
        netCents: facts.netCents[i]!,
        qtyMilli: facts.qtyMilli[i]!,
        shippedMilli: facts.shippedMilli[i]!,
        returnedMilli: facts.returnedMilli[i]!,
        lotCostMicros: facts.lotCostMicros[i]!,
        estimatedMilli: facts.estimatedMilli[i]!,
        complete: facts.complete[i] === 1,
        lastDdt: Number.isNaN(lastDay) ? null : isoOfDay(lastDay),
        shipDays: Number.isNaN(shipDays) ? null : shipDays,
      });
    }
  });
  return out;
}
