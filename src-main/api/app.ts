import pkg from '../../package.json';
import { openDatabase, type OpenedDb } from '../db/open';
import type { Envelope } from '../../src-shared/contract/errors';
import type { Contract, InputOf, OperationName, OutputOf } from '../../src-shared/contract';
import type { Ctx } from './context';
import { invoke } from './registry';

export interface BottegaApp {
  ctx: Ctx;
  opened: OpenedDb;
  /** the same entry every door uses */
  invoke(name: string, input: unknown): Envelope<unknown>;
  /** typed convenience for code in this process (tests, CLI, demo); throws on error */
  call<K extends OperationName>(name: K, input: InputOf<Contract[K]>): OutputOf<Contract[K]>;
  close(): void;
}

export class CallError extends Error {
  constructor(readonly envelope: Extract<Envelope<unknown>, { ok: false }>) {
    super(`${envelope.error.code}: ${envelope.error.message}`);
    this.name = 'CallError';
  }
}

export const APP_VERSION: string = pkg.version;

/** Opens the database at `dbPath` (migrating it) and wires the registry to it. */
export function createApp(dbPath: string, opts: { now?: () => Date } = {}): BottegaApp {
  const now = opts.now ?? (() => new Date());
  const opened = openDatabase(dbPath, { now });
  const ctx: Ctx = { db: opened.db, sqlite: opened.sqlite, now, dbPath, appVersion: APP_VERSION };
  return {
    ctx,
    opened,
    invoke: (name, input) => invoke(ctx, name, input),
    call: (name, input) => {
      const res = invoke(ctx, name, input);
      if (!res.ok) throw new CallError(res);
      return res.data as never;
    },
    close: () => opened.sqlite.close(),
  };
}
