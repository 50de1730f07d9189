import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';
import { OWNER_ONLY, type RolesOf } from './accounts';

/** "12:30": the time of day the scheduled backup runs (while the app runs). */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'A time as HH:MM, e.g. 12:30' });

/** Settings → Backups, stored under the settings key `backups`. */
export const backupSettings = z.object({
  /** absent: `backups/` beside the database (the same disk: the dashboard warns) */
  folder: z.string().min(1).max(1000).optional(),
  time: timeOfDay,
  onQuit: z.boolean(),
  keepDaily: z.number().int().min(1).max(366),
  keepWeekly: z.number().int().min(0).max(520),
  keepMonthly: z.number().int().min(0).max(1200),
});
export type BackupSettings = z.infer<typeof backupSettings>;
export const BACKUP_DEFAULTS: BackupSettings = { time: '12:30', onQuit: true, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };

export const backupCounts = z.object({ orders: z.number().int(), lots: z.number().int(), ddts: z.number().int() });

/** What the check after writing found, kept in a small JSON file beside the backup. */
export const backupVerification = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  /** 'ok', or what integrity_check (or opening the file) said */
  integrity: z.string(),
  counts: backupCounts.nullable(),
});
export type BackupVerification = z.infer<typeof backupVerification>;

export const backupEntry = z.object({
  fileName: z.string(),
  path: z.string(),
  at: z.string(),
  reason: z.enum(['daily', 'quit', 'manual', 'pre-migration', 'pre-restore']),
  bytes: z.number().int(),
  verification: backupVerification.nullable(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

const settingsView = backupSettings.extend({
  folder: z.string().nullable(),
  /** where backups go now (the chosen folder, or the default one) */
  effectiveFolder: z.string(),
  defaultFolder: z.string(),
});

export const backupStatus = z.object({
  folder: z.string(),
  lastGood: backupEntry.nullable(),
  /** the newest good backup is older than a daily schedule allows (or there is none) */
  overdue: z.boolean(),
  /** the backups folder is on the same disk as the database */
  sameDisk: z.boolean(),
  /** the chosen folder cannot be reached (a disk not plugged in, a share offline) */
  folderMissing: z.boolean(),
  /** the last scheduled run did not make a good backup, and why */
  lastProblem: z.string().nullable(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const backupOps = {
  'backups.settings': query('Where, when and how many backups are kept.', emptyInput, settingsView),
  'backups.saveSettings': command(
    'Change the backup folder (null: beside the database), time, backup on quit and retention.',
    backupSettings.partial().extend({ folder: z.string().min(1).max(1000).nullable().optional() }),
    settingsView,
  ),
  'backups.list': query('The backups of this database in the backup folder, newest first, with what their check found.', emptyInput, z.object({ folder: z.string(), backups: z.array(backupEntry) })),
  'backups.status': query('Whether the backups are recent and off the database disk (the dashboard warning).', emptyInput, backupStatus),
  'backups.runNow': query('Make a backup now into the backup folder, check it, and apply the retention.', emptyInput, backupEntry),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const backupRoles = {
  'backups.settings': OWNER_ONLY,
  'backups.saveSettings': OWNER_ONLY,
  'backups.list': OWNER_ONLY,
  'backups.status': OWNER_ONLY,
  'backups.runNow': OWNER_ONLY,
} as const satisfies RolesOf<typeof backupOps>;
