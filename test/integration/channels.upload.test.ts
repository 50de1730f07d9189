import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { startHttpDoor } from '../../src-main/api/http';
import { backupFileFor } from '../../src-main/modules/channels/fileHandlers';
import { PREVIEW_ORDERS_SHOWN, UPLOAD_CHUNK_BYTES } from '../../src-shared/contract/channelFiles';
import { fixedClock, tempDir } from '../support/tempDir';
import { shopifyExport } from '../builders/shopifyExport';

const FIXTURES = join(__dirname, '..', 'fixtures', 'channels');

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  app.call('catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '5,33' });
  app.call('catalog.createItem', { sku: 'CAN-ARA-200', name: 'Candela soia e arancia', kind: 'product', unit: 'pcs' });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

/** The file sent as the window sends it: chunks of UPLOAD_CHUNK_BYTES, in order. */
function upload(bytes: Buffer, chunk = UPLOAD_CHUNK_BYTES): string {
  let uploadId: string | undefined;
  for (let i = 0, index = 0; i < bytes.length || index === 0; i += chunk, index++) {
    const r = app.call('channels.uploadChunk', { uploadId, index, dataBase64: bytes.subarray(i, i + chunk).toString('base64'), fileName: 'orders.csv' });
    uploadId = r.uploadId;
    if (i + chunk >= bytes.length) expect(r.bytes).toBe(bytes.length);
  }
  return uploadId!;
}

async function finished(jobId: string) {
  for (;;) {
    const j = app.call('channels.previewJob', { jobId });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('big files: chunked upload and the preview in a worker', () => {
  it('previews an uploaded file in a worker exactly as the direct preview, then imports it by upload id', async () => {
    const bytes = readFileSync(join(FIXTURES, 'shopify-orders-export.csv'));
    const uploadId = upload(bytes, 100); // many small chunks: order and joining are exercised
    const direct = app.call('channels.previewImport', { fileBase64: bytes.toString('base64'), fileName: 'orders.csv' });
    const { jobId } = app.call('channels.startPreview', { uploadId, fileName: 'orders.csv' });
    const job = await finished(jobId);
    expect(job).toMatchObject({ state: 'done', stage: 'done', progress: 1, rows: 4, inWorker: true, error: null, ordersOmitted: 0 });
    expect(job.preview).toEqual(direct);
    expect(job.preview!.unknownSkus.map((u) => u.externalSku)).toEqual(['SAP-MIE-100']);

    const mie = app.call('catalog.createItem', { sku: 'MIELE-100', name: 'Sapone al miele', kind: 'product', unit: 'pcs' });
    const result = app.call('channels.import', { uploadId, fileName: 'orders.csv', skuMappings: [{ externalSku: 'SAP-MIE-100', itemId: mie.id }] });
    expect(result.created).toBe(2);
    expect(result.orderNumbers).toHaveLength(2);
  });

  it('a 10,000-line export previews in the worker while the main thread keeps answering', async () => {
    const text = shopifyExport({ lines: 10_000, skus: ['SAP-LAV-100', 'CAN-ARA-200'] });
    const uploadId = upload(Buffer.from(text, 'utf8'));
    const { jobId } = app.call('channels.startPreview', { uploadId });
    let answeredMeanwhile = 0;
    for (;;) {
      const j = app.call('channels.previewJob', { jobId });
      if (j.state !== 'running') {
        expect(j).toMatchObject({ state: 'done', inWorker: true });
        expect(j.preview!.counts.lines).toBe(10_000);
        // only the first orders are described for the window; counts cover the whole file
        expect(j.preview!.orders).toHaveLength(PREVIEW_ORDERS_SHOWN);
        expect(j.preview!.orders.length + j.ordersOmitted).toBe(j.preview!.counts.orders);
        break;
      }
      app.call('catalog.searchItems', { q: 'sapone' });
      answeredMeanwhile++;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(answeredMeanwhile).toBeGreaterThan(0);
  });

  it('a refused file fails the job with the same error the direct preview gives', async () => {
    const uploadId = upload(readFileSync(join(FIXTURES, 'unknown-header.csv')));
    const job = await finished(app.call('channels.startPreview', { uploadId }).jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'VALIDATION', details: { reason: 'unknown_format' } });
    expect(job.preview).toBeNull();
  });

  it('refuses chunks out of order and unknown uploads', () => {
    const first = app.call('channels.uploadChunk', { index: 0, dataBase64: Buffer.from('a,b\n').toString('base64') });
    const skip = app.invoke('channels.uploadChunk', { uploadId: first.uploadId, index: 2, dataBase64: '' });
    expect(skip).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ key: 'channels.upload.out_of_order' }] } } });
    const gone = app.invoke('channels.previewImport', { uploadId: 'nothere-123456' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ key: 'channels.upload.not_found' }] } } });
  });
});

describe('download a backup', () => {
  it('makes a consistent copy of the whole database in the backups folder', async () => {
    const b = await app.callAsync('system.makeBackup', {});
    expect(b.fileName).toMatch(/^bottega-manual-\d{8}-\d{6}\.db$/);
    expect(existsSync(b.path)).toBe(true);
    expect(statSync(b.path).size).toBe(b.bytes);
    const copy = new Database(b.path, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(2);
    copy.close();
  });

  it('the HTTP door hands the backup out only with the token, and only files of the backups folder', async () => {
    const b = await app.callAsync('system.makeBackup', {});
    const door = await startHttpDoor({ invoke: app.invokeAsync, token: 'secret-token', fileFor: (n) => backupFileFor(app.ctx.dbPath, n) });
    try {
      const at = (name: string, token = 'secret-token') =>
        fetch(`http://127.0.0.1:${door.port}/files/${encodeURIComponent(name)}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      const ok = await at(b.fileName);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-disposition')).toBe(`attachment; filename="${b.fileName}"`);
      expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
      expect((await at(b.fileName, 'wrong')).status).toBe(401);
      expect((await at('../bottega.db')).status).toBe(404);
      expect((await at('nothere.db')).status).toBe(404);
    } finally {
      await door.close();
    }
  });
});
