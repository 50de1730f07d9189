/**
 * The KPI arithmetic on small cases worked out by hand: an order shipped late, one partly
 * returned, one shipped from a lot of unknown cost (valued at the recipe cost, marked),
 * one not shipped yet; then percentiles, shares and the previous period.
 */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../src-main/modules/reports/kpiAggregate';
import { factsOfRows, type LineFacts } from '../../../src-main/modules/reports/kpiFacts';
import { average, p90, previousPeriod, shareBp } from '../../../src-main/modules/reports/kpiMath';

const line = (f: Partial<LineFacts> & Pick<LineFacts, 'orderId' | 'itemId'>): LineFacts => ({
  channel: 'shop',
  customerId: 1,
  category: '',
  month: '2026-03',
  due: null,
  netCents: 0,
  qtyMilli: 0,
  shippedMilli: 0,
  returnedMilli: 0,
  lotCostMicros: 0,
  estimatedMilli: 0,
  complete: true,
  lastDdt: null,
  shipDays: null,
  ...f,
});

// soap (item 1): recipe cost 2.00 €/pc; candle (item 2): recipe cost 5.00 €/pc; item 3: no cost known anywhere
const recipeCost = (itemId: number) => ({ 1: 2_000_000, 2: 5_000_000 })[itemId] ?? null;

const rows: LineFacts[] = [
  // order 1, wholesale: 10 soaps at 6.00 € promised for 10 March, shipped 12 March (late), confirmed 2 March;
  // the lots cost 1.80 €/pc → 18.00 €
  line({ orderId: 1, itemId: 1, channel: 'wholesale', customerId: 7, due: '2026-03-10', netCents: 6000, qtyMilli: 10_000, shippedMilli: 10_000, lotCostMicros: 18_000_000, lastDdt: '2026-03-12', shipDays: 10 }),
  // order 2, shop: 4 candles at 15.00 €, all shipped on time (due 20 March, DDT 18 March, confirmed 15 March), 1 returned;
  // lots 4.50 €/pc → 18.00 €
  line({ orderId: 2, itemId: 2, customerId: 8, due: '2026-03-20', netCents: 6000, qtyMilli: 4_000, shippedMilli: 4_000, returnedMilli: 1_000, lotCostMicros: 18_000_000, lastDdt: '2026-03-18', shipDays: 3 }),
  // order 2 also: the shipping charge, a service line
  line({ orderId: 2, itemId: 9, customerId: 8, due: '2026-03-20', netCents: 990, lastDdt: null }),
  // order 3, shop: 5 soaps at 6.00 € shipped from a lot of unknown cost (valued at 5 × 2.00 € recipe cost), no dates
  line({ orderId: 3, itemId: 1, customerId: 8, netCents: 3000, qtyMilli: 5_000, shippedMilli: 5_000, estimatedMilli: 5_000, lastDdt: '2026-03-20', shipDays: 1 }),
  // order 4, shop: 2 soaps not shipped yet (recipe cost 2 × 2.00 €) and 1 item nobody knows the cost of
  line({ orderId: 4, itemId: 1, customerId: 9, due: '2026-03-31', netCents: 1200, qtyMilli: 2_000, estimatedMilli: 2_000, complete: false }),
  line({ orderId: 4, itemId: 3, customerId: 9, due: '2026-03-31', netCents: 500, qtyMilli: 1_000, estimatedMilli: 1_000, complete: false }),
];

