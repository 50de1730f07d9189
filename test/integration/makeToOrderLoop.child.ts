/**
 * Run as a real child process by flow.crashDrill.test.ts (bundled, see bundledScript):
 * the make-to-order flow in a loop through the registry — order create → confirm →
 * fulfil → release and complete each production order (intermediates first) — until it
 * is killed. After each command returns it writes one line, synchronously, saying what
 * was acknowledged: `ack <operation> <document>=<status> …`, the documents the command
 * touched with the status the app showed right after it. Those lines are the promises the
 * drill holds the database to after the kill.
 *
 * argv: dbPath itemId quantity customerId
 */
import { writeSync } from 'node:fs';
import { createApp } from '../../src-main/api/app';

const [dbPath, itemId, quantity, customerId] = process.argv.slice(2);
const app = createApp(dbPath!, { now: () => new Date('2026-10-22T08:00:00.000Z'), program: 'cli', door: 'cli' });

function ack(op: string, docs: { number: string; status: string }[]): void {
  // fd 1 written directly: the line has left the process before the next command starts
  writeSync(1, `ack ${op} ${docs.map((d) => `${d.number}=${d.status}`).join(' ')}\n`);
}
const orderNow = (id: number) => app.call('orders.get', { id });

// bounded, should the test that kills it die first
const until = Date.now() + 20_000;
while (Date.now() < until) {
  const order = app.call('orders.create', { customerId: Number(customerId), channel: 'phone', lines: [{ itemId: Number(itemId), quantity: quantity! }] });
  ack('orders.create', [order]);
  ack('orders.confirm', [app.call('orders.confirm', { id: order.id })]);
  const { productionOrderIds } = app.call('orders.fulfil', { orderIds: [order.id] });
  ack('orders.fulfil', [orderNow(order.id), ...productionOrderIds.map((id) => app.call('production.get', { id }))]);
  // created parent first, then its intermediates: backwards, every batch comes after what it uses
  for (const id of [...productionOrderIds].reverse()) {
    ack('production.release', [app.call('production.release', { id })]);
    const done = app.call('production.complete', { id });
    ack('production.complete', [done, orderNow(order.id)]);
  }
}
app.close();
