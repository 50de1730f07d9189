import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir();
});
afterAll(() => t.cleanup());

/** The real `bottega` command, from source, on a temp database. */
function call(name: string, input: object) {
  const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, 'call', name, JSON.stringify(input)], {
    encoding: 'utf8',
    env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' },
  });
  return { code: r.status, out: r.status === 0 ? JSON.parse(r.stdout) : JSON.parse(r.stderr) };
}

describe('bottega call prices.quote', () => {
  it('answers the same decision as the order editor: group list, break at 24, chain 10+5; bad input exits 2 naming the field', () => {
    const soap = call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', salePrice: '5' }).out as { id: number };
    const customer = call('parties.createCustomer', { name: 'Erboristeria La Malva' }).out as { id: number };
    const list = call('prices.createList', { name: 'Erboristerie' }).out as { id: number };
    call('prices.setPrices', { listId: list.id, entries: [{ itemId: soap.id, price: '4,50', breaks: [{ fromQuantity: '24', price: '4,20' }] }] });
    const group = call('prices.createGroup', { name: 'Erboristerie', priceListIds: [list.id], discounts: '10+5' }).out as { id: number };
    call('prices.setCustomerTerms', { customerId: customer.id, groupId: group.id });
    const q = call('prices.quote', { customerId: customer.id, itemId: soap.id, quantity: '24' });
    expect(q.code).toBe(0);
    expect(q.out).toMatchObject({ unitPrice: '4.20', discounts: ['10', '5'], discountPct: '14.5', source: 'group_list', listName: 'Erboristerie' });
    const bad = call('prices.quote', { customerId: customer.id, itemId: soap.id, quantity: '-1' });
    expect(bad.code).toBe(2);
    expect(bad.out).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['quantity'] }] } } });
  });
});
