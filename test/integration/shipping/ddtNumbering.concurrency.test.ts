/**
 * Many confirmations in flight at once through the HTTP door, some of which must fail
 * (no packages) and some sent twice (a double click): the DDT numbers that come out are
 * exactly 1…N of the year, each once, N being the shipments that were confirmed.
 * In-process (one server, one connection): it proves the numbering is transactional under
 * interleaved requests, not a race between processes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../../src-main/api/app';
import { startHttpDoor, type HttpDoor } from '../../../src-main/api/http';
import { fixedClock, tempDir } from '../../support/tempDir';
import { aCustomer } from '../../builders';
import { checkProblems, fillCompany } from './workshop';

const TOKEN = 'ddt-numbering-token';
const ORDERS = 60;

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
let door: HttpDoor;

beforeAll(async () => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  door = await startHttpDoor({ invoke: app.invokeAsync, token: TOKEN });
});
afterAll(async () => {
  await door?.close();
  app?.close();
  t?.cleanup();
});

async function post(op: string, input: unknown): Promise<{ ok: boolean; data?: { ddt: { number: string } | null }; error?: { code: string } }> {
  const res = await fetch(`http://127.0.0.1:${door.port}/api/${op}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await res.json()) as never;
}

describe('DDT numbering under interleaved confirmations (in-process, one connection)', () => {
  it('never leaves a gap or a duplicate', async () => {
    fillCompany(app);
    const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', netWeight: '100 g' });
    app.call('inventory.receive', { lines: [{ itemId: soap.id, quantity: '500', expiresOn: '2027-12-31' }] });
    const customer = aCustomer().create(app);
    const orders = Array.from({ length: ORDERS }, (_, i) => app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: String(1 + (i % 3)) }], confirm: true }));
    app.call('orders.fulfil', { orderIds: orders.map((o) => o.id) });
    const drafts = orders.map((o, i) => {
      const line = app.call('orders.get', { id: o.id }).lines[0]!;
      // every third draft has no packages: its confirmation must fail and take no number
      return app.call('shipping.create', { lines: [{ orderLineId: line.id, lotId: line.allocations[0]!.lotId, quantity: String(line.qtyMilli / 1000) }], packages: i % 3 === 2 ? [] : [{ count: 1 }] });
    });
    const requests = drafts.flatMap((d, i) => (i % 5 === 0 ? [d.id, d.id] : [d.id])).map((id) => post('shipping.confirm', { id }));
    const answers = await Promise.all(requests);
    const numbers = answers.filter((a) => a.ok).map((a) => a.data!.ddt!.number);
    const refusals = answers.filter((a) => !a.ok).map((a) => a.error!.code);
    // the second click of a pair finds the shipment already confirmed (or refused again, if it had no packages)
    const confirmed = drafts.filter((_, i) => i % 3 !== 2).length;
    expect(numbers).toHaveLength(confirmed);
    expect(new Set(numbers).size).toBe(confirmed);
    expect(numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b)).toEqual(Array.from({ length: confirmed }, (_, i) => i + 1));
    const sends = (i: number) => (i % 5 === 0 ? 2 : 1);
    expect(refusals.filter((c) => c === 'VALIDATION')).toHaveLength(drafts.reduce((n, _, i) => n + (i % 3 === 2 ? sends(i) : 0), 0));
    expect(refusals.filter((c) => c === 'CONFLICT')).toHaveLength(drafts.filter((_, i) => i % 3 !== 2 && i % 5 === 0).length);
    expect(app.ctx.sqlite.prepare("SELECT value FROM sequences WHERE key = 'ddt:2026'").pluck().get()).toBe(confirmed);
    expect(checkProblems(app)).toEqual([]);
  });
});
