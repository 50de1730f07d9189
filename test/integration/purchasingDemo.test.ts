import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src-main/db/check';
import { readOnlyCtx } from '../../src-main/api/readOnly';
import { openSupply } from '../../src-main/modules/purchasing/openSupply';
import { currentPlan } from '../../src-main/modules/planning/planCache';
import { demoApp } from '../builders';

describe('purchasing in the small demo (through the commands)', () => {
  const a = demoApp({ seed: 3 });
  afterAll(() => a.close());
  const all = <T>(sql: string) => a.ctx.sqlite.prepare(sql).all() as T[];

  it('gives every bought item its preferred supplier and shows orders in every state', () => {
    expect(runCheck(a.ctx).checks.filter((c) => !c.ok)).toEqual([]);
    const untermed = all<{ sku: string }>(
      "SELECT sku FROM items i WHERE kind IN ('material', 'packaging') AND archived = 0 AND NOT EXISTS (SELECT 1 FROM supplier_items si WHERE si.item_id = i.id AND si.preferred = 1)",
    );
    expect(untermed).toEqual([]);
    const states = new Set(all<{ status: string }>('SELECT DISTINCT status FROM purchase_orders').map((r) => r.status));
    expect([...states].sort()).toEqual(['cancelled', 'draft', 'partially_received', 'received', 'sent']);
    expect(a.counts.purchaseOrders).toBe(all('SELECT id FROM purchase_orders').length);
    // numbers of one year without gaps
    const numbers = all<{ number: string }>('SELECT number FROM purchase_orders ORDER BY id').map((r) => r.number);
    const byYear = new Map<string, number[]>();
    for (const n of numbers) byYear.set(n.slice(2, 6), [...(byYear.get(n.slice(2, 6)) ?? []), Number(n.slice(7))]);
    for (const seq of byYear.values()) expect(seq).toEqual(seq.map((_, i) => i + 1));
  });

  it('has open supply for the materials whose supplier is late, and the stock shows it incoming', () => {
    const ids = all<{ id: number; sku: string }>("SELECT id, sku FROM items WHERE sku IN ('MP-LATTE-CAPRA', 'MP-OE-MENTA')");
    const supply = openSupply(a.ctx, ids.map((i) => i.id));
    expect(new Set(supply.map((s) => s.itemId))).toEqual(new Set(ids.map((i) => i.id)));
    const stock = a.call('inventory.stockOverview', {}).rows;
    for (const i of ids) expect(stock.find((r) => r.item.id === i.id)!.incomingMilli).toBe(supply.filter((s) => s.itemId === i.id).reduce((t, s) => t + s.openMilli, 0));
  });

  it('the plan nets exactly the open supply purchasing lists, line by line in its order (the plan reads its own columns)', () => {
    const listed = openSupply(a.ctx).map((l) => ({ itemId: l.itemId, purchaseOrderId: l.purchaseOrderId, purchaseOrderNumber: l.purchaseOrderNumber, openMilli: l.openMilli, expectedDate: l.expectedDate }));
    expect(new Set(listed.map((l) => l.itemId)).size).toBeGreaterThan(1);
    expect(currentPlan(readOnlyCtx(a.ctx)).snap.supply.purchases).toEqual(listed);
  });
});
