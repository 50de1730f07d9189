import { operationRoles, type OperationName } from '../../src-shared/contract';
import { roleMay, roleOf, type Caller } from '../../src-shared/contract/accounts';
import type { Envelope } from '../../src-shared/contract/errors';
import { fail } from './envelope';

/**
 * FORBIDDEN when the caller's role may not call the operation (its declaration next to
 * its schema, src-shared/contract/*Roles), else null. Checked before the input is parsed
 * and before anything runs: a refused call writes nothing and leaves no activity entry,
 * and `{}` as input is enough to tell a refusal from any other answer.
 */
export function forbiddenFor(caller: Caller | undefined, name: OperationName): Envelope<never> | null {
  const role = roleOf(caller);
  // an operation without a declaration (one added to the contract by hand at run time) is the owner's alone
  const granted = Object.hasOwn(operationRoles, name) ? operationRoles[name] : [];
  if (roleMay(role, granted)) return null;
  return fail('FORBIDDEN', `The role ${role} may not use ${name}`, { operation: name, role });
}
