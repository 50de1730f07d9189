import { contract, type OperationName } from '../../src-shared/contract';
import type { Transaction } from 'better-sqlite3';
import type { Envelope } from '../../src-shared/contract/errors';
import type { Ctx } from './context';
import { errorToEnvelope, fail, ok, zodIssues } from './envelope';
import { DomainError } from './domainError';
import { QUERIES_GIVEN_THE_WRITER, type AllHandlers } from './handlers';
import { readOnlyCtx } from './readOnly';
import { systemHandlers } from '../modules/system/handlers';
import { settingsHandlers } from '../modules/settings/handlers';
import { catalogHandlers } from '../modules/catalog/handlers';
import { partyHandlers } from '../modules/parties/handlers';
import { inventoryHandlers } from '../modules/inventory/handlers';
import { orderHandlers } from '../modules/orders/handlers';
import { productionHandlers } from '../modules/production/handlers';
import { channelHandlers } from '../modules/channels/handlers';
import { purchasingHandlers } from '../modules/purchasing/handlers';
import { traceHandlers } from '../modules/trace/handlers';
import { labelHandlers } from '../modules/labels/handlers';
import { notificationHandlers } from '../modules/notifications/handlers';
import { shippingHandlers } from '../modules/shipping/handlers';
import { channelFileHandlers } from '../modules/channels/fileHandlers';
import { planningHandlers } from '../modules/planning/handlers';
import { backupHandlers } from '../modules/backups/handlers';
import { busyEnvelope, writesRefused } from './writeLock';
import { withAfterCommit } from './afterCommit';
import { auditHandlers } from '../modules/audit/handlers';
import { pricesHandlers } from '../modules/prices/handlers';
import { todayHandlers } from '../modules/reports/today';
import { reportsHandlers } from '../modules/reports/handlers';
import { invoiceFileHandlers } from '../modules/invoicing/fatturapa/handlers';
import { invoicingHandlers } from '../modules/invoicing/handlers';
import { searchHandlers } from '../modules/search/handlers';
import { devicesHandlers } from '../modules/devices/handlers';
import { accountHandlers } from '../modules/accounts/handlers';
import { recordCommand } from '../modules/audit/record';
import { checkExpectedVersion, withCurrentVersion, type Bumped } from '../modules/versions/guard';
import { versionHandlers } from '../modules/versions/handlers';
import { bindDemoCalls } from '../demo/call';
import { withStatementCache } from '../db/statementCache';
import { forbiddenFor } from './roles';
import { compiled } from './compiledSchema';

/** name → handler. The type makes a missing or misspelt handler a compile error. */
export const handlers: AllHandlers = {
  ...systemHandlers,
  ...settingsHandlers,
  ...catalogHandlers,
  ...partyHandlers,
  ...inventoryHandlers,
  ...orderHandlers,
  ...productionHandlers,
  ...channelHandlers,
  ...purchasingHandlers,
  ...traceHandlers,
  ...labelHandlers,
  ...notificationHandlers,
  ...shippingHandlers,
  ...channelFileHandlers,
  ...planningHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...pricesHandlers,
  ...todayHandlers,
  ...reportsHandlers,
  ...invoiceFileHandlers,
  ...invoicingHandlers,
  ...searchHandlers,
  ...devicesHandlers,
  ...accountHandlers,
  ...versionHandlers,
};

// the demo loader calls commands through the registry it is registered in
bindDemoCalls(invoke);

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

type Admitted =
  | { ok: false; envelope: Envelope<unknown> }
  | { ok: true; name: OperationName; op: (typeof contract)[OperationName]; ctx: Ctx; input: unknown; handler: (ctx: Ctx, input: unknown) => unknown };

/**
 * What every call goes through before its handler: a known operation, a role that may call
 * it, an input its schema accepts. Plain data, no closures: a query's call is only this, its
 * handler and its output check (the trace's fixed cost per call is mostly such overhead).
 */
