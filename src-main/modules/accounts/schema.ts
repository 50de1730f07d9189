import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../src-shared/contract/accounts';

/**
 * The people who log in through a door that knows users (the LAN door). The desktop app
 * and the CLI act as the owner without an account. The login is unique without case
 * (`Anna` = `anna`: an index on lower(login)); the password is kept only as an scrypt
 * hash with its own salt and parameters (modules/accounts/password.ts).
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    login: text('login').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can change later */
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_login_nocase').on(sql`lower(${t.login})`),
    check('users_role', sql`${t.role} IN ('owner', 'office', 'production', 'packing', 'viewer')`),
  ],
);
