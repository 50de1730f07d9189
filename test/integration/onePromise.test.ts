/**
 * Issue 17 item 1 replayed on the demo workshop: 48 lavender candles, typed, saved and
 * confirmed, fulfilled. The order editor's quote, the saved order, the order after fulfil,
 * the production orders (header and table), the fulfil dialog and the shortage list must
 * give the same date and the same shortage.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliveryPromiseOut } from '../../src-shared/contract/planning';
import type { ProposalOut } from '../../src-shared/contract/orders';
import { demoApp, removeTempDbs } from '../builders';

afterAll(removeTempDbs);

const dates = (p: DeliveryPromiseOut) => ({ shipOn: p.shipOn, deliveryOn: p.deliveryOn, materialsOn: p.materialsOn, materialsBy: p.materialsBy, late: p.late, unknown: p.unknown });
const withoutIdentity = ({ orderId: _i, orderNumber: _n, ...p }: DeliveryPromiseOut) => p;

/** Bought materials the dialog shows short, by SKU, through every level of the proposal tree. */
function dialogShort(ps: ProposalOut[], into = new Map<string, number>()): Map<string, number> {
  for (const p of ps) {
    for (const m of p.materials) if (m.shortMilli > 0 && m.item.kind !== 'intermediate' && m.item.kind !== 'product') into.set(m.item.sku, (into.get(m.item.sku) ?? 0) + m.shortMilli);
    dialogShort(p.children, into);
  }
  return into;
}

describe('one delivery promise, from typing to production (demo workshop, 48 lavender candles)', () => {
  const app = demoApp({ seed: 1 });
  afterAll(() => app.close());
  const itemId = (sku: string) => (app.ctx.sqlite.prepare('SELECT id FROM items WHERE sku = ?').get(sku) as { id: number }).id;
  const customerId = (app.ctx.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').get() as { id: number }).id;
  const candles = itemId('PF-CAND-LAV');
  // requested before other open orders that want the same candles and wax: the queue puts it ahead of them
  const input = { customerId, requestedOn: '2026-01-20', lines: [{ itemId: candles, quantity: '48' }] };

  it('editor quote == saved order == after fulfil == fulfil dialog == production header == production table == shortage list', () => {
    const typed = app.call('planning.promise', input);
    const order = app.call('orders.create', { ...input, confirm: true });
    const saved = app.call('planning.promise', { orderId: order.id });
    // the whole promise, not only the date: same production, same batches, same stock
    expect(withoutIdentity(saved)).toEqual(withoutIdentity(typed));
    expect(saved.deliveryOn).not.toBeNull();

    const shortBefore = app.call('planning.shortages', { orderId: order.id }).rows.map((r) => [r.item.sku, r.shortMilli]);
    expect(shortBefore).toEqual([['MP-OE-LAVANDA', 652_400]]);
    const preview = app.call('orders.fulfilPreview', { orderIds: [order.id] });
    expect([...dialogShort(preview.proposals)]).toEqual(shortBefore);

    const done = app.call('orders.fulfil', { orderIds: [order.id] });
    const after = app.call('planning.promise', { orderId: order.id });
    expect(dates(after)).toEqual(dates(saved));
    expect(app.call('planning.shortages', { orderId: order.id }).rows.map((r) => [r.item.sku, r.shortMilli])).toEqual(shortBefore);
    const all = app.call('planning.shortages', {}).rows.find((r) => r.item.sku === 'MP-OE-LAVANDA')!;
    expect(all.causes.map((c) => c.number)).toContain(order.number);

    // each production order: the header says what its table says, and what the shortage list says for it
    const board = app.call('production.list', { statuses: ['planned'], limit: 500 }).orders;
    const shortOfProduction = new Map<string, number>();
    for (const id of done.productionOrderIds) {
      const po = app.call('production.get', { id });
      const tableShort = po.components.filter((c) => c.shortMilli > 0);
      const listed = app.call('planning.shortages', { productionOrderId: id }).rows;
      expect(po.materialsShort).toBe(tableShort.length > 0);
      expect(po.materialsShort).toBe(listed.length > 0);
      expect(board.find((r) => r.id === id)!.materialsShort).toBe(po.materialsShort);
      for (const c of tableShort) if (c.item.kind !== 'intermediate') shortOfProduction.set(c.item.sku, c.shortMilli);
      // the dialog's proposal for this item said the same about its own materials
      const proposal = [preview.proposals[0]!, ...preview.proposals[0]!.children].find((p) => p.item.id === po.item.id)!;
      expect(proposal.materialsShort).toBe(po.materialsShort);
    }
    expect([...shortOfProduction]).toEqual(shortBefore);
  });

  it('orders.setPromisedDate promises the plan’s date; a bad or past date is refused on promisedOn; a new order ahead in the queue is named when the date moves', () => {
    const a = app.call('orders.create', { customerId, requestedOn: '2026-02-20', lines: [{ itemId: candles, quantity: '48' }], confirm: true });
    const p = app.call('planning.promise', { orderId: a.id });
    expect(p.change).toBeNull();
    expect(app.call('orders.setPromisedDate', { id: a.id, promisedOn: p.deliveryOn! }).promisedOn).toBe(p.deliveryOn);
    expect(app.call('planning.promise', { orderId: a.id }).change).toBeNull();
    const ops = app.ctx.sqlite.prepare('SELECT l.operation FROM audit_docs d JOIN audit_log l ON l.id = d.audit_id WHERE d.doc = ? ORDER BY l.id').pluck().all(`orders/${a.id}`);
    expect(ops).toEqual(['orders.create', 'orders.setPromisedDate']);

    for (const [promisedOn, key] of [['2026-02-30', undefined], ['2026-01-02', 'date_in_past']] as const) {
      const r = app.invoke('orders.setPromisedDate', { id: a.id, promisedOn });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.details?.issues).toEqual([expect.objectContaining({ path: ['promisedOn'], ...(key ? { key } : {}) })]);
      }
    }
    expect(app.call('orders.get', { id: a.id }).promisedOn).toBe(p.deliveryOn);

    // a bigger order for the same candles, requested earlier: the queue puts it ahead, the date moves, the panel says why
    const b = app.call('orders.create', { customerId, requestedOn: '2026-01-21', lines: [{ itemId: candles, quantity: '240' }], confirm: true });
    const moved = app.call('planning.promise', { orderId: a.id });
    expect(moved.deliveryOn! > p.deliveryOn!).toBe(true);
    expect(moved.change).toEqual({ promisedOn: p.deliveryOn, causes: [{ kind: 'order_ahead', refs: [b.number] }] });
  });
});
