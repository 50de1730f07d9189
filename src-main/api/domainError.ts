import type { ErrorCode, FieldIssue } from '../../src-shared/contract/errors';

/**
 * A rule of the domain said no. Carries a stable code and details that cross every door
 * unchanged; the renderer translates by code (and by `issues[].key` for field problems).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A VALIDATION error about named fields, shaped like zod's issues. */
export function fieldError(message: string, issues: FieldIssue[]): DomainError {
  return new DomainError('VALIDATION', message, { issues });
}

export function notFound(what: string, id: string | number): DomainError {
  return new DomainError('NOT_FOUND', `No ${what} with id ${id}`, { what, id });
}
