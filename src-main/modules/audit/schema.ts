import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AUDIT_ACTOR_KINDS, AUDIT_DOORS } from '../../../src-shared/contract/audit';

/**
 * The activity log: one row per command that changed data, written in the command's own
 * transaction (a refused command leaves none). Append-only: triggers (migration 0009)
 * refuse any UPDATE or DELETE of it.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    door: text('door', { enum: AUDIT_DOORS }).notNull(),
    /** 'os_user' today; 'account' once there are accounts, with the account's name in `actor` */
    actorKind: text('actor_kind', { enum: AUDIT_ACTOR_KINDS }).notNull(),
    actor: text('actor').notNull(),
    operation: text('operation').notNull(),
    /** JSON, secrets masked */
    input: text('input').notNull(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_operation').on(t.operation)],
);

/** The documents an entry touched (`orders/42`): keyed by document first, so one document's history is an index range. */
export const auditDocs = sqliteTable(
  'audit_docs',
  {
    doc: text('doc').notNull(),
    auditId: integer('audit_id')
      .notNull()
      .references(() => auditLog.id),
  },
  (t) => [primaryKey({ columns: [t.doc, t.auditId] }), index('audit_docs_entry').on(t.auditId)],
);
