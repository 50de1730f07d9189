import pkg from '../../package.json';
import { openDatabase, type OpenedDb } from '../db/open';
import type { Envelope } from '../../src-shared/contract/errors';
import type { Contract, InputOf, OperationName, OutputOf } from '../../src-shared/contract';
import type { Ctx, Via } from './context';
import type { AuditDoor } from '../../src-shared/contract/audit';
import { installPlanEpoch } from '../modules/planning/planEpoch';
import { invoke, invokeAsync } from './registry';
import { acquireLock, refuseIfLocked, type DbLock, type LockProgram } from '../db/lock';

export interface CreateAppOptions {
  now?: () => Date;
  /**
   * 'write' (the default: the app, serve, a writing CLI command) holds the file's writer
   * lock, refused while another process holds it; 'read' (a CLI query, check, export)
   * takes no lock and runs beside a running app — unless migrations are pending.
   */
  access?: 'write' | 'read';
  program?: LockProgram;
  /** what the activity log records as the door of calls that do not name their own */
  door?: AuditDoor;
}

export interface BottegaApp {
  ctx: Ctx;
  opened: OpenedDb;
  /** the entry every door uses (it also awaits queries that render documents) */
  invokeAsync(name: string, input: unknown, via?: AuditDoor | Via): Promise<Envelope<unknown>>;
  /** the synchronous entry, for everything but document rendering */
  invoke(name: string, input: unknown, via?: AuditDoor | Via): Envelope<unknown>;
  /** typed convenience for code in this process (tests, CLI, demo); throws on error */
  call<K extends OperationName>(name: K, input: InputOf<Contract[K]>): OutputOf<Contract[K]>;
  callAsync<K extends OperationName>(name: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>>;
  close(): void;
}

export class CallError extends Error {
  constructor(readonly envelope: Extract<Envelope<unknown>, { ok: false }>) {
    super(`${envelope.error.code}: ${envelope.error.message}`);
    this.name = 'CallError';
  }
}

export const APP_VERSION: string = pkg.version;

/**
 * Opens the database at `dbPath` (migrating it) and wires the registry to it. `door` is what the activity log records for calls that do not name their own (default
 * 'app', the desktop window); a process serving several doors passes it per call, with
 * the caller when the door knows users (`{ door, caller }`; none: the local owner).
 */
export function createApp(dbPath: string, opts: CreateAppOptions = {}): BottegaApp {
  const now = opts.now ?? (() => new Date());
  const onDisk = dbPath !== ':memory:';
  const lock: DbLock | null = onDisk && opts.access !== 'read' ? acquireLock(dbPath, opts.program ?? 'app') : null;
  let opened: OpenedDb;
  try {
    opened = openDatabase(dbPath, { now, beforeMigrate: () => onDisk && !lock && refuseIfLocked(dbPath) });
  } catch (err) {
    lock?.release();
    throw err;
  }
  // the plan's change marker goes on the connection now, so no query is the first to write
  // the connection's temporary table (a query leaves total_changes() as it found it)
  if (opts.access !== 'read') installPlanEpoch(opened.sqlite);
  const ctx: Ctx = { db: opened.db, sqlite: opened.sqlite, now, dbPath, appVersion: APP_VERSION, door: opts.door ?? 'app' };
  const by = (via: AuditDoor | Via | undefined): Ctx => {
    const { door, caller } = typeof via === 'string' ? { door: via, caller: undefined } : (via ?? {});
    if ((door === undefined || door === ctx.door) && caller === undefined) return ctx;
    return { ...ctx, door: door ?? ctx.door, ...(caller ? { caller } : {}) };
  };
  return {
    ctx,
    opened,
    invoke: (name, input, via) => invoke(by(via), name, input),
    invokeAsync: (name, input, via) => invokeAsync(by(via), name, input),
    callAsync: async (name, input) => {
      const res = await invokeAsync(ctx, name, input);
      if (!res.ok) throw new CallError(res);
      return res.data as never;
    },
    call: (name, input) => {
      const res = invoke(ctx, name, input);
      if (!res.ok) throw new CallError(res);
      return res.data as never;
    },
    close: () => {
      if (opened.sqlite.open) opened.sqlite.close();
      lock?.release();
    },
  };
}
