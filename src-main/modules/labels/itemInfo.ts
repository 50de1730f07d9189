import { eq } from 'drizzle-orm';
import type { ItemLabelInfo } from '../../../src-shared/contract/labels';
import type { ReadCtx } from '../../api/context';
import type { Handler } from '../../api/handlers';
import { fieldError } from '../../api/domainError';
import { loadItemRow } from '../catalog/items';
import { itemLabelInfo } from './schema';

/** An item's label facts; defaults (other, best before, nothing else) when none were saved. */
export function loadItemLabelInfo(ctx: ReadCtx, itemId: number): ItemLabelInfo {
  loadItemRow(ctx, itemId);
  const row = ctx.db.select().from(itemLabelInfo).where(eq(itemLabelInfo.itemId, itemId)).get();
  if (!row) return { itemId, labelKind: 'other', expiryWording: 'best_before', paoMonths: null, netContent: '', unitsPerCase: null, saved: false };
  const { updatedAt: _updatedAt, ...rest } = row;
  return { ...rest, saved: true };
}

export const saveItemLabelInfo: Handler<'labels.saveItemInfo'> = (ctx, input) => {
  loadItemRow(ctx, input.itemId);
  if (input.paoMonths !== null && input.labelKind !== 'cosmetic') {
    throw fieldError('The period after opening is for cosmetics only', [{ path: ['paoMonths'], key: 'pao_cosmetic_only', message: 'The period after opening is for cosmetics only' }]);
  }
  const values = { ...input, expiryWording: input.labelKind === 'food' ? input.expiryWording : ('best_before' as const), updatedAt: ctx.now().toISOString() };
  ctx.db.insert(itemLabelInfo).values(values).onConflictDoUpdate({ target: itemLabelInfo.itemId, set: values }).run();
  return loadItemLabelInfo(ctx, input.itemId);
};
