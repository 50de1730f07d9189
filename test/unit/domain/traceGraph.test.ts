import { describe, expect, it } from 'vitest';
import { customersToContact, distancesFrom, editDistance, lotsToRecall, similarCodes, traceTree, type GenealogyEdge } from '../../../src-shared/domain/traceGraph';

// 1,2 → 10 (batch 100); 1 → 11 (101); 10,11 → 20 (102): lot 1 reaches 20 by two paths
const edges: GenealogyEdge[] = [
  { inputLotId: 1, outputLotId: 10, productionOrderId: 100, qtyMilli: 500 },
  { inputLotId: 2, outputLotId: 10, productionOrderId: 100, qtyMilli: 300 },
  { inputLotId: 1, outputLotId: 11, productionOrderId: 101, qtyMilli: 700 },
  { inputLotId: 10, outputLotId: 20, productionOrderId: 102, qtyMilli: 400 },
  { inputLotId: 11, outputLotId: 20, productionOrderId: 102, qtyMilli: 600 },
];

describe('trace graph', () => {
  it('gives each reachable lot its shortest distance, either way', () => {
    expect([...distancesFrom(1, edges, 'forward')].sort((a, b) => a[0] - b[0])).toEqual([[1, 0], [10, 1], [11, 1], [20, 2]]);
    expect([...distancesFrom(20, edges, 'backward')].sort((a, b) => a[0] - b[0])).toEqual([[1, 2], [2, 2], [10, 1], [11, 1], [20, 0]]);
    expect([...distancesFrom(2, edges, 'backward')]).toEqual([[2, 0]]);
  });

  it('draws a lot reached twice once in full, then as a reference', () => {
    const tree = traceTree(1, edges, 'forward');
    expect(tree.children.map((c) => [c.lotId, c.via?.qtyMilli, c.repeated])).toEqual([[10, 500, false], [11, 700, false]]);
    expect(tree.children[0]!.children.map((c) => [c.lotId, c.repeated])).toEqual([[20, false]]);
    expect(tree.children[1]!.children.map((c) => [c.lotId, c.repeated, c.children.length])).toEqual([[20, true, 0]]);
    const back = traceTree(20, edges, 'backward');
    const lots: number[] = [];
    const walk = (n: typeof back) => {
      lots.push(n.lotId);
      n.children.forEach(walk);
    };
    walk(back);
    expect(lots).toEqual([20, 10, 1, 2, 11, 1]);
  });

  it('lists each customer once with their lots and DDTs', () => {
    const c = (id: number, name: string) => ({ id, name, email: null, phone: null });
    const out = customersToContact([
      { lotId: 20, customer: c(2, 'Verdi'), ddtNumber: '3/2026', ddtDate: '2026-03-01', shippedMilli: 1, returnedMilli: 0 },
      { lotId: 21, customer: c(1, 'Bianchi'), ddtNumber: '4/2026', ddtDate: '2026-03-02', shippedMilli: 1, returnedMilli: 0 },
      { lotId: 21, customer: c(2, 'Verdi'), ddtNumber: '3/2026', ddtDate: '2026-03-01', shippedMilli: 1, returnedMilli: 0 },
    ]);
    expect(out.map((x) => [x.customer.name, x.lotIds, x.ddts.map((d) => d.number), x.shipmentLines])).toEqual([
      ['Bianchi', [21], ['4/2026'], 1],
      ['Verdi', [20, 21], ['3/2026'], 2],
    ]);
  });

  it('blocks lots with stock that are not recalled yet', () => {
    const r = lotsToRecall([
      { id: 1, status: 'released' as const, onHandMilli: 5 },
      { id: 2, status: 'released' as const, onHandMilli: 0 },
      { id: 3, status: 'recalled' as const, onHandMilli: 5 },
      { id: 4, status: 'blocked' as const, onHandMilli: 1 },
      { id: 5, status: 'quarantine' as const, onHandMilli: 1 },
    ], 1);
    expect(r.block.map((l) => l.id)).toEqual([1, 4, 5]);
    expect(r.untouched.map((l) => l.id)).toEqual([2, 3]);
  });

  it('always marks the lot the recall is raised against, even used up', () => {
    const r = lotsToRecall([
      { id: 1, status: 'released' as const, onHandMilli: 0 },
      { id: 2, status: 'released' as const, onHandMilli: 0 },
    ], 1);
    expect(r.block.map((l) => l.id)).toEqual([1]);
    expect(r.untouched.map((l) => l.id)).toEqual([2]);
  });

  it('suggests codes one typo away, or containing what was typed', () => {
    expect(editDistance('L26251-1', 'L26215-1')).toBe(1);
    expect(similarCodes('l26251-2', ['L26251-1', 'L26251-12', 'X99999-9', 'L26215-1'])).toEqual(['L26251-1', 'L26251-12']);
    expect(similarCodes('ALM-77', ['ALM-2026-77', 'ALM-78', 'ZZZ'])).toEqual(['ALM-78']);
    expect(similarCodes('QQQQQQ', ['L26251-1'])).toEqual([]);
  });
});
