/**
 * From the facts of each order line to the figures of each group and of the whole
 * period, in one pass over the lines (kpiFacts.ts: columns, no object per line). Pure:
 * the unit tests feed it hand-made facts, the query feeds it what SQL summed per order
 * line; every grouping is made from the same lines, so the groups of any grouping add up
 * to the same total. The same pass sums the money per product and per customer (the
 * report's top products and customers, whatever it is grouped by).
 */
import type { KpiFigures, KpiGrouping } from '../../../src-shared/contract/reports';
import { costOfQuantityMicros, microsToCents } from '../../../src-shared/domain/money';
import { isoOfDay, type KpiFacts } from './kpiFacts';
import { average, p90, shareBp } from './kpiMath';

/** Standard cost per unit of an item in micros (recipe roll-up, else the item's cost); null: unknown. */
export type StandardCost = (itemId: number) => number | null;

class Acc {
  /** the units counted: orders, or for product and category an order's lines of the group */
  orders = 0;
  revenue = 0;
  shipDays: number[] = [];
  onTime = 0;
  onTimeEligible = 0;
  shipped = 0;
  returned = 0;
  lotCostMicros = 0;
  estimatedMicros = 0;
  unknownCostLines = 0;

  /** A unit (an order, or an order's part of a group) shipped completely: its days to ship, on time if it had a date. */
  addShipped(shipDays: number, due: string | null, onTime: boolean): void {
    this.shipDays.push(shipDays);
    if (due !== null) {
      this.onTimeEligible++;
      if (onTime) this.onTime++;
    }
  }

