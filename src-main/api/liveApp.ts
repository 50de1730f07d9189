/**
 * The app as a long-running door holds it (browser mode's `serve`; the desktop app once
 * wired): the open BottegaApp, or — when the file is damaged — no app at all but still a
 * door that answers, so the window can show the recovery screen and restore a backup.
 *
 * - The writer lock is held for the whole life of the door (also while a restore swaps
 *   the file: no other process can slip in between).
 * - Right after opening, a quick check runs in the background (db/integrity.ts); if it
 *   finds damage, the connection is closed and every operation but the recovery ones
 *   answers DB_DAMAGED, which the window turns into the recovery screen.
 * - `system.restore` closes the connection, restores (db/restore.ts), and reopens.
 *   Nothing else runs meanwhile: the restore is synchronous on this thread.
 */
import { contract } from '../../src-shared/contract';
import type { Envelope } from '../../src-shared/contract/errors';
import { createApp, type BottegaApp } from './app';
import type { Via } from './context';
import type { AuditDoor } from '../../src-shared/contract/audit';
import { DomainError } from './domainError';
import { errorToEnvelope, fail, ok, zodIssues } from './envelope';
import { acquireLock, type LockProgram } from '../db/lock';
import { checkInBackground, setIntegrity, type IntegrityState } from '../db/integrity';
import { restoreDatabase } from '../db/restore';
import { writesRefused } from './writeLock';
import { forbiddenFor } from './roles';
import { writeEntry } from '../modules/audit/record';
import { backupsFound, restorePreview } from '../modules/system/restoreHandlers';

export interface LiveApp {
  dbPath: string;
  /** the open app; null while the file is damaged */
  current(): BottegaApp | null;
  /** `via`: the door and the caller when this door knows users (none: the local owner, by the door opened with) */
  invoke(name: string, input: unknown, via?: Via): Promise<Envelope<unknown>>;
  /** the background check of the file opened last (tests and the daily backup wait for it) */
  integrity(): Promise<IntegrityState>;
  /** called with the app after every (re)open, and with null when the connection closes (restore, damage found, close) */
  onSwap(listener: (app: BottegaApp | null) => void): void;
  close(): void;
}

type Damage = { message: string; details: Record<string, unknown> };

function damageOf(err: unknown): Damage | null {
  if (err instanceof DomainError && err.code === 'DB_DAMAGED') return { message: err.message, details: err.details };
  return null;
}

/** Opens the door on `dbPath`. Throws DB_LOCKED (another process has it) and DB_TOO_NEW; a damaged file opens in recovery. */
export function openLiveApp(
  dbPath: string,
  opts: { program?: LockProgram; now?: () => Date; checkIntegrity?: boolean; door?: AuditDoor } = {},
): LiveApp {
  const program = opts.program ?? 'app';
  const lock = acquireLock(dbPath, program);
  let app: BottegaApp | null = null;
  let damage: Damage | null = null;
  let checked: Promise<IntegrityState> = Promise.resolve({ state: 'not_checked', problems: [] });
  const swapListeners: ((app: BottegaApp | null) => void)[] = [];
  const swapped = () => {
    for (const l of swapListeners) l(app);
  };

  const open = () => {
    try {
      app = createApp(dbPath, { program, now: opts.now, door: opts.door });
      damage = null;
      swapped();
    } catch (err) {
      damage = damageOf(err);
      if (!damage) throw err;
      setIntegrity(dbPath, { state: 'damaged', problems: [damage.message] });
    }
  };
  const closeApp = () => {
    if (!app) return;
    const closing = app;
    try {
      app.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a damaged file may refuse the checkpoint; the restore keeps its bytes aside
    }
    app = null;
    swapped();
    closing.close();
  };
  const startCheck = () => {
    if (!app || opts.checkIntegrity === false) return;
    const checking = app;
    checked = checkInBackground(dbPath).then((outcome) => {
      if (outcome.state === 'damaged' && app === checking) {
        closeApp();
        damage = { message: `The database file is damaged: ${outcome.problems.slice(0, 3).join('; ')}`, details: { reason: 'damaged', problems: outcome.problems } };
      }
      return outcome;
    });
  };

  try {
    open();
  } catch (err) {
    lock.release();
    throw err;
  }
  startCheck();

  const restore = (path: string) => {
    // an import job's worker writes through its own connection: swapping the file under it would lose its work
    const busy = writesRefused();
    if (busy && !busy.ok) throw new DomainError(busy.error.code, busy.error.message, busy.error.details);
    const hadApp = app !== null;
    closeApp();
    try {
      const result = restoreDatabase(dbPath, path);
      // the restored file was integrity-checked whole a moment ago
      checked = Promise.resolve({ state: 'ok', problems: [] });
      open();
      setIntegrity(dbPath, { state: 'ok', problems: [] });
      // the restored file's own log says when its data came back, and from where
      const restoredApp = app as BottegaApp | null;
      if (restoredApp) {
        const { ctx } = restoredApp;
        ctx.sqlite.transaction(() => writeEntry(ctx, ctx.door ?? 'app', 'system.restore', { path, previous: result.previous }, [])).immediate();
      }
      return { restored: result.restored, previous: result.previous, counts: result.source.counts };
    } catch (err) {
      // refused: the live file is untouched; reopen it as it was
      if (hadApp) open();
      throw err;
    }
  };

  /** The operations that work with or without an open database. */
  const recovery: Record<string, (input: { path: string }) => unknown> = {
    'system.backupsFound': () => backupsFound(dbPath),
    'system.restorePreview': (input) => restorePreview(input.path),
    'system.restore': (input) => restore(input.path),
  };

  return {
    dbPath,
    current: () => app,
    integrity: () => checked,
    onSwap: (listener) => {
      swapListeners.push(listener);
    },
    invoke: async (name, input, via) => {
      const own = Object.hasOwn(recovery, name) ? recovery[name] : undefined;
      if (own) {
        // the recovery operations run here, outside the registry: the same role check first
        const refused = forbiddenFor(via?.caller, name as keyof typeof contract);
        if (refused) return refused;
        const op = contract[name as keyof typeof contract];
        const parsed = op.input.safeParse(input ?? {});
        if (!parsed.success) return fail('VALIDATION', `Invalid input for ${name}`, { operation: name, issues: zodIssues(parsed.error) });
        try {
          return ok(op.output.parse(await own(parsed.data as { path: string })));
        } catch (err) {
          return errorToEnvelope(err);
        }
      }
      if (!app) return fail('DB_DAMAGED', damage?.message ?? 'The database is not open', { ...(damage?.details ?? {}), recovery: true });
      return app.invokeAsync(name, input, via);
    },
    close: () => {
      closeApp();
      lock.release();
    },
  };
}
