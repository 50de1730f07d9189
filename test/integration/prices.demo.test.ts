import { afterAll, describe, expect, it } from 'vitest';
import { demoApp, removeTempDbs } from '../builders';

afterAll(removeTempDbs);

describe('the demo workshop’s prices and terms', () => {
  const app = demoApp();
  afterAll(() => app.close());

  it('has Erboristerie and Distributori with their lists, breaks and terms, and customers on them', () => {
    const groups = app.call('prices.listGroups', {}).groups;
    expect(groups.map((g) => [g.name, g.priceLists.length, g.paymentTerms?.name])).toEqual([
      ['Distributori', 1, 'RiBa 30/60 gg DFFM'],
      ['Erboristerie', 1, 'Bonifico 30 gg DF'],
    ]);
    for (const g of groups) expect(g.customerCount).toBeGreaterThan(0);
    const list = app.call('prices.getList', { id: groups[1]!.priceLists[0]!.id });
    expect(list.entries.length).toBeGreaterThanOrEqual(8);
    expect(list.entries.every((e) => e.breaks.length === 2 && e.priceCents < (e.basePriceCents ?? 0))).toBe(true);
    expect(app.call('prices.listPaymentTerms', {}).terms.map((t) => t.method).sort()).toEqual(['MP01', 'MP05', 'MP05', 'MP12']);
  });

  it('quotes a herbal shop from its group list, breaks at 24, and one herbal shop has 10+5 and cash on delivery', () => {
    const erbo = app.call('prices.listGroups', {}).groups.find((g) => g.name === 'Erboristerie')!;
    const members = app.ctx.sqlite.prepare('SELECT customer_id AS id FROM customer_terms WHERE group_id = ? ORDER BY customer_id').all(erbo.id) as { id: number }[];
    const itemId = app.call('prices.getList', { id: erbo.priceLists[0]!.id }).entries[0]!.item.id;
    const q23 = app.call('prices.quote', { customerId: members[0]!.id, itemId, quantity: '23' });
    const q24 = app.call('prices.quote', { customerId: members[0]!.id, itemId, quantity: '24' });
    expect([q23.source, q24.source]).toEqual(['group_list', 'group_list']);
    expect(Number(q24.unitPrice)).toBeLessThan(Number(q23.unitPrice));
    const terms = members.map((m) => app.call('prices.getCustomerTerms', { customerId: m.id }));
    const special = terms.find((t) => t.discounts !== null)!;
    expect(special.effective).toMatchObject({ discounts: ['10', '5'], discountPct: '14.5', paymentTerms: { name: 'Contrassegno', cashOnDelivery: true } });
  });
});
