/**
 * Money and quantity inputs are bounded so that every total stays an exact integer, and a
 * quantity finer than the item's unit is refused rather than rounded: each refusal is a
 * VALIDATION envelope naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aProduct, aSupplier, aMaterial, removeTempDbs, testApp } from '../builders';
import type { BottegaApp } from '../../src-main/api/app';

let app: BottegaApp;
let customerId: number;
let supplierId: number;
let soapId: number;
let waxId: number;

beforeAll(() => {
  app = testApp();
  customerId = aCustomer().create(app).id;
  supplierId = aSupplier().create(app).id;
  soapId = aProduct().unit('pcs').create(app).id;
  waxId = aMaterial().unit('kg').create(app).id;
});
afterAll(() => {
  app.close();
  removeTempDbs();
});

const orderCount = () => (app.ctx.sqlite.prepare('SELECT count(*) AS n FROM customer_orders').get() as { n: number }).n;

function refusedAt(name: 'orders.create' | 'purchasing.create', input: unknown): { key?: string; path: unknown[] }[] {
  const before = orderCount();
  const res = app.invoke(name, input);
  expect(res.ok).toBe(false);
  if (res.ok) return [];
  expect(res.error.code).toBe('VALIDATION');
  expect(orderCount()).toBe(before);
  return (res.error.details as { issues: { key?: string; path: unknown[] }[] }).issues;
}

describe('bounded money and quantities', () => {
  it('refuses a unit price of 9007199254740 with VALIDATION on the price field (no 500 about the output contract)', () => {
    const issues = refusedAt('orders.create', { customerId, lines: [{ itemId: soapId, quantity: '2', unitPrice: '9007199254740' }] });
    expect(issues).toEqual([expect.objectContaining({ path: ['lines', 0, 'unitPrice'], key: 'money.too_large' })]);
  });

  it('refuses a line whose quantity × price passes a billion euros, naming the price', () => {
    const issues = refusedAt('orders.create', { customerId, lines: [{ itemId: soapId, quantity: '1000000', unitPrice: '1000,01' }] });
    expect(issues).toEqual([expect.objectContaining({ path: ['lines', 0, 'unitPrice'], key: 'money.line_too_large' })]);
    const po = refusedAt('purchasing.create', { supplierId, lines: [{ itemId: waxId, quantity: '2000000', unitPrice: '600' }] });
    expect(po).toEqual([expect.objectContaining({ path: ['lines', 0, 'unitPrice'], key: 'money.line_too_large' })]);
  });

  it('accepts the largest line, and its totals are exact', () => {
    const order = app.call('orders.get', { id: app.call('orders.create', { customerId, lines: [{ itemId: soapId, quantity: '1000000', unitPrice: '1000', vatPct: '22' }] }).id });
    expect(order.totalCents).toBe(100_000_000_000);
    expect(order.vatCents).toBe(22_000_000_000);
  });

  it('refuses 0.0005 of a piece instead of storing 0.001, naming the quantity', () => {
    const issues = refusedAt('orders.create', { customerId, lines: [{ itemId: soapId, quantity: '1', unitPrice: '3' }, { itemId: soapId, quantity: '0.0005', unitPrice: '3' }] });
    expect(issues).toEqual([expect.objectContaining({ path: ['lines', 1, 'quantity'], key: 'quantity.too_precise' })]);
  });

  it('refuses a quantity over a billion of the unit', () => {
    const issues = refusedAt('orders.create', { customerId, lines: [{ itemId: waxId, quantity: '9007199254740', unitPrice: '0' }] });
    expect(issues).toEqual([expect.objectContaining({ path: ['lines', 0, 'quantity'], key: 'quantity.too_large' })]);
  });
});