  /** Line i's money and quantities (its estimated quantity valued at `cost`). */
  addMoney(f: KpiFacts, i: number, cost: StandardCost): void {
    this.revenue += f.netCents[i]!;
    this.shipped += f.shippedMilli[i]!;
    this.returned += f.returnedMilli[i]!;
    this.lotCostMicros += f.lotCostMicros[i]!;
    const estimated = f.estimatedMilli[i]!;
    if (estimated > 0) {
      const unit = cost(f.itemId[i]!);
      if (unit === null) this.unknownCostLines++;
      else this.estimatedMicros += costOfQuantityMicros(estimated, unit);
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

  figures(): KpiFigures {
    const lotCostCents = microsToCents(this.lotCostMicros);
    const estimatedCostCents = microsToCents(this.estimatedMicros);
    const marginCents = this.revenue - lotCostCents - estimatedCostCents;
    return {
      orders: this.orders,
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

type MonthPoint = { month: string; key: string; revenueCents: number; onTime: number; onTimeEligible: number };

export interface Aggregated {
  total: KpiFigures;
  groups: (KpiFigures & { key: string })[];
  months: MonthPoint[];
  /** money and quantity per product (no shipping figures), by revenue then id */
  products: (KpiFigures & { itemId: number; qtyMilli: number })[];
  /** orders and revenue per customer, in no order */
  customers: { customerId: number; orders: number; revenueCents: number }[];
}

/** A group's figures and its month points, by month index. */
class Group {
  readonly acc = new Acc();
  readonly months: MonthPoint[] = [];
  constructor(readonly key: string) {}
}

/**
 * An order's part of one group (or the whole order, for the total), for the shipping
 * figures: complete when all its lines are, shipped on the last DDT (its days to ship
 * those of the first line with that DDT).
 */
class Unit {
  group!: Group;
  complete = true;
  lastDay = NaN;
  shipDays = NaN;

  start(group: Group, f: KpiFacts, i: number): this {
    this.group = group;
    this.complete = f.complete[i] === 1;
    this.lastDay = f.lastDay[i]!;
    this.shipDays = f.shipDays[i]!;
    return this;
  }

  merge(f: KpiFacts, i: number): void {
    if (f.complete[i] === 0) this.complete = false;
    const day = f.lastDay[i]!;
    if (!Number.isNaN(day) && (Number.isNaN(this.lastDay) || day > this.lastDay)) {
      this.lastDay = day;
      this.shipDays = f.shipDays[i]!;
    }
  }

  /** Counts the unit in `acc` (an order, or an order's part of a group) and its month's on-time point. */
  close(acc: Acc, month: MonthPoint | undefined, due: string | null): void {
    acc.orders++;
    const shipped = this.complete && !Number.isNaN(this.lastDay);
    if (!shipped) return;
    const onTime = due !== null && isoOfDay(this.lastDay) <= due;
    if (!Number.isNaN(this.shipDays)) acc.addShipped(this.shipDays, due, onTime);
    if (month && due !== null) {
      month.onTimeEligible++;
      if (onTime) month.onTime++;
    }
  }
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

const byRevenue = <T extends { revenueCents: number }>(key: (x: T) => string) => (a: T, b: T) => b.revenueCents - a.revenueCents || key(a).localeCompare(key(b));

/**
 * Money and quantities sum over lines. Shipping figures count units: for channel and
 * customer an order, for product and category the order's lines of that group; the
 * total counts each order once.
 */
export function aggregate(f: KpiFacts, by: KpiGrouping, cost: StandardCost): Aggregated {
  const unitCost = memo(cost);
  const groups = new Map<string | number, Group>();
  /** (the key is made only for a new group: no string per line or order) */
  const groupOf = (id: string | number): Group => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = new Group(String(id))));
    return g;
  };
  /** product and category: the group of each item, found once */
  const itemGroups = new Map<number, Group>();
  const groupOfItem = (itemId: number): Group => {
    let g = itemGroups.get(itemId);
    if (!g) {
      const key = by === 'product' ? String(itemId) : f.categoryOf(itemId);
      itemGroups.set(itemId, (g = groupOf(key)));
    }
    return g;
  };
  const monthIndex = new Map<string, number>();
  const products = new Map<number, { acc: Acc; qtyMilli: number }>();
  const customers = new Map<number, { customerId: number; orders: number; revenueCents: number }>();
  const total = new Acc();
  const whole = new Unit();
  const parts: Unit[] = [];

  // a loop, not forEach: no callback per order
  for (let k = 0; k < f.orders.length; k++) {
    const o = f.orders[k]!;
    const first = f.orderStart(k);
    const end = f.orderEnd(k);
    if (first === end) continue;
    let m = monthIndex.get(o.month);
    if (m === undefined) monthIndex.set(o.month, (m = monthIndex.size));
    const orderGroup = by === 'channel' ? groupOf(o.channel) : by === 'customer' ? groupOf(o.customerId) : null;
    let n = 0;
    let revenue = 0;
    for (let i = first; i < end; i++) {
      const itemId = f.itemId[i]!;
      const g = orderGroup ?? groupOfItem(itemId);
      g.acc.addMoney(f, i, unitCost);
      const point = (g.months[m] ??= { month: o.month, key: g.key, revenueCents: 0, onTime: 0, onTimeEligible: 0 });
      point.revenueCents += f.netCents[i]!;
      revenue += f.netCents[i]!;
      let p = products.get(itemId);
      if (!p) products.set(itemId, (p = { acc: new Acc(), qtyMilli: 0 }));
      p.acc.addMoney(f, i, unitCost);
      p.qtyMilli += f.qtyMilli[i]!;
      if (i === first) whole.start(g, f, i);
      else whole.merge(f, i);
      if (orderGroup) continue;
      let u = 0;
      while (u < n && parts[u]!.group !== g) u++;
      if (u < n) parts[u]!.merge(f, i);
      else (parts[n++] ??= new Unit()).start(g, f, i);
    }
    if (orderGroup) whole.close(orderGroup.acc, orderGroup.months[m], o.due);
    for (let u = 0; u < n; u++) parts[u]!.close(parts[u]!.group.acc, parts[u]!.group.months[m], o.due);
    whole.close(total, undefined, o.due);
    const c = customers.get(o.customerId);
    if (c) {
      c.orders++;
      c.revenueCents += revenue;
    } else customers.set(o.customerId, { customerId: o.customerId, orders: 1, revenueCents: revenue });
  }

  for (const g of groups.values()) total.addSums(g.acc);
  return {
    total: total.figures(),
    groups: [...groups.values()].map((g) => ({ key: g.key, ...g.acc.figures() })).sort(byRevenue((g) => g.key)),
    months: [...groups.values()]
      .flatMap((g) => g.months.filter((p) => p !== undefined))
      .sort((a, b) => a.month.localeCompare(b.month) || a.key.localeCompare(b.key)),
    products: [...products].map(([itemId, p]) => ({ itemId, qtyMilli: p.qtyMilli, ...p.acc.figures() })).sort(byRevenue((p) => String(p.itemId))),
    customers: [...customers.values()],
  };
}
