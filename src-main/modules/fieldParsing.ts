import type { FieldIssue } from '../../src-shared/contract/errors';
import { fieldError } from '../api/domainError';

/**
 * Collects every field problem of one input before refusing it, so the user sees all
 * of them at once, each named by its field (and row, for lines).
 */
export class FieldProblems {
  readonly issues: FieldIssue[] = [];

  /** Runs a parser; on failure records the problem under `path` and returns null. */
  parse<T>(path: (string | number)[], key: string, parse: () => T, params: Record<string, string | number> = {}): T | null {
    try {
      return parse();
    } catch (err) {
      const reason = (err as { reason?: string }).reason;
      this.add(path, reason ? `${key}.${reason}` : key, err instanceof Error ? err.message : String(err), params);
      return null;
    }
  }

  add(path: (string | number)[], key: string, message: string, params: Record<string, string | number> = {}): void {
    this.issues.push({ path, key, message, params });
  }

  /** Throws one VALIDATION error naming every field, if any problem was found. */
  throwIfAny(summary: string): void {
    if (this.issues.length > 0) throw fieldError(summary, this.issues);
  }
}