function admit(plain: Ctx, name: string, rawInput: unknown): Admitted {
  if (!isOperationName(name)) return { ok: false, envelope: fail('NOT_FOUND', `Unknown operation: ${name}`, { operation: name }) };
  const refused = forbiddenFor(plain.caller, name);
  if (refused) return { ok: false, envelope: refused };
  const op = contract[name];
  // a command runs on the connection's statement cache: each SQL text is compiled once per connection
  const ctx = op.kind === 'command' ? withStatementCache(plain) : plain;
  const parsed = compiled(op.input).safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, envelope: fail('VALIDATION', `Invalid input for ${name}`, { operation: name, issues: zodIssues(parsed.error) }) };
  }
  return { ok: true, name, op, ctx, input: parsed.data, handler: handlers[name] as (ctx: Ctx, input: unknown) => unknown };
}

function checked(a: Admitted & { ok: true }, out: unknown): unknown {
  const res = compiled(a.op.output).safeParse(out);
  if (!res.success) {
    throw new DomainError('INTERNAL', `Output of ${a.name} does not match its contract`, { issues: zodIssues(res.error) });
  }
  return res.data;
}

/** A query's handler on the connection refusing statements that write (its ctx type already has no write function). */
function runQuery(a: Admitted & { ok: true }): unknown {
  return a.handler(QUERIES_GIVEN_THE_WRITER.has(a.name) ? a.ctx : readOnlyCtx(a.ctx), a.input);
}

/**
 * A command in its transaction: the version its screen showed checked (and raised) before
 * the handler writes anything, its answer checked, then the activity log entry — it exists
 * exactly when the command's writes do; it raises the versions of the documents it names,
 * and the answer carries its document's new one.
 */
function runCommand(a: Runnable): unknown {
  const bumped: Bumped | undefined = checkExpectedVersion(a.ctx, a.name, a.input);
  const out = checked(a, a.handler(a.ctx, a.input));
  const { docs, versions } = recordCommand(a.ctx, a.name, a.input, out, bumped);
  return withCurrentVersion(out, docs[0], versions);
}

type Runnable = Admitted & { ok: true };
/**
 * Each connection's one transaction function for commands, made once: better-sqlite3's
 * `transaction()` builds four wrappers and defines their properties every time it is called
 * (~5 µs a command, warm). Nested commands still run as savepoints, as before.
 */
const commandTransactions = new WeakMap<Ctx['sqlite'], Transaction<(a: Runnable) => unknown>>();

function inTransaction(sqlite: Ctx['sqlite'], a: Runnable): unknown {
  let tx = commandTransactions.get(sqlite);
  if (!tx) commandTransactions.set(sqlite, (tx = sqlite.transaction(runCommand)));
  return tx.immediate(a);
}

/**
 * The one way in for every door: refuse a caller whose role may not call the operation
 * (FORBIDDEN, api/roles.ts), parse the input with the operation's schema, run the
 * handler (a command inside one immediate SQLite transaction, so nothing half-done
 * stays), check the output against the contract, and wrap everything in the envelope.
 * The output is checked inside the transaction: a command whose answer breaks the
 * contract is a bug, and its writes are rolled back with it.
 */
export function invoke(ctx: Ctx, name: string, rawInput: unknown): Envelope<unknown> {
  const a = admit(ctx, name, rawInput);
  if (!a.ok) return a.envelope;
  try {
    if (a.op.kind === 'command') return writesRefused() ?? ok(withAfterCommit(ctx.sqlite, () => inTransaction(ctx.sqlite, a), 'next-turn'));
    const out = runQuery(a);
    if (out instanceof Promise) {
      void out.catch(() => undefined);
      return fail('INTERNAL', `${name} answers asynchronously: call it through invokeAsync`);
    }
    return ok(checked(a, out));
  } catch (err) {
    return busyEnvelope(err) ?? errorToEnvelope(err);
  }
}

/** What the doors call: the same as invoke, and it also awaits queries that render documents. */
export async function invokeAsync(ctx: Ctx, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  const a = admit(ctx, name, rawInput);
  if (!a.ok) return a.envelope;
  try {
    if (a.op.kind === 'command') return writesRefused() ?? ok(withAfterCommit(ctx.sqlite, () => inTransaction(ctx.sqlite, a)));
    // a synchronous answer is checked at once, not a turn later
    const out = runQuery(a);
    return ok(checked(a, out instanceof Promise ? await out : out));
  } catch (err) {
    return busyEnvelope(err) ?? errorToEnvelope(err);
  }
}
