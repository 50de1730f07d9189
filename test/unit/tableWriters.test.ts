import { describe, expect, it } from 'vitest';
import { tableOwners, tableWrites } from '../support/tableWriters';

/**
 * The demo generator's bulk loaders still write these tables of other modules directly
 * (thousands of rows per statement for the ten-year benchmark database). They are listed
 * so the set can only shrink: a new direct write from the demo fails below.
 */
const DEMO_BULK_WRITES = [
  'ddts', 'sequences', 'shipment_lines', 'shipment_packages', 'shipments', 'stock_movements',
];

describe('one writer per table', () => {
  const { owner } = tableOwners();
  const writes = tableWrites();

  it('finds the writes and the owners (the scan is not empty by accident)', () => {
    expect(owner.size).toBeGreaterThan(30);
    expect(owner.get('customer_orders')).toBe('orders');
    expect(writes.length).toBeGreaterThan(80);
    expect(writes).toContainEqual(expect.objectContaining({ table: 'customer_orders', writer: 'orders', file: 'src-main/modules/orders/orderCommands.ts' }));
  });

  it('every table written is declared by some module’s schema.ts', () => {
    expect([...new Set(writes.filter((w) => !owner.has(w.table)).map((w) => `${w.file}:${w.line} ${w.table}`))]).toEqual([]);
  });

  it('outside the demo, every INSERT, UPDATE and DELETE is in the module that owns its table', () => {
    const strangers = writes.filter((w) => w.writer !== 'demo' && owner.get(w.table) !== w.writer);
    expect(strangers.map((w) => `${w.file}:${w.line} writes ${w.table} (owned by ${owner.get(w.table)})`)).toEqual([]);
  });

  it('the demo writes no other module’s table beyond its listed bulk loaders', () => {
    const demo = [...new Set(writes.filter((w) => w.writer === 'demo' && owner.get(w.table) !== 'demo').map((w) => w.table))].sort();
    expect(demo.filter((t) => !DEMO_BULK_WRITES.includes(t))).toEqual([]);
    expect(DEMO_BULK_WRITES.filter((t) => !demo.includes(t))).toEqual([]); // moved beside its module: take it off the list
  });
});