describe('KPIs of hand-computed orders', () => {
  const byChannel = aggregate(factsOfRows(rows), 'channel', recipeCost);

  it('revenue, orders and margin of the whole period, with estimated and unknown costs kept apart', () => {
    const t = byChannel.total;
    expect(t.orders).toBe(4);
    // 60 + 60 + 9.90 + 30 + 12 + 5
    expect(t.revenueCents).toBe(17_690);
    // lots: 18 + 18; recipe cost: 5 × 2 (unknown lot) + 2 × 2 (not shipped); item 3: unknown
    expect(t.lotCostCents).toBe(3_600);
    expect(t.estimatedCostCents).toBe(1_400);
    expect(t.unknownCostLines).toBe(1);
    expect(t.marginCents).toBe(17_690 - 3_600 - 1_400);
    expect(t.marginBp).toBe(7_174); // 12,690 / 17,690 = 71.74 %
  });

  it('the late order counts against on-time; orders without dates and not yet shipped do not count', () => {
    const t = byChannel.total;
    // shipped completely: orders 1, 2, 3; with a date: 1 (late) and 2 (on time)
    expect(t.shippedOrders).toBe(3);
    expect([t.onTime, t.onTimeEligible, t.onTimeBp]).toEqual([1, 2, 5_000]);
    // days to ship 10, 3, 1: average 4.7, 90th percentile 10
    expect([t.shipDaysAvg, t.shipDaysP90]).toEqual([4.7, 10]);
  });

  it('returns are the returned share of the shipped quantity', () => {
    // 1 candle back of 10 + 4 + 5 shipped
    expect([byChannel.total.shippedMilli, byChannel.total.returnedMilli, byChannel.total.returnsBp]).toEqual([19_000, 1_000, 526]);
  });

  it('groups split the same figures and add up to the total', () => {
    const [shop, wholesale] = byChannel.groups;
    expect(shop!.key).toBe('shop');
    expect(wholesale!.key).toBe('wholesale');
    expect(wholesale!.onTimeBp).toBe(0);
    expect(shop!.onTimeBp).toBe(10_000);
    expect(shop!.revenueCents + wholesale!.revenueCents).toBe(byChannel.total.revenueCents);
    expect(shop!.marginCents + wholesale!.marginCents).toBe(byChannel.total.marginCents);
  });

  it('by product, an order counts once per product and its shipping figures are the lines of that product', () => {
    const soap = aggregate(factsOfRows(rows), 'product', recipeCost).groups.find((g) => g.key === '1')!;
    expect(soap.orders).toBe(3);
    expect(soap.revenueCents).toBe(10_200);
    // order 1 late (10 days), order 3 without dates (1 day), order 4 not shipped
    expect([soap.shippedOrders, soap.shipDaysAvg, soap.onTime, soap.onTimeEligible]).toEqual([2, 5.5, 0, 1]);
    expect(soap.estimatedCostCents).toBe(1_400);
  });

  it('months carry the revenue per group and the on-time count', () => {
    expect(byChannel.months).toEqual([
      { month: '2026-03', key: 'shop', revenueCents: 11_690, onTime: 1, onTimeEligible: 1 },
      { month: '2026-03', key: 'wholesale', revenueCents: 6_000, onTime: 0, onTimeEligible: 1 },
    ]);
  });

  it('nothing in, zeros and no shares out', () => {
    const empty = aggregate(factsOfRows([]), 'channel', recipeCost);
    expect(empty.groups).toEqual([]);
    expect([empty.total.orders, empty.total.onTimeBp, empty.total.returnsBp, empty.total.marginBp, empty.total.shipDaysAvg, empty.total.shipDaysP90]).toEqual([0, null, null, null, null, null]);
  });
});

describe('KPI arithmetic', () => {
  it('90th percentile by nearest rank, average to a tenth, shares in basis points', () => {
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([4, 1, 30])).toBe(30);
    expect(p90([])).toBeNull();
    expect(average([1, 2, 2])).toBe(1.7);
    expect(shareBp(1, 3)).toBe(3_333);
    expect(shareBp(2, 3)).toBe(6_667);
    expect(shareBp(1, 0)).toBeNull();
  });

  it('the previous period has as many days and ends the day before', () => {
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28', days: 31 });
    expect(previousPeriod('2026-01-01', '2026-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31', days: 365 });
  });
});

describe('money by product of a report grouped otherwise', () => {
  it('gives the same revenue, costs and margin per product as the report grouped by product', () => {
    const full = aggregate(factsOfRows(rows), 'product', recipeCost).groups;
    const money = aggregate(factsOfRows(rows), 'channel', recipeCost).products;
    expect(money.map((g) => [String(g.itemId), g.revenueCents, g.lotCostCents, g.estimatedCostCents, g.marginCents])).toEqual(full.map((g) => [g.key, g.revenueCents, g.lotCostCents, g.estimatedCostCents, g.marginCents]));
  });

  it('customers: their orders counted once and their revenue', () => {
    const customers = aggregate(factsOfRows(rows), 'channel', recipeCost).customers.sort((a, b) => a.customerId - b.customerId);
    expect(customers).toEqual([
      { customerId: 7, orders: 1, revenueCents: 6_000 },
      { customerId: 8, orders: 2, revenueCents: 9_990 },
      { customerId: 9, orders: 1, revenueCents: 1_700 },
    ]);
  });
});
