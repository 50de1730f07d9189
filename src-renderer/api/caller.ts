import type { Role } from '../../src-shared/contract/accounts';
import { useApiQuery } from './hooks';

/**
 * The role this window acts with (accounts.me): 'owner' on the office PC and in token
 * browser mode, the account's role on a device where someone logged in. Undefined while
 * loading. Screens hide what the role may not do; the registry refuses it anyway.
 */
export function useCallerRole(): Role | undefined {
  // query-error: while accounts.me fails the role is unknown and the owner's parts stay hidden; the screens' own queries show the error
  const me = useApiQuery('accounts.me', {}, { staleTime: Infinity });
  return me.data?.role;
}
