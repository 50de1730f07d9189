import { z } from 'zod';
import type { Envelope, ErrorBody, ErrorCode } from '../../src-shared/contract/errors';
import { DomainError } from './domainError';

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): Envelope<never> {
  const error: ErrorBody = details ? { code, message, details } : { code, message };
  return { ok: false, error };
}

/** zod's issues, trimmed to what a person or a script needs: where and what. */
export function zodIssues(err: z.ZodError): { path: (string | number)[]; message: string; code: string }[] {
  return err.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
    code: i.code,
  }));
}

export function errorToEnvelope(err: unknown): Envelope<never> {
  if (err instanceof DomainError) return fail(err.code, err.message, err.details);
  if (err instanceof z.ZodError) return fail('VALIDATION', 'Invalid input', { issues: zodIssues(err) });
  const message = err instanceof Error ? err.message : String(err);
  // a page SQLite cannot read: the file is damaged, and the person needs a backup, not a 500
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (sqliteCode === 'SQLITE_CORRUPT' || sqliteCode === 'SQLITE_NOTADB') {
    return fail('DB_DAMAGED', `The database file is damaged (${message}): restore a backup.`, { reason: 'damaged' });
  }
  return fail('INTERNAL', message);
}

/** The HTTP status a door answers for an error code. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'RATE_LIMITED':
      return 429;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'DB_TOO_NEW':
    case 'DB_LOCKED':
      return 409;
    case 'DB_DAMAGED':
      return 503;
    case 'INTERNAL':
      return 500;
    default:
      return 422;
  }
}
