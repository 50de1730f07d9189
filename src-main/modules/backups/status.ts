import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupStatus } from '../../../src-shared/contract/backups';
import type { ReadCtx } from '../../api/context';
import { listBackups } from './run';
import { backupFolderOf, readBackupSettings } from './settings';

/** A daily schedule, and an hour's grace for the run of the day: older than this is overdue. */
export const OVERDUE_MS = 25 * 60 * 60 * 1000;

/** What the last scheduled run in this process reported (null: it went well, or none yet). */
const problems = new Map<string, string | null>();
export function reportProblem(dbPath: string, message: string | null): void {
  problems.set(dbPath, message);
}

/** Two paths on the same disk (the same device number): a dead disk would take both. */
function sameDevice(a: string, b: string): boolean {
  return statSync(a).dev === statSync(b).dev;
}

export function backupStatus(ctx: ReadCtx): BackupStatus {
  const s = readBackupSettings(ctx);
  const folder = backupFolderOf(ctx, s);
  const reachable = existsSync(folder);
  const lastGood = reachable ? (listBackups(ctx.dbPath, folder).find((b) => b.verification?.ok) ?? null) : null;
  return {
    folder,
    lastGood,
    overdue: lastGood === null || ctx.now().getTime() - new Date(lastGood.at).getTime() > OVERDUE_MS,
    // the default folder sits beside the database: the same disk, made or not
    sameDisk: reachable ? sameDevice(folder, dirname(ctx.dbPath)) : s.folder === undefined,
    folderMissing: s.folder !== undefined && !reachable,
    lastProblem: problems.get(ctx.dbPath) ?? null,
  };
}
