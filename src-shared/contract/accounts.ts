import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';

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

/** The roles besides the owner, who may always do everything and so is never listed. */
export type GrantedRole = Exclude<Role, 'owner'>;

/**
 * Which roles may call each operation of one contract file, besides the owner. Written
 * `{…} satisfies RolesOf<typeof xOps>` at the end of each contract file: an operation
 * left out (or a name that is no operation) is a compile error there.
 */
export type RolesOf<Ops> = { readonly [K in keyof Ops]: readonly GrantedRole[] };

/** Every role: the reads each screen needs to start (settings, status) and the non-sensitive reads. */
export const EVERYONE: readonly GrantedRole[] = ['office', 'production', 'packing', 'viewer'];
/** The owner alone: settings, users, backups and restore, the activity log. */
export const OWNER_ONLY: readonly GrantedRole[] = [];

/** Whether `r` may call an operation declared with `granted` (the owner always may). */
export function roleMay(r: Role, granted: readonly GrantedRole[]): boolean {
  return r === 'owner' || (granted as readonly Role[]).includes(r);
}

const userId = z.number().int().positive();
const personName = z.string().trim().min(1, { message: 'The name must not be empty' }).max(100, { message: 'The name must be at most 100 characters' });

/** Users and who calls. Only the owner manages users; every role may ask who it is. */
export const accountOps = {
  'accounts.list': query('Every user (active and disabled), by login; never a password hash.', emptyInput, z.object({ rows: z.array(account) })),
  'accounts.create': command(
    'Add a user with a login (unique, case aside), a name, a role and a password.',
    z.object({ login, name: personName.optional(), role, password: newPassword }),
    account,
  ),
  'accounts.update': command(
    "Change a user's name or role; the last active owner cannot lose the owner role.",
    z.object({ id: userId, name: personName.optional(), role: role.optional() }),
    account,
  ),
  'accounts.setPassword': command("Set a user's password (the owner resets a forgotten one).", z.object({ id: userId, password: newPassword }), account),
  'accounts.disable': command('Stop a user from logging in (kept for the activity log); never the last active owner.', z.object({ id: userId }), account),
  'accounts.enable': command('Let a disabled user log in again.', z.object({ id: userId }), account),
  'accounts.me': query(
    'Who is calling: the account, or the local owner (desktop app, CLI, browser mode with its token), and the role it acts with.',
    emptyInput,
    z.object({ caller, role }),
  ),
} as const;

/** Who may call each operation besides the owner (RolesOf above; checked in the registry for every door). */
export const accountRoles = {
  'accounts.list': OWNER_ONLY,
  'accounts.create': OWNER_ONLY,
  'accounts.update': OWNER_ONLY,
  'accounts.setPassword': OWNER_ONLY,
  'accounts.disable': OWNER_ONLY,
  'accounts.enable': OWNER_ONLY,
  'accounts.me': EVERYONE,
} as const satisfies RolesOf<typeof accountOps>;
