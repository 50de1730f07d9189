import type { z } from 'zod';
import type { auditOps, AuditEntry } from '../../../src-shared/contract/audit';
import type { Ctx } from '../../api/context';

type ListInput = z.output<(typeof auditOps)['audit.list']['input']>;
type Row = { id: number; at: string; door: AuditEntry['door']; actorKind: 'os_user' | 'account'; actor: string; operation: string; input: string };

const COLUMNS = 'l.id, l.at, l.door, l.actor_kind AS actorKind, l.actor, l.operation, l.input';

/** The rows with their documents (one query for the page's documents, by the audit_docs_entry index). */
function withDocs(ctx: Ctx, rows: Row[]): AuditEntry[] {
  const docs = new Map<number, string[]>();
  if (rows.length > 0) {
    const pairs = ctx.sqlite
      .prepare('SELECT audit_id AS id, doc FROM audit_docs WHERE audit_id IN (SELECT value FROM json_each(?)) ORDER BY audit_id, rowid')
      .all(JSON.stringify(rows.map((r) => r.id))) as { id: number; doc: string }[];
    for (const p of pairs) docs.set(p.id, [...(docs.get(p.id) ?? []), p.doc]);
  }
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    door: r.door,
    actor: { kind: r.actorKind, name: r.actor },
    operation: r.operation,
    docs: docs.get(r.id) ?? [],
    input: JSON.parse(r.input) as unknown,
  }));
}

/** The log, newest first. Dates are whole days in UTC, `until` included. */
export function listAudit(ctx: Ctx, input: ListInput): { total: number; rows: AuditEntry[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (input.since) {
    where.push('l.at >= :since');
    params.since = input.since;
  }
  if (input.until) {
    where.push("l.at < date(:until, '+1 day')");
    params.until = input.until;
  }
  if (input.operation) {
    where.push('l.operation = :operation');
    params.operation = input.operation;
  }
  if (input.door) {
    where.push('l.door = :door');
    params.door = input.door;
  }
  if (input.doc) {
    where.push('l.id IN (SELECT audit_id FROM audit_docs WHERE doc = :doc)');
    params.doc = input.doc;
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log l ${filter}`).get(params) as { n: number }).n;
  const rows = ctx.sqlite
    .prepare(`SELECT ${COLUMNS} FROM audit_log l ${filter} ORDER BY l.id DESC LIMIT :limit OFFSET :offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as Row[];
  return { total, rows: withDocs(ctx, rows) };
}

/** One document's history, newest first: a range of the audit_docs primary key, then the entries by id. */
export function documentHistory(ctx: Ctx, doc: string, limit: number): { doc: string; rows: AuditEntry[] } {
  const rows = ctx.sqlite
    .prepare(`SELECT ${COLUMNS} FROM audit_docs d JOIN audit_log l ON l.id = d.audit_id WHERE d.doc = ? ORDER BY d.audit_id DESC LIMIT ?`)
    .all(doc, limit) as Row[];
  return { doc, rows: withDocs(ctx, rows) };
}
