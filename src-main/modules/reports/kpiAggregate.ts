/**
 * From the facts of each order line to the figures of each group and of the whole
 * period. Pure: the unit tests feed it hand-made facts, the query feeds it what SQL
 * summed per order line; every grouping is made from the same rows, so the groups of
 * any grouping add up to the same total.
 */
import type { KpiFigures } from '../../../src-shared/contract/reports';
import { costOfQuantityMicros, microsToCents } from '../../../src-shared/domain/money';
import { average, p90, shareBp } from './kpiMath';

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

/** Standard cost per unit of an item in micros (recipe roll-up, else the item's cost); null: unknown. */
export type StandardCost = (itemId: number) => number | null;

class Acc {
  /** the orders counted, when the caller does not count them itself (see `figures`) */
  orders = new Set<number>();
  revenue = 0;
  shipDays: number[] = [];
  onTime = 0;
  onTimeEligible = 0;
  shipped = 0;
  returned = 0;
  lotCostMicros = 0;
  estimatedMicros = 0;
  unknownCostLines = 0;

  /** The shipping facts of one unit (an order, or an order's part of a group). */
  addShipping(complete: boolean, shipDays: number | null, lastDdt: string | null, due: string | null): void {
    if (!complete || lastDdt === null || shipDays === null) return;
    this.shipDays.push(shipDays);
    if (due !== null) {
      this.onTimeEligible++;
      if (lastDdt <= due) this.onTime++;
    }
  }

  addMoney(f: LineFacts, cost: StandardCost, countOrder = true): void {
    if (countOrder) this.orders.add(f.orderId);
    this.revenue += f.netCents;
    this.shipped += f.shippedMilli;
    this.returned += f.returnedMilli;
    this.lotCostMicros += f.lotCostMicros;
    if (f.estimatedMilli > 0) {
      const unit = cost(f.itemId);
      if (unit === null) this.unknownCostLines++;
      else this.estimatedMicros += costOfQuantityMicros(f.estimatedMilli, unit);
    }
  }

  /** Another group's money and quantities added (integers, so the sum is the same as line by line). */
  addSums(o: Acc): void {
    this.revenue += o.revenue;
    this.shipped += o.shipped;
    this.returned += o.returned;
    this.lotCostMicros += o.lotCostMicros;
    this.estimatedMicros += o.estimatedMicros;
    this.unknownCostLines += o.unknownCostLines;
  }

  /** `orders`: the number of orders when counted elsewhere (an aggregate knows them from its units). */
  figures(orders = this.orders.size): KpiFigures {
    const lotCostCents = microsToCents(this.lotCostMicros);
    const estimatedCostCents = microsToCents(this.estimatedMicros);
    const marginCents = this.revenue - lotCostCents - estimatedCostCents;
    return {
      orders,
      revenueCents: this.revenue,
      shippedOrders: this.shipDays.length,
      shipDaysAvg: average(this.shipDays),
      shipDaysP90: p90(this.shipDays),
      onTimeEligible: this.onTimeEligible,
      onTime: this.onTime,
      onTimeBp: shareBp(this.onTime, this.onTimeEligible),
      shippedMilli: this.shipped,
      returnedMilli: this.returned,
      returnsBp: shareBp(this.returned, this.shipped),
      lotCostCents,
      estimatedCostCents,
      unknownCostLines: this.unknownCostLines,
      marginCents,
      marginBp: shareBp(marginCents, this.revenue),
    };
  }
}

export interface Aggregated {
  total: KpiFigures;
  groups: (KpiFigures & { key: string })[];
  months: { month: string; key: string; revenueCents: number; onTime: number; onTimeEligible: number }[];
}

/** The standard cost of each item asked once per aggregation (it is asked for most lines). */
function memo(cost: StandardCost): StandardCost {
  const known = new Map<number, number | null>();
  return (itemId) => {
    let c = known.get(itemId);
    if (c === undefined) known.set(itemId, (c = cost(itemId)));
    return c;
  };
}

