import { z } from 'zod';

/**
 * An operation's schema with zod's generated fast path (z.compile), made on its first use:
 * one function per schema that checks and copies in one pass, instead of zod's general
 * walk through the schema objects on every call (most of what the contract checks cost a
 * warm call, and far more while the process is young). A value the fast path does not
 * accept goes on to zod's own parser, so a refusal names the same issues; a schema it
 * cannot model (a recursive one: orders.fulfil's proposals) is handed back as it is. What
 * it answers is zod's answer — unknown keys stripped, defaults filled, keys in the same
 * order: test/integration/compiledContract.test.ts holds it to that on the demo's calls.
 */
const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>();

export function compiled<S extends z.ZodType>(schema: S): S {
  let fast = compiledSchemas.get(schema);
  if (!fast) compiledSchemas.set(schema, (fast = z.compile(schema)));
  return fast as S;
}
