import type { Caller } from '../../../src-shared/contract/accounts';
import type { ReadCtx } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';
import { decoyHash, verifyPassword } from './password';

type UserRow = { id: number; login: string; name: string; role: Extract<Caller, { kind: 'account' }>['role']; passwordHash: string; active: number };

/**
 * The account a login and password belong to, or null: unknown login, wrong password and
 * disabled account all answer null (a door says only "wrong login or password"). One
 * scrypt runs in every case — against a decoy hash when the login is unknown — so the
 * time taken does not tell which logins exist.
 */
export function checkLogin(ctx: ReadCtx, login: string, password: string): Extract<Caller, { kind: 'account' }> | null {
  const row = ctx.sqlite
    .prepare<[string], UserRow>('SELECT id, login, name, role, password_hash AS passwordHash, active FROM users WHERE lower(login) = lower(?)')
    .get(login.trim());
  const matches = verifyPassword(password, row?.passwordHash ?? decoyHash());
  if (!row || !matches || row.active !== 1) return null;
  return { kind: 'account', userId: row.id, login: row.login, name: row.name, role: row.role };
}

/**
 * The caller a session stands for, read again on each call: a user disabled or whose role
 * changed since the login acts with what the table says now (null: disabled or gone).
 */
export function currentCaller(ctx: ReadCtx, userId: number): Extract<Caller, { kind: 'account' }> | null {
  // read on every call through the LAN door: compiled once per connection
  const row = preparedOnce(ctx.sqlite, 'SELECT id, login, name, role, active FROM users WHERE id = ?').get(userId) as UserRow | undefined;
  if (!row || row.active !== 1) return null;
  return { kind: 'account', userId: row.id, login: row.login, name: row.name, role: row.role };
}
