/**
 * Bulk loader for generated data, not a command: the demo gives each of its products and
 * intermediates its label facts through this. A row that is already there is left as it
 * is (the user's own facts win); the rows are valid by construction, and `bottega check`
 * proves they are. It lives here so that labels stay the one writer of their table.
 */
import type { Ctx } from '../../api/context';
import { itemLabelInfo } from './schema';

export type LabelFactsRow = typeof itemLabelInfo.$inferInsert;

export function bulkInsertLabelFacts(ctx: Ctx, row: LabelFactsRow): void {
  ctx.db.insert(itemLabelInfo).values(row).onConflictDoNothing().run();
}
