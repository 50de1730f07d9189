/**
 * The activity log: every command that changed data leaves one entry, in its own
 * transaction (door, who, operation, documents, input with secrets masked); a refused
 * command leaves none; nothing can change or remove an entry; imports record too, also
 * from the worker on its own connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { startHttpDoor } from '../../src-main/api/http';
import { contract } from '../../src-shared/contract';
import { hasDocumentRule } from '../../src-main/modules/audit/documents';
import { IMPORT_IN_WORKER_FROM_BYTES, UPLOAD_CHUNK_BYTES } from '../../src-shared/contract/channelFiles';
import { aCustomer, aProduct } from '../builders';
import { shopifyExport } from '../builders/shopifyExport';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeAll(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterAll(() => {
  app.close();
  t.cleanup();
});

const entries = () => app.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_log').pluck().get() as number;
const last = () => app.call('audit.list', { limit: 1 }).rows[0]!;

describe('activity log', () => {
  it('records a command with when, door, who, operation, its documents and its input', () => {
    const customer = aCustomer().create(app);
    const soap = aProduct().unit('pcs').price('4,50').create(app);
    const order = app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }] });
    const e = last();
    expect(e).toMatchObject({
      at: '2026-10-22T08:00:00.000Z',
      door: 'app',
      actor: { kind: 'os_user', name: userInfo().username },
      operation: 'orders.create',
      docs: [`orders/${order.id}`],
      input: { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }] },
    });
    app.call('orders.confirm', { id: order.id });
    const history = app.call('audit.document', { doc: `orders/${order.id}` }).rows;
    expect(history.map((h) => h.operation)).toEqual(['orders.confirm', 'orders.create']);
  });

  it('leaves no entry for a refused command (it rolls back with the command), nor for a query', () => {
    const before = entries();
    expect(app.invoke('orders.create', { customerId: 999_999, lines: [{ itemId: 1, quantity: '1' }] }).ok).toBe(false);
    expect(app.invoke('orders.confirm', { id: 999_999 }).ok).toBe(false);
    expect(app.invoke('catalog.createItem', { sku: '' }).ok).toBe(false);
    app.call('catalog.searchItems', {});
    expect(entries()).toBe(before);
  });

  it('masks secrets (the SMTP password) and shortens file contents', () => {
    app.call('notifications.saveSettings', { host: 'smtp.example.it', user: 'bottega', password: 'hunter2-very-secret' });
    const smtp = last();
    expect(smtp.docs).toEqual(['settings/notifications']);
    expect(smtp.input).toMatchObject({ host: 'smtp.example.it', password: '***' });
    const logged = app.ctx.sqlite.prepare('SELECT input FROM audit_log').pluck().all() as string[];
    expect(logged.join('\n')).not.toContain('hunter2');
    const chunk = Buffer.alloc(3000, 7).toString('base64');
    app.call('channels.uploadChunk', { index: 0, dataBase64: chunk, fileName: 'orders.csv' });
    expect(last()).toMatchObject({ operation: 'channels.uploadChunk', input: { dataBase64: `[${chunk.length} characters]`, fileName: 'orders.csv' } });
  });

  it('cannot be changed or deleted, not even by SQL on the file', () => {
    const n = entries();
    expect(() => app.ctx.sqlite.prepare("UPDATE audit_log SET operation = 'x'").run()).toThrow(/activity log cannot be changed/);
    expect(() => app.ctx.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/activity log cannot be changed/);
    expect(() => app.ctx.sqlite.prepare('DELETE FROM audit_docs').run()).toThrow(/activity log cannot be changed/);
    expect(() => app.ctx.sqlite.prepare("UPDATE audit_docs SET doc = 'orders/1'").run()).toThrow(/activity log cannot be changed/);
    expect(entries()).toBe(n);
    // and the contract has no operation that would
    expect(Object.keys(contract).filter((k) => k.startsWith('audit.'))).toEqual(['audit.list', 'audit.document']);
  });

  it('filters by operation, door, document and dates, newest first, paged', () => {
    const all = app.call('audit.list', { limit: 1000 });
    expect(all.total).toBe(entries());
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(app.call('audit.list', { operation: 'orders.confirm' }).total).toBe(1);
    expect(app.call('audit.list', { door: 'browser' }).total).toBe(0);
    expect(app.call('audit.list', { since: '2026-10-22', until: '2026-10-22' }).total).toBe(all.total);
    expect(app.call('audit.list', { since: '2026-10-23' }).total).toBe(0);
    expect(app.call('audit.list', { until: '2026-10-21' }).total).toBe(0);
    const page = app.call('audit.list', { limit: 2, offset: 1 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
    const order = all.rows.find((r) => r.operation === 'orders.create')!;
    expect(app.call('audit.list', { doc: order.docs[0]! }).rows.map((r) => r.operation)).toEqual(['orders.confirm', 'orders.create']);
  });

  it('reads one document with an index lookup, not a scan of the log', () => {
    const plan = app.ctx.sqlite
      .prepare('EXPLAIN QUERY PLAN SELECT l.id FROM audit_docs d JOIN audit_log l ON l.id = d.audit_id WHERE d.doc = ? ORDER BY d.audit_id DESC LIMIT ?')
      .all('orders/1', 10) as { detail: string }[];
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toMatch(/SEARCH d USING (COVERING )?(INDEX|PRIMARY KEY)/);
    expect(text).not.toMatch(/SCAN/);
  });
});

describe('activity log: every command, every door', () => {
  it('the demo workshop, made through the registry, leaves one entry per command with the demo door and live documents', () => {
    const demo = createApp(':memory:');
    try {
      demo.call('system.loadDemo', { seed: 1 });
      const ops = demo.ctx.sqlite.prepare('SELECT operation, door, count(*) AS n FROM audit_log GROUP BY operation, door').all() as { operation: string; door: string; n: number }[];
      const commands = new Set(Object.entries(contract).filter(([, op]) => op.kind === 'command').map(([k]) => k));
      // only commands are logged, each module's commands are there
      for (const o of ops) expect(commands.has(o.operation), o.operation).toBe(true);
      const modules = new Set(ops.map((o) => o.operation.split('.')[0]));
      for (const m of ['settings', 'catalog', 'parties', 'inventory', 'orders', 'production', 'purchasing', 'shipping']) expect(modules.has(m), m).toBe(true);
      expect(ops.filter((o) => o.operation !== 'system.loadDemo').every((o) => o.door === 'demo')).toBe(true);
      expect(ops.find((o) => o.operation === 'system.loadDemo')).toMatchObject({ door: 'app', n: 1 });
      // every order the demo made has its history, starting with its creation
      const orders = demo.ctx.sqlite.prepare('SELECT id FROM customer_orders').pluck().all() as number[];
      for (const id of orders) expect(demo.call('audit.document', { doc: `orders/${id}` }).rows.at(-1)?.operation, `orders/${id}`).toMatch(/^(orders\.create|channels\.import)$/);
      // the documents named exist: lots, production orders and shipments
      const kinds: [string, string][] = [['lots', 'lots'], ['production', 'production_orders'], ['shipments', 'shipments']];
      for (const [kind, table] of kinds) {
        const ids = (demo.ctx.sqlite.prepare('SELECT DISTINCT substr(doc, length(?) + 2) FROM audit_docs WHERE doc LIKE ? || \'/%\'').pluck().all(kind, kind) as string[]).map(Number);
        expect(ids.length, kind).toBeGreaterThan(0);
        const known = new Set(demo.ctx.sqlite.prepare(`SELECT id FROM ${table}`).pluck().all() as number[]);
        expect(ids.filter((i) => !known.has(i)), kind).toEqual([]);
      }
    } finally {
      demo.close();
    }
  });

  it('every command of the contract has its documents rule, and no query has one', () => {
    const commands = Object.entries(contract).filter(([, op]) => op.kind === 'command').map(([k]) => k);
    expect(commands.filter((c) => !hasDocumentRule(c))).toEqual([]);
    expect(Object.entries(contract).filter(([k, op]) => op.kind === 'query' && hasDocumentRule(k))).toEqual([]);
  });

  it('a recall is filed under the lots it blocked; its dry run changed nothing and leaves no entry; label settings are recorded', () => {
    const demo = createApp(':memory:');
    try {
      demo.call('system.loadDemo', { seed: 1 });
      const count = () => demo.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
      const lotId = demo.ctx.sqlite.prepare("SELECT id FROM lots WHERE status = 'released' AND on_hand_milli > 0 ORDER BY id LIMIT 1").pluck().get() as number;
      const before = count();
      demo.call('trace.recall', { lotId, reason: 'Prova', dryRun: true });
      expect(count()).toBe(before);
      const recall = demo.call('trace.recall', { lotId, reason: 'Contaminazione' });
      const entry = demo.call('audit.list', { limit: 1 }).rows[0]!;
      expect(entry).toMatchObject({ operation: 'trace.recall', door: 'app' });
      expect(entry.docs).toContain(`lots/${lotId}`);
      for (const b of recall.blocked) expect(entry.docs).toContain(`lots/${b.lotId}`);
      demo.call('labels.saveSettings', {});
      expect(demo.call('audit.list', { limit: 1 }).rows[0]).toMatchObject({ operation: 'labels.saveSettings', docs: ['settings/labels'] });
    } finally {
      demo.close();
    }
  });

  it('the HTTP door records browser, the CLI records cli', async () => {
    const door = await startHttpDoor({ invoke: (n, i) => app.invokeAsync(n, i, 'browser'), token: 'tok' });
    try {
      const res = await fetch(`http://127.0.0.1:${door.port}/api/parties.createCustomer`, {
        method: 'POST',
        headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Erboristeria La Malva', country: 'IT' }),
      });
      const body = (await res.json()) as { data: { id: number } };
      expect(last()).toMatchObject({ door: 'browser', operation: 'parties.createCustomer', docs: [`customers/${body.data.id}`] });
    } finally {
      await door.close();
    }
    // a writing CLI command needs the file's writer lock: this process lets it go meanwhile
    app.close();
    const cli = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, 'call', 'inventory.createLocation', '{"code":"SCAFF-B","name":"Scaffale B"}'], {
      encoding: 'utf8',
      env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' },
    });
    app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
    expect(cli.status, cli.stderr).toBe(0);
    const location = JSON.parse(cli.stdout) as { id: number };
    expect(last()).toMatchObject({ door: 'cli', operation: 'inventory.createLocation', docs: [`locations/${location.id}`] });
  });

  it('an import job records the orders it wrote (door import), in the worker on its own connection too', async () => {
    app.call('catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '5,33' });
    const upload = (bytes: Buffer) => {
      let uploadId: string | undefined;
      for (let i = 0, index = 0; i < bytes.length; i += UPLOAD_CHUNK_BYTES, index++) {
        uploadId = app.call('channels.uploadChunk', { uploadId, index, dataBase64: bytes.subarray(i, i + UPLOAD_CHUNK_BYTES).toString('base64'), fileName: 'orders.csv' }).uploadId;
      }
      return uploadId!;
    };
    const bytes = Buffer.from(shopifyExport({ lines: 10_000, skus: ['SAP-LAV-100'] }), 'utf8');
    expect(bytes.length).toBeGreaterThan(IMPORT_IN_WORKER_FROM_BYTES);
    const { jobId } = app.call('channels.startImport', { uploadId: upload(bytes), fileName: 'orders.csv' });
    let job = app.call('channels.importJob', { jobId });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = app.call('channels.importJob', { jobId });
    }
    expect(job.inWorker).toBe(true);
    expect(job.state).toBe('done');
    const entry = app.call('audit.list', { door: 'import', limit: 1 }).rows[0]!;
    expect(entry.operation).toBe('channels.import');
    const imported = app.ctx.sqlite.prepare("SELECT id FROM customer_orders WHERE channel = 'shopify' ORDER BY id").pluck().all() as number[];
    expect(imported.length).toBe(job.result!.created);
    expect(entry.docs).toEqual(imported.map((id) => `orders/${id}`));
    expect(app.call('audit.document', { doc: `orders/${imported[0]}` }).rows[0]).toMatchObject({ door: 'import', operation: 'channels.import' });
  }, 120_000);
});

describe('bottega audit', () => {
  const bottega = (args: string[]) =>
    spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, 'audit', ...args], { encoding: 'utf8', env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' } });

  it("prints one document's history, newest first, as lines and as JSON", () => {
    const orderId = (app.call('audit.list', { operation: 'orders.create' }).rows[0]!.docs[0] ?? '').split('/')[1];
    const text = bottega(['--doc', `orders/${orderId}`]);
    expect(text.status, text.stderr).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^2026-10-22 08:00:00  app +${userInfo().username} +orders\\.confirm +orders/${orderId}$`));
    expect(lines[1]).toMatch(/orders\.create/);
    const json = bottega(['--doc', `orders/${orderId}`, '--json']);
    const rows = JSON.parse(json.stdout) as { operation: string; input: unknown }[];
    expect(rows.map((r) => r.operation)).toEqual(['orders.confirm', 'orders.create']);
    expect(rows[0]!.input).toEqual({ id: Number(orderId) });
  });

  it('filters by date, and refuses a malformed filter with exit code 2', () => {
    expect(bottega(['--until', '2026-10-21']).stdout.trim()).toBe('No activity recorded for this filter.');
    const all = JSON.parse(bottega(['--since', '2026-10-22', '--json']).stdout) as unknown[];
    expect(all.length).toBe(entries());
    const bad = bottega(['--doc', 'not a document']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stderr)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
