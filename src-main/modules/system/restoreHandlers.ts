/**
 * Backups and restore as operations. Listing and previewing read files only, so they
 * also work through the registry (CLI `call`); the restore itself swaps the connection
 * and so runs in the live app (api/liveApp.ts), which intercepts `system.restore` before
 * the registry — here it only explains where to run it.
 */
import type { HandlerMap } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { findBackups } from '../../db/backupsFound';
import { inspectDbFile } from '../../db/dbFile';

export function backupsFound(dbPath: string) {
  const found = findBackups(dbPath);
  return { dbPath, folders: found.folders, backups: found.backups };
}

export function restorePreview(path: string) {
  return inspectDbFile(path, { deep: true });
}

export const restoreHandlers: HandlerMap<'system.backupsFound' | 'system.restorePreview' | 'system.restore'> = {
  'system.backupsFound': (ctx) => backupsFound(ctx.dbPath),
  'system.restorePreview': (_ctx, input) => restorePreview(input.path),
  'system.restore': () => {
    throw new DomainError('CONFLICT', 'A restore replaces the open database: run it from the app (Settings → Restore) or with `bottega restore FILE`.', { reason: 'restore_needs_app' });
  },
};
