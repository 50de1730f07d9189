/**
 * The import of a big file, in a worker thread: a 50 MB shop export takes the better part
 * of a minute to read, match and write, and the process that owns the database also
 * answers the window (Electron IPC, the HTTP door). The worker opens its own read-write
 * connection to the same file, with the app's pragmas, and runs the very same import code
 * in one immediate transaction, as the channels.import command does: all or nothing. The
 * output is checked against the contract inside the transaction, as the registry does.
 */
import Database from 'better-sqlite3';
import { sqliteOptions } from '../../db/sqliteBinding';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { z } from 'zod';
import * as schema from '../../db/schema';
import { setPragmas } from '../../db/open';
import type { Ctx } from '../../api/context';
import { errorToEnvelope } from '../../api/envelope';
import { busyEnvelope } from '../../api/writeLock';
import { channelOps } from '../../../src-shared/contract/channels';
import type { IMPORT_STAGES } from '../../../src-shared/contract/channelFiles';
import { runImport } from './importOrders';
import { putUpload } from './uploads';
import { recordImport } from '../audit/record';

export interface ImportWorkerData {
  dbPath: string;
  nowIso: string;
  appVersion: string;
  /** the command's input, already parsed by the registry */
  input: z.output<(typeof channelOps)['channels.import']['input']>;
  bytes: Uint8Array;
}

export type ImportStage = (typeof IMPORT_STAGES)[number];

export type ImportWorkerMessage =
  | { type: 'progress'; stage: ImportStage; progress: number; rows: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { code: string; message: string; details: Record<string, unknown> } };

/**
 * Where each stage sits on the bar, from a 50 MB Shopify export (231,726 lines): decoding
 * 0.4 s, parsing 8 s, matching 12 s, writing 25 s, commit 0.5 s.
 */
export const STAGE_SPAN: Record<'decoding' | 'parsing' | 'matching' | 'writing', [number, number]> = {
  decoding: [0, 0.02],
  parsing: [0.02, 0.2],
  matching: [0.2, 0.45],
  writing: [0.45, 0.98],
};

function run(data: ImportWorkerData): void {
  const post = (m: ImportWorkerMessage) => parentPort!.postMessage(m);
  let rows = 0;
  const at = (stage: keyof typeof STAGE_SPAN, fraction: number) => {
    const [from, to] = STAGE_SPAN[stage];
    post({ type: 'progress', stage, progress: from + (to - from) * Math.min(1, fraction), rows });
  };
  const sqlite = new Database(data.dbPath, sqliteOptions({ fileMustExist: true }));
  try {
    setPragmas(sqlite);
    const now = new Date(data.nowIso);
    const ctx: Ctx = { db: drizzle(sqlite, { schema }), sqlite, now: () => now, dbPath: data.dbPath, appVersion: data.appVersion, door: 'import' };
    const uploadId = 'worker-file';
    putUpload(uploadId, Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength));
    const output = channelOps['channels.import'].output;
    at('decoding', 0);
    const result = sqlite
      .transaction(() => {
        const r = runImport(ctx, { ...data.input, fileBase64: '', uploadId }, {
          onParsed: (f) => at('parsing', f),
          onRead: (n) => {
            rows = n;
            at('matching', 0);
          },
          onMatched: (orders, of) => at('matching', orders / Math.max(1, of)),
          onWritten: (orders, of) => at('writing', orders / Math.max(1, of)),
        });
        const checked = output.parse(r);
        // the activity log entry, in this connection's transaction: it commits with the orders
        recordImport(ctx, 'import', { ...data.input, fileBase64: '' }, checked);
        post({ type: 'progress', stage: 'committing', progress: 0.98, rows });
        return checked;
      })
      .immediate();
    post({ type: 'done', result });
  } catch (err) {
    const env = busyEnvelope(err) ?? errorToEnvelope(err);
    if (!env.ok) post({ type: 'failed', error: { code: env.error.code, message: env.error.message, details: env.error.details ?? {} } });
  } finally {
    sqlite.close();
  }
}

if (parentPort && workerData) run(workerData as ImportWorkerData);
