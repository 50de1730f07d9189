/**
 * One "device" for versions.test.ts: opens the file on its own connection (no writer
 * lock, like a second process would), reads an order's version and prints `ready`, then
 * on `go` (a line on stdin) saves its notes with that version as expectedVersion and
 * prints the answer. Two of these, released together, race for the same version.
 *   node --import tsx versionEditor.ts <db> <orderId> <notes>
 */
import { createApp } from '../../../src-main/api/app';

const [dbPath, orderId, notes] = process.argv.slice(2);
const app = createApp(dbPath!, { access: 'read' });
const order = app.call('orders.get', { id: Number(orderId) });
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  const res = app.invoke('orders.update', {
    id: order.id,
    expectedVersion: order.version,
    customerId: order.customer.id,
    notes: notes!,
    lines: order.lines.map((l) => ({ itemId: l.item.id, quantity: String(l.qtyMilli / 1000), unitPrice: l.unitPrice })),
  });
  app.close();
  process.stdout.write(JSON.stringify({ readVersion: order.version, res }) + '\n');
  process.exit(0);
});
