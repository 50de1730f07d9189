/**
 * The preview of a big file, in a worker thread: decoding, parsing and matching a 50 MB
 * export takes seconds, and the process that owns the database also answers the window
 * (Electron IPC, the HTTP door), so it must not be busy that long. The worker reads the
 * same SQLite file read-only (WAL lets it read while the main thread writes) and runs the
 * very same preview code; the import itself then runs in the main thread's transaction.
 */
import Database from 'better-sqlite3';
import { sqliteOptions } from '../../db/sqliteBinding';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import * as schema from '../../db/schema';
import type { Ctx } from '../../api/context';
import { errorToEnvelope } from '../../api/envelope';
import { buildPreview, type ImportInput } from './preview';
import { putUpload } from './uploads';

export interface PreviewWorkerData {
  dbPath: string;
  nowIso: string;
  appVersion: string;
  input: ImportInput;
  bytes: Uint8Array;
  /** orders described in the preview sent back (the rest only counted) */
  ordersShown: number;
}

export type PreviewWorkerMessage =
  | { type: 'stage'; stage: 'parsing' | 'matching'; rows: number }
  | { type: 'parsed'; fraction: number }
  | { type: 'matched'; orders: number; of: number }
  | { type: 'done'; preview: unknown; ordersOmitted: number }
  | { type: 'failed'; error: { code: string; message: string; details: Record<string, unknown> } };

function run(data: PreviewWorkerData): void {
  const post = (m: PreviewWorkerMessage) => parentPort!.postMessage(m);
  const sqlite = new Database(data.dbPath, sqliteOptions({ readonly: true, fileMustExist: true }));
  try {
    sqlite.pragma('busy_timeout = 5000');
    const now = new Date(data.nowIso);
    const ctx: Ctx = { db: drizzle(sqlite, { schema }), sqlite, now: () => now, dbPath: data.dbPath, appVersion: data.appVersion };
    const uploadId = 'worker-file';
    putUpload(uploadId, Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength));
    post({ type: 'stage', stage: 'parsing', rows: 0 });
    // one read transaction: every lookup of the preview sees the same state of the file
    const run = sqlite.transaction(() =>
      buildPreview(ctx, { ...data.input, fileBase64: '', uploadId }, {
        describe: true,
        onParsed: (fraction) => post({ type: 'parsed', fraction }),
        onRead: (rows) => post({ type: 'stage', stage: 'matching', rows }),
        onMatched: (orders, of) => post({ type: 'matched', orders, of }),
      }),
    );
    const preview = run.deferred().preview;
    const ordersOmitted = Math.max(0, preview.orders.length - data.ordersShown);
    // trimmed here, so the big list is never copied to the main thread
    post({ type: 'done', preview: { ...preview, orders: preview.orders.slice(0, data.ordersShown) }, ordersOmitted });
  } catch (err) {
    const env = errorToEnvelope(err);
    if (!env.ok) post({ type: 'failed', error: { code: env.error.code, message: env.error.message, details: env.error.details ?? {} } });
  } finally {
    sqlite.close();
  }
}

if (parentPort && workerData) run(workerData as PreviewWorkerData);
