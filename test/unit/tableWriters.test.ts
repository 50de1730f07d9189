import { describe, expect, it } from 'vitest';
import { tableOwners, tableWrites } from '../support/tableWriters';

/**
 * The demo generator writes no table itself: its bulk loaders for generated data live
 * beside each owning module (src-main/modules/<name>/bulkLoad.ts), so it is held to the
 * same rule as every other writer below.
 */
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

  it('every INSERT, UPDATE and DELETE is in the module that owns its table (the demo included)', () => {
    const strangers = writes.filter((w) => owner.get(w.table) !== w.writer);
    expect(strangers.map((w) => `${w.file}:${w.line} writes ${w.table} (owned by ${owner.get(w.table)})`)).toEqual([]);
  });
});
