/** What the preview and import jobs share: an error as the window reads it, and forgetting old jobs. */
import { errorToEnvelope } from '../../api/envelope';
import { busyEnvelope } from '../../api/writeLock';

export type JobError = { code: string; message: string; details: Record<string, unknown> } | null;

/** A finished job is kept this long for the window to read it, then dropped. */
const KEEP_DONE_MS = 10 * 60 * 1000;

export function jobFailure(err: unknown): JobError {
  const env = busyEnvelope(err) ?? errorToEnvelope(err);
  return env.ok ? null : { code: env.error.code, message: env.error.message, details: env.error.details ?? {} };
}

export function sweepJobs(jobs: Map<string, { finishedAt: number | null }>, now: number): void {
  for (const [id, j] of jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_DONE_MS) jobs.delete(id);
}