/** An order's part of one group, for the shipping figures: complete when all its lines are, shipped on the last DDT. */
interface Unit {
  key: string;
  month: string;
  due: string | null;
  complete: boolean;
  lastDdt: string | null;
  shipDays: number | null;
}

function merge<K>(units: Map<K, Unit>, id: K, key: string, r: LineFacts): void {
  const u = units.get(id);
  if (!u) units.set(id, { key, month: r.month, due: r.due, complete: r.complete, lastDdt: r.lastDdt, shipDays: r.shipDays });
  else {
    u.complete &&= r.complete;
    if (r.lastDdt !== null && (u.lastDdt === null || r.lastDdt > u.lastDdt)) {
      u.lastDdt = r.lastDdt;
      u.shipDays = r.shipDays;
    }
  }
}

type MonthPoint = { month: string; key: string; revenueCents: number; onTime: number; onTimeEligible: number };

/**
 * Money and quantities sum over lines. Shipping figures count units: for channel and
 * customer an order, for product and category the order's lines of that group; the
 * total counts each order once. (Maps keyed by group then by order or month, not by
 * strings glued per line: a year of the large dataset is 250,000 lines.)
 */
export function aggregate(rows: readonly LineFacts[], keyOf: (r: LineFacts) => string, cost: StandardCost): Aggregated {
  const groups = new Map<string, { acc: Acc; units: Map<number, Unit>; months: Map<string, MonthPoint> }>();
  const orders = new Map<number, Unit>();
  const unitCost = memo(cost);
  for (const r of rows) {
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { acc: new Acc(), units: new Map(), months: new Map() }));
    // a group's orders are the keys of its units; the total's money is the groups' summed
    g.acc.addMoney(r, unitCost, false);
    let m = g.months.get(r.month);
    if (!m) g.months.set(r.month, (m = { month: r.month, key, revenueCents: 0, onTime: 0, onTimeEligible: 0 }));
    m.revenueCents += r.netCents;
    merge(g.units, r.orderId, key, r);
    merge(orders, r.orderId, '', r);
  }
  const months: MonthPoint[] = [];
  for (const g of groups.values()) {
    for (const u of g.units.values()) {
      g.acc.addShipping(u.complete, u.shipDays, u.lastDdt, u.due);
      if (u.complete && u.lastDdt !== null && u.due !== null) {
        const m = g.months.get(u.month)!;
        m.onTimeEligible++;
        if (u.lastDdt <= u.due) m.onTime++;
      }
    }
    months.push(...g.months.values());
  }
  const total = new Acc();
  for (const g of groups.values()) total.addSums(g.acc);
  for (const o of orders.values()) total.addShipping(o.complete, o.shipDays, o.lastDdt, o.due);
  return {
    total: total.figures(orders.size),
    groups: [...groups].map(([key, g]) => ({ key, ...g.acc.figures(g.units.size) })).sort((a, b) => b.revenueCents - a.revenueCents || a.key.localeCompare(b.key)),
    months: months.sort((a, b) => a.month.localeCompare(b.month) || a.key.localeCompare(b.key)),
  };
}

/** Money figures only (revenue, costs, margin) per group: the top products of a report grouped otherwise. */
export function moneyBy(rows: readonly LineFacts[], keyOf: (r: LineFacts) => string, cost: StandardCost): (KpiFigures & { key: string })[] {
  const groups = new Map<string, Acc>();
  const unitCost = memo(cost);
  for (const r of rows) {
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Acc()));
    g.addMoney(r, unitCost);
  }
  return [...groups].map(([key, acc]) => ({ key, ...acc.figures() })).sort((a, b) => b.revenueCents - a.revenueCents || a.key.localeCompare(b.key));
}

/** Which group a line belongs to, by grouping. */
export const GROUP_KEY: Record<'channel' | 'customer' | 'product' | 'category', (r: LineFacts) => string> = {
  channel: (r) => r.channel,
  customer: (r) => String(r.customerId),
  product: (r) => String(r.itemId),
  category: (r) => r.category,
};
