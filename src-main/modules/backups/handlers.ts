import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { HandlerMap } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { listBackups, runBackup } from './run';
import { backupFolderOf, saveBackupSettings, settingsView } from './settings';
import { backupStatus } from './status';

type BackupOp = Extract<keyof typeof import('../../../src-shared/contract/backups').backupOps, string>;

function folderIssue(folder: string): { key: string; message: string } | null {
  if (!isAbsolute(folder)) return { key: 'backup_folder.not_absolute', message: 'The backup folder must be a full path (e.g. E:\\Backup Bottega or /Volumes/Disk/Bottega)' };
  try {
    if (!statSync(folder).isDirectory()) return { key: 'backup_folder.unreachable', message: `${folder} is a file, not a folder` };
    accessSync(folder, constants.W_OK);
    return null;
  } catch {
    return { key: 'backup_folder.unreachable', message: `The folder ${folder} does not exist or cannot be written (is the disk connected?)` };
  }
}

export const backupHandlers: HandlerMap<BackupOp> = {
  'backups.settings': (ctx) => settingsView(ctx),
  'backups.saveSettings': (ctx, input) => {
    const why = input.folder ? folderIssue(input.folder.trim()) : null;
    if (why) throw new DomainError('VALIDATION', why.message, { issues: [{ path: ['folder'], key: why.key, params: { folder: input.folder ?? '' }, message: why.message }] });
    return settingsView(ctx, saveBackupSettings(ctx, input));
  },
  'backups.list': (ctx) => {
    const folder = backupFolderOf(ctx);
    return { folder, backups: listBackups(ctx.dbPath, folder) };
  },
  'backups.status': (ctx) => backupStatus(ctx),
  'backups.runNow': (ctx) => runBackup(ctx, 'manual'),
};
