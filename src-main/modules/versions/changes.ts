/**
 * The change feed read by every screen every few seconds: the activity log's newest id is
 * the change counter (each command writes one entry in its own transaction, so the counter
 * moves exactly when something committed), and the documents of the entries after `since`
 * are what changed. Nothing changed: one lookup of the log's largest key.
 */
import type { ReadCtx } from '../../api/context';
import { CHANGES_MAX_DOCS } from '../../../src-shared/contract/changes';

export function changesSince(ctx: ReadCtx, since: number | undefined): { counter: number; docs: string[]; everything: boolean } {
  const counter = (ctx.sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
  if (since === undefined || since >= counter) return { counter, docs: [], everything: false };
  // entries after `since` that name no document (an import's entry before its orders exist, the demo): refresh everything
  const bare = ctx.sqlite.prepare('SELECT 1 FROM audit_log l WHERE l.id > ? AND NOT EXISTS (SELECT 1 FROM audit_docs d WHERE d.audit_id = l.id) LIMIT 1').get(since) !== undefined;
  const docs = (
    ctx.sqlite.prepare('SELECT DISTINCT doc FROM audit_docs WHERE audit_id > ? ORDER BY audit_id DESC LIMIT ?').all(since, CHANGES_MAX_DOCS + 1) as { doc: string }[]
  ).map((r) => r.doc);
  const everything = bare || docs.length > CHANGES_MAX_DOCS;
  return { counter, docs: everything ? [] : docs, everything };
}
