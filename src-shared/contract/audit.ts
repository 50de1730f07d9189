import { z } from 'zod';
import { query } from './define';
import { id, pageInput } from './common';
import { isoDate } from './inventory';
import { OWNER_ONLY, type RolesOf } from './accounts';

/**
 * Where a command came in: the desktop window (Electron IPC), the browser-mode HTTP door,
 * the `bottega` CLI, a channel import job (its worker or its in-process fallback), or the
 * demo generator, or another device on the workshop's network (the LAN door).
 */
export const AUDIT_DOORS = ['app', 'browser', 'cli', 'import', 'demo', 'lan'] as const;
export const auditDoor = z.enum(AUDIT_DOORS);
export type AuditDoor = z.infer<typeof auditDoor>;

/** Who ran it: the OS user today; `account` once Bottega has accounts. */
export const AUDIT_ACTOR_KINDS = ['os_user', 'account'] as const;

/** A document as `kind/id`: `orders/42`, `production/7`, `shipments/3`, `lots/9`. */
export const docRef = z
  .string()
  .trim()
  .regex(/^[a-z][a-z-]*\/[0-9a-z-]+$/, { message: 'Expected a document as kind/id, e.g. orders/42' });

export const auditEntry = z.object({
  id,
  /** ISO date-time, UTC */
  at: z.string(),
  door: auditDoor,
  actor: z.object({ kind: z.enum(AUDIT_ACTOR_KINDS), name: z.string() }),
  operation: z.string(),
  docs: z.array(z.string()),
  /** the command's input as it was run, secrets masked, long texts (file contents) shortened */
  input: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditOps = {
  'audit.list': query(
    'The activity log, newest first: every command that changed data (filters: since/until dates, document, operation, door)',
    z.object({
      since: isoDate.optional(),
      until: isoDate.optional(),
      doc: docRef.optional(),
      operation: z.string().trim().max(80).optional(),
      door: auditDoor.optional(),
      ...pageInput,
    }),
    z.object({ total: z.number().int(), rows: z.array(auditEntry) }),
  ),
  'audit.document': query(
    "One document's history, newest first",
    z.object({ doc: docRef, limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ doc: z.string(), rows: z.array(auditEntry) }),
  ),
};

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const auditRoles = {
  'audit.list': OWNER_ONLY,
  'audit.document': ['office', 'production', 'packing'],
} as const satisfies RolesOf<typeof auditOps>;
