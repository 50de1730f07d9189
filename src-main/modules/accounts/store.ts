import type { Account, Role } from '../../../src-shared/contract/accounts';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError, fieldError, notFound } from '../../api/domainError';

// every answer selects these columns, never password_hash
type Row = Omit<Account, 'active'> & { active: number };

const toAccount = (r: Row): Account => ({ ...r, active: r.active === 1 });

export function listAccounts(ctx: ReadCtx): Account[] {
  return ctx.sqlite.prepare<[], Row>('SELECT id, login, name, role, active, created_at AS createdAt, updated_at AS updatedAt FROM users ORDER BY lower(login)').all().map(toAccount);
}

export function getAccount(ctx: ReadCtx, id: number): Account {
  const row = ctx.sqlite.prepare<[number], Row>('SELECT id, login, name, role, active, created_at AS createdAt, updated_at AS updatedAt FROM users WHERE id = ?').get(id);
  if (!row) throw notFound('user', id);
  return toAccount(row);
}

export function findAccountByLogin(ctx: ReadCtx, login: string): Account | null {
  const row = ctx.sqlite.prepare<[string], Row>('SELECT id, login, name, role, active, created_at AS createdAt, updated_at AS updatedAt FROM users WHERE lower(login) = lower(?)').get(login.trim());
  return row ? toAccount(row) : null;
}

/** Refuses a login another user has, case aside (the unique index would say it less kindly). */
export function refuseTakenLogin(ctx: ReadCtx, login: string): void {
  const other = findAccountByLogin(ctx, login);
  if (other) {
    throw fieldError(`The login "${login}" is taken (by ${other.name})`, [{ path: ['login'], message: `The login "${login}" is taken`, key: 'login_taken', params: { login } }]);
  }
}

/**
 * The last active owner keeps the role and stays active: without one, nobody could
 * manage users from a device (the desktop app and the CLI still act as the owner).
 */
export function refuseLosingLastOwner(ctx: Ctx, user: Account, change: { role?: Role; active?: boolean }): void {
  const stillOwner = (change.role ?? user.role) === 'owner' && (change.active ?? user.active);
  if (user.role !== 'owner' || !user.active || stillOwner) return;
  const others = ctx.sqlite.prepare<[number], number>("SELECT count(*) FROM users WHERE role = 'owner' AND active = 1 AND id <> ?").pluck().get(user.id) ?? 0;
  if (others === 0) {
    const field = change.active === false ? 'active' : 'role';
    throw new DomainError('CONFLICT', `${user.login} is the last active owner: add another owner first`, {
      issues: [{ path: [field], message: 'The last active owner must stay an active owner', key: 'last_owner', params: { login: user.login } }],
    });
  }
}
