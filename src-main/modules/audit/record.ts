/**
 * Writes the activity log. Called by the registry inside a command's own transaction
 * (after the command ran and its output passed the contract), so an entry exists exactly
 * when the command's writes do: a refused command rolls back its entry with the rest.
 */
import type Database from 'better-sqlite3';
import { userInfo } from 'node:os';
import type { AuditDoor } from '../../../src-shared/contract/audit';
import type { Ctx } from '../../api/context';
import { documentsOf } from './documents';
import { bumpVersions, type Bumped } from '../versions/guard';
import { preparedOnce } from '../../db/statementCache';

/** Fields whose value never goes into the log, whatever the command: the SMTP password, tokens, secrets. */
const SECRET_KEY = /password|secret|token|passphrase|api.?key/i;
/** File contents (base64 uploads, logos) are logged as their length only. */
const LONG_TEXT = 500;

export function maskedInput(value: unknown): unknown {
  if (typeof value === 'string') return value.length > LONG_TEXT ? `[${value.length} characters]` : value;
  if (Array.isArray(value)) return value.map(maskedInput);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== null && v !== undefined && v !== '' ? '***' : maskedInput(v);
    return out;
  }
  return value;
}

let osUser: string | undefined;
/** The OS user this process runs as: who the local owner (desktop app, CLI, token browser mode) is. */
function osActor(): { kind: 'os_user'; name: string } {
  if (osUser === undefined) {
    try {
      osUser = userInfo().username;
    } catch {
      osUser = process.env.USER ?? process.env.USERNAME ?? 'unknown';
    }
  }
  return { kind: 'os_user', name: osUser };
}

/**
 * Who the entry names: the account that called, by its login (unique and kept when the
 * person's display name changes: the users table gives the name), else the OS user.
 */
function actorOf(ctx: Ctx): { kind: 'os_user' | 'account'; name: string } {
  const c = ctx.caller;
  return c?.kind === 'account' ? { kind: 'account', name: c.login } : osActor();
}

/**
 * One entry, its documents, and +1 on the version of each versioned document it names
 * (`bumped`: those the command's version check raised already). Answers the versions now.
 */
export function writeEntry(ctx: Ctx, door: AuditDoor, operation: string, input: unknown, docs: string[], bumped?: Bumped): Bumped {
  // compiled once per connection (the one statement cache): the log is written on every command
  const entry = preparedOnce(ctx.sqlite, 'INSERT INTO audit_log (at, door, actor_kind, actor, operation, input) VALUES (?, ?, ?, ?, ?, ?)') as unknown as Database.Statement;
  const actor = actorOf(ctx);
  const id = entry.run(ctx.now().toISOString(), door, actor.kind, actor.name, operation, JSON.stringify(maskedInput(input)) ?? 'null').lastInsertRowid;
  // the documents in one statement, in their order (a completion names a dozen lots): the same rows, one run
  if (docs.length === 1) (preparedOnce(ctx.sqlite, 'INSERT OR IGNORE INTO audit_docs (doc, audit_id) VALUES (?, ?)') as unknown as Database.Statement).run(docs[0], id);
  else if (docs.length > 1) (preparedOnce(ctx.sqlite, 'INSERT OR IGNORE INTO audit_docs (doc, audit_id) SELECT value, ? FROM json_each(?) ORDER BY key') as unknown as Database.Statement).run(id, JSON.stringify(docs));
  return bumpVersions(ctx, operation, docs, bumped);
}

/** The registry's hook: one entry per command that ran (a dry run changed nothing and is not one). */
export function recordCommand(ctx: Ctx, operation: string, input: unknown, output: unknown, bumped?: Bumped): { docs: string[]; versions: Bumped } {
  if ((input as { dryRun?: unknown } | null)?.dryRun === true) return { docs: [], versions: bumped ?? new Map() };
  if (operation === 'channels.import') return recordImport(ctx, ctx.door ?? 'app', input, output as ImportResult);
  const docs = documentsOf(operation, input, output);
  return { docs, versions: writeEntry(ctx, ctx.door ?? 'app', operation, input, docs, bumped) };
}

type ImportResult = { orderNumbers: string[]; updatedNumbers: string[]; cancelledNumbers: string[] };

/**
 * An import's entry, written in the import's own transaction: by the channels.import
 * command, or (door: import) by an import job, whether it ran in the worker on its own
 * connection or here. The orders it created, updated or cancelled are its documents (the
 * result names them by number).
 */
export function recordImport(ctx: Ctx, door: AuditDoor, input: unknown, result: ImportResult): { docs: string[]; versions: Bumped } {
  const numbers = [...result.orderNumbers, ...result.updatedNumbers, ...result.cancelledNumbers];
  const ids =
    numbers.length === 0
      ? []
      : (ctx.sqlite.prepare('SELECT id FROM customer_orders WHERE number IN (SELECT value FROM json_each(?)) ORDER BY id').pluck().all(JSON.stringify(numbers)) as number[]);
  const docs = ids.map((id) => `orders/${id}`);
  return { docs, versions: writeEntry(ctx, door, 'channels.import', input, docs) };
}
