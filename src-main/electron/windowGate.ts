import type { Envelope } from '../../src-shared/contract/errors';
import { WINDOW_OPERATIONS } from './windowOperations';

const allowed = new Set(WINDOW_OPERATIONS);

/**
 * Whether the desktop window may invoke this operation (the generated allow-list). Plain
 * code with no imports but a type and a string list: the sandboxed preload bundles it.
 */
export function windowMayInvoke(name: unknown): name is string {
  return typeof name === 'string' && allowed.has(name);
}

export function notForTheWindow(name: unknown): Envelope<never> {
  return { ok: false, error: { code: 'FORBIDDEN', message: `The window cannot invoke ${JSON.stringify(name)}` } };
}
