import type { z } from 'zod';
import type { auditOps, AuditEntry } from '../../../src-shared/contract/audit';
import type { ReadCtx } from '../../api/context';
import { sql, trusted, where } from '../../db/sql';

type ListInput = z.output<(typeof auditOps)['audit.list']['input']>;
type Row = { id: number; at: string; door: AuditEntry['door']; actorKind: 'os_user' | 'account'; actor: string; operation: string; input: string };

const COLUMNS = trusted('l.id, l.at, l.door, l.actor_kind AS actorKind, l.actor, l.operation, l.input');

/** The rows with their documents (one query for the page's documents, by the audit_docs_entry index). */
function withDocs(ctx: ReadCtx, rows: Row[]): AuditEntry[] {
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
export function listAudit(ctx: ReadCtx, input: ListInput): { total: number; rows: AuditEntry[] } {
  const filter = where([
    input.since ? sql`l.at >= ${input.since}` : null,
    input.until ? sql`l.at < date(${input.until}, '+1 day')` : null,
    input.operation ? sql`l.operation = ${input.operation}` : null,
    input.door ? sql`l.door = ${input.door}` : null,
    input.doc ? sql`l.id IN (SELECT audit_id FROM audit_docs WHERE doc = ${input.doc})` : null,
  ]);
  const count = sql`SELECT count(*) AS n FROM audit_log l ${filter}`;
  const total = (ctx.sqlite.prepare(count.text).get(...count.values) as { n: number }).n;
  const page = sql`SELECT ${COLUMNS} FROM audit_log l ${filter} ORDER BY l.id DESC LIMIT ${input.limit} OFFSET ${input.offset}`;
  const rows = ctx.sqlite.prepare(page.text).all(...page.values) as Row[];
  return { total, rows: withDocs(ctx, rows) };
}

/** One document's history, newest first: a range of the audit_docs primary key, then the entries by id. */
export function documentHistory(ctx: ReadCtx, doc: string, limit: number): { doc: string; rows: AuditEntry[] } {
  const q = sql`SELECT ${COLUMNS} FROM audit_docs d JOIN audit_log l ON l.id = d.audit_id WHERE d.doc = ${doc} ORDER BY d.audit_id DESC LIMIT ${limit}`;
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as Row[];
  return { doc, rows: withDocs(ctx, rows) };
}
