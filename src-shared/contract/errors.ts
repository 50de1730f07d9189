import { z } from 'zod';

/** Stable error codes: the renderer translates them, scripts branch on them. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_STOCK',
  'LOT_NOT_RELEASED',
  'RECIPE_CYCLE',
  'UNIT_MISMATCH',
  'UNAUTHORIZED',
  'FORBIDDEN',
  /** too many wrong logins or pairing codes: wait (details.retryAfterSeconds) */
  'RATE_LIMITED',
  'DB_TOO_NEW',
  /** the database file is damaged, empty or not a database: the app offers a backup */
  'DB_DAMAGED',
  /** another Bottega process has the database open for writing */
  'DB_LOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** The one envelope every door answers with. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A field-level problem, shaped like zod's issues so the UI shows both the same way. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
  /** a stable message key for translation, e.g. 'sku_taken' */
  key?: string;
  params?: Record<string, string | number>;
}
