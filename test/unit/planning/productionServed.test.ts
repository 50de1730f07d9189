/**
 * The orders each open production order serves (planning/productionServed.ts): walked
 * alongside the production rows when the links come by production id, else from a map.
 * Both must name the same orders, each once, by number, with the earliest date asked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linksInOrder, servedByMap, servedWalking, type OrderRef } from '../../../src-main/modules/planning/productionServed';

/** The answer as a plain map of every production order, from the most direct reading of the links. */
function expected(ids: number[], linkProduction: number[], linkOrder: number[], order: Map<number, OrderRef>) {
  return ids.map((id) => {
    const orderIds = [...new Set(linkOrder.filter((_o, j) => linkProduction[j] === id))].filter((o) => order.has(o));
    if (orderIds.length === 0) return null;
    const named = orderIds.map((o) => ({ id: o, number: order.get(o)!.number })).sort((a, b) => (a.number < b.number ? -1 : 1));
    const dues = orderIds.map((o) => order.get(o)!.dueOn).filter((d): d is string => d !== null);
    return { orders: named, dueOn: dues.length ? dues.sort()[0]! : null };
  });
}

const linksArb = fc.record({
  ids: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 15 }).map((a) => a.sort((x, y) => x - y)),
  links: fc.array(fc.tuple(fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 8 })), { maxLength: 30 }),
  orders: fc.array(fc.option(fc.option(fc.constantFrom('2026-11-02', '2026-11-05', '2026-12-01')), { freq: 4 }), { minLength: 8, maxLength: 8 }),
});

describe('orders served by open production', () => {
  it('names the same orders (each once, existing ones, by number) with the same earliest date walking the links by production id as from a map', () => {
    fc.assert(
      fc.property(linksArb, ({ ids, links, orders }) => {
        const sorted = links.slice().sort((a, b) => a[0] - b[0]);
        const linkProduction = sorted.map((l) => l[0]);
        const linkOrder = sorted.map((l) => l[1]);
        // order numbers that do not sort as the ids do; an order that does not exist is left out
        const order = new Map<number, OrderRef>();
        orders.forEach((due, i) => {
          if (due !== null) order.set(i + 1, { number: `2026/${String(9 - i).padStart(4, '0')}`, dueOn: due });
        });
        expect(linksInOrder(ids, linkProduction)).toBe(true);
        const want = expected(ids, linkProduction, linkOrder, order);
        const walking = servedWalking(ids, linkProduction, linkOrder, order);
        expect(ids.map((id) => walking(id))).toEqual(want);
        const byMap = servedByMap(linkProduction, linkOrder, order);
        expect(ids.map((id) => byMap(id))).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('says the links are out of order when a production id comes after a larger one, or the rows are not by id', () => {
    expect(linksInOrder([1, 2, 3], [1, 1, 2, 3])).toBe(true);
    expect(linksInOrder([1, 2, 3], [2, 1])).toBe(false);
    expect(linksInOrder([2, 1], [1, 2])).toBe(false);
    expect(linksInOrder([1, 1], [1])).toBe(false);
  });
});
