import { roleOf } from '../../../src-shared/contract/accounts';
import type { HandlerMap } from '../../api/handlers';
import { DomainError, fieldError } from '../../api/domainError';
import { hashPassword } from './password';
import { checkLogin } from './login';
import { getAccount, listAccounts, refuseLosingLastOwner, refuseTakenLogin } from './store';

type AccountOp = 'accounts.list' | 'accounts.create' | 'accounts.update' | 'accounts.setPassword' | 'accounts.disable' | 'accounts.enable' | 'accounts.changeOwnPassword' | 'accounts.me';

/** Users: managed by the owner alone (the registry refuses the other roles); hashes never leave this module. */
export const accountHandlers: HandlerMap<AccountOp> = {
  'accounts.list': (ctx) => ({ rows: listAccounts(ctx) }),
  'accounts.create': (ctx, input) => {
    refuseTakenLogin(ctx, input.login);
    const at = ctx.now().toISOString();
    const id = ctx.sqlite
      .prepare('INSERT INTO users (login, name, role, password_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
      .run(input.login, input.name ?? input.login, input.role, hashPassword(input.password), at, at).lastInsertRowid;
    return getAccount(ctx, Number(id));
  },
  'accounts.update': (ctx, input) => {
    const user = getAccount(ctx, input.id);
    if (input.role !== undefined) refuseLosingLastOwner(ctx, user, { role: input.role });
    ctx.sqlite
      .prepare('UPDATE users SET name = ?, role = ?, updated_at = ? WHERE id = ?')
      .run(input.name ?? user.name, input.role ?? user.role, ctx.now().toISOString(), user.id);
    return getAccount(ctx, user.id);
  },
  'accounts.setPassword': (ctx, input) => {
    const user = getAccount(ctx, input.id);
    ctx.sqlite.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hashPassword(input.password), ctx.now().toISOString(), user.id);
    return getAccount(ctx, user.id);
  },
  'accounts.disable': (ctx, input) => {
    const user = getAccount(ctx, input.id);
    refuseLosingLastOwner(ctx, user, { active: false });
    ctx.sqlite.prepare('UPDATE users SET active = 0, updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), user.id);
    return getAccount(ctx, user.id);
  },
  'accounts.enable': (ctx, input) => {
    const user = getAccount(ctx, input.id);
    ctx.sqlite.prepare('UPDATE users SET active = 1, updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), user.id);
    return getAccount(ctx, user.id);
  },
  'accounts.changeOwnPassword': (ctx, input) => {
    const caller = ctx.caller;
    if (caller?.kind !== 'account') throw new DomainError('CONFLICT', 'The owner on this PC has no password to change: accounts are for other devices', { reason: 'local_owner' });
    // the current password is checked like a login (a disabled account has none)
    if (!checkLogin(ctx, caller.login, input.currentPassword)) {
      throw fieldError('The current password is not right', [{ path: ['currentPassword'], message: 'The current password is not right', key: 'current_password_wrong' }]);
    }
    ctx.sqlite.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hashPassword(input.password), ctx.now().toISOString(), caller.userId);
    return getAccount(ctx, caller.userId);
  },
  'accounts.me': (ctx) => {
    const caller = ctx.caller ?? { kind: 'local_owner' as const };
    return { caller, role: roleOf(caller) };
  },
};
