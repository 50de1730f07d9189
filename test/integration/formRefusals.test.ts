/**
 * Issue 17 item 5: the server refuses what the forms must refuse — a lot quantity of zero or
 * less on release, a CAP that is not five digits for Italy — with VALIDATION naming the
 * field, and writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: () => new Date('2026-10-01T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function issuesOf(res: ReturnType<BottegaApp['invoke']>) {
  expect(res.ok).toBe(false);
  if (res.ok) return [];
  expect(res.error.code).toBe('VALIDATION');
  return res.error.details?.issues as { path: (string | number)[]; key: string }[];
}

describe('release refuses lot quantities that are not above zero', () => {
  it.each(['-5', '0'])('lot quantity %s → VALIDATION on picks.0.lots.*.quantity, nothing reserved, still planned', (bad) => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg' });
    const soap = app.call('catalog.createItem', { sku: 'SAPONE', name: 'Sapone', kind: 'product', unit: 'pcs' });
    app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', batchMinutes: 60, components: [{ itemId: oil.id, quantity: '1 kg' }] });
    const [a, b] = app.call('inventory.receive', {
      lines: [
        { itemId: oil.id, quantity: '5', expiresOn: '2027-06-01' },
        { itemId: oil.id, quantity: '5', expiresOn: '2027-07-01' },
      ],
    }).lots;
    const po = app.call('production.create', { itemId: soap.id, batches: 1, plannedOn: '2026-10-02' });
    const res = app.invoke('production.release', {
      id: po.id,
      picks: [{ itemId: oil.id, lots: [{ lotId: a!.id, quantity: '1' }, { lotId: b!.id, quantity: bad }] }],
    });
    expect(issuesOf(res)).toEqual([expect.objectContaining({ path: ['picks', 0, 'lots', 1, 'quantity'], key: 'positive' })]);
    expect(app.call('production.get', { id: po.id }).status).toBe('planned');
    const reserved = app.ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM reservations').get() as { n: number };
    expect(reserved.n).toBe(0);
  });
});

describe('Italian CAP', () => {
  const base = { name: 'Bottega Rossi', street: 'Via Roma 1', city: 'Firenze', province: 'FI' };

  it('"ABCDE" for Italy → VALIDATION on postcode (and shipPostcode), no customer written', () => {
    const res = app.invoke('parties.createCustomer', { ...base, postcode: 'ABCDE', country: 'IT', shipPostcode: '501', shipCountry: 'IT' });
    const issues = issuesOf(res);
    expect(issues.map((i) => `${i.path.join('.')}:${i.key}`).sort()).toEqual(['postcode:cap.invalid', 'shipPostcode:cap.invalid']);
    expect(app.call('parties.searchCustomers', {}).total).toBe(0);
  });

  it('refuses the same on update and keeps the stored CAP', () => {
    const c = app.call('parties.createCustomer', { ...base, postcode: '50123', country: 'IT' });
    issuesOf(app.invoke('parties.updateCustomer', { ...base, id: c.id, postcode: '5012', country: 'IT' }));
    expect(app.call('parties.getCustomer', { id: c.id }).postcode).toBe('50123');
  });

  it('keeps a foreign postcode as typed', () => {
    const c = app.call('parties.createCustomer', { ...base, postcode: 'SW1A 1AA', country: 'GB' });
    expect(c.postcode).toBe('SW1A 1AA');
  });
});
