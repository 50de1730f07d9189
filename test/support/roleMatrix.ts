/**
 * The role matrix: every (operation, role) pair and whether the role may call it, from the
 * contract's own declarations. The registry test walks it with a real database; the LAN
 * door's test walks the same list over HTTPS. The check for FORBIDDEN comes before the
 * input is parsed, so `{}` as input tells a refusal (403) from any other answer.
 */
import { contract, operationRoles, type OperationName } from '../../src-shared/contract';
import { ROLES, roleMay, type Caller, type Role } from '../../src-shared/contract/accounts';

export interface RoleCase {
  operation: OperationName;
  kind: 'command' | 'query';
  role: Role;
  allowed: boolean;
}

export function roleMatrix(): RoleCase[] {
  return (Object.keys(contract) as OperationName[]).flatMap((operation) =>
    ROLES.map((role) => ({ operation, kind: contract[operation].kind, role, allowed: roleMay(role, operationRoles[operation]) })),
  );
}

/** A caller of the given role, as a door that knows users would pass it. */
export function callerOf(role: Role, userId = 1): Caller {
  return { kind: 'account', userId, login: `${role}-user`, name: `The ${role}`, role };
}

/**
 * Operations an allowed call with `{}` would make slow or leave running (the demo
 * generator fills the database; a restore swaps the file): the matrix still checks that
 * every other role is refused, and that the owner is not, by a FORBIDDEN check alone.
 */
export const NOT_RUN_WHEN_ALLOWED: ReadonlySet<OperationName> = new Set<OperationName>(['system.loadDemo']);
