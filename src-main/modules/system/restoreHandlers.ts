/**
 * Backups and restore as operations. Listing and previewing read files only, so they
 * also work through the registry (CLI `call`); the restore itself swaps the connection
 * and so runs in the live app (api/liveApp.ts), which intercepts `system.restore` before
 * the registry — here it only explains where to run it.
 */
import type { HandlerMap } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { findBackups } from '../../db/backupsFound';
import { inspectDbFile, type DbFileInfo } from '../../db/dbFile';
import { checkPagesInWorker } from '../../db/integrity';

export function backupsFound(dbPath: string) {
  const found = findBackups(dbPath);
  return { dbPath, folders: found.folders, backups: found.backups };
}

/**
 * The backup read whole before a restore. The page-by-page integrity check (half a
 * minute on ten years of history) runs in a worker: the app keeps answering meanwhile.
 */
export async function restorePreview(path: string): Promise<DbFileInfo> {
  const info = inspectDbFile(path);
  if (info.problem) return info;
  const problems = await checkPagesInWorker(path, 'integrity_check');
  if (problems.length === 0) return info;
  return { ...info, counts: null, problem: { reason: 'damaged', message: `${path} is damaged: ${problems.slice(0, 3).join('; ')}` } };
}

export const restoreHandlers: HandlerMap<'system.backupsFound' | 'system.restorePreview' | 'system.restore'> = {
  'system.backupsFound': (ctx) => backupsFound(ctx.dbPath),
  'system.restorePreview': (_ctx, input) => restorePreview(input.path),
  'system.restore': () => {
    throw new DomainError('CONFLICT', 'A restore replaces the open database: run it from the app (Settings → Restore) or with `bottega restore FILE`.', { reason: 'restore_needs_app' });
  },
};
