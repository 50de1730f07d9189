/**
 * Preview jobs: `channels.startPreview` starts one and answers at once; the window polls
 * `channels.previewJob` for its stage and, at the end, the preview. The work runs in a
 * worker thread (previewWorker.ts) when the built worker is there and the database is a
 * file; otherwise (an in-memory database, a source checkout without tsx) in this thread,
 * after the answer — slower for the window, the same result.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { PREVIEW_ORDERS_SHOWN, type channelFileOps } from '../../../src-shared/contract/channelFiles';
import type { ImportPreview } from '../../../src-shared/contract/channels';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { buildPreview, type ImportInput } from './preview';
import { fileBytesOf } from './uploads';
import { jobFailure, sweepJobs } from './jobs';
import type { PreviewWorkerData, PreviewWorkerMessage } from './previewWorker';

type Job = z.output<(typeof channelFileOps)['channels.previewJob']['output']> & { finishedAt: number | null };

const jobs = new Map<string, Job>();

/**
 * A worker (previewWorker, importWorker): built beside this file (out/main, or its chunks folder); from the source
 * checkout (tests, bench, `BOTTEGA_FROM_SOURCE`) the .ts beside this one, loaded through
 * tsx — a worker does not inherit the parent's loader, so it registers its own.
 */
export function newWorker(name: 'previewWorker' | 'importWorker', data: unknown, transferList: ArrayBuffer[]): Worker | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..')]) {
    const built = join(dir, `${name}.js`);
    if (existsSync(built)) return new Worker(built, { workerData: data, transferList });
  }
  const source = join(here, `${name}.ts`);
  if (!existsSync(source)) return null;
  let tsx: string;
  try {
    // require.resolve finds tsx's CommonJS entry; the worker needs the ESM one beside it
    tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  } catch {
    return null;
  }
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(source).href)}); })`;
  return new Worker(boot, { eval: true, workerData: data, transferList });
}

function finish(job: Job, outcome: { preview: ImportPreview; ordersOmitted: number } | { error: Job['error'] }): void {
  if ('preview' in outcome) Object.assign(job, { state: 'done', stage: 'done', progress: 1, preview: outcome.preview, ordersOmitted: outcome.ordersOmitted });
  else Object.assign(job, { state: 'failed', stage: 'done', progress: 1, error: outcome.error });
  job.finishedAt = Date.now();
}

function runInline(ctx: ReadCtx, job: Job, input: ImportInput): void {
  job.inWorker = false;
  setImmediate(() => {
    try {
      const preview = buildPreview(ctx, input, { describe: true, onRead: (rows) => (job.rows = rows) }).preview;
      const ordersOmitted = Math.max(0, preview.orders.length - PREVIEW_ORDERS_SHOWN);
      finish(job, { preview: { ...preview, orders: preview.orders.slice(0, PREVIEW_ORDERS_SHOWN) }, ordersOmitted });
    } catch (err) {
      finish(job, { error: jobFailure(err) });
    }
  });
}

export function startPreview(ctx: ReadCtx, input: ImportInput): { jobId: string } {
  sweepJobs(jobs, Date.now());
  const jobId = randomBytes(9).toString('base64url');
  const job: Job = { state: 'running', stage: 'queued', progress: 0, rows: 0, inWorker: true, preview: null, ordersOmitted: 0, error: null, finishedAt: null };
  jobs.set(jobId, job);
  const bytes = fileBytesOf(input); // a missing upload is refused now, not in the job
  // a copy, handed over (not cloned again): the upload stays for the import
  const copy = new Uint8Array(bytes);
  const data: PreviewWorkerData = { dbPath: ctx.dbPath, nowIso: ctx.now().toISOString(), appVersion: ctx.appVersion, input: { ...input, fileBase64: '' }, bytes: copy, ordersShown: PREVIEW_ORDERS_SHOWN };
  const worker = ctx.dbPath === ':memory:' ? null : newWorker('previewWorker', data, [copy.buffer]);
  if (!worker) {
    runInline(ctx, job, input);
    return { jobId };
  }
  let heard = false;
  worker.on('message', (m: PreviewWorkerMessage) => {
    heard = true;
    // decoding and parsing take the bar to 40 %, the parse by the share of the file read
    if (m.type === 'stage') Object.assign(job, { stage: m.stage, rows: m.rows, progress: m.stage === 'parsing' ? 0.05 : 0.4 });
    else if (m.type === 'parsed') job.progress = 0.05 + 0.35 * m.fraction;
    else if (m.type === 'matched') job.progress = 0.4 + (0.55 * m.orders) / Math.max(1, m.of);
    else if (m.type === 'done') finish(job, { preview: m.preview as ImportPreview, ordersOmitted: m.ordersOmitted });
    else finish(job, { error: m.error });
  });
  worker.on('error', (err) => {
    // the worker could not start (e.g. no loader for the source file): do it here instead
    if (!heard) runInline(ctx, job, input);
    else if (job.state === 'running') finish(job, { error: jobFailure(err) });
  });
  worker.on('exit', () => {
    if (job.state === 'running' && heard) finish(job, { error: { code: 'INTERNAL', message: 'The preview stopped before its end', details: {} } });
  });
  return { jobId };
}

export function previewJob(jobId: string): Omit<Job, 'finishedAt'> {
  const job = jobs.get(jobId);
  if (!job) throw notFound('preview job', jobId);
  const { finishedAt: _f, ...rest } = job;
  return rest;
}
