import { contract, type OperationName } from '../../src-shared/contract';
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

type Prepared =
  | { ok: false; envelope: Envelope<unknown> }
  | { ok: true; run: () => unknown; check: (out: unknown) => unknown; record: (out: unknown) => unknown; kind: 'command' | 'query' };

function prepare(plain: Ctx, name: string, rawInput: unknown): Prepared {
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
  const handler = handlers[name] as (ctx: Ctx, input: unknown) => unknown;
  const check = (out: unknown): unknown => {
    const checked = compiled(op.output).safeParse(out);
    if (!checked.success) {
      throw new DomainError('INTERNAL', `Output of ${name} does not match its contract`, { issues: zodIssues(checked.error) });
    }
    return checked.data;
  };
  // a command sent with the version its screen showed: checked (and raised) before the handler writes anything
  let bumped: Bumped | undefined;
  // the activity log entry, in the command's transaction: it exists exactly when the command's writes do;
  // it raises the versions of the documents it names, and the answer carries its document's new one
  const record = (out: unknown): unknown => {
    const { docs, versions } = recordCommand(ctx, name, parsed.data, out, bumped);
    return withCurrentVersion(out, docs[0], versions);
  };
  // a query runs on the connection refusing statements that write (its ctx type already has no write function)
  const readOnly = op.kind === 'query' && !QUERIES_GIVEN_THE_WRITER.has(name);
  const runCtx = readOnly ? readOnlyCtx(ctx) : ctx;
  const run = () => {
    if (op.kind === 'command') bumped = checkExpectedVersion(ctx, name, parsed.data);
    return handler(runCtx, parsed.data);
  };
  return { ok: true, run, check, record, kind: op.kind };
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
  const p = prepare(ctx, name, rawInput);
  if (!p.ok) return p.envelope;
  try {
    if (p.kind === 'command') return writesRefused() ?? ok(withAfterCommit(ctx.sqlite, () => ctx.sqlite.transaction(() => p.record(p.check(p.run()))).immediate(), 'next-turn'));
    const out = p.run();
    if (out instanceof Promise) {
      void out.catch(() => undefined);
      return fail('INTERNAL', `${name} answers asynchronously: call it through invokeAsync`);
    }
    return ok(p.check(out));
  } catch (err) {
    return busyEnvelope(err) ?? errorToEnvelope(err);
  }
}

/** What the doors call: the same as invoke, and it also awaits queries that render documents. */
export async function invokeAsync(ctx: Ctx, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  const p = prepare(ctx, name, rawInput);
  if (!p.ok) return p.envelope;
  try {
    if (p.kind === 'command') return writesRefused() ?? ok(withAfterCommit(ctx.sqlite, () => ctx.sqlite.transaction(() => p.record(p.check(p.run()))).immediate()));
    return ok(p.check(await p.run()));
  } catch (err) {
    return busyEnvelope(err) ?? errorToEnvelope(err);
  }
}
