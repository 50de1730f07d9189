/**
 * Several people at once (issue 20): optimistic versions on documents and the change feed.
 * Two connections to one file stand for two devices: both read version N, the first saves,
 * the second's save with expectedVersion N is refused with CONFLICT naming the first's
 * change (who, when, what) and writes nothing. Every change raises the version; the
 * change feed names what changed since a counter.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { contract } from '../../src-shared/contract';
import { EDITS } from '../../src-main/modules/versions/edits';
import { aCustomer, aProduct, aSupplier } from '../builders';
import { fixedClock, tempDir } from '../support/tempDir';

const t = tempDir();
let a: BottegaApp;
let b: BottegaApp;
afterAll(() => {
  b?.close();
  a?.close();
  t.cleanup();
});

beforeAll(() => {
  // device A holds the file as the app does; device B is a second connection to the same file, with its own clock
  a = createApp(t.dbPath, { now: fixedClock('2026-12-05T10:42:00.000Z') });
  b = createApp(t.dbPath, { access: 'read', now: fixedClock('2026-12-05T10:45:00.000Z') });
});

const logCount = (app: BottegaApp) => app.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

function anOrder() {
  const customer = aCustomer().create(a);
  const soap = aProduct().unit('pcs').price('4,50').create(a);
  const order = a.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }] });
  return { customer, soap, order };
}

describe('optimistic versions', () => {
  it('the second device saving the version both read is refused with CONFLICT naming the first device’s change, and nothing of it is written', () => {
    const { customer, soap, order } = anOrder();
    const seenByA = a.call('orders.get', { id: order.id });
    const seenByB = b.call('orders.get', { id: order.id });
    expect(seenByB.version).toBe(seenByA.version);
    const input = (notes: string, quantity: string, expectedVersion: number) => ({ id: order.id, expectedVersion, customerId: customer.id, notes, lines: [{ itemId: soap.id, quantity }] });

    const saved = a.call('orders.update', input('Consegna al mattino', '12', seenByA.version));
    expect(saved.version).toBe(seenByA.version + 1);
    const entriesBefore = logCount(b);

    const refused = b.invoke('orders.update', input('Consegna il pomeriggio', '30', seenByB.version));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('CONFLICT');
    const firstEntry = a.call('audit.document', { doc: `orders/${order.id}`, limit: 1 }).rows[0]!;
    expect(refused.error.details).toEqual({
      reason: 'version',
      doc: `orders/${order.id}`,
      expectedVersion: seenByB.version,
      version: seenByA.version + 1,
      changedBy: firstEntry.actor.name,
      changedAt: '2026-12-05T10:42:00.000Z',
      operation: 'orders.update',
    });
    expect(refused.error.message).toContain(`by ${firstEntry.actor.name} at 2026-12-05T10:42:00.000Z`);
    // nothing of B: A's notes and quantity, A's version, no log entry
    const now = b.call('orders.get', { id: order.id });
    expect(now).toMatchObject({ notes: 'Consegna al mattino', version: seenByA.version + 1 });
    expect(now.lines[0]!.qtyMilli).toBe(12_000);
    expect(logCount(b)).toBe(entriesBefore);
    // B reloads, and its save with the version it now saw goes through
    expect(b.call('orders.update', input('Consegna il pomeriggio', '30', now.version)).version).toBe(now.version + 1);
  });

  it('two processes released together with the same version: exactly one save goes through, the other is refused with CONFLICT naming it', async () => {
    const { order } = anOrder();
    const script = join(__dirname, '..', 'support', 'processes', 'versionEditor.ts');
    const devices = ['Nota di Anna', 'Nota di Bruno'].map((notes) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, t.dbPath, String(order.id), notes], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      const lines: string[] = [];
      let onLine: (() => void) | null = null;
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        while (out.includes('\n')) {
          lines.push(out.slice(0, out.indexOf('\n')));
          out = out.slice(out.indexOf('\n') + 1);
          onLine?.();
        }
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const line = (n: number) =>
        new Promise<string>((resolve, reject) => {
          const check = () => lines.length > n && resolve(lines[n]!);
          onLine = check;
          check();
          child.on('exit', (code) => lines.length <= n && reject(new Error(`editor exited ${code}: ${err}`)));
        });
      return { child, line, notes };
    });
    expect(await Promise.all(devices.map((d) => d.line(0)))).toEqual(['ready', 'ready']);
    for (const d of devices) d.child.stdin.write('go\n');
    const results = (await Promise.all(devices.map((d) => d.line(1)))).map(
      (l) => JSON.parse(l) as { readVersion: number; res: { ok: true; data: { notes: string; version: number } } | { ok: false; error: { code: string; details: Record<string, unknown> } } },
    );
    expect(results[0]!.readVersion).toBe(results[1]!.readVersion);
    const won = results.filter((r) => r.res.ok);
    const lost = results.filter((r) => !r.res.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.res as { ok: true; data: { notes: string; version: number } };
    const loser = lost[0]!.res as { ok: false; error: { code: string; details: Record<string, unknown> } };
    expect(loser.error.code).toBe('CONFLICT');
    expect(loser.error.details).toMatchObject({ reason: 'version', version: winner.data.version, operation: 'orders.update' });
    expect(a.call('orders.get', { id: order.id })).toMatchObject({ notes: winner.data.notes, version: winner.data.version });
  });

  it('every change raises the version by one: edits, confirm, a promised date, and what other commands do to the document on the way', () => {
    const { customer, soap, order } = anOrder();
    const v0 = order.version;
    const edited = a.call('orders.update', { id: order.id, customerId: customer.id, notes: 'x', lines: [{ itemId: soap.id, quantity: '2' }] });
    expect(edited.version).toBe(v0 + 1);
    expect(a.call('orders.confirm', { id: order.id, expectedVersion: v0 + 1 }).version).toBe(v0 + 2);
    expect(a.call('orders.cancel', { id: order.id, expectedVersion: v0 + 2 }).version).toBe(v0 + 3);
    // the list shows the same version as the document
    expect(a.call('orders.list', { customerId: customer.id }).orders[0]!.version).toBe(v0 + 3);

    const item = a.call('catalog.getItem', { id: soap.id });
    const renamed = a.call('catalog.updateItem', { ...aProduct().unit('pcs').input(), sku: item.sku, name: 'Sapone nuovo', id: soap.id, expectedVersion: item.version });
    expect(renamed.version).toBe(item.version + 1);
    expect(a.invoke('catalog.archiveItem', { id: soap.id, archived: true, expectedVersion: item.version })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // the item's label details are saved from their own card: the item form's version does not move (no conflict with yourself)
    a.call('labels.saveItemInfo', { itemId: soap.id, labelKind: 'food', expiryWording: 'best_before', unitsPerCase: 12 });
    expect(a.call('catalog.getItem', { id: soap.id }).version).toBe(renamed.version);
    const refused = a.invoke('catalog.archiveItem', { id: soap.id, archived: true, expectedVersion: item.version });
    expect(refused.ok || refused.error.details).toMatchObject({ changedAt: '2026-12-05T10:42:00.000Z', operation: 'catalog.updateItem' });

    const supplier = aSupplier().create(a);
    const changed = a.call('parties.updateSupplier', { ...aSupplier().input(), id: supplier.id, expectedVersion: supplier.version });
    expect(changed.version).toBe(supplier.version + 1);
    expect(a.call('parties.getSupplier', { id: supplier.id }).version).toBe(changed.version);
    // a customer's version moves with its own edits only, not with its orders
    expect(a.call('parties.getCustomer', { id: customer.id }).version).toBe(customer.version);
  });

  it('a stale version of an unknown document is NOT_FOUND (not a conflict), and a command without expectedVersion is not checked', () => {
    expect(a.invoke('orders.confirm', { id: 999_999, expectedVersion: 3 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { order } = anOrder();
    expect(a.call('orders.confirm', { id: order.id }).version).toBe(order.version + 1);
  });

  it('every command whose input takes expectedVersion names the document it edits (the check cannot be forgotten)', () => {
    const withField = Object.entries(contract)
      .filter(([, op]) => op.kind === 'command' && 'shape' in op.input && 'expectedVersion' in (op.input as unknown as { shape: object }).shape)
      .map(([name]) => name)
      .sort();
    expect(withField.length).toBeGreaterThan(15);
    expect(withField).toEqual(Object.keys(EDITS).sort());
  });
});

describe('change feed', () => {
  it('reports the counter, then the documents changed after it (also by another connection), and nothing when nothing changed', () => {
    const start = b.call('system.changes', {});
    expect(start.docs).toEqual([]);
    expect(b.call('system.changes', { since: start.counter })).toEqual({ counter: start.counter, docs: [], everything: false });

    const { order, customer } = anOrder();
    const after = b.call('system.changes', { since: start.counter });
    expect(after.counter).toBeGreaterThan(start.counter);
    expect(after.everything).toBe(false);
    expect(after.docs).toEqual(expect.arrayContaining([`orders/${order.id}`, `customers/${customer.id}`]));

    a.call('orders.confirm', { id: order.id, expectedVersion: order.version });
    const next = b.call('system.changes', { since: after.counter });
    expect(next).toEqual({ counter: after.counter + 1, docs: [`orders/${order.id}`], everything: false });
  });
});
