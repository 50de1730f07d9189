/**
 * What a long-lived Bottega process (browser-mode `serve`, the desktop app) does around
 * its database while it runs: at start, re-make missing DDT copies and seal SMTP passwords
 * still stored in clear; every minute, the daily backup when due; on quit, a backup when
 * the user asked for one. The CLI's short commands do none of this.
 */
import type { BottegaApp } from '../../api/app';
import { hasFolder } from '../../db/dataFolders';
import { hasBackupToday } from '../../db/backup';
import { remakeMissingDdtCopies } from '../shipping/copyRecovery';
import { sealClearSecrets } from '../notifications/settings';
import { runBackup } from './run';
import { BackupSchedule } from './schedule';
import { backupFolderOf, readBackupSettings } from './settings';
import { reportProblem } from './status';

export interface DataCare {
  schedule: BackupSchedule;
  /** stops the timer (waits for a backup under way) */
  stop(): Promise<void>;
  /** stops, then makes the on-quit backup when it is on */
  quit(): Promise<void>;
}

const MINUTE = 60_000;

export function startDataCare(app: BottegaApp, opts: { tickMs?: number } = {}): DataCare {
  const { ctx } = app;
  if (hasFolder(ctx.dbPath)) {
    try {
      const r = remakeMissingDdtCopies(ctx);
      if (r.remade.length > 0) console.log(`Re-made ${r.remade.length} missing DDT cop${r.remade.length === 1 ? 'y' : 'ies'} from their snapshots`);
    } catch (err) {
      console.error('Could not check the saved DDT copies:', err);
    }
  }
  sealClearSecrets(ctx);
  const schedule = new BackupSchedule({
    now: ctx.now,
    time: () => readBackupSettings(ctx).time,
    hasDailyFor: (day) => hasBackupToday(ctx.dbPath, day, backupFolderOf(ctx)),
    run: () => runBackup(ctx, 'daily'),
    onProblem: (m) => {
      reportProblem(ctx.dbPath, m);
      if (m) console.error(`Scheduled backup failed: ${m}`);
    },
  });
  const active = hasFolder(ctx.dbPath);
  const timer = active ? setInterval(() => void schedule.tick(), opts.tickMs ?? MINUTE) : null;
  timer?.unref();
  if (active) void schedule.tick();
  let stopped = false;
  const stop = async () => {
    if (timer) clearInterval(timer);
    stopped = true;
    await schedule.settled();
  };
  return {
    schedule,
    stop,
    quit: async () => {
      const wasStopped = stopped;
      await stop();
      if (wasStopped || !active || !ctx.sqlite.open || !readBackupSettings(ctx).onQuit) return;
      try {
        await runBackup(ctx, 'quit');
      } catch (err) {
        console.error('Backup on quit failed:', err);
      }
    },
  };
}
