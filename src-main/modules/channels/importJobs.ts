/**
 * Import jobs: `channels.startImport` answers at once with a job the window polls through
 * `channels.importJob`. A big file on a database file is imported by a worker thread
 * (importWorker.ts) holding the write lock for one immediate transaction; meanwhile this
 * thread keeps answering queries, and refuses commands at once (writeLock.ts) instead of
 * blocking on the lock. A small file, or an in-memory database (tests), is imported
 * right in the command's own transaction, as channels.import does: the job is done
 * when the answer leaves.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { IMPORT_IN_WORKER_FROM_BYTES, type channelFileOps } from '../../../src-shared/contract/channelFiles';
import type { channelOps } from '../../../src-shared/contract/channels';
import type { Ctx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { holdWrites, releaseWrites } from '../../api/writeLock';
import { runImport } from './importOrders';
import { newWorker } from './previewJobs';
import { fileBytesOf } from './uploads';
import { jobFailure, sweepJobs } from './jobs';
import type { ImportWorkerData, ImportWorkerMessage } from './importWorker';
import { recordImport } from '../audit/record';

type Job = z.output<(typeof channelFileOps)['channels.importJob']['output']> & { finishedAt: number | null };
type ImportInput = z.output<(typeof channelOps)['channels.import']['input']>;
type Outcome = { result: Job['result'] } | { error: Job['error'] };

const jobs = new Map<string, Job>();

function finish(job: Job, outcome: Outcome): void {
  if ('result' in outcome) Object.assign(job, { state: 'done', stage: 'done', progress: 1, result: outcome.result });
  else Object.assign(job, { state: 'failed', stage: 'done', progress: 1, error: outcome.error });
  job.finishedAt = Date.now();
}

/**
 * In the command's transaction, as a savepoint: a refused file rolls back to it and the
 * job says why, the same error channels.import would answer.
 */
function runHere(ctx: Ctx, job: Job, input: ImportInput): void {
  job.inWorker = false;
  try {
    const tx = ctx.sqlite.transaction(() => {
      const result = runImport(ctx, input);
      recordImport(ctx, 'import', { ...input, fileBase64: '' }, result);
      return result;
    });
    // a savepoint in the command's transaction, or (a worker that could not start) a transaction of its own
    finish(job, { result: ctx.sqlite.inTransaction ? tx() : tx.immediate() });
  } catch (err) {
    finish(job, { error: jobFailure(err) });
  }
}

export function startImport(ctx: Ctx, input: ImportInput): { jobId: string } {
  sweepJobs(jobs, Date.now());
  const jobId = randomBytes(9).toString('base64url');
  const job: Job = { state: 'running', stage: 'queued', progress: 0, rows: 0, inWorker: true, result: null, error: null, finishedAt: null };
  jobs.set(jobId, job);
  const bytes = fileBytesOf(input); // a missing upload is refused now, not in the job
  if (ctx.dbPath === ':memory:' || bytes.length < IMPORT_IN_WORKER_FROM_BYTES) {
    runHere(ctx, job, input);
    return { jobId };
  }
  const copy = new Uint8Array(bytes);
  const data: ImportWorkerData = { dbPath: ctx.dbPath, nowIso: ctx.now().toISOString(), appVersion: ctx.appVersion, input: { ...input, fileBase64: '' }, bytes: copy };
  const worker = newWorker('importWorker', data, [copy.buffer]);
  if (!worker) {
    runHere(ctx, job, input);
    return { jobId };
  }
  // from now until the worker ends, this thread's commands are refused rather than left waiting on the lock
  holdWrites('import', ctx.now());
  let heard = false;
  worker.on('message', (m: ImportWorkerMessage) => {
    heard = true;
    if (m.type === 'progress') return void Object.assign(job, { stage: m.stage, progress: m.progress, rows: m.rows });
    // the worker's transaction is committed (or rolled back) before it says so: the lock is free
    releaseWrites();
    if (m.type === 'done') finish(job, { result: m.result as Job['result'] });
    else finish(job, { error: m.error });
  });
  worker.on('error', (err) => {
    releaseWrites();
    // it could not even start (no loader for the source file): nothing was written, so do it here
    if (!heard) runHere(ctx, job, input);
    else if (job.state === 'running') finish(job, { error: jobFailure(err) });
  });
  worker.on('exit', () => {
    releaseWrites();
    if (job.state === 'running') finish(job, { error: { code: 'INTERNAL', message: 'The import stopped before its end: nothing was imported', details: {} } });
  });
  return { jobId };
}

export function importJob(jobId: string): Omit<Job, 'finishedAt'> {
  const job = jobs.get(jobId);
  if (!job) throw notFound('import job', jobId);
  const { finishedAt: _f, ...rest } = job;
  return rest;
}
