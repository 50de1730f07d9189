import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';
import { EVERYONE, OWNER_ONLY, type RolesOf } from './accounts';

export const systemStatus = z.object({
  appVersion: z.string(),
  dbPath: z.string(),
  /** no first-run choice made yet: the UI offers "start empty" or "load the demo workshop" */
  firstRun: z.boolean(),
  counts: z.object({ items: z.number().int(), recipes: z.number().int(), customers: z.number().int(), suppliers: z.number().int() }),
  /** the background quick check of the file after it was opened */
  integrity: z.enum(['checking', 'ok', 'damaged', 'not_checked']),
});

/** A database file as read from disk (a backup, or a restore's source): never trusted by its name. */
export const dbFileInfo = z.object({
  path: z.string(),
  size: z.number().int(),
  modifiedAt: z.string(),
  /** null: a good Bottega database */
  problem: z
    .object({
      reason: z.enum(['missing', 'unreadable', 'empty', 'not_sqlite', 'truncated', 'damaged', 'not_bottega', 'too_new']),
      message: z.string(),
    })
    .nullable(),
  counts: z.object({ orders: z.number().int(), lots: z.number().int(), ddts: z.number().int() }).nullable(),
});
export type DbFileInfoOut = z.output<typeof dbFileInfo>;

const backupPath = z.object({ path: z.string().trim().min(1).max(4096) });

export const systemOps = {
  'system.status': query('What database is open and what it holds.', emptyInput, systemStatus),
  'system.startEmpty': command('First run: keep the database empty.', emptyInput, systemStatus),
  'system.loadDemo': command(
    'First run: fill an empty database with the demo workshop.',
    z.object({ seed: z.number().int().min(0).default(1) }).default({ seed: 1 }),
    systemStatus,
  ),
  'system.backupsFound': query(
    "Every backup found (the database's backups/ folder and the one chosen in Settings), newest first, each read for its date, size, content and whether it is usable.",
    emptyInput,
    z.object({ dbPath: z.string(), folders: z.array(z.string()), backups: z.array(dbFileInfo) }),
  ),
  'system.restorePreview': query('A backup read whole (integrity check included) before restoring it: its date, size and counts, or why it cannot be restored.', backupPath, dbFileInfo),
  'system.restore': command(
    'Replace the database with a backup: the current file is kept aside first, then the app reopens on the restored one.',
    backupPath,
    z.object({ restored: z.string(), previous: z.string().nullable(), counts: dbFileInfo.shape.counts }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const systemRoles = {
  'system.status': EVERYONE,
  'system.startEmpty': OWNER_ONLY,
  'system.loadDemo': OWNER_ONLY,
  'system.backupsFound': OWNER_ONLY,
  'system.restorePreview': OWNER_ONLY,
  'system.restore': OWNER_ONLY,
} as const satisfies RolesOf<typeof systemOps>;
