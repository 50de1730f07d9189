/**
 * Optimistic versions at work, inside a command's own transaction (the registry calls
 * these): before the handler, the check of the version a screen showed; after it, with
 * the activity log entry, +1 on every versioned document the entry names. So a version
 * counts the logged changes of its document — edits by people and what their commands
 * did to it on the way (a shipment confirmed moves its orders; a production order made
 * for order lines names them); for master data, only the commands of its own form (see
 * VersionSql.raisedBy). The latest such log entry of a document is the change that made
 * its current version: what a conflict names.
 */
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import type { VersionConflict } from '../../../src-shared/contract/changes';
import { editedDoc } from './edits';
import { versionedDoc, type VersionSql } from './tables';

/** Documents whose version this command already raised, with the version they have now. */
export type Bumped = Map<string, number>;

/** The newest activity log entry of a document: who changed it, when, with what. */
export function latestChange(ctx: ReadCtx, doc: string): { at: string; actor: string; operation: string } | null {
  // of the commands that raise its version: the change that made the version the screen did not see
  const raisedBy = versionedDoc(doc)?.sql.raisedBy;
  const row = ctx.sqlite
    .prepare(
      `SELECT l.at, l.actor, l.operation FROM audit_docs d JOIN audit_log l ON l.id = d.audit_id
       WHERE d.doc = ? AND (? IS NULL OR l.operation IN (SELECT value FROM json_each(?))) ORDER BY d.audit_id DESC LIMIT 1`,
    )
    .get(doc, raisedBy ? 1 : null, JSON.stringify(raisedBy ?? [])) as { at: string; actor: string; operation: string } | undefined;
  return row ?? null;
}

function conflict(ctx: ReadCtx, doc: string, expected: number, current: number): DomainError {
  const last = latestChange(ctx, doc);
  const details: VersionConflict = {
    reason: 'version',
    doc,
    expectedVersion: expected,
    version: current,
    changedBy: last?.actor ?? null,
    changedAt: last?.at ?? null,
    operation: last?.operation ?? null,
  };
  const who = last ? ` by ${last.actor} at ${last.at} (${last.operation})` : '';
  return new DomainError('CONFLICT', `${doc} was changed${who} after you opened it (version ${current}, you had ${expected}): reload it and make your change again. Nothing was saved.`, details);
}

/**
 * Before the handler: when the input carries `expectedVersion`, raise the document's
 * version only if it is still that one (one UPDATE … WHERE id = ? AND version = ?), else
 * refuse with CONFLICT. An unknown id passes, for the handler's own NOT_FOUND. A dry run
 * compares without raising.
 */
export function checkExpectedVersion(ctx: Ctx, operation: string, input: unknown): Bumped {
  const bumped: Bumped = new Map();
  const edit = editedDoc(operation, input);
  const target = edit && versionedDoc(edit.doc);
  if (!edit || !target) return bumped;
  const dryRun = (input as { dryRun?: unknown }).dryRun === true;
  if (!dryRun) {
    const raised = ctx.sqlite.prepare(target.sql.bumpIf).get(target.id, edit.expected) as { version: number } | undefined;
    if (raised) {
      bumped.set(edit.doc, raised.version);
      return bumped;
    }
  }
  const now = ctx.sqlite.prepare(target.sql.read).get(target.id) as { version: number } | undefined;
  if (!now || (dryRun && now.version === edit.expected)) return bumped;
  throw conflict(ctx, edit.doc, edit.expected, now.version);
}

/** After the handler, with the log entry of `operation`: +1 on each versioned document it names that the check has not raised already. */
export function bumpVersions(ctx: Ctx, operation: string, docs: readonly string[], bumped: Bumped = new Map()): Bumped {
  // the documents to raise, by table: several of one table (a fulfil's production orders) in one UPDATE
  const byTable = new Map<VersionSql, number[]>();
  for (const doc of docs) {
    if (bumped.has(doc)) continue;
    const target = versionedDoc(doc);
    if (!target || (target.sql.raisedBy && !target.sql.raisedBy.includes(operation))) continue;
    const ids = byTable.get(target.sql);
    if (!ids) byTable.set(target.sql, [target.id]);
    else if (!ids.includes(target.id)) ids.push(target.id);
  }
  for (const [table, ids] of byTable) {
    if (ids.length > 1 && table.bumpMany) {
      for (const row of ctx.sqlite.prepare(table.bumpMany).all(JSON.stringify(ids)) as { id: number; version: number }[]) bumped.set(`${table.kind}/${row.id}`, row.version);
      continue;
    }
    for (const id of ids) {
      const row = ctx.sqlite.prepare(table.bump).get(id) as { version: number } | undefined;
      if (row) bumped.set(`${table.kind}/${id}`, row.version);
    }
  }
  return bumped;
}

/**
 * The command's answer with its document's version after the command: a handler that
 * read the document before the log entry raised its version answered the old one.
 * `ownDoc` is the first document the log entry names (the command's own).
 */
export function withCurrentVersion(out: unknown, ownDoc: string | undefined, bumped: Bumped): unknown {
  if (!ownDoc || !out || typeof out !== 'object') return out;
  const o = out as { id?: unknown; version?: unknown };
  const now = bumped.get(ownDoc);
  if (now !== undefined && typeof o.version === 'number' && ownDoc.endsWith(`/${String(o.id)}`)) o.version = now;
  return out;
}
