import { roleOf } from '../../../src-shared/contract/accounts';
import type { HandlerMap } from '../../api/handlers';
import { hashPassword } from './password';
import { getAccount, listAccounts, refuseLosingLastOwner, refuseTakenLogin } from './store';

type AccountOp = 'accounts.list' | 'accounts.create' | 'accounts.update' | 'accounts.setPassword' | 'accounts.disable' | 'accounts.enable' | 'accounts.me';

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
  'accounts.me': (ctx) => {
    const caller = ctx.caller ?? { kind: 'local_owner' as const };
    return { caller, role: roleOf(caller) };
  },
};
