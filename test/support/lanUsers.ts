import type Database from 'better-sqlite3';
import { hashPassword } from '../../src-main/modules/accounts/password';
import type { Role } from '../../src-shared/contract/accounts';

/**
 * A user for LAN door tests, hashed with light scrypt parameters (they travel with the
 * hash, so the real check runs them): the tests exercise the door, not scrypt's cost.
 */
export function addTestUser(sqlite: Database.Database, login: string, password: string, role: Role, name = login): number {
  const at = new Date().toISOString();
  return Number(
    sqlite
      .prepare('INSERT INTO users (login, name, role, password_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
      .run(login, name, role, hashPassword(password, { N: 1 << 10, r: 8, p: 1 }), at, at).lastInsertRowid,
  );
}
