import { z } from 'zod';
import { query } from './define';
import { EVERYONE, type RolesOf } from './accounts';

/**
 * The change feed: what other devices changed since a screen last looked. The counter is
 * the activity log's newest entry id (every command writes exactly one, in its own
 * transaction), so "nothing changed" is one read of the log's largest key.
 */
export const CHANGES_MAX_DOCS = 500;

/** The details of a CONFLICT refusing a command sent with a stale `expectedVersion`. */
export const versionConflict = z.object({
  reason: z.literal('version'),
  /** the document as kind/id: orders/42 */
  doc: z.string(),
  expectedVersion: z.number().int(),
  version: z.number().int(),
  /** who made the newest change, from the activity log (null when the log names nobody) */
  changedBy: z.string().nullable(),
  /** when, ISO date-time UTC */
  changedAt: z.string().nullable(),
  /** which command it was */
  operation: z.string().nullable(),
});
export type VersionConflict = z.infer<typeof versionConflict>;

export const changesOps = {
  'system.changes': query(
    'What changed since a counter: the newest change counter and the documents (kind/id) changed after `since`. Without `since`: the counter only.',
    z.object({ since: z.number().int().min(0).optional() }),
    z.object({
      counter: z.number().int(),
      docs: z.array(z.string()),
      /** true when some change named no document (an import's start, the demo) or more than fit: refresh everything */
      everything: z.boolean(),
    }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf): every open screen polls the feed. */
export const changesRoles = {
  'system.changes': EVERYONE,
} as const satisfies RolesOf<typeof changesOps>;
