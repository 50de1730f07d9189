import type { Contract, InputOf, OperationName, OutputOf } from '../../src-shared/contract';
import type { Ctx } from '../api/context';
import type { Envelope } from '../../src-shared/contract/errors';

/** A demo command was refused: the demo data broke a rule, which is a bug of the generator. */
export class DemoCallError extends Error {
  constructor(
    readonly operation: string,
    readonly envelope: Extract<Envelope<unknown>, { ok: false }>,
  ) {
    super(`${operation}: ${envelope.error.code}: ${envelope.error.message} ${JSON.stringify(envelope.error.details ?? {})}`);
    this.name = 'DemoCallError';
  }
}

type Invoke = (ctx: Ctx, name: string, input: unknown) => Envelope<unknown>;
let invoke: Invoke | null = null;

/**
 * The registry hands the demo its way in when it loads. The demo must not import the
 * registry: the registry holds system.loadDemo, which runs the demo (a circle otherwise).
 */
export function bindDemoCalls(registryInvoke: Invoke): void {
  invoke = registryInvoke;
}

/**
 * Runs a command or query through the registry, as every door does (input parsed,
 * output checked), and throws DemoCallError on an error envelope.
 * (Not app.ts's CallError: the registry runs the demo, so the demo must not import app.ts.)
 *
 * Safe inside the transaction the demo runs in: better-sqlite3 turns a transaction
 * function called while one is open — `.immediate()` included — into a SAVEPOINT, so
 * each command still rolls back alone if it fails and the outer transaction decides.
 */
export function demoCall<K extends OperationName>(ctx: Ctx, name: K, input: InputOf<Contract[K]>): OutputOf<Contract[K]> {
  if (!invoke) throw new Error('demoCall before the registry loaded');
  // the activity log says these came from the demo generator, whoever asked for the demo
  const res = invoke(ctx.door === 'demo' ? ctx : { ...ctx, door: 'demo' }, name, input);
  if (!res.ok) throw new DemoCallError(name, res);
  return res.data as OutputOf<Contract[K]>;
}

/** The same context with the clock stopped at `at`: demo records get demo dates. */
export function atTime(ctx: Ctx, at: Date): Ctx {
  const ms = at.getTime();
  return { ...ctx, now: () => new Date(ms) };
}

export const DAY_MS = 86_400_000;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}
