import { statSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName } from '../../db/dataFolders';
import type { HandlerMap } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { backupDir, backupTo } from '../../db/backup';
import { previewJob, startPreview } from './previewJobs';
import { importJob, startImport } from './importJobs';
import { appendChunk } from './uploads';

type FileOp = Extract<keyof typeof import('../../../src-shared/contract/channelFiles').channelFileOps, string>;

/** A backup the user asked for: named apart from the daily ones, so their pruning never deletes it. */
function manualBackupName(dbPath: string, now: Date): string {
  return backupFileName(dbPath, 'manual', now);
}

/** The backup file a download names, only ever inside the backups folder and only a .db made there. */
export function backupFileFor(dbPath: string, fileName: string): string | null {
  if (!/^[\w.-]+\.db$/.test(fileName) || fileName.includes('..')) return null;
  return join(backupDir(dbPath), fileName);
}

export const channelFileHandlers: HandlerMap<FileOp> = {
  'channels.uploadChunk': (_ctx, input) => appendChunk(input),
  'channels.startPreview': (ctx, input) => startPreview(ctx, input),
  'channels.previewJob': (_ctx, input) => previewJob(input.jobId),
  'channels.startImport': (ctx, input) => startImport(ctx, input),
  'channels.importJob': (_ctx, input) => importJob(input.jobId),
  'system.makeBackup': async (ctx) => {
    if (ctx.dbPath === ':memory:') throw new DomainError('VALIDATION', 'An in-memory database has no file to back up');
    const fileName = manualBackupName(ctx.dbPath, ctx.now());
    const path = await backupTo(ctx.sqlite, join(backupDir(ctx.dbPath), fileName));
    return { fileName, path, bytes: statSync(path).size };
  },
};
