import { contract, type OperationName } from '../../src-shared/contract';
import type { Envelope } from '../../src-shared/contract/errors';
import type { Ctx } from './context';
import { errorToEnvelope, fail, ok, zodIssues } from './envelope';
import { DomainError } from './domainError';
import type { AllHandlers } from './handlers';
import { systemHandlers } from '../modules/system/handlers';
import { settingsHandlers } from '../modules/settings/handlers';
import { catalogHandlers } from '../modules/catalog/handlers';
import { partyHandlers } from '../modules/parties/handlers';
import { inventoryHandlers } from '../modules/inventory/handlers';

/** name → handler. The type makes a missing or misspelt handler a compile error. */
export const handlers: AllHandlers = {
  ...systemHandlers,
  ...settingsHandlers,
  ...catalogHandlers,
  ...partyHandlers,
  ...inventoryHandlers,
};

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The one way in for every door: parse the input with the operation's schema, run the
 * handler (a command inside one immediate SQLite transaction, so nothing half-done
 * stays), check the output against the contract, and wrap everything in the envelope.
 */
export function invoke(ctx: Ctx, name: string, rawInput: unknown): Envelope<unknown> {
  if (!isOperationName(name)) return fail('NOT_FOUND', `Unknown operation: ${name}`, { operation: name });
  const op = contract[name];
  const parsed = op.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('VALIDATION', `Invalid input for ${name}`, { operation: name, issues: zodIssues(parsed.error) });
  }
  const handler = handlers[name] as (ctx: Ctx, input: unknown) => unknown;
  // The output is checked inside the transaction: a command whose answer breaks the
  // contract is a bug, and its writes are rolled back with it.
  const run = (): unknown => {
    const checked = op.output.safeParse(handler(ctx, parsed.data));
    if (!checked.success) {
      throw new DomainError('INTERNAL', `Output of ${name} does not match its contract`, {
        issues: zodIssues(checked.error),
      });
    }
    return checked.data;
  };
  try {
    return ok(op.kind === 'command' ? ctx.sqlite.transaction(run).immediate() : run());
  } catch (err) {
    return errorToEnvelope(err);
  }
}
