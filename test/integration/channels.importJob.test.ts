import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { type CallError, createApp, type BottegaApp } from '../../src-main/api/app';
import { IMPORT_IN_WORKER_FROM_BYTES, UPLOAD_CHUNK_BYTES } from '../../src-shared/contract/channelFiles';
import { fixedClock, tempDir } from '../support/tempDir';
import { shopifyExport } from '../builders/shopifyExport';

/** Two files set up alike: one imports directly, the other through the job's worker. */
let direct: { t: ReturnType<typeof tempDir>; app: BottegaApp };
let viaJob: { t: ReturnType<typeof tempDir>; app: BottegaApp };

function setUp() {
  const t = tempDir();
  const app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  app.call('catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '5,33' });
  app.call('catalog.createItem', { sku: 'CAN-ARA-200', name: 'Candela soia e arancia', kind: 'product', unit: 'pcs' });
  return { t, app };
}

beforeEach(() => {
  direct = setUp();
  viaJob = setUp();
});
afterEach(() => {
  for (const s of [direct, viaJob]) {
    s.app.close();
    s.t.cleanup();
  }
});

function upload(app: BottegaApp, bytes: Buffer): string {
  let uploadId: string | undefined;
  for (let i = 0, index = 0; i < bytes.length; i += UPLOAD_CHUNK_BYTES, index++) {
    uploadId = app.call('channels.uploadChunk', { uploadId, index, dataBase64: bytes.subarray(i, i + UPLOAD_CHUNK_BYTES).toString('base64'), fileName: 'orders.csv' }).uploadId;
  }
  return uploadId!;
}

/** Everything an import writes, read from the file itself. */
function written(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      orders: db.prepare('SELECT id, number, customer_id, channel, external_ref, state, ordered_on, status, notes FROM customer_orders ORDER BY id').all(),
      lines: db.prepare('SELECT order_id, position, item_id, qty_milli, unit_price_cents, discount_bp, vat_bp, note FROM order_lines ORDER BY order_id, position').all(),
      customers: db.prepare('SELECT id, name, email, postcode, city FROM customers ORDER BY id').all(),
      skuMappings: db.prepare('SELECT COUNT(*) AS n FROM channel_sku_map').get(),
    };
  } finally {
    db.close();
  }
}

/** Polls the job as the window does, asking the main thread other things meanwhile. */
async function followJob(app: BottegaApp, jobId: string) {
  const meanwhile = { statusAnswered: 0, refused: [] as unknown[] };
  for (;;) {
    const job = app.call('channels.importJob', { jobId });
    if (job.state !== 'running') return { job, meanwhile };
    expect(app.call('system.status', {}).dbPath).toBe(app.ctx.dbPath);
    meanwhile.statusAnswered++;
    if (meanwhile.refused.length === 0) {
      try {
        app.call('catalog.createItem', { sku: 'DURING-1', name: 'Written during the import', kind: 'product', unit: 'pcs' });
      } catch (e) {
        meanwhile.refused.push(e);
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the import job: a big file imported in a worker thread', () => {
  it('imports a 10,000-line export exactly as the direct import, while the main thread answers and refuses writes clearly', async () => {
    const bytes = Buffer.from(shopifyExport({ lines: 10_000, skus: ['SAP-LAV-100', 'CAN-ARA-200'], cancelledShare: 0.05 }), 'utf8');
    expect(bytes.length).toBeGreaterThan(IMPORT_IN_WORKER_FROM_BYTES); // so the job takes the worker path

    const expected = direct.app.call('channels.import', { uploadId: upload(direct.app, bytes), fileName: 'orders.csv' });
    const { jobId } = viaJob.app.call('channels.startImport', { uploadId: upload(viaJob.app, bytes), fileName: 'orders.csv' });
    const { job, meanwhile } = await followJob(viaJob.app, jobId);

    expect(job).toMatchObject({ state: 'done', stage: 'done', progress: 1, inWorker: true, error: null, rows: 10_000 });
    expect(job.result).toEqual(expected);
    expect(expected.created).toBeGreaterThan(1000);
    expect(written(viaJob.t.dbPath)).toEqual(written(direct.t.dbPath));

    // the main thread answered while the worker held the write lock
    expect(meanwhile.statusAnswered).toBeGreaterThan(0);
    // a write meanwhile was refused at once, saying why, and wrote nothing
    expect(meanwhile.refused).toHaveLength(1);
    const refusal = (meanwhile.refused[0] as CallError).envelope.error;
    expect(refusal.code).toBe('CONFLICT');
    expect(refusal.details?.reason).toBe('import_running');
    expect(viaJob.app.call('catalog.searchItems', { q: 'DURING-1' }).items).toHaveLength(0);
    // and once it is over, writes go through again
    expect(viaJob.app.call('catalog.createItem', { sku: 'AFTER-1', name: 'Written after the import', kind: 'product', unit: 'pcs' }).id).toBeGreaterThan(0);
  });

  it('a refused big file writes nothing: the job fails with the direct import’s error', async () => {
    const bytes = Buffer.from(shopifyExport({ lines: 10_000, skus: ['SAP-LAV-100', 'CAN-ARA-200', 'NOT-AN-ITEM'] }), 'utf8');
    const before = written(viaJob.t.dbPath);
    const directError = direct.app.invoke('channels.import', { uploadId: upload(direct.app, bytes), fileName: 'orders.csv' });
    if (directError.ok) throw new Error('the direct import should refuse the file');
    expect(directError.error.code).toBe('VALIDATION');

    const { jobId } = viaJob.app.call('channels.startImport', { uploadId: upload(viaJob.app, bytes), fileName: 'orders.csv' });
    const { job } = await followJob(viaJob.app, jobId);
    expect(job).toMatchObject({ state: 'failed', inWorker: true, result: null });
    expect(job.error).toMatchObject({ code: 'VALIDATION', message: directError.error.message });
    expect(job.error!.details.unknownSkus).toEqual(directError.error.details?.unknownSkus);
    expect(written(viaJob.t.dbPath)).toEqual(before);
  });

  it('a small file is imported in the command itself: the job is done when startImport answers', () => {
    const bytes = Buffer.from(shopifyExport({ lines: 20, skus: ['SAP-LAV-100'] }), 'utf8');
    const { jobId } = viaJob.app.call('channels.startImport', { uploadId: upload(viaJob.app, bytes), fileName: 'orders.csv' });
    const job = viaJob.app.call('channels.importJob', { jobId });
    expect(job).toMatchObject({ state: 'done', inWorker: false, error: null });
    expect(job.result!.created).toBe(written(viaJob.t.dbPath).orders.length);
  });
});
