import { z } from 'zod';

/**
 * Who may do what. The owner may do everything (settings, users, backups and restore);
 * the other roles are what one person at one bench needs:
 * - office: orders, customers, purchasing, invoicing, reports, prices, channels
 * - production: production orders, release/complete, lots, labels, read stock
 * - packing: shipments, DDT, labels, returns, read orders
 * - viewer: the reads that are not sensitive
 * Each contract operation declares its roles next to its schema (`…Roles` at the end of
 * each contract file); the registry refuses the others with FORBIDDEN.
 */
export const ROLES = ['owner', 'office', 'production', 'packing', 'viewer'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/**
 * Who calls an operation. An account (a person logged in through a door that knows
 * users), or the local owner: the desktop app on the office PC, the CLI (it needs the
 * file itself) and the per-launch-token browser mode act as the owner without a login.
 */
export type Caller = { kind: 'account'; userId: number; login: string; name: string; role: Role } | { kind: 'local_owner' };

/** The caller of every door that does not name one. */
export const LOCAL_OWNER: Caller = Object.freeze({ kind: 'local_owner' });

/** The role a caller acts with. */
export function roleOf(caller: Caller | undefined): Role {
  return caller?.kind === 'account' ? caller.role : 'owner';
}

export const caller = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), userId: z.number().int().positive(), login: z.string(), name: z.string(), role }),
  z.object({ kind: z.literal('local_owner') }),
]);

/**
 * A login: 1–40 characters, letters, digits and . _ - @ (no spaces), compared without
 * case (`Anna` and `anna` are the same login). Kept as typed, looked up lower-cased.
 */
export const login = z
  .string()
  .trim()
  .min(1, { message: 'The login must not be empty' })
  .max(40, { message: 'The login must be at most 40 characters' })
  .regex(/^[A-Za-z0-9._@-]+$/, { message: 'The login may contain only letters, digits and . _ - @' });

/** A new password: at least 8 characters (a workshop, not a bank: length beats rules). */
export const newPassword = z
  .string()
  .min(8, { message: 'The password must be at least 8 characters' })
  .max(200, { message: 'The password must be at most 200 characters' });

/** A user as every answer shows it: never the password hash. */
export const account = z.object({
  id: z.number().int().positive(),
  login: z.string(),
  name: z.string(),
  role,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof account>;
