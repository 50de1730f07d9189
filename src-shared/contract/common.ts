import { z } from 'zod';
import { UNITS } from '../domain/units';

export const id = z.number().int().positive();
export const unit = z.enum(UNITS);
/** service: shipping, packaging charge, surcharge — sold on orders, never stocked nor made */
export const ITEM_KINDS = ['material', 'packaging', 'intermediate', 'product', 'service'] as const;
export const itemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKind>;

/** Free text the user typed; trimmed, empty becomes null. */
export const optionalText = (max = 500) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => {
      const t = v?.trim() ?? '';
      return t === '' ? null : t;
    });

export const requiredText = (max = 200) => z.string().trim().min(1).max(max);

/** A page of a list. */
export const pageInput = {
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
};

export const isoDateTime = z.string();
export const emptyInput = z.object({}).strict().default({});

/**
 * Optimistic versions (issue 20): a document's `version` goes up by one with every command
 * that changes it. A screen sends the version it showed; when the document has moved on
 * since, the command is refused with CONFLICT (details: versionConflict) and writes nothing.
 * Absent (scripts, the CLI): no check, the command runs on whatever is there.
 */
export const expectedVersion = z.number().int().min(0).optional();
export const version = z.number().int().min(0);
